// The caching_sha2_password fast-authentication cache: SHA256(SHA256(password)) per account after a full login.
import type { Account } from '../sql/accounts/index.js';

interface Entry {
  /** The authentication_string the digest was proven against: a changed password makes the entry stale. */
  readonly authString: string;
  readonly digest: Buffer;
}

/** One cached digest as it crosses to the server's other processes. */
export interface SharedSha2Entry {
  readonly user: string;
  readonly host: string;
  readonly authString: string;
  readonly digest: Uint8Array;
}

/**
 * In memory only, as MySQL's: a restart (or a password change) sends every client through full authentication once.
 * With several processes, `share` hands each new entry to the others, so the cache is the whole server's.
 */
export class Sha2PasswordCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly share?: (entry: SharedSha2Entry) => Promise<void>) {}

  get(account: Account): Buffer | undefined {
    const entry = this.entries.get(key(account.user, account.host));
    return entry !== undefined && entry.authString === account.authString ? entry.digest : undefined;
  }

  /** Caches a digest a full login proved, here and (before the login answers) in the server's other processes. */
  async set(account: Account, digest: Buffer): Promise<void> {
    this.entries.set(key(account.user, account.host), { authString: account.authString, digest });
    // A process that misses the entry sends that account through full authentication once more: not worth failing
    // a login that has succeeded.
    await this.share?.({ user: account.user, host: account.host, authString: account.authString, digest }).catch(() => undefined);
  }

  /** An entry another process of the server cached. */
  take(entry: SharedSha2Entry): void {
    this.entries.set(key(entry.user, entry.host), { authString: entry.authString, digest: Buffer.from(entry.digest) });
  }
}

const key = (user: string, host: string): string => `${user}\u0000${host}`;
