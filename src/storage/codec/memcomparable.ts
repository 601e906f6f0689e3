// Memcomparable encodings after TiDB's pkg/util/codec: byte order of the encodings equals the order of the values.
//
// - int64: 8 bytes big endian with the sign bit flipped (codec.EncodeInt).
// - uint64: 8 bytes big endian (codec.EncodeUint).
// - float64: IEEE bits big endian; non-negative values get the sign bit set, negative ones are inverted
//   (codec.EncodeFloat). -0 encodes as +0; NaN is rejected.
// - bytes: groups of 8 bytes, each followed by a marker 0xFF - (number of zero pad bytes), the last group always
//   padded (codec.EncodeBytes), so "a" < "a\0" < "ab" and the encoding is self-delimiting.
// - decimal: our own order-preserving format (see comparable-decimal.ts); TiDB's uses its binary MyDecimal layout.
// A tuple of datums is each datum prefixed by TiDB's type flag byte (codec.EncodeKey).
import { Decimal } from 'decimal.js';
import { ByteWriter } from './byte-writer.js';
import { readComparableDecimal, writeComparableDecimal } from './comparable-decimal.js';
import type { Datum } from './datum.js';

/** TiDB's datum type flags (pkg/util/codec/codec.go); the flag byte leads each encoded datum. */
export const DatumFlag = {
  nil: 0,
  bytes: 1,
  compactBytes: 2,
  int: 3,
  uint: 4,
  float: 5,
  decimal: 6,
  duration: 7,
  varint: 8,
  uvarint: 9,
  json: 10,
  vectorFloat32: 20,
  max: 250,
} as const;

/** The group encoding's constants. */
export const BytesGroup = { size: 8, marker: 0xff, pad: 0x00 } as const;

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
const SIGN_BIT = 1n << 63n;
const WIDTH = { int: 8, float: 8, groupWithMarker: 9 } as const;
/** Decoding floats flips bits in place; one scratch buffer suffices since decoding is synchronous. */
const floatScratch = Buffer.alloc(WIDTH.float);

/** Appends the comparable int64 `value`. */
export function writeInt64(writer: ByteWriter, value: bigint): void {
  if (value < INT64_MIN || value > INT64_MAX) throw new RangeError(`${value} is out of the int64 range`);
  writer.uint64BE(BigInt.asUintN(64, value) ^ SIGN_BIT);
}

/** Appends the comparable uint64 `value`. */
export function writeUint64(writer: ByteWriter, value: bigint): void {
  if (value < 0n || value > UINT64_MAX) throw new RangeError(`${value} is out of the uint64 range`);
  writer.uint64BE(value);
}

/** Appends the comparable float64 `value`; rejects NaN. */
export function writeFloat64(writer: ByteWriter, value: number): void {
  if (Number.isNaN(value)) throw new RangeError('NaN cannot be encoded in a key');
  const at = writer.reserve(WIDTH.float);
  const bytes = writer.raw;
  // -0 === 0, so both zeros take the non-negative branch and encode alike, as in TiDB.
  bytes.writeDoubleBE(value === 0 ? 0 : value, at);
  if (value >= 0) {
    bytes[at] = bytes[at]! | 0x80;
  } else {
    for (let i = at; i < at + WIDTH.float; i++) bytes[i] = ~bytes[i]! & 0xff;
  }
}

/** Appends the group encoding of `data`. */
export function writeGroupBytes(writer: ByteWriter, data: Uint8Array): void {
  const length = data.byteLength;
  const groups = Math.floor(length / BytesGroup.size) + 1;
  const at = writer.reserve(groups * WIDTH.groupWithMarker);
  const bytes = writer.raw;
  let out = at;
  for (let index = 0; index <= length; index += BytesGroup.size) {
    const remain = length - index;
    if (remain >= BytesGroup.size) {
      bytes.set(data.subarray(index, index + BytesGroup.size), out);
      bytes[out + BytesGroup.size] = BytesGroup.marker;
    } else {
      bytes.set(data.subarray(index), out);
      bytes.fill(BytesGroup.pad, out + remain, out + BytesGroup.size);
      bytes[out + BytesGroup.size] = BytesGroup.marker - (BytesGroup.size - remain);
    }
    out += WIDTH.groupWithMarker;
  }
}

/** Appends one datum with its TiDB type flag. Bigints beyond int64's maximum take the uint flag. */
export function writeKeyDatum(writer: ByteWriter, datum: Datum): void {
  if (datum === null) {
    writer.byte(DatumFlag.nil);
  } else if (typeof datum === 'bigint') {
    if (datum > INT64_MAX) {
      writer.byte(DatumFlag.uint);
      writeUint64(writer, datum);
    } else {
      writer.byte(DatumFlag.int);
      writeInt64(writer, datum);
    }
  } else if (typeof datum === 'number') {
    writer.byte(DatumFlag.float);
    writeFloat64(writer, datum);
  } else if (typeof datum === 'string') {
    writer.byte(DatumFlag.bytes);
    writeGroupBytes(writer, Buffer.from(datum, 'utf8'));
  } else if (datum instanceof Uint8Array) {
    writer.byte(DatumFlag.bytes);
    writeGroupBytes(writer, datum);
  } else if (datum instanceof Decimal) {
    writer.byte(DatumFlag.decimal);
    writeComparableDecimal(writer, datum);
  } else {
    throw new TypeError(`cannot encode ${String(datum)} as a key datum`);
  }
}

/** The memcomparable encoding of a tuple of datums (TiDB's codec.EncodeKey). */
export function encodeKeyDatums(datums: readonly Datum[]): Buffer {
  const writer = new ByteWriter();
  for (const datum of datums) writeKeyDatum(writer, datum);
  return writer.finish();
}

/** Decodes a whole buffer written by `encodeKeyDatums`. Strings and bytes come back as Buffers. */
export function decodeKeyDatums(bytes: Uint8Array): Datum[] {
  const reader = new KeyReader(bytes);
  const datums: Datum[] = [];
  while (!reader.isDone) datums.push(reader.readDatum());
  return datums;
}

/** Encodes one int64 comparably (8 bytes). */
export function encodeInt64(value: bigint): Buffer {
  const writer = new ByteWriter(WIDTH.int);
  writeInt64(writer, value);
  return writer.finish();
}

/** Encodes one uint64 comparably (8 bytes). */
export function encodeUint64(value: bigint): Buffer {
  const writer = new ByteWriter(WIDTH.int);
  writeUint64(writer, value);
  return writer.finish();
}

/** Encodes one float64 comparably (8 bytes). */
export function encodeFloat64(value: number): Buffer {
  const writer = new ByteWriter(WIDTH.float);
  writeFloat64(writer, value);
  return writer.finish();
}

/** Encodes bytes (or a string's UTF-8) with the group encoding. */
export function encodeBytes(data: Uint8Array | string): Buffer {
  const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const writer = new ByteWriter((Math.floor(raw.byteLength / BytesGroup.size) + 1) * WIDTH.groupWithMarker);
  writeGroupBytes(writer, raw);
  return writer.finish();
}

/** Encodes a decimal comparably (see comparable-decimal.ts). */
export function encodeDecimal(value: Decimal): Buffer {
  const writer = new ByteWriter();
  writeComparableDecimal(writer, value);
  return writer.finish();
}

/** Reads memcomparable values from `bytes`, advancing `offset`. Throws an Error on truncated or corrupt input. */
export class KeyReader {
  private readonly view: Buffer;

  constructor(
    bytes: Uint8Array,
    /** The read position. */
    public offset = 0,
  ) {
    this.view = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** True when every byte has been read. */
  get isDone(): boolean {
    return this.offset >= this.view.length;
  }

  readInt64(): bigint {
    const at = this.take(WIDTH.int);
    return BigInt.asIntN(64, this.view.readBigUInt64BE(at) ^ SIGN_BIT);
  }

  readUint64(): bigint {
    return this.view.readBigUInt64BE(this.take(WIDTH.int));
  }

  readFloat64(): number {
    const at = this.take(WIDTH.float);
    const scratch = floatScratch;
    this.view.copy(scratch, 0, at, at + WIDTH.float);
    if ((scratch[0]! & 0x80) !== 0) scratch[0] = scratch[0]! & 0x7f;
    else for (let i = 0; i < WIDTH.float; i++) scratch[i] = ~scratch[i]! & 0xff;
    return scratch.readDoubleBE(0);
  }

  /** Reads a group-encoded byte string (a fresh Buffer). */
  readGroupBytes(): Buffer {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const at = this.take(WIDTH.groupWithMarker);
      const marker = this.view[at + BytesGroup.size]!;
      const padCount = BytesGroup.marker - marker;
      if (padCount > BytesGroup.size) throw this.corrupt(at, 'invalid group marker');
      const used = BytesGroup.size - padCount;
      for (let i = at + used; i < at + BytesGroup.size; i++) {
        if (this.view[i] !== BytesGroup.pad) throw this.corrupt(at, 'non-zero group padding');
      }
      chunks.push(this.view.subarray(at, at + used));
      total += used;
      if (padCount > 0) break;
    }
    return Buffer.concat(chunks, total);
  }

  readDecimal(): Decimal {
    const { value, next } = readComparableDecimal(this.view, this.offset);
    this.offset = next;
    return value;
  }

  /** Reads one flagged datum. */
  readDatum(): Datum {
    const flagAt = this.take(1);
    const flag = this.view[flagAt];
    switch (flag) {
      case DatumFlag.nil:
        return null;
      case DatumFlag.int:
        return this.readInt64();
      case DatumFlag.uint:
        return this.readUint64();
      case DatumFlag.float:
        return this.readFloat64();
      case DatumFlag.bytes:
        return this.readGroupBytes();
      case DatumFlag.decimal:
        return this.readDecimal();
      default:
        throw this.corrupt(flagAt, `unsupported datum flag ${flag}`);
    }
  }

  private take(count: number): number {
    const at = this.offset;
    if (at + count > this.view.length) throw this.corrupt(at, 'truncated');
    this.offset = at + count;
    return at;
  }

  private corrupt(at: number, why: string): Error {
    return new Error(`corrupt memcomparable key at byte ${at}: ${why}`);
  }
}
