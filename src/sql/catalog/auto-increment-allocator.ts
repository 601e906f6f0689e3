// AutoIncrementAllocator: the contract of whatever hands out a table's AUTO_INCREMENT values.

/**
 * Hands out AUTO_INCREMENT values per table id: unique and increasing within a server (gaps allowed, as MySQL's
 * innodb_autoinc_lock_mode=2). The server's allocator persists reserved ranges; a session's temporary tables count in
 * memory (sql/temporary).
 */
export interface AutoIncrementAllocator {
  /** The next value for `tableId`. */
  next(tableId: number): Promise<bigint>;
  /** Makes later values exceed `used`, after a row was written with an explicit value. */
  rebase(tableId: number, used: bigint): Promise<void>;
  /** Starts a table's values again from 1 (TRUNCATE TABLE). */
  reset(tableId: number): Promise<void>;
  /** Forgets a dropped table's range. */
  forget(tableId: number): void;
}
