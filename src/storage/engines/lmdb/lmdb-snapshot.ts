// LmdbSnapshot: a KvSnapshot backed by one LMDB read transaction.
import type { RangeOptions, Transaction } from 'lmdb';
import type { Bytes, KeyRange, KvPair, KvSnapshot, ScanOptions, VisitOptions } from '../../kv.js';
import { compareBytes, toHex } from '../../bytes.js';
import { resolveScanOptions } from '../scan-options.js';
import { asAsyncBatches } from '../async-batches.js';
import { rejectWith } from '../reject-with.js';
import type { LmdbByteStore, LmdbValueStores } from './lmdb-layout.js';


/**
 * Reads through one LMDB read transaction, so every read sees the same committed state. LMDB reads are synchronous
 * and fast (memory-mapped); the promises only satisfy the KvReader contract. `close()` tells the engine, which ends
 * the read transaction once no snapshot uses it.
 */
export class LmdbSnapshot implements KvSnapshot {
  private isClosed = false;

  constructor(
    private readonly store: LmdbByteStore,
    /** The same database read without keys, for value-only scans (ScanOptions.isValueOnly) and visitValues. */
    private readonly valueStores: LmdbValueStores,
    private readonly txn: Transaction,
    readonly version: bigint,
    private readonly maxKeyBytes: number,
    /** Called once by close(); the engine ends (or keeps sharing) the read transaction. */
    private readonly onClose: (snapshot: LmdbSnapshot) => void,
  ) {}

  get(key: Bytes): Promise<Bytes | undefined> {
    try {
      return Promise.resolve(this.read(key));
    } catch (error) {
      return rejectWith(error);
    }
  }

  batchGet(keys: readonly Bytes[]): Promise<Map<string, Bytes>> {
    try {
      const found = new Map<string, Bytes>();
      for (const key of keys) {
        const value = this.read(key);
        if (value !== undefined) found.set(toHex(key), value);
      }
      return Promise.resolve(found);
    } catch (error) {
      return rejectWith(error);
    }
  }

  scan(range: KeyRange, options?: ScanOptions): AsyncIterableIterator<KvPair[]> {
    this.assertOpen();
    return asAsyncBatches(this.scanBatches(range, options));
  }

  visitValues(range: KeyRange, options: VisitOptions, visit: (value: Bytes) => void): boolean {
    this.assertOpen();
    const reverse = options.reverse === true;
    if (range.end !== undefined && compareBytes(range.start, range.end) >= 0) return true;
    // lmdb-js calls the borrowed store's decoder, which returns its reused buffer, so no value is copied.
    for (const pair of this.valueStores.borrowed.getRange(lmdbRange(range, reverse, Infinity, this.txn))) visit(pair.value);
    return true;
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.onClose(this);
  }

  private read(key: Bytes): Buffer | undefined {
    this.assertOpen();
    // LMDB rejects empty and oversized keys; no such key can be stored, so the answer is "absent".
    if (key.byteLength === 0 || key.byteLength > this.maxKeyBytes) return undefined;
    return this.store.get(key, { transaction: this.txn });
  }

  private *scanBatches(range: KeyRange, options: ScanOptions | undefined): Generator<KvPair[], void, undefined> {
    const { reverse, limit, batchSize } = resolveScanOptions(options);
    const { start, end } = range;
    if (limit === 0 || (end !== undefined && compareBytes(start, end) >= 0)) return;
    const store = options?.isValueOnly === true ? this.valueStores.copied : this.store;
    const iterator = store.getRange(lmdbRange(range, reverse, limit, this.txn))[Symbol.iterator]();
    try {
      for (;;) {
        const batch: KvPair[] = [];
        let isDone = false;
        while (batch.length < batchSize) {
          const step = iterator.next();
          if (step.done === true) {
            isDone = true;
            break;
          }
          batch.push(step.value);
        }
        if (batch.length > 0) yield batch;
        if (isDone) return;
      }
    } finally {
      iterator.return?.();
    }
  }

  private assertOpen(): void {
    if (this.isClosed) throw new Error('the LMDB snapshot is closed');
  }
}

/**
 * Maps a half-open range onto lmdb-js range options. lmdb-js walks from `start` (inclusive) towards `end`
 * (exclusive) in either direction, so a reverse scan of `[start, end)` starts at `end` exclusively and ends at
 * `start` inclusively.
 */
function lmdbRange(range: KeyRange, reverse: boolean, limit: number, transaction: Transaction): RangeOptions {
  const options: RangeOptions = { transaction };
  const hasStart = range.start.byteLength > 0;
  if (reverse) {
    options.reverse = true;
    if (range.end !== undefined) {
      options.start = range.end;
      options.exclusiveStart = true;
    }
    if (hasStart) {
      options.end = range.start;
      options.inclusiveEnd = true;
    }
  } else {
    if (hasStart) options.start = range.start;
    if (range.end !== undefined) options.end = range.end;
  }
  if (Number.isFinite(limit)) options.limit = limit;
  return options;
}
