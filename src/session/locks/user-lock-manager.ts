// UserLockManager: the server's named user-level locks (GET_LOCK and its family), behind an interface so that a
// lock service shared by several worker processes or nodes can replace the in-process one.
import type { UserLockOutcome } from '../../sql/index.js';

/** The connection that holds or waits for a lock (IS_USED_LOCK shows it). */
export type UserLockOwner = number;

/**
 * Named, exclusive, re-entrant locks owned by connections. Names arrive already normalised (lower case). Every
 * method is asynchronous because an implementation may answer from another process.
 */
export interface UserLockManager {
  /**
   * Takes `name` for `owner` (once more if it holds it already), waiting at most `timeoutMs` (undefined: for ever).
   * Rejects with 3058 when the wait would close a cycle of owners waiting for each other; resolves 'interrupted'
   * when `signal` aborts the wait.
   */
  acquire(owner: UserLockOwner, name: string, timeoutMs: number | undefined, signal: AbortSignal | undefined): Promise<UserLockOutcome>;
  /** Releases one hold of `name` by `owner`: 'released', 'not-owner' or 'free'. */
  release(owner: UserLockOwner, name: string): Promise<'released' | 'not-owner' | 'free'>;
  /** Releases every hold of `owner` (its session ended, or RELEASE_ALL_LOCKS); the number of holds released. */
  releaseAll(owner: UserLockOwner): Promise<number>;
  /** The owner holding `name`, or undefined. */
  holderOf(name: string): Promise<UserLockOwner | undefined>;
}
