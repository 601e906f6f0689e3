// SequenceAllocator: hands out a sequence's values from ranges of CACHE values reserved in the store, as TiDB's
// sequence allocator (a restart skips what was reserved but unused). https://docs.pingcap.com/tidb/stable/sql-statement-create-sequence
import { mysqlError, ER_SEQUENCE_RUN_OUT } from '../../errors/index.js';
import type { KvEngine } from '../../storage/kv.js';
import { beginTransaction } from '../../storage/index.js';
import { WriteConflictError } from '../../storage/index.js';
import { CatalogKeys } from './catalog-keys.js';
import type { SequenceInfo } from './schema-model.js';
import { SerialQueue } from './serial-queue.js';

/** A sequence's options as numbers. */
export interface SequenceBounds {
  readonly start: bigint;
  readonly minValue: bigint;
  readonly maxValue: bigint;
  readonly increment: bigint;
  readonly cache: bigint;
  readonly isCycle: boolean;
}

export function sequenceBounds(info: SequenceInfo): SequenceBounds {
  return {
    start: BigInt(info.start),
    minValue: BigInt(info.minValue),
    maxValue: BigInt(info.maxValue),
    increment: BigInt(info.increment),
    cache: BigInt(info.cache),
    isCycle: info.isCycle,
  };
}

/** The values this server holds: `next`, `next + increment`, … (`remaining` of them). */
interface CachedRange {
  next: bigint;
  remaining: bigint;
}

/** What the store keeps per sequence: the first value no server has reserved, and how often it wrapped (CYCLE). */
interface StoredState {
  readonly base: bigint;
  readonly round: number;
}

/** Names a sequence in errors. */
export interface SequenceRef {
  readonly id: number;
  readonly database: string;
  readonly name: string;
  readonly bounds: SequenceBounds;
}

export class SequenceAllocator {
  private readonly ranges = new Map<number, CachedRange>();
  private readonly queue = new SerialQueue();

  constructor(private readonly engine: KvEngine) {}

  /** The next value; 4135 when a NOCYCLE sequence has none left. */
  async next(seq: SequenceRef): Promise<bigint> {
    const taken = this.take(seq);
    if (taken !== undefined) return taken;
    return this.queue.run(async () => {
      const again = this.take(seq);
      if (again !== undefined) return again;
      await this.update(seq, (state) => {
        const { increment } = seq.bounds;
        const cache = seq.bounds.cache > 0n ? seq.bounds.cache : 1n;
        let { base, round } = state;
        if (!inRange(base, seq.bounds)) {
          if (!seq.bounds.isCycle) throw mysqlError(ER_SEQUENCE_RUN_OUT, seq.database, seq.name);
          base = increment > 0n ? seq.bounds.minValue : seq.bounds.maxValue;
          round++;
        }
        const left = increment > 0n ? (seq.bounds.maxValue - base) / increment + 1n : (base - seq.bounds.minValue) / -increment + 1n;
        const count = left < cache ? left : cache;
        this.ranges.set(seq.id, { next: base, remaining: count });
        return { base: base + increment * count, round };
      });
      return this.take(seq)!;
    });
  }

  /**
   * SETVAL: makes `value` the last value handed out, so that the next one follows it; NULL (undefined here) when
   * `value` is not ahead of the values already handed out or reserved.
   */
  async set(seq: SequenceRef, value: bigint): Promise<bigint | undefined> {
    return this.queue.run(async () => {
      let isApplied = false;
      const cached = this.ranges.get(seq.id);
      await this.update(seq, (state) => {
        const frontier = cached && cached.remaining > 0n ? cached.next : state.base;
        const isAhead = seq.bounds.increment > 0n ? value >= frontier : value <= frontier;
        if (!isAhead) return state;
        isApplied = true;
        this.ranges.delete(seq.id);
        return { base: value + seq.bounds.increment, round: state.round };
      });
      return isApplied ? value : undefined;
    });
  }

  /** ALTER SEQUENCE … RESTART [WITH n]: the next value is `value`. */
  async restart(seq: SequenceRef, value: bigint): Promise<void> {
    await this.queue.run(async () => {
      this.ranges.delete(seq.id);
      await this.update(seq, () => ({ base: value, round: 0 }));
    });
  }

  /** Drops this server's reserved values (ALTER SEQUENCE changed the options). */
  forgetCache(tableId: number): void {
    this.ranges.delete(tableId);
  }

  /**
   * Drops every cached range: another process sharing the store ran DDL (ALTER SEQUENCE may have restarted one); the
   * next value of each sequence reserves a new range from what the store holds.
   */
  forgetAll(): void {
    this.ranges.clear();
  }

  /** A dropped sequence: its cache and stored state go. */
  async drop(tableId: number): Promise<void> {
    await this.queue.run(async () => {
      this.ranges.delete(tableId);
      const txn = await beginTransaction(this.engine);
      txn.delete(CatalogKeys.sequence(tableId));
      await txn.commit();
    });
  }

  private take(seq: SequenceRef): bigint | undefined {
    const range = this.ranges.get(seq.id);
    if (!range || range.remaining === 0n) return undefined;
    const value = range.next;
    range.next += seq.bounds.increment;
    range.remaining--;
    return value;
  }

  /** Reads, changes and writes the stored state in one transaction, again when another writer raced us. */
  private async update(seq: SequenceRef, change: (state: StoredState) => StoredState): Promise<void> {
    for (;;) {
      const txn = await beginTransaction(this.engine);
      try {
        const stored = await txn.get(CatalogKeys.sequence(seq.id));
        const parsed = stored ? (JSON.parse(Buffer.from(stored).toString()) as { base: string; round: number }) : undefined;
        const state = parsed ? { base: BigInt(parsed.base), round: parsed.round } : { base: seq.bounds.start, round: 0 };
        const next = change(state);
        txn.set(CatalogKeys.sequence(seq.id), Buffer.from(JSON.stringify({ base: next.base.toString(), round: next.round })));
        await txn.commit();
        return;
      } catch (error) {
        txn.rollback();
        if (!(error instanceof WriteConflictError)) throw error;
      }
    }
  }
}

function inRange(value: bigint, bounds: SequenceBounds): boolean {
  return value >= bounds.minValue && value <= bounds.maxValue;
}
