// RowLocker: how the SQL layer asks for row locks; the session decides what a lock means in its transaction mode.

/** `exclusive` for writes and SELECT … FOR UPDATE, `shared` for SELECT … FOR SHARE / LOCK IN SHARE MODE. */
export type LockMode = 'exclusive' | 'shared';

/**
 * Row locks live above the key-value store (as in TiDB, whose pessimistic locks are not part of its KV commit
 * protocol), so the SQL layer names the keys it is about to write or lock and the session's lock manager does the
 * rest: in a pessimistic transaction it waits for other holders (1205 on timeout, 1213 on deadlock); in an optimistic
 * one it only remembers the keys, which are checked at COMMIT.
 */
export interface RowLocker {
  lockKeys(keys: readonly Uint8Array[], mode: LockMode): Promise<void>;
  /**
   * Locks the rows a locking read (SELECT … FOR UPDATE / FOR SHARE) returns and says which it may return: all of
   * them, waiting as `lockKeys` does, unless the statement asked for SKIP LOCKED, when rows another transaction has
   * locked are skipped without waiting. Without it, `lockKeys` locks them all.
   */
  lockReadKeys?(keys: readonly Uint8Array[], mode: LockMode): Promise<readonly boolean[]>;
}
