// UserLocks: the user-level locks of GET_LOCK() and its family, as one session sees them.
// https://dev.mysql.com/doc/refman/8.0/en/locking-functions.html

/** How a GET_LOCK() wait ended. */
export type UserLockOutcome = 'acquired' | 'timed-out' | 'interrupted';

/**
 * A session's view of the server's named locks. Locks are exclusive, re-entrant (a session may take a name several
 * times and must release it as often), held across transactions and released when the session ends. Names are
 * compared case-insensitively. Every call is asynchronous: the lock service may live in another process.
 */
export interface UserLocks {
  /**
   * GET_LOCK: takes `name`, waiting at most `timeoutMs` (undefined: for ever). Rejects with 3058 when waiting would
   * close a cycle of sessions waiting for each other's locks; 'interrupted' when `signal` aborts the wait (KILL).
   */
  acquire(name: string, timeoutMs: number | undefined, signal: AbortSignal | undefined): Promise<UserLockOutcome>;
  /** RELEASE_LOCK: 'released', 'not-owner' (another session holds it) or 'free' (nobody does). */
  release(name: string): Promise<'released' | 'not-owner' | 'free'>;
  /** RELEASE_ALL_LOCKS: releases every lock this session holds; the number of holds released (re-entries count). */
  releaseAll(): Promise<number>;
  /** IS_USED_LOCK: the connection id holding `name`, or undefined when it is free. */
  holderOf(name: string): Promise<number | undefined>;
}
