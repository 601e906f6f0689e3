// ServerEvents: changes one server process makes that every other process of the server must take in before its
// next statement (TiDB's schema syncer, generalised): DDL, accounts, SET GLOBAL, TLS reloads, FLUSH STATUS and the
// caching_sha2_password cache.
import type { FailedLoginChange } from '../../sql/accounts/index.js';
import type { SetValue } from '../variables/index.js';

/** A SET GLOBAL value as it crosses processes: DEFAULT (a symbol) travels as `{ isDefault: true }`. */
export type WireSetValue = Exclude<SetValue, symbol> | { readonly isDefault: true };

/** What changed. Every field is structured-cloneable (it crosses processes, later etcd). */
export type ServerEvent =
  /** A DDL committed: reload the catalog (and forget cached AUTO_INCREMENT ranges and plans with it). */
  | { readonly kind: 'schema-changed' }
  /** CREATE/ALTER/DROP USER, GRANT, REVOKE, SET PASSWORD, FLUSH PRIVILEGES: reload the grant tables. */
  | { readonly kind: 'accounts-changed' }
  /** SET GLOBAL name = value, already checked by the process that ran it. */
  | { readonly kind: 'global-variable-set'; readonly name: string; readonly value: WireSetValue }
  /** ALTER INSTANCE RELOAD TLS ran: reload the TLS files too. */
  | { readonly kind: 'tls-reload'; readonly noRollbackOnError: boolean }
  /** FLUSH STATUS: restart Uptime_since_flush_status. */
  | { readonly kind: 'status-flushed' }
  /**
   * A full caching_sha2_password login proved SHA256(SHA256(password)) for an account (against `authString`): cache
   * it, so that the account's next login takes the fast path whichever process serves it, as with one server.
   */
  | { readonly kind: 'sha2-password-cached'; readonly user: string; readonly host: string; readonly authString: string; readonly digest: Uint8Array }
  /** FAILED_LOGIN_ATTEMPTS: an account's count of failed logins (and its temporary lock) changed. */
  | ({ readonly kind: 'failed-logins' } & FailedLoginChange);

/** Takes in an event published by another process; the publisher waits until every listener has finished. */
export type ServerEventListener = (event: ServerEvent) => void | Promise<void>;

/**
 * The server's processes tell each other of changes. `publish` resolves once every other process has taken the
 * event in (its listeners finished), so a statement that publishes before it answers leaves no process that runs a
 * later statement on the old state, as TiDB's DDL owner waits for every server to load the new schema version.
 */
export interface ServerEvents {
  /** Tells every other process; the publishing process has already applied the change itself. */
  publish(event: ServerEvent): Promise<void>;
  /** Runs `listener` for events published by other processes; returns the unsubscribe function. */
  subscribe(listener: ServerEventListener): () => void;
}

/** One process: nobody else to tell. */
export class LocalServerEvents implements ServerEvents {
  publish(): Promise<void> {
    return Promise.resolve();
  }

  subscribe(): () => void {
    return () => undefined;
  }
}
