// TiDB's key scheme (pkg/tablecodec): where rows, index entries and catalog entries live in the ordered keyspace.
//
//   row:          t{tableId}_r{handle}                 ids and handles as comparable int64 (8 bytes each)
//   index entry:  t{tableId}_i{indexId}{values...}     values as flagged memcomparable datums; a non-unique
//                                                     index appends the handle as one more int datum
//   catalog:      m{parts...}                          parts as flagged memcomparable datums
// All of a table's keys share the prefix t{tableId}; within it the index entries ("_i") sort before the rows ("_r"),
// and each index is one contiguous range.
import type { Bytes, KeyRange } from '../kv.js';
import { prefixNext } from '../bytes.js';
import { ByteWriter } from './byte-writer.js';
import type { Datum } from './datum.js';
import { DatumFlag, KeyReader, writeInt64, writeKeyDatum } from './memcomparable.js';

/** The four constants of the key scheme, as TiDB spells them. */
export const KeyPrefix = {
  table: Buffer.from('t', 'latin1'),
  recordSep: Buffer.from('_r', 'latin1'),
  indexSep: Buffer.from('_i', 'latin1'),
  meta: Buffer.from('m', 'latin1'),
} as const;

/** Fixed lengths of the scheme: 8-byte ids, so a row key is always 19 bytes. */
export const KeyLength = {
  id: 8,
  tablePrefix: 1 + 8,
  recordPrefix: 1 + 8 + 2,
  rowKey: 1 + 8 + 2 + 8,
  indexPrefix: 1 + 8 + 2 + 8,
  flaggedHandle: 1 + 8,
} as const;

/** A decoded row key. */
export interface RowKey {
  readonly tableId: bigint;
  readonly handle: bigint;
}

/** A decoded index key: every datum after the index id (a non-unique index's handle is the last one). */
export interface IndexKey {
  readonly tableId: bigint;
  readonly indexId: bigint;
  readonly values: Datum[];
}

function tablePrefixInto(writer: ByteWriter, tableId: bigint): void {
  writer.append(KeyPrefix.table);
  writeInt64(writer, tableId);
}

/** `t{tableId}`: the prefix of everything a table owns. */
export function encodeTablePrefix(tableId: bigint): Buffer {
  const writer = new ByteWriter(KeyLength.tablePrefix);
  tablePrefixInto(writer, tableId);
  return writer.finish();
}

/** `t{tableId}_r`: the prefix of a table's rows. */
export function encodeRecordPrefix(tableId: bigint): Buffer {
  const writer = new ByteWriter(KeyLength.recordPrefix);
  tablePrefixInto(writer, tableId);
  writer.append(KeyPrefix.recordSep);
  return writer.finish();
}

/** `t{tableId}_i{indexId}`: the prefix of one index's entries. */
export function encodeIndexPrefix(tableId: bigint, indexId: bigint): Buffer {
  const writer = new ByteWriter(KeyLength.indexPrefix);
  tablePrefixInto(writer, tableId);
  writer.append(KeyPrefix.indexSep);
  writeInt64(writer, indexId);
  return writer.finish();
}

/** The key of row `handle` of table `tableId` (TiDB's EncodeRowKeyWithHandle). */
export function encodeRowKey(tableId: bigint, handle: bigint): Buffer {
  // Written in place rather than through a ByteWriter: every point get and row write builds one.
  const key = Buffer.allocUnsafe(KeyLength.rowKey);
  KeyPrefix.table.copy(key, 0);
  putInt64(key, KeyPrefix.table.length, tableId);
  KeyPrefix.recordSep.copy(key, KeyLength.tablePrefix);
  putInt64(key, KeyLength.recordPrefix, handle);
  return key;
}

/** 2^32, to split a safe integer into the two 32-bit halves of its int64 form. */
const UINT32_SPAN = 0x1_0000_0000;
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Writes the comparable int64 `value` (writeInt64's bytes) at `at`; values within 2^53 skip bigint arithmetic. */
function putInt64(out: Buffer, at: number, value: bigint): void {
  if (value < MIN_SAFE || value > MAX_SAFE) {
    const writer = new ByteWriter(KeyLength.id);
    writeInt64(writer, value);
    writer.finish().copy(out, at);
    return;
  }
  const number = Number(value);
  const high = Math.floor(number / UINT32_SPAN);
  // The high half in two's complement with its sign bit flipped, as the comparable form does to the whole int64.
  out.writeUInt32BE((high ^ 0x8000_0000) >>> 0, at);
  out.writeUInt32BE(number - high * UINT32_SPAN, at + 4);
}

/** Decodes a key made by `encodeRowKey`; throws an Error when `key` is not a row key. */
export function decodeRowKey(key: Bytes): RowKey {
  if (key.byteLength !== KeyLength.rowKey || !hasSeparator(key, KeyPrefix.recordSep)) {
    throw new Error('not a row key');
  }
  const reader = new KeyReader(key, KeyPrefix.table.length);
  const tableId = reader.readInt64();
  reader.offset += KeyPrefix.recordSep.length;
  return { tableId, handle: reader.readInt64() };
}

/**
 * The key of an index entry: the index prefix, then `values` as flagged datums, then (for a non-unique index, whose
 * keys must be distinct per row) `handle` as one more int datum.
 */
export function encodeIndexKey(tableId: bigint, indexId: bigint, values: readonly Datum[], handle?: bigint): Buffer {
  const writer = new ByteWriter(KeyLength.indexPrefix + 16 * (values.length + 1));
  tablePrefixInto(writer, tableId);
  writer.append(KeyPrefix.indexSep);
  writeInt64(writer, indexId);
  for (const value of values) writeKeyDatum(writer, value);
  if (handle !== undefined) writeKeyDatum(writer, handle);
  return writer.finish();
}

/** Decodes a key made by `encodeIndexKey`; throws an Error when `key` is not an index key. */
export function decodeIndexKey(key: Bytes): IndexKey {
  if (key.byteLength < KeyLength.indexPrefix || !hasSeparator(key, KeyPrefix.indexSep)) {
    throw new Error('not an index key');
  }
  const reader = new KeyReader(key, KeyPrefix.table.length);
  const tableId = reader.readInt64();
  reader.offset += KeyPrefix.indexSep.length;
  const indexId = reader.readInt64();
  const values: Datum[] = [];
  while (!reader.isDone) values.push(reader.readDatum());
  return { tableId, indexId, values };
}

/** The handle stored as the last datum of a non-unique index key, without decoding the values before it. */
export function decodeIndexKeyHandle(key: Bytes): bigint {
  const at = key.byteLength - KeyLength.flaggedHandle;
  if (at < KeyLength.indexPrefix || key[at] !== DatumFlag.int) throw new Error('index key does not end in a handle');
  return new KeyReader(key, at + 1).readInt64();
}

/** The range of all keys of table `tableId`: rows and index entries. */
export function tableRange(tableId: bigint): KeyRange {
  return prefixRange(encodeTablePrefix(tableId));
}

/** The range of the rows of table `tableId`. */
export function tableRecordRange(tableId: bigint): KeyRange {
  return prefixRange(encodeRecordPrefix(tableId));
}

/** The range of the entries of one index. */
export function tableIndexRange(tableId: bigint, indexId: bigint): KeyRange {
  return prefixRange(encodeIndexPrefix(tableId, indexId));
}

/** The range of an index's entries whose leading values equal `values` (a prefix match, for index lookups). */
export function indexValuesRange(tableId: bigint, indexId: bigint, values: readonly Datum[]): KeyRange {
  return prefixRange(encodeIndexKey(tableId, indexId, values));
}

/** The range of all keys that start with `prefix`. */
export function prefixRange(prefix: Buffer): KeyRange {
  return { start: prefix, end: prefixNext(prefix) };
}

/** A catalog key: `m` followed by `parts` as flagged datums (strings as UTF-8), e.g. `encodeMetaKey('DB', 1n)`. */
export function encodeMetaKey(...parts: readonly Datum[]): Buffer {
  const writer = new ByteWriter();
  writer.append(KeyPrefix.meta);
  for (const part of parts) writeKeyDatum(writer, part);
  return writer.finish();
}

/** Decodes a key made by `encodeMetaKey`; throws an Error when `key` is not a catalog key. */
export function decodeMetaKey(key: Bytes): Datum[] {
  if (key[0] !== KeyPrefix.meta[0]) throw new Error('not a catalog (meta) key');
  const reader = new KeyReader(key, KeyPrefix.meta.length);
  const parts: Datum[] = [];
  while (!reader.isDone) parts.push(reader.readDatum());
  return parts;
}

/** True when `key` starts with `t`, then an 8-byte id, then `separator`. */
function hasSeparator(key: Bytes, separator: Buffer): boolean {
  return (
    key[0] === KeyPrefix.table[0] &&
    key[KeyLength.tablePrefix] === separator[0] &&
    key[KeyLength.tablePrefix + 1] === separator[1]
  );
}
