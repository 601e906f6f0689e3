// Account: one row of mysql.user as the server uses it (login, privilege checks, SHOW CREATE USER).
import type { ResourceLimits, TlsRequirement } from '../ast/index.js';
import type { PrivilegeSet } from './privileges.js';

/** The authentication plugin of new accounts, as in MySQL 8. */
export const DEFAULT_AUTH_PLUGIN = 'caching_sha2_password';

/** PASSWORD_LOCK_TIME UNBOUNDED, as stored in mysql.user.password_lock_time. */
export const LOCK_TIME_UNBOUNDED = -1;

export interface Account {
  readonly user: string;
  readonly host: string;
  readonly plugin: string;
  /** What the plugin stores: '*HEX' (mysql_native_password), '$A$005$…' (caching_sha2_password), '' for no password. */
  readonly authString: string;
  readonly tls: TlsRequirement;
  readonly isLocked: boolean;
  readonly failedLoginAttempts: number;
  /** Days an account stays locked after too many failed logins; LOCK_TIME_UNBOUNDED for ever. */
  readonly passwordLockTime: number;
  /** Global privileges (mysql.user's *_priv columns). */
  readonly privileges: PrivilegeSet;
  /** WITH MAX_QUERIES_PER_HOUR … (mysql.user's max_questions, max_updates, max_connections, max_user_connections). */
  readonly limits: ResourceLimits;
}

/** An account without resource limits. */
export const NO_RESOURCE_LIMITS: ResourceLimits = { maxQuestions: 0, maxUpdates: 0, maxConnections: 0, maxUserConnections: 0 };

/** `'user'@'host'` as MySQL quotes an account in messages and SHOW output. */
export function accountName(account: { readonly user: string; readonly host: string }): string {
  return `'${account.user}'@'${account.host}'`;
}

/** `user@host` as CURRENT_USER() returns it. */
export function accountKey(account: { readonly user: string; readonly host: string }): string {
  return `${account.user}@${account.host}`;
}

/**
 * Hashes passwords for the plugins the server speaks. The SQL layer stores what it returns but never computes it:
 * the algorithms belong to the protocol layer, which the server wires in.
 */
export interface AuthStringFactory {
  /** True for a plugin CREATE USER … IDENTIFIED WITH may name. */
  isSupported(plugin: string): boolean;
  /** The authentication_string for `password` ('' for the empty password). */
  hash(plugin: string, password: string): string;
  /** True when `authString` is well-formed for `plugin` (IDENTIFIED WITH … AS '…'). */
  isValid(plugin: string, authString: string): boolean;
}
