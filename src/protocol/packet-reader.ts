// PacketReader: bounds-checked reads of MySQL's wire data types from one packet payload.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_data_types.html
import { ER_MALFORMED_PACKET, mysqlError } from '../errors/index.js';
import type { MySqlError } from '../errors/index.js';
import { LenencPrefix } from './constants/packet-header.js';

const NUL = 0x00;

/** The error every read past the end or malformed value raises: ER_MALFORMED_PACKET (1835). */
export function malformedPacket(): MySqlError {
  return mysqlError(ER_MALFORMED_PACKET);
}

/**
 * Reads MySQL's int<n>, int<lenenc>, string<lenenc|NUL|fix|EOF> from a payload. Every read is bounds-checked: reading
 * past the end, or a length prefix that is not a length, throws a MySqlError ER_MALFORMED_PACKET and never a
 * RangeError. Byte results are zero-copy views of the payload: copy them if they must outlive it.
 */
export class PacketReader {
  private readonly buffer: Buffer;
  private offset: number;
  private readonly end: number;

  /** Reads `buffer[start, end)`; by default the whole buffer. */
  constructor(buffer: Buffer, start = 0, end = buffer.length) {
    this.buffer = buffer;
    this.offset = start;
    this.end = end;
  }

  /** The offset of the next byte to read. */
  get position(): number {
    return this.offset;
  }

  /** How many bytes are left to read. */
  get remaining(): number {
    return this.end - this.offset;
  }

  /** True while at least one byte is left. */
  get hasMore(): boolean {
    return this.offset < this.end;
  }

  /** The next byte without consuming it, or undefined at the end. */
  peekInt1(): number | undefined {
    return this.offset < this.end ? this.buffer[this.offset] : undefined;
  }

  /** Consumes `length` bytes without reading them. */
  skip(length: number): void {
    this.need(length);
    this.offset += length;
  }

  /** int<1>. */
  readInt1(): number {
    this.need(1);
    return this.buffer[this.offset++] as number;
  }

  /** int<2>, little-endian unsigned. */
  readInt2(): number {
    this.need(2);
    const value = this.buffer.readUInt16LE(this.offset);
    this.offset += 2;
    return value;
  }

  /** int<3>, little-endian unsigned. */
  readInt3(): number {
    this.need(3);
    const value = this.buffer.readUIntLE(this.offset, 3);
    this.offset += 3;
    return value;
  }

  /** int<4>, little-endian unsigned. */
  readInt4(): number {
    this.need(4);
    const value = this.buffer.readUInt32LE(this.offset);
    this.offset += 4;
    return value;
  }

  /** int<6>, little-endian unsigned. */
  readInt6(): number {
    this.need(6);
    const value = this.buffer.readUIntLE(this.offset, 6);
    this.offset += 6;
    return value;
  }

  /** int<8>, little-endian unsigned. */
  readInt8(): bigint {
    this.need(8);
    const value = this.buffer.readBigUInt64LE(this.offset);
    this.offset += 8;
    return value;
  }

  /**
   * int<lenenc> as a number. Throws ER_MALFORMED_PACKET on the NULL marker 0xFB, the invalid prefix 0xFF, or a value
   * above Number.MAX_SAFE_INTEGER (no real length or count is that large).
   */
  readLenencInt(): number {
    const value = this.readLenencIntOrNull();
    if (value === null) throw malformedPacket();
    return value;
  }

  /** int<lenenc> as a number, or null for the 0xFB NULL marker. */
  readLenencIntOrNull(): number | null {
    const prefix = this.readInt1();
    if (prefix <= LenencPrefix.MAX_ONE_BYTE) return prefix;
    switch (prefix) {
      case LenencPrefix.NULL:
        return null;
      case LenencPrefix.INT2:
        return this.readInt2();
      case LenencPrefix.INT3:
        return this.readInt3();
      case LenencPrefix.INT8: {
        const value = this.readInt8();
        if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw malformedPacket();
        return Number(value);
      }
      default:
        throw malformedPacket();
    }
  }

  /** int<lenenc> as a bigint (for affected rows / insert ids that may exceed 2^53). Throws on 0xFB and 0xFF. */
  readLenencBigInt(): bigint {
    const prefix = this.peekInt1();
    if (prefix === LenencPrefix.INT8) {
      this.offset++;
      return this.readInt8();
    }
    return BigInt(this.readLenencInt());
  }

  /** string<lenenc> as bytes (a view, no copy). */
  readLenencBytes(): Buffer {
    return this.readFixedBytes(this.readLenencInt());
  }

  /** string<lenenc> decoded with `encoding`. */
  readLenencString(encoding: BufferEncoding = 'utf8'): string {
    return this.readFixedString(this.readLenencInt(), encoding);
  }

  /** string<fix> of `length` bytes (a view, no copy). */
  readFixedBytes(length: number): Buffer {
    this.need(length);
    const start = this.offset;
    this.offset += length;
    return this.buffer.subarray(start, this.offset);
  }

  /** string<fix> of `length` bytes decoded with `encoding`. */
  readFixedString(length: number, encoding: BufferEncoding = 'utf8'): string {
    this.need(length);
    const start = this.offset;
    this.offset += length;
    return this.buffer.toString(encoding, start, this.offset);
  }

  /** string<NUL> as bytes (without the NUL); throws when no NUL terminates it. */
  readNulBytes(): Buffer {
    const nul = this.buffer.indexOf(NUL, this.offset);
    if (nul < 0 || nul >= this.end) throw malformedPacket();
    const start = this.offset;
    this.offset = nul + 1;
    return this.buffer.subarray(start, nul);
  }

  /** string<NUL> decoded with `encoding`; throws when no NUL terminates it. */
  readNulString(encoding: BufferEncoding = 'utf8'): string {
    const start = this.offset;
    const bytes = this.readNulBytes();
    return this.buffer.toString(encoding, start, start + bytes.length);
  }

  /**
   * string<NUL> that may instead run to the end of the packet, as some clients leave the last field of a
   * handshake unterminated.
   */
  readNulOrEofString(encoding: BufferEncoding = 'utf8'): string {
    const nul = this.buffer.indexOf(NUL, this.offset);
    const stop = nul < 0 || nul >= this.end ? this.end : nul;
    const text = this.buffer.toString(encoding, this.offset, stop);
    this.offset = stop < this.end ? stop + 1 : this.end;
    return text;
  }

  /** string<EOF>: the rest of the payload as bytes (a view, no copy). */
  readRestBytes(): Buffer {
    const start = this.offset;
    this.offset = this.end;
    return this.buffer.subarray(start, this.end);
  }

  /** string<EOF>: the rest of the payload decoded with `encoding`. */
  readRestString(encoding: BufferEncoding = 'utf8'): string {
    const start = this.offset;
    this.offset = this.end;
    return this.buffer.toString(encoding, start, this.end);
  }

  private need(length: number): void {
    if (!(length >= 0) || this.offset + length > this.end) throw malformedPacket();
  }
}
