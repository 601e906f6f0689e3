// StoredAutoIncrementAllocator: hands out AUTO_INCREMENT values from cached ranges persisted ahead, as TiDB's allocator.
import type { KvEngine } from '../../storage/kv.js';
import { beginTransaction } from '../../storage/index.js';
import { WriteConflictError } from '../../storage/index.js';
import { CatalogKeys } from './catalog-keys.js';
import { SerialQueue } from './serial-queue.js';
import type { AutoIncrementAllocator } from './auto-increment-allocator.js';

/** How many values one persisted step reserves; a restart skips what was reserved but unused, as TiDB does. */
const RESERVE_STEP = 1000n;

interface TableRange {
  next: bigint;
  /** Values below this bound are reserved in the store for this process. */
  limit: bigint;
}

/**
 * Allocates auto-increment values per table. Values are unique and increasing within a process; after a restart they
 * continue above everything reserved before, so gaps can appear (MySQL's innodb_autoinc_lock_mode=2 allows them too).
 * Several worker processes each reserve their own ranges through conflict-checked commits, as every tidb-server
 * caches its own batch: values are unique server-wide but interleave across workers (increasing per connection).
 */
export class StoredAutoIncrementAllocator implements AutoIncrementAllocator {
  private readonly ranges = new Map<number, TableRange>();
  private readonly queue = new SerialQueue();

  constructor(private readonly engine: KvEngine) {}

  /** Returns the next value for `tableId`. */
  async next(tableId: number): Promise<bigint> {
    const range = this.ranges.get(tableId);
    if (range && range.next < range.limit) return range.next++;
    return this.queue.run(async () => {
      const current = this.ranges.get(tableId);
      if (current && current.next < current.limit) return current.next++;
      const reserved = await this.reserve(tableId, current?.next ?? 1n, RESERVE_STEP);
      reserved.next++;
      return reserved.next - 1n;
    });
  }

  /**
   * Makes later values exceed `used`, after a row was written with an explicit value (MySQL moves the counter past
   * explicitly inserted values).
   */
  async rebase(tableId: number, used: bigint): Promise<void> {
    const range = this.ranges.get(tableId);
    if (range && used < range.next) return;
    if (range && used < range.limit) {
      range.next = used + 1n;
      return;
    }
    await this.queue.run(async () => {
      await this.reserve(tableId, used + 1n, RESERVE_STEP);
    });
  }

  /** Starts a table's values again from 1 (TRUNCATE TABLE). */
  async reset(tableId: number): Promise<void> {
    await this.queue.run(async () => {
      this.ranges.delete(tableId);
      const txn = await beginTransaction(this.engine);
      txn.delete(CatalogKeys.autoIncrement(tableId));
      await txn.commit();
    });
  }

  /**
   * Forgets every cached range (another process ran DDL: TRUNCATE or ALTER TABLE … AUTO_INCREMENT may have moved a
   * table's counter); the next value of each table reserves a new range past what the store holds.
   */
  forgetAll(): void {
    this.ranges.clear();
  }

  /** Forgets a dropped table's range. */
  forget(tableId: number): void {
    this.ranges.delete(tableId);
  }

  /** Reserves `[max(from, persisted), +step)` in the store, retrying when another writer raced us. */
  private async reserve(tableId: number, from: bigint, step: bigint): Promise<TableRange> {
    for (;;) {
      const txn = await beginTransaction(this.engine);
      try {
        const stored = await txn.get(CatalogKeys.autoIncrement(tableId));
        const persisted = stored ? BigInt(Buffer.from(stored).toString()) : 1n;
        const start = persisted > from ? persisted : from;
        const limit = start + step;
        txn.set(CatalogKeys.autoIncrement(tableId), Buffer.from(limit.toString()));
        await txn.commit();
        const range = { next: start, limit };
        this.ranges.set(tableId, range);
        return range;
      } catch (error) {
        txn.rollback();
        if (!(error instanceof WriteConflictError)) throw error;
      }
    }
  }
}
