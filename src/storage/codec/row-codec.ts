// The row value format: a compact, self-describing encoding of one row's columns, inspired by TiDB's row format v2.
//
// Layout (integers little endian):
//   byte 0    version 0x80 (TiDB's CodecVer for v2, so that another format can be told apart later)
//   byte 1    flags: bit 0 "large": column ids take 4 bytes and end offsets 4 bytes (else 1 and 2)
//   u16       n, the number of non-NULL columns
//   u16       m, the number of NULL columns
//   ids       the n non-NULL column ids ascending, then the m NULL column ids ascending
//   ends      n end offsets into the data area, one per non-NULL column (value i spans ends[i-1]..ends[i])
//   data      per non-NULL column: a type tag byte, then the payload
// Payloads by tag: int = signed, 1/2/4/8 bytes (the smallest that fits); uint = 8 bytes (only above int64's max);
// float = float64; string = UTF-8; bytes = raw; decimal = its decimal.js text. NULL is a listed id without data,
// distinct from an empty string (a tag with no payload); a column absent from the row (added later by ALTER TABLE)
// decodes as undefined, so the caller can apply its default.
import { Decimal } from 'decimal.js';
import { ByteWriter } from './byte-writer.js';
import type { Datum } from './datum.js';

/** Header constants. */
export const RowFormat = { version: 0x80, largeFlag: 0x01, headerBytes: 6 } as const;

/** The type tag before each stored value. */
export const RowValueTag = { int: 1, uint: 2, float: 3, string: 4, bytes: 5, decimal: 6 } as const;

const Limits = { smallId: 0xff, smallOffset: 0xffff, maxCount: 0xffff, maxId: 0xffffffff } as const;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
const INT8 = { min: -128n, max: 127n } as const;
const INT16 = { min: -32768n, max: 32767n } as const;
const INT32 = { min: -2147483648n, max: 2147483647n } as const;

/** Encodes one row: `values[i]` is the value of column `columnIds[i]` (ids unique, in any order). */
export function encodeRow(columnIds: readonly number[], values: readonly Datum[]): Buffer {
  if (columnIds.length !== values.length) throw new RangeError('encodeRow needs one value per column id');
  const order = sortedPositions(columnIds);
  const notNull: number[] = [];
  const nulls: number[] = [];
  for (const position of order) (values[position] === null ? nulls : notNull).push(position);
  if (notNull.length > Limits.maxCount || nulls.length > Limits.maxCount) throw new RangeError('too many columns');

  const data = new ByteWriter(16 * notNull.length + 8);
  const ends: number[] = new Array<number>(notNull.length);
  for (let i = 0; i < notNull.length; i++) {
    writeValue(data, values[notNull[i]!]!);
    ends[i] = data.position;
  }
  const maxId = order.length > 0 ? columnIds[order[order.length - 1]!]! : 0;
  const isLarge = maxId > Limits.smallId || data.position > Limits.smallOffset;
  const idBytes = isLarge ? 4 : 1;
  const offsetBytes = isLarge ? 4 : 2;
  const total = RowFormat.headerBytes + order.length * idBytes + notNull.length * offsetBytes + data.position;
  const out = Buffer.allocUnsafe(total);
  out[0] = RowFormat.version;
  out[1] = isLarge ? RowFormat.largeFlag : 0;
  out.writeUInt16LE(notNull.length, 2);
  out.writeUInt16LE(nulls.length, 4);
  let at: number = RowFormat.headerBytes;
  for (const position of notNull) at = writeId(out, at, columnIds[position]!, isLarge);
  for (const position of nulls) at = writeId(out, at, columnIds[position]!, isLarge);
  for (const end of ends) at = isLarge ? out.writeUInt32LE(end, at) : out.writeUInt16LE(end, at);
  data.raw.copy(out, at, 0, data.position);
  return out;
}

/**
 * Decodes the values of `wantedColumnIds` from a row: a NULL column gives null, a column the row does not contain
 * gives undefined. Only the wanted values are decoded. Strings come back as strings, bytes as fresh Buffers.
 */
export function decodeRow(row: Uint8Array, wantedColumnIds: readonly number[]): (Datum | undefined)[] {
  const bytes = Buffer.isBuffer(row) ? row : Buffer.from(row.buffer, row.byteOffset, row.byteLength);
  if (bytes.length >= RowFormat.headerBytes && bytes[0] === RowFormat.version && (bytes[1]! & RowFormat.largeFlag) === 0) {
    return decodeSmallRow(bytes, wantedColumnIds);
  }
  const view = new RowView(bytes);
  const out: (Datum | undefined)[] = new Array<Datum | undefined>(wantedColumnIds.length);
  let hint = 0;
  for (let w = 0; w < wantedColumnIds.length; w++) {
    const id = wantedColumnIds[w]!;
    // Wanted ids usually come in the stored (ascending) order: try the slot after the last hit first.
    const index = hint < view.notNullCount && view.idAt(hint) === id ? hint : view.findNotNull(id);
    if (index >= 0) {
      out[w] = view.valueAt(index);
      hint = index + 1;
    } else {
      out[w] = view.hasNull(id) ? null : undefined;
    }
  }
  return out;
}

/**
 * decodeRow for the small layout (1-byte ids, 2-byte ends: rows under 64 KiB of ids up to 255, nearly all of them),
 * reading the header in place rather than through a RowView per row: a range scan decodes thousands.
 */
function decodeSmallRow(bytes: Buffer, wantedColumnIds: readonly number[]): (Datum | undefined)[] {
  const notNullCount = bytes[2]! | (bytes[3]! << 8);
  const nullCount = bytes[4]! | (bytes[5]! << 8);
  const idsAt = RowFormat.headerBytes;
  const endsAt = idsAt + notNullCount + nullCount;
  const dataAt = endsAt + notNullCount * 2;
  if (dataAt > bytes.length) throw new Error('corrupt row: truncated header');
  const out: (Datum | undefined)[] = new Array<Datum | undefined>(wantedColumnIds.length);
  let hint = 0;
  for (let w = 0; w < wantedColumnIds.length; w++) {
    const id = wantedColumnIds[w]!;
    const index = hint < notNullCount && bytes[idsAt + hint] === id ? hint : searchSmallIds(bytes, idsAt, 0, notNullCount, id);
    if (index < 0) {
      out[w] = searchSmallIds(bytes, idsAt, notNullCount, notNullCount + nullCount, id) >= 0 ? null : undefined;
      continue;
    }
    const endAt = endsAt + index * 2;
    const start = dataAt + (index === 0 ? 0 : bytes[endAt - 2]! | (bytes[endAt - 1]! << 8));
    const end = dataAt + (bytes[endAt]! | (bytes[endAt + 1]! << 8));
    if (end > bytes.length || start >= end) throw new Error('corrupt row: bad value offsets');
    out[w] = readValue(bytes, start, end);
    hint = index + 1;
  }
  return out;
}

/** The slot in `[from, to)` of the 1-byte id list at `idsAt` holding `id`, or -1. */
function searchSmallIds(bytes: Buffer, idsAt: number, from: number, to: number, id: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const probe = bytes[idsAt + mid]!;
    if (probe < id) lo = mid + 1;
    else if (probe > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Decodes every column of a row into a map from column id to value. */
export function decodeRowAll(row: Uint8Array): Map<number, Datum> {
  const view = new RowView(row);
  const out = new Map<number, Datum>();
  for (let i = 0; i < view.notNullCount; i++) out.set(view.idAt(i), view.valueAt(i));
  for (let i = 0; i < view.nullCount; i++) out.set(view.idAt(view.notNullCount + i), null);
  return out;
}

/** Read access to an encoded row's header, ids and values. */
class RowView {
  readonly notNullCount: number;
  readonly nullCount: number;
  private readonly bytes: Buffer;
  private readonly isLarge: boolean;
  private readonly endsAt: number;
  private readonly dataAt: number;

  constructor(row: Uint8Array) {
    const bytes = Buffer.isBuffer(row) ? row : Buffer.from(row.buffer, row.byteOffset, row.byteLength);
    if (bytes.length < RowFormat.headerBytes || bytes[0] !== RowFormat.version) {
      throw new Error('corrupt row: unknown format');
    }
    this.bytes = bytes;
    this.isLarge = (bytes[1]! & RowFormat.largeFlag) !== 0;
    this.notNullCount = bytes.readUInt16LE(2);
    this.nullCount = bytes.readUInt16LE(4);
    this.endsAt = RowFormat.headerBytes + (this.notNullCount + this.nullCount) * (this.isLarge ? 4 : 1);
    this.dataAt = this.endsAt + this.notNullCount * (this.isLarge ? 4 : 2);
    if (this.dataAt > bytes.length) throw new Error('corrupt row: truncated header');
  }

  /** The id at slot `i` of the id list (non-NULL ids first, then NULL ids). */
  idAt(i: number): number {
    return this.isLarge
      ? this.bytes.readUInt32LE(RowFormat.headerBytes + i * 4)
      : this.bytes[RowFormat.headerBytes + i]!;
  }

  /** The slot of non-NULL column `id`, or -1. */
  findNotNull(id: number): number {
    return this.search(0, this.notNullCount, id);
  }

  /** True when column `id` is listed as NULL. */
  hasNull(id: number): boolean {
    return this.search(this.notNullCount, this.notNullCount + this.nullCount, id) >= 0;
  }

  /** Decodes the value in non-NULL slot `i`. */
  valueAt(i: number): Datum {
    const start = this.dataAt + (i === 0 ? 0 : this.endAt(i - 1));
    const end = this.dataAt + this.endAt(i);
    if (end > this.bytes.length || start >= end) throw new Error('corrupt row: bad value offsets');
    return readValue(this.bytes, start, end);
  }

  private endAt(i: number): number {
    return this.isLarge ? this.bytes.readUInt32LE(this.endsAt + i * 4) : this.bytes.readUInt16LE(this.endsAt + i * 2);
  }

  private search(from: number, to: number, id: number): number {
    let lo = from;
    let hi = to - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const probe = this.idAt(mid);
      if (probe < id) lo = mid + 1;
      else if (probe > id) hi = mid - 1;
      else return mid;
    }
    return -1;
  }
}

/** Positions of `columnIds` ordered by id; validates that ids are unique unsigned 32-bit integers. */
function sortedPositions(columnIds: readonly number[]): number[] {
  const order = columnIds.map((_, i) => i);
  let isSorted = true;
  for (let i = 0; i < columnIds.length; i++) {
    const id = columnIds[i]!;
    if (!Number.isInteger(id) || id < 0 || id > Limits.maxId) throw new RangeError(`invalid column id ${id}`);
    if (i > 0 && columnIds[i - 1]! >= id) isSorted = false;
  }
  if (!isSorted) {
    order.sort((a, b) => columnIds[a]! - columnIds[b]!);
    for (let i = 1; i < order.length; i++) {
      if (columnIds[order[i - 1]!] === columnIds[order[i]!])
        throw new RangeError(`duplicate column id ${columnIds[order[i]!]}`);
    }
  }
  return order;
}

function writeId(out: Buffer, at: number, id: number, isLarge: boolean): number {
  if (isLarge) return out.writeUInt32LE(id, at);
  out[at] = id;
  return at + 1;
}

function writeValue(writer: ByteWriter, value: Datum): void {
  if (typeof value === 'bigint') {
    writeInt(writer, value);
  } else if (typeof value === 'number') {
    writer.byte(RowValueTag.float);
    writer.doubleLE(value);
  } else if (typeof value === 'string') {
    writer.byte(RowValueTag.string);
    writer.utf8(value);
  } else if (value instanceof Uint8Array) {
    writer.byte(RowValueTag.bytes);
    writer.append(value);
  } else if (value instanceof Decimal) {
    writer.byte(RowValueTag.decimal);
    writer.latin1(value.toString());
  } else {
    throw new TypeError(`cannot encode ${String(value)} in a row`);
  }
}

function writeInt(writer: ByteWriter, value: bigint): void {
  if (value > INT64_MAX) {
    if (value > UINT64_MAX) throw new RangeError(`${value} is out of the uint64 range`);
    writer.byte(RowValueTag.uint);
    writer.uint64LE(value);
    return;
  }
  if (value < INT64_MIN) throw new RangeError(`${value} is out of the int64 range`);
  writer.byte(RowValueTag.int);
  if (value >= INT8.min && value <= INT8.max) writer.int8(Number(value));
  else if (value >= INT16.min && value <= INT16.max) writer.int16LE(Number(value));
  else if (value >= INT32.min && value <= INT32.max) writer.int32LE(Number(value));
  else writer.int64LE(value);
}

/**
 * Buffer's own UTF-8 decoder, which `toString('utf8', start, end)` reaches through its argument checks and encoding
 * lookup (a range scan decodes a string per row; `start` and `end` are checked here already). lmdb-js uses it too.
 */
interface Utf8Slicing {
  utf8Slice(start: number, end: number): string;
}

function readValue(bytes: Buffer, start: number, end: number): Datum {
  const tag = bytes[start];
  const at = start + 1;
  const length = end - at;
  switch (tag) {
    case RowValueTag.int:
      switch (length) {
        case 1:
          return BigInt(bytes.readInt8(at));
        case 2:
          return BigInt(bytes.readInt16LE(at));
        case 4:
          return BigInt(bytes.readInt32LE(at));
        case 8:
          return bytes.readBigInt64LE(at);
        default:
          throw new Error(`corrupt row: int of ${length} bytes`);
      }
    case RowValueTag.uint:
      return bytes.readBigUInt64LE(at);
    case RowValueTag.float:
      return bytes.readDoubleLE(at);
    case RowValueTag.string:
      return (bytes as unknown as Utf8Slicing).utf8Slice(at, end);
    case RowValueTag.bytes:
      return Buffer.from(bytes.subarray(at, end));
    case RowValueTag.decimal:
      return new Decimal(bytes.toString('latin1', at, end));
    default:
      throw new Error(`corrupt row: unknown value tag ${tag}`);
  }
}
