// Binary protocol row pieces: the row header with its NULL bitmap, and the packed DATE/DATETIME/TIME encodings.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html
import type { PacketWriter } from '../packet-writer.js';

/** The bits before the first column in a result row's NULL bitmap (parameters use an offset of 0). */
const ROW_NULL_BITMAP_OFFSET = 2;

/** Writes the 0x00 row header and the NULL bitmap; `isNull(i)` says which columns are NULL. */
export function writeBinaryRowHeader(writer: PacketWriter, columnCount: number, isNull: (column: number) => boolean): void {
  writer.writeInt1(0x00);
  // Byte by byte into the packet: a Buffer per row for the bitmap showed in the profile of 100-row results.
  const bitCount = columnCount + ROW_NULL_BITMAP_OFFSET;
  for (let first = 0; first < bitCount; first += 8) {
    let byte = 0;
    for (let bit = Math.max(first, ROW_NULL_BITMAP_OFFSET); bit < first + 8 && bit < bitCount; bit++) {
      if (isNull(bit - ROW_NULL_BITMAP_OFFSET)) byte |= 1 << (bit - first);
    }
    writer.writeInt1(byte);
  }
}

/** A calendar value's parts, as DATE/DATETIME/TIMESTAMP carry them. */
export interface BinaryDateTimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
}

/** Writes a DATE/DATETIME in the shortest of its 0, 4, 7 or 11 byte forms (`isDate` drops the time). */
export function writeBinaryDateTime(writer: PacketWriter, value: BinaryDateTimeParts, isDate: boolean): void {
  const hasTime = !isDate && (value.hour !== 0 || value.minute !== 0 || value.second !== 0 || value.microsecond !== 0);
  const hasMicros = !isDate && value.microsecond !== 0;
  const length = hasMicros ? 11 : hasTime ? 7 : value.year === 0 && value.month === 0 && value.day === 0 ? 0 : 4;
  writer.writeInt1(length);
  if (length === 0) return;
  writer.writeInt2(value.year).writeInt1(value.month).writeInt1(value.day);
  if (length === 4) return;
  writer.writeInt1(value.hour).writeInt1(value.minute).writeInt1(value.second);
  if (length === 11) writer.writeInt4(value.microsecond);
}

/** A TIME value's parts: sign, whole days, and the rest of the day. */
export interface BinaryTimeParts {
  readonly isNegative: boolean;
  readonly days: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
}

/** Writes a TIME in its 0, 8 or 12 byte form. */
export function writeBinaryTime(writer: PacketWriter, value: BinaryTimeParts): void {
  const isZero = value.days === 0 && value.hour === 0 && value.minute === 0 && value.second === 0 && value.microsecond === 0;
  const length = isZero ? 0 : value.microsecond !== 0 ? 12 : 8;
  writer.writeInt1(length);
  if (length === 0) return;
  writer.writeInt1(value.isNegative ? 1 : 0).writeInt4(value.days).writeInt1(value.hour).writeInt1(value.minute).writeInt1(value.second);
  if (length === 12) writer.writeInt4(value.microsecond);
}

/** Reads the packed DATE/DATETIME bytes of a parameter (0, 4, 7 or 11 bytes, without the length byte). */
export function readBinaryDateTime(bytes: Buffer): BinaryDateTimeParts {
  return {
    year: bytes.length >= 4 ? bytes.readUInt16LE(0) : 0,
    month: bytes[2] ?? 0,
    day: bytes[3] ?? 0,
    hour: bytes[4] ?? 0,
    minute: bytes[5] ?? 0,
    second: bytes[6] ?? 0,
    microsecond: bytes.length >= 11 ? bytes.readUInt32LE(7) : 0,
  };
}

/** Reads the packed TIME bytes of a parameter (0, 8 or 12 bytes, without the length byte). */
export function readBinaryTime(bytes: Buffer): BinaryTimeParts {
  return {
    isNegative: bytes[0] === 1,
    days: bytes.length >= 8 ? bytes.readUInt32LE(1) : 0,
    hour: bytes[5] ?? 0,
    minute: bytes[6] ?? 0,
    second: bytes[7] ?? 0,
    microsecond: bytes.length >= 12 ? bytes.readUInt32LE(8) : 0,
  };
}
