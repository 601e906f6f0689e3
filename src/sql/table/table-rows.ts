// TableRows: reads and writes a table's rows and keeps its index entries in step, over one KV transaction.
import { mysqlError, ER_DUP_ENTRY } from '../../errors/index.js';
import type { KeyRange, KvPair, KvTransaction } from '../../storage/kv.js';
import {
  decodeIndexKeyHandle,
  decodeRow,
  decodeRowKey,
  encodeIndexKey,
  encodeRow,
  encodeRowKey,
  indexValuesRange,
  tableIndexRange,
  tableRecordRange,
} from '../../storage/index.js';
import type { Datum } from '../../storage/index.js';
import type { ColumnInfo, IndexInfo, TableInfo } from '../catalog/index.js';
import { TypeKind, coerceToColumn, defaultLiteralValue, isTemporalType, toText } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { TimestampStorage } from '../timezone/timestamp-storage.js';
import type { TimeZone } from '../timezone/time-zone.js';
import { datumToValue, indexDatum, valueToDatum } from './row-datums.js';
import type { LockMode, RowLocker } from './row-locker.js';

/** A stored row with its handle (the integer row id keys are built from). */
export interface HandleRow {
  readonly handle: bigint;
  readonly row: Row;
}

/** Which handles a scan reads: `[low, high]` (bounds optional), in handle order or reversed, at most `limit` rows. */
export interface ScanBounds {
  readonly low?: bigint;
  readonly high?: bigint;
  readonly reverse?: boolean;
  readonly limit?: number;
}

const EMPTY = Buffer.alloc(0);
const SCAN_BATCH = 512;

/**
 * Row and index access for one table within one transaction. Row keys are `t{id}_r{handle}`; each index entry is
 * `t{id}_i{indexId}{values}` (→ handle for unique indexes without NULLs) or `…{values}{handle}` (→ empty) otherwise.
 */
export class TableRows {
  private readonly tableId: bigint;
  private readonly columnIds: number[];
  private readonly secondaryIndexes: readonly IndexInfo[];
  /** Per column: a stored number, bigint or string is the value itself (no temporal, DECIMAL or TIME conversion). */
  private readonly isPlainColumn: boolean[];

  /** TIMESTAMP conversions between the session's zone and the stored form; undefined when there are none. */
  private readonly timestamps: TimestampStorage | undefined;

  /**
   * `locker` is told every row and unique-index key before it is written; DDL that rewrites a table passes none.
   * `zone` is the session's time zone, which TIMESTAMP values are read and written in (DDL copying rows passes none).
   */
  constructor(
    private readonly txn: KvTransaction,
    readonly table: TableInfo,
    private readonly locker: RowLocker | undefined,
    zone: TimeZone | undefined,
  ) {
    this.timestamps = TimestampStorage.of(table, zone);
    this.tableId = BigInt(table.id);
    this.columnIds = table.columns.map((column) => column.id);
    this.secondaryIndexes = table.indexes.filter((index) => !(index.isPrimary && table.handleColumnOffset !== undefined));
    this.isPlainColumn = table.columns.map(({ type }) => !isTemporalType(type) && type.kind !== TypeKind.Time && type.kind !== TypeKind.Decimal);
  }

  /** The row stored under `handle`, or undefined. */
  async get(handle: bigint): Promise<Row | undefined> {
    const bytes = await this.txn.get(encodeRowKey(this.tableId, handle));
    return bytes ? this.decode(bytes) : undefined;
  }

  /** The rows of several handles (absent ones skipped), in the order given. */
  async getMany(handles: readonly bigint[]): Promise<HandleRow[]> {
    const keys = handles.map((handle) => encodeRowKey(this.tableId, handle));
    const found = await this.txn.batchGet(keys);
    const rows: HandleRow[] = [];
    for (let i = 0; i < keys.length; i++) {
      const bytes = found.get(Buffer.from(keys[i]!).toString('hex'));
      if (bytes) rows.push({ handle: handles[i]!, row: this.decode(bytes) });
    }
    return rows;
  }

  /** All rows with handles in `[low, high]` (bounds optional), in handle order, in batches. */
  async *scan(options: ScanBounds = {}): AsyncGenerator<HandleRow[]> {
    for await (const pairs of this.scanPairs(options)) {
      const batch: HandleRow[] = new Array<HandleRow>(pairs.length);
      for (let i = 0; i < pairs.length; i++) {
        const pair = pairs[i]!;
        batch[i] = { handle: decodeRowKey(pair.key).handle, row: this.decode(pair.value) };
      }
      yield batch;
    }
  }

  /**
   * As `scan`, the rows alone: a plain read needs no handles, so no key is decoded (sysbench's range reads). With
   * `columns` (offsets in table order) only those columns are decoded; the others read NULL.
   */
  async *scanRows(options: ScanBounds = {}, columns?: readonly number[]): AsyncGenerator<Row[]> {
    const ids = columns?.map((offset) => this.columnIds[offset]!);
    for await (const pairs of this.scanPairs(options, true)) {
      const batch: Row[] = new Array<Row>(pairs.length);
      for (let i = 0; i < pairs.length; i++) batch[i] = columns && ids ? this.decodeSome(pairs[i]!.value, columns, ids) : this.decode(pairs[i]!.value);
      yield batch;
    }
  }

  /**
   * As `scanRows` in one step, for a range known to be short: every row of `[low, high]` read synchronously where the
   * transaction can (KvReader.visitValues: each value decoded straight from the engine's buffer, no batches, copies
   * or promises); undefined where it cannot, and the caller scans.
   */
  readRange(options: ScanBounds & { readonly low: bigint; readonly high: bigint }, columns?: readonly number[]): Row[] | undefined {
    if (!this.txn.visitValues) return undefined;
    const ids = columns?.map((offset) => this.columnIds[offset]!);
    const rows: Row[] = [];
    const visit = columns && ids ? (value: Uint8Array) => void rows.push(this.decodeSome(value, columns, ids)) : (value: Uint8Array) => void rows.push(this.decode(value));
    const isRead = this.txn.visitValues(this.recordRange(options), { reverse: options.reverse ?? false }, visit);
    return isRead ? rows : undefined;
  }

  private scanPairs(options: ScanBounds, isValueOnly = false): AsyncIterable<KvPair[]> {
    const scanOptions = { reverse: options.reverse ?? false, batchSize: SCAN_BATCH, isValueOnly, ...(options.limit === undefined ? {} : { limit: options.limit }) };
    return this.txn.scan(this.recordRange(options), scanOptions);
  }

  /** The keys of the rows with handles in `[low, high]` (bounds optional). */
  private recordRange(options: ScanBounds): KeyRange {
    const whole = options.low === undefined || options.high === undefined ? tableRecordRange(this.tableId) : undefined;
    const start = options.low === undefined ? whole!.start : encodeRowKey(this.tableId, options.low);
    const end = options.high === undefined ? whole!.end : encodeRowKey(this.tableId, options.high + 1n);
    return { start, end };
  }

  /**
   * The stored row a new row would collide with on the primary key or a unique index (REPLACE and ON DUPLICATE KEY
   * UPDATE act on it), with the duplicate-key error MySQL would report; undefined when there is none.
   */
  async findConflict(handle: bigint, row: Row): Promise<{ handle: bigint; row: Row; error: Error } | undefined> {
    if (this.table.handleColumnOffset !== undefined) {
      const existing = await this.get(handle);
      if (existing) return { handle, row: existing, error: this.duplicate(this.table.indexes.find((index) => index.isPrimary)!, row) };
    }
    for (const index of this.secondaryIndexes) {
      if (!index.isUnique) continue;
      const values = index.columnOffsets.map((offset) => row[offset] ?? null);
      if (values.some((value) => value === null)) continue;
      const datums = index.columnOffsets.map((offset, i) => this.keyDatum(index, offset, values[i] ?? null));
      const found = await this.txn.get(encodeIndexKey(this.tableId, BigInt(index.id), datums));
      if (!found) continue;
      const otherHandle = decodeHandle(found);
      const existing = await this.get(otherHandle);
      if (existing) return { handle: otherHandle, row: existing, error: this.duplicate(index, row) };
    }
    return undefined;
  }

  /** Locks the rows under `handles` (UPDATE/DELETE lock every row they match, SELECT … FOR UPDATE every row read). */
  async lockHandles(handles: readonly bigint[], mode: LockMode): Promise<void> {
    if (!this.locker || handles.length === 0) return;
    await this.locker.lockKeys(handles.map((handle) => encodeRowKey(this.tableId, handle)), mode);
  }

  /**
   * Locks the rows a locking read returns and gives back those it may return (all, unless the statement says SKIP
   * LOCKED and another transaction holds some of them).
   */
  async lockReadRows<T extends { readonly handle: bigint }>(entries: readonly T[], mode: LockMode): Promise<readonly T[]> {
    if (!this.locker || entries.length === 0) return entries;
    const keys = entries.map((entry) => encodeRowKey(this.tableId, entry.handle));
    if (!this.locker.lockReadKeys) {
      await this.locker.lockKeys(keys, mode);
      return entries;
    }
    const locked = await this.locker.lockReadKeys(keys, mode);
    return entries.filter((_, i) => locked[i] === true);
  }

  /** Writes a new row; rejects a duplicate primary key or unique index entry with 1062 and writes nothing. */
  async insert(handle: bigint, row: Row): Promise<void> {
    await this.lockForWrite([handle], row);
    await this.checkUnique(handle, row, undefined);
    this.writeRow(handle, row);
  }

  /** Replaces the row under `handle` (whose old content is `oldRow`); `newHandle` differs when the PK changed. */
  async update(handle: bigint, oldRow: Row, newHandle: bigint, newRow: Row): Promise<void> {
    await this.lockForWrite(newHandle === handle ? [handle] : [handle, newHandle], newRow);
    await this.checkUnique(newHandle, newRow, handle);
    this.removeIndexEntries(handle, oldRow);
    if (newHandle !== handle) this.txn.delete(encodeRowKey(this.tableId, handle));
    this.writeRow(newHandle, newRow);
  }

  /** Deletes the row under `handle` whose content is `row`, with its index entries. */
  async delete(handle: bigint, row: Row): Promise<void> {
    if (this.locker) await this.locker.lockKeys([encodeRowKey(this.tableId, handle)], 'exclusive');
    this.removeIndexEntries(handle, row);
    this.txn.delete(encodeRowKey(this.tableId, handle));
  }

  /** Locks the row keys and the unique-index keys `row` claims, so two writers of one unique value serialise. */
  private async lockForWrite(handles: readonly bigint[], row: Row): Promise<void> {
    if (!this.locker) return;
    const keys: Uint8Array[] = handles.map((handle) => encodeRowKey(this.tableId, handle));
    for (const index of this.secondaryIndexes) {
      if (!index.isUnique) continue;
      const values = index.columnOffsets.map((offset) => row[offset] ?? null);
      if (values.some((value) => value === null)) continue;
      keys.push(encodeIndexKey(this.tableId, BigInt(index.id), index.columnOffsets.map((offset, i) => this.keyDatum(index, offset, values[i] ?? null))));
    }
    await this.locker.lockKeys(keys, 'exclusive');
  }

  private writeRow(handle: bigint, row: Row): void {
    const datums: Datum[] = new Array<Datum>(row.length);
    for (let i = 0; i < row.length; i++) datums[i] = valueToDatum(this.timestamps ? this.timestamps.toStorage(i, row[i] ?? null) : (row[i] ?? null));
    this.txn.set(encodeRowKey(this.tableId, handle), encodeRow(this.columnIds, datums));
    for (const index of this.secondaryIndexes) {
      const { key, value } = this.indexEntry(index, handle, row);
      this.txn.set(key, value);
    }
  }

  private removeIndexEntries(handle: bigint, row: Row): void {
    for (const index of this.secondaryIndexes) this.txn.delete(this.indexEntry(index, handle, row).key);
  }

  private async checkUnique(handle: bigint, row: Row, ownHandle: bigint | undefined): Promise<void> {
    if (this.table.handleColumnOffset !== undefined && handle !== ownHandle) {
      if (await this.txn.get(encodeRowKey(this.tableId, handle))) {
        throw this.duplicate(this.table.indexes.find((index) => index.isPrimary)!, row);
      }
    }
    for (const index of this.secondaryIndexes) {
      if (!index.isUnique) continue;
      const values = index.columnOffsets.map((offset) => row[offset] ?? null);
      if (values.some((value) => value === null)) continue;
      const datums = index.columnOffsets.map((offset, i) => this.keyDatum(index, offset, values[i] ?? null));
      const existing = await this.txn.get(encodeIndexKey(this.tableId, BigInt(index.id), datums));
      if (existing && (ownHandle === undefined || decodeHandle(existing) !== ownHandle)) throw this.duplicate(index, row);
    }
  }

  private duplicate(index: IndexInfo, row: Row): Error {
    const entry = index.columnOffsets.map((offset) => toText(row[offset] ?? null) ?? 'NULL').join('-');
    return mysqlError(ER_DUP_ENTRY, entry, `${this.table.name}.${index.name}`);
  }

  /** Writes the index entry of one row for an index being added (CREATE INDEX backfill), with its unique check. */
  async addIndexEntry(index: IndexInfo, handle: bigint, row: Row): Promise<void> {
    const { key, value } = this.indexEntry(index, handle, row);
    if (index.isUnique && value.length > 0 && (await this.txn.get(key))) throw this.duplicate(index, row);
    this.txn.set(key, value);
  }

  /**
   * CHECK TABLE (TiDB's ADMIN CHECK TABLE): every row has exactly its entry in each secondary index, and no index
   * holds more entries than there are rows. The first inconsistency found, described, or undefined.
   */
  async checkIndexes(): Promise<string | undefined> {
    let rowCount = 0;
    for await (const batch of this.scan()) {
      rowCount += batch.length;
      for (const { handle, row } of batch) {
        for (const index of this.secondaryIndexes) {
          const { key, value } = this.indexEntry(index, handle, row);
          const stored = await this.txn.get(key);
          if (stored === undefined || Buffer.compare(stored, value) !== 0) return `Index '${index.name}' has no entry for the row with handle ${handle}`;
        }
      }
    }
    for (const index of this.secondaryIndexes) {
      let entries = 0;
      for await (const pairs of this.txn.scan(tableIndexRange(this.tableId, BigInt(index.id)), { batchSize: SCAN_BATCH })) entries += pairs.length;
      if (entries !== rowCount) return `Index '${index.name}' has ${entries} entries for ${rowCount} rows`;
    }
    return undefined;
  }

  /** The handles of rows whose index entries lie in `range` of `index`, in index order (or reversed), in batches. */
  async *indexHandles(index: IndexInfo, range: { start: Uint8Array; end?: Uint8Array | undefined }, isReverse = false): AsyncGenerator<bigint[]> {
    for await (const pairs of this.txn.scan(range, { batchSize: SCAN_BATCH, reverse: isReverse })) {
      yield pairs.map((pair) => (pair.value.length === 8 ? decodeHandle(pair.value) : decodeIndexKeyHandle(pair.key)));
    }
  }

  /**
   * The handles of rows whose leading `index` columns equal `values` (each encoded as that column's index key), in
   * index order: how a foreign key finds a parent row or the child rows of a parent. `limit` stops early.
   */
  async handlesWithPrefix(index: IndexInfo, values: readonly SqlValue[], limit?: number): Promise<bigint[]> {
    const datums = values.map((value, i) => indexDatum(value, this.table.columns[index.columnOffsets[i]!]!.type, index.keyVersion));
    const handles: bigint[] = [];
    for await (const batch of this.indexHandles(index, indexValuesRange(this.tableId, BigInt(index.id), datums))) {
      for (const handle of batch) {
        handles.push(handle);
        if (handles.length === limit) return handles;
      }
    }
    return handles;
  }

  private indexEntry(index: IndexInfo, handle: bigint, row: Row): { key: Uint8Array; value: Uint8Array } {
    const values: Datum[] = index.columnOffsets.map((offset) => this.keyDatum(index, offset, row[offset] ?? null));
    const isDistinct = index.isUnique && !values.some((value) => value === null);
    if (isDistinct) return { key: encodeIndexKey(this.tableId, BigInt(index.id), values), value: encodeHandle(handle) };
    return { key: encodeIndexKey(this.tableId, BigInt(index.id), values, handle), value: EMPTY };
  }

  /** The key datum in `index` of the value of the column at `offset` (a TIMESTAMP in its stored form). */
  private keyDatum(index: IndexInfo, offset: number, value: SqlValue): Datum {
    return indexDatum(this.timestamps ? this.timestamps.toStorage(offset, value) : value, this.table.columns[offset]!.type, index.keyVersion);
  }

  private decode(bytes: Uint8Array): Row {
    const datums = decodeRow(bytes, this.columnIds);
    const columns = this.table.columns;
    const row: SqlValue[] = new Array<SqlValue>(columns.length);
    for (let i = 0; i < columns.length; i++) row[i] = this.valueOf(i, datums[i]);
    return row;
  }

  /** The columns at `offsets` (whose ids are `ids`) of a stored row; the others are NULL. */
  private decodeSome(bytes: Uint8Array, offsets: readonly number[], ids: readonly number[]): Row {
    const datums = decodeRow(bytes, ids);
    const width = this.table.columns.length;
    // A loop, not Array#fill: fill is a runtime call, costly once per row of a range scan.
    const row: SqlValue[] = new Array<SqlValue>(width);
    for (let i = 0; i < width; i++) row[i] = null;
    for (let i = 0; i < offsets.length; i++) row[offsets[i]!] = this.valueOf(offsets[i]!, datums[i]);
    return row;
  }

  /** The value of the column at `offset` from its stored datum (undefined: the row predates the column). */
  private valueOf(offset: number, datum: Datum | undefined): SqlValue {
    // The common case first (sysbench's INT and CHAR columns): datumToValue would return the datum as it is.
    if ((typeof datum === 'bigint' || typeof datum === 'string' || typeof datum === 'number') && this.isPlainColumn[offset] === true) return datum;
    const column = this.table.columns[offset]!;
    // A column added after the row was written has no datum: the row reads the column's original default.
    const value = datum === undefined && column.originDefault !== undefined ? originDefault(column) : datumToValue(datum ?? null, column.type);
    return this.timestamps ? this.timestamps.toSession(offset, value) : value;
  }
}

function originDefault(column: ColumnInfo): SqlValue {
  const text = column.originDefault ?? null;
  if (text === null) return null;
  const warnings = { warn: () => undefined };
  return coerceToColumn(defaultLiteralValue(column.type, text), column.type, { columnName: column.name, rowNumber: 0, isStrict: false, warnings });
}

function encodeHandle(handle: bigint): Buffer {
  const buffer = Buffer.allocUnsafe(8);
  buffer.writeBigInt64BE(handle);
  return buffer;
}

function decodeHandle(bytes: Uint8Array): bigint {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readBigInt64BE(0);
}
