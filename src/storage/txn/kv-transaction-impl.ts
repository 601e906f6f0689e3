// KvTransactionImpl: a KvTransaction over any KvEngine: a snapshot plus a sorted private write buffer.
import type {
  Bytes,
  CommitResult,
  KeyRange,
  KvEngine,
  KvMutation,
  KvPair,
  KvSnapshot,
  KvTransaction,
  ScanOptions,
  VisitOptions,
} from '../kv.js';
import type { BufferedValue } from './merge-scan.js';
import { SortedBytesMap } from '../collections/sorted-bytes-map.js';
import { SortedBytesMapCursor } from '../collections/sorted-bytes-map-cursor.js';
import { compareBytes, toHex } from '../bytes.js';
import { resolveScanOptions } from '../engines/scan-options.js';
import { rejectWith } from '../engines/reject-with.js';
import { mergeScan } from './merge-scan.js';
import { checkTxnSize, txnTotalSizeLimit } from './txn-size-limit.js';

/** One undo step: the buffered state of `key` before a write (undefined: it was not buffered). */
interface UndoRecord {
  readonly key: Bytes;
  readonly previous: BufferedValue | undefined;
}

/**
 * Buffers writes in a copy-on-write sorted map (deletes as null) and reads the snapshot underneath. Point reads
 * skip the buffer while it is empty; scans with nothing buffered in their range go straight to the snapshot.
 * Savepoints are positions in an undo log that is kept only once a savepoint has been taken.
 *
 * Keys and values passed to `set` are kept by reference until commit: do not mutate them afterwards. A scan must
 * be finished before `commit()` or `rollback()`, which release the snapshot it reads from.
 */
export class KvTransactionImpl implements KvTransaction {
  private buffer: SortedBytesMap<BufferedValue> | undefined;
  private undoLog: UndoRecord[] = [];
  private isRecordingUndo = false;
  private readKeys: Bytes[] = [];
  private isFinished = false;
  /** The snapshot of the newest locking view; commits are checked against its version. */
  private lockingSnapshot: KvSnapshot | undefined;
  /** Bytes of keys and values written so far (overwrites count again, as in TiDB's membuffer), and their limit. */
  private bufferedBytes = 0;
  private readonly sizeLimit = txnTotalSizeLimit();

  constructor(
    private readonly engine: KvEngine,
    private readonly snapshot: KvSnapshot,
  ) {}

  get startVersion(): bigint {
    return this.snapshot.version;
  }

  get isDirty(): boolean {
    return this.buffer !== undefined && this.buffer.size > 0;
  }

  get(key: Bytes): Promise<Bytes | undefined> {
    return this.getAt(this.snapshot, key);
  }

  batchGet(keys: readonly Bytes[]): Promise<Map<string, Bytes>> {
    return this.batchGetAt(this.snapshot, keys);
  }

  scan(range: KeyRange, options?: ScanOptions): AsyncIterableIterator<KvPair[]> {
    return this.scanAt(this.snapshot, range, options);
  }

  async lockingView(): Promise<KvTransaction> {
    this.assertActive();
    const latest = await this.engine.snapshot();
    if (latest.version === this.snapshot.version) {
      latest.close();
      return this;
    }
    // The view's snapshot stays open until the transaction ends: it holds the oracle's pruning floor at the version
    // the commit is checked against.
    this.lockingSnapshot?.close();
    this.lockingSnapshot = latest;
    return new LockingView(this, latest);
  }

  /** @internal Reads of `get` against `snapshot` (the transaction's own or a locking view's). */
  getAt(snapshot: KvSnapshot, key: Bytes): Promise<Bytes | undefined> {
    if (this.isFinished) return rejectWith(finishedError());
    const buffer = this.buffer;
    if (buffer !== undefined && buffer.size > 0) {
      const buffered = buffer.get(key);
      if (buffered !== undefined) return Promise.resolve(buffered ?? undefined);
    }
    return snapshot.get(key);
  }

  /** @internal */
  async batchGetAt(snapshot: KvSnapshot, keys: readonly Bytes[]): Promise<Map<string, Bytes>> {
    this.assertActive();
    const buffer = this.buffer;
    if (buffer === undefined || buffer.size === 0) return snapshot.batchGet(keys);
    const found = new Map<string, Bytes>();
    const unbuffered: Bytes[] = [];
    for (const key of keys) {
      const buffered = buffer.get(key);
      if (buffered === undefined) unbuffered.push(key);
      else if (buffered !== null) found.set(toHex(key), buffered);
    }
    if (unbuffered.length > 0) {
      for (const [hex, value] of await snapshot.batchGet(unbuffered)) found.set(hex, value);
    }
    return found;
  }

  /** @internal */
  scanAt(snapshot: KvSnapshot, range: KeyRange, options?: ScanOptions): AsyncIterableIterator<KvPair[]> {
    this.assertActive();
    const buffer = this.buffer;
    if (buffer === undefined || buffer.size === 0 || !hasKeyInRange(buffer, range)) {
      return snapshot.scan(range, options);
    }
    return mergeScan(buffer.fork(), snapshot, range, resolveScanOptions(options));
  }

  visitValues(range: KeyRange, options: VisitOptions, visit: (value: Bytes) => void): boolean {
    return this.visitValuesAt(this.snapshot, range, options, visit);
  }

  /** @internal */
  visitValuesAt(snapshot: KvSnapshot, range: KeyRange, options: VisitOptions, visit: (value: Bytes) => void): boolean {
    this.assertActive();
    const buffer = this.buffer;
    // Own writes in the range need the merge of a scan.
    if (buffer !== undefined && buffer.size > 0 && hasKeyInRange(buffer, range)) return false;
    return snapshot.visitValues?.(range, options, visit) ?? false;
  }

  set(key: Bytes, value: Bytes): void {
    this.write(key, value);
  }

  delete(key: Bytes): void {
    this.write(key, null);
  }

  trackRead(key: Bytes): void {
    this.assertActive();
    this.readKeys.push(key);
  }

  savepoint(): number {
    this.assertActive();
    this.isRecordingUndo = true;
    return this.undoLog.length;
  }

  rollbackTo(savepoint: number): void {
    this.assertActive();
    if (!Number.isInteger(savepoint) || savepoint < 0 || savepoint > this.undoLog.length) {
      throw new RangeError(`unknown savepoint ${savepoint}`);
    }
    const buffer = this.buffer;
    while (this.undoLog.length > savepoint) {
      const { key, previous } = this.undoLog.pop()!;
      if (previous === undefined) buffer?.delete(key);
      else buffer?.set(key, previous);
    }
  }

  async commit(onVisible?: () => void): Promise<CommitResult | undefined> {
    this.assertActive();
    this.isFinished = true;
    try {
      const buffer = this.buffer;
      if (buffer === undefined || buffer.size === 0) return undefined;
      return await this.engine.commit({
        startVersion: this.lockingSnapshot?.version ?? this.snapshot.version,
        mutations: collectMutations(buffer),
        readKeys: this.readKeys,
        ...(onVisible && { onVisible }),
      });
    } finally {
      this.release();
    }
  }

  rollback(): void {
    if (this.isFinished) return;
    this.isFinished = true;
    this.release();
  }

  private write(key: Bytes, value: BufferedValue): void {
    this.assertActive();
    if (key.byteLength === 0) throw new RangeError('storage keys must not be empty');
    const size = this.bufferedBytes + key.byteLength + (value?.byteLength ?? 0);
    checkTxnSize(size, this.sizeLimit);
    this.bufferedBytes = size;
    const buffer = (this.buffer ??= new SortedBytesMap<BufferedValue>());
    if (this.isRecordingUndo) this.undoLog.push({ key, previous: buffer.get(key) });
    buffer.set(key, value);
  }

  private release(): void {
    this.snapshot.close();
    this.lockingSnapshot?.close();
    this.lockingSnapshot = undefined;
    this.buffer = undefined;
    this.undoLog = [];
    this.readKeys = [];
  }

  private assertActive(): void {
    if (this.isFinished) throw finishedError();
  }
}

function finishedError(): Error {
  return new Error('the transaction has already been committed or rolled back');
}

/** True when `buffer` holds a key within `range`. */
function hasKeyInRange(buffer: SortedBytesMap<BufferedValue>, range: KeyRange): boolean {
  const cursor = new SortedBytesMapCursor(buffer).seekGE(range.start);
  return cursor.isValid && (range.end === undefined || compareBytes(cursor.key, range.end) < 0);
}

/** The buffer's writes in key order (LMDB writes sorted keys fastest). */
function collectMutations(buffer: SortedBytesMap<BufferedValue>): KvMutation[] {
  const mutations: KvMutation[] = new Array<KvMutation>(buffer.size);
  let i = 0;
  for (const cursor = new SortedBytesMapCursor(buffer).seekGE(undefined); cursor.isValid; cursor.next()) {
    mutations[i++] = { key: cursor.key, value: cursor.value ?? undefined };
  }
  return mutations;
}

/** A transaction's reads at a newer snapshot, writes into the transaction (see KvTransaction.lockingView). */
class LockingView implements KvTransaction {
  constructor(
    private readonly txn: KvTransactionImpl,
    private readonly snapshot: KvSnapshot,
  ) {}

  get startVersion(): bigint {
    return this.txn.startVersion;
  }

  get isDirty(): boolean {
    return this.txn.isDirty;
  }

  get(key: Bytes): Promise<Bytes | undefined> {
    return this.txn.getAt(this.snapshot, key);
  }

  batchGet(keys: readonly Bytes[]): Promise<Map<string, Bytes>> {
    return this.txn.batchGetAt(this.snapshot, keys);
  }

  scan(range: KeyRange, options?: ScanOptions): AsyncIterableIterator<KvPair[]> {
    return this.txn.scanAt(this.snapshot, range, options);
  }

  visitValues(range: KeyRange, options: VisitOptions, visit: (value: Bytes) => void): boolean {
    return this.txn.visitValuesAt(this.snapshot, range, options, visit);
  }

  set(key: Bytes, value: Bytes): void {
    this.txn.set(key, value);
  }

  delete(key: Bytes): void {
    this.txn.delete(key);
  }

  trackRead(key: Bytes): void {
    this.txn.trackRead(key);
  }

  savepoint(): number {
    return this.txn.savepoint();
  }

  rollbackTo(savepoint: number): void {
    this.txn.rollbackTo(savepoint);
  }

  lockingView(): Promise<KvTransaction> {
    return this.txn.lockingView();
  }

  commit(onVisible?: () => void): Promise<CommitResult | undefined> {
    return this.txn.commit(onVisible);
  }

  rollback(): void {
    this.txn.rollback();
  }
}
