// RowLockManager: the row locks of pessimistic transactions, kept above the key-value store behind this interface.
//
// TiDB keeps pessimistic locks in TiKV; InnoDB in its lock system. Either way a lock names a key, has an owner (one
// transaction) and a mode, and a request either gets it, waits for it, or fails with MySQL's lock errors. Keeping
// this interface apart from storage/kv.ts lets a distributed lock service replace the in-process one later without
// touching the KV contract.
import type { LockMode } from '../../sql/index.js';

/** The transaction a lock belongs to. */
export type LockOwnerId = number;

/** How long a request may wait, and for which statement (see `beginStatement`). */
export interface LockRequest {
  readonly owner: LockOwnerId;
  readonly keys: readonly Uint8Array[];
  readonly mode: LockMode;
  /** Milliseconds to wait for each key before failing with 1205; 0 means NOWAIT (3572). */
  readonly timeoutMs: number;
  /** The token of the statement asking (from `beginStatement`). */
  readonly statement: number;
  /**
   * Ends a wait early (KILL QUERY / KILL CONNECTION): when it is aborted, or already aborted when a key would have to
   * be waited for, the request stops waiting and rejects with `signal.reason`. Keys granted before stay held.
   */
  readonly signal?: AbortSignal;
}

/** What a granted request tells its statement. */
export interface LockGrant {
  /**
   * True when one of the keys was released by another transaction after the statement began: the statement may
   * have read a value that is no longer current and must run again on a newer snapshot.
   */
  readonly isStale: boolean;
}

/** How a lock wait ended: granted, timed out (1205), ended by KILL, or by the owner's transaction going away. */
export type LockWaitResult = 'granted' | 'timeout' | 'killed' | 'aborted';

/** Told how lock requests fare, for the status port's metrics; calls must be cheap and must not throw. */
export interface LockObserver {
  /** A request that had to wait stopped waiting, after `waitedMs`. */
  waitEnded(result: LockWaitResult, waitedMs: number): void;
  /** A request would have closed a wait-for cycle and failed with 1213. */
  deadlockDetected(): void;
}

export interface RowLockManager {
  /** A fresh owner id for a transaction. */
  newOwner(): LockOwnerId;
  /**
   * Marks the start of a statement that reads before it locks; call before taking the statement's snapshot. Pair
   * with `endStatement`. Synchronous and local in every implementation (a worker process reads the shared clock).
   */
  beginStatement(): number;
  endStatement(statement: number): void;
  /**
   * Locks `keys` in order, waiting as needed. Rejects with 1213 when waiting would close a cycle (the requester is
   * the victim), 1205 when a wait exceeds the timeout, 3572 for NOWAIT, `signal.reason` when the request's signal is
   * aborted while it waits. Keys already granted stay held.
   */
  acquire(request: LockRequest): Promise<LockGrant>;
  /**
   * SKIP LOCKED: locks, in `request.mode`, each of `request.keys` that no other owner's lock conflicts with right now,
   * and skips the others without waiting (`timeoutMs` and `signal` are not used). `locked[i]` tells whether key i
   * was locked; `isStale` is as for `acquire`, over the keys locked.
   */
  acquireAvailable(request: LockRequest): Promise<{ readonly locked: readonly boolean[]; readonly isStale: boolean }>;
  /**
   * Locks all of `keys` exclusively at once if none is held by another owner and returns undefined; otherwise locks
   * nothing and returns a key that is held (an optimistic commit then fails with a write conflict).
   */
  tryAcquireAll(owner: LockOwnerId, keys: readonly Uint8Array[]): Promise<Uint8Array | undefined>;
  /** Releases everything `owner` holds and cancels its pending wait, if any. */
  releaseAll(owner: LockOwnerId): void;
  /** How many owners wait right now (for status and tests). */
  readonly waitingCount: number;
}
