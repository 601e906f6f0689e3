// FailedLogins: MySQL 8's FAILED_LOGIN_ATTEMPTS / PASSWORD_LOCK_TIME tracking, in memory as in MySQL.
import { LOCK_TIME_UNBOUNDED } from './account.js';
import type { Account } from './account.js';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Entry {
  failures: number;
  /** When the temporary lock ends (ms since the epoch); Infinity for UNBOUNDED; undefined while not locked. */
  lockedUntil: number | undefined;
}

/** Why a login is blocked: the lock time in days (or 'unlimited') and the whole days that remain. */
export interface LoginBlock {
  readonly lockDays: string;
  readonly remainingDays: string;
  readonly failures: number;
}

/** One account's count as it crosses to the server's other processes (max-procs > 1); 0 failures = reset. */
export interface FailedLoginChange {
  readonly user: string;
  readonly host: string;
  readonly failures: number;
  readonly lockedUntil: number | undefined;
}

const key = (account: { readonly user: string; readonly host: string }): string => `${account.user}\u0000${account.host}`;

/** Consecutive failed logins per account, for accounts that have both options set (MySQL tracks only those). */
export class FailedLogins {
  private readonly entries = new Map<string, Entry>();
  private share: ((change: FailedLoginChange) => Promise<void>) | undefined;
  private shared: Promise<void> = Promise.resolve();

  constructor(private readonly now: () => number = Date.now) {}

  /** With several processes: hands every change to `share`, so that the count is the whole server's. */
  shareWith(share: (change: FailedLoginChange) => Promise<void>): void {
    this.share = share;
  }

  /** Resolves once the server's other processes hold every change made here so far (a login answers after it). */
  settled(): Promise<void> {
    return this.shared;
  }

  /** A change another process of the server made. */
  take(change: FailedLoginChange): void {
    if (change.failures === 0) this.entries.delete(key(change));
    else this.entries.set(key(change), { failures: change.failures, lockedUntil: change.lockedUntil });
  }

  private publish(account: { readonly user: string; readonly host: string }, entry: Entry | undefined): void {
    const share = this.share;
    if (share === undefined) return;
    // Infinity (UNBOUNDED) as a far-off time: it survives JSON (etcd), where Infinity would become null.
    const lockedUntil = entry?.lockedUntil === Infinity ? Number.MAX_SAFE_INTEGER : entry?.lockedUntil;
    const change: FailedLoginChange = { user: account.user, host: account.host, failures: entry?.failures ?? 0, lockedUntil };
    // A process that misses a change counts from what it has: not worth failing the login over.
    this.shared = this.shared.then(() => share(change)).catch(() => undefined);
  }

  private isTracked(account: Account): boolean {
    return account.failedLoginAttempts > 0 && account.passwordLockTime !== 0;
  }

  /** The block in force for `account`, if any (checked before its password is). */
  blockOf(account: Account): LoginBlock | undefined {
    const entry = this.entries.get(key(account));
    if (!this.isTracked(account) || entry?.lockedUntil === undefined) return undefined;
    if (entry.lockedUntil <= this.now()) {
      this.entries.delete(key(account));
      return undefined;
    }
    if (account.passwordLockTime === LOCK_TIME_UNBOUNDED) return { lockDays: 'unlimited', remainingDays: 'unlimited', failures: entry.failures };
    const remaining = Math.ceil((entry.lockedUntil - this.now()) / DAY_MS);
    return { lockDays: String(account.passwordLockTime), remainingDays: String(remaining), failures: entry.failures };
  }

  /** Counts a wrong password; returns the block when this failure starts one. */
  recordFailure(account: Account): LoginBlock | undefined {
    if (!this.isTracked(account)) return undefined;
    const entry = this.entries.get(key(account)) ?? { failures: 0, lockedUntil: undefined };
    entry.failures++;
    this.entries.set(key(account), entry);
    if (entry.failures >= account.failedLoginAttempts) {
      entry.lockedUntil = account.passwordLockTime === LOCK_TIME_UNBOUNDED ? Infinity : this.now() + account.passwordLockTime * DAY_MS;
    }
    this.publish(account, entry);
    return entry.lockedUntil === undefined ? undefined : this.blockOf(account);
  }

  /** A successful login, ALTER USER … ACCOUNT UNLOCK or new lockout options start the count again. */
  reset(account: { readonly user: string; readonly host: string }): void {
    if (this.entries.delete(key(account))) this.publish(account, undefined);
  }
}
