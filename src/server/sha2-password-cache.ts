// The caching_sha2_password fast-authentication cache: SHA256(SHA256(password)) per account after a full login.
import type { Account } from '../sql/accounts/index.js';

interface Entry {
  /** The authentication_string the digest was proven against: a changed password makes the entry stale. */
  readonly authString: string;
  readonly digest: Buffer;
}

/** In memory only, as MySQL's: a restart (or a password change) sends every client through full authentication once. */
export class Sha2PasswordCache {
  private readonly entries = new Map<string, Entry>();

  get(account: Account): Buffer | undefined {
    const entry = this.entries.get(key(account));
    return entry !== undefined && entry.authString === account.authString ? entry.digest : undefined;
  }

  set(account: Account, digest: Buffer): void {
    this.entries.set(key(account), { authString: account.authString, digest });
  }
}

const key = (account: Account): string => `${account.user}\u0000${account.host}`;
