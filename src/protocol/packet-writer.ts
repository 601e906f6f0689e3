// PacketWriter: a growing buffer of MySQL wire data types that frames payloads in place as packets.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html
import { LenencPrefix, ProtocolLimits } from './constants/packet-header.js';

const { MAX_PACKET_PAYLOAD, HEADER_SIZE } = ProtocolLimits;
const DEFAULT_CAPACITY = 1024;
const MAX_RETAINED_CAPACITY = 4 * 1024 * 1024;
const MAX_INT2 = 0xffff;
const MAX_INT3 = 0xffffff;
/** Bytes per UTF-16 code unit in the worst case when encoded as UTF-8. */
const MAX_UTF8_BYTES_PER_UNIT = 3;
const singleByteEncodings: ReadonlySet<BufferEncoding> = new Set(['latin1', 'binary', 'ascii']);

/**
 * Writes int<n>, int<lenenc> and string<…> values into one growing buffer. Any number of packets can be written
 * back to back: {@link beginPacket} reserves the 4-byte header and {@link endPacket} fills it in (splitting a payload
 * of 16 MiB or more into several packets), so a payload is never copied to be framed. {@link take} hands the bytes
 * written so far to the caller, who then owns them (the writer never touches them again), ready for one socket write.
 */
export class PacketWriter {
  private buffer: Buffer;
  /** Start of the bytes not yet handed out by take(). */
  private base = 0;
  private offset = 0;
  /** Where the open packet's header was reserved, or -1 when no packet is open. */
  private packetStart = -1;
  private readonly initialCapacity: number;

  constructor(initialCapacity = DEFAULT_CAPACITY) {
    this.initialCapacity = Math.max(16, initialCapacity);
    this.buffer = Buffer.allocUnsafe(this.initialCapacity);
  }

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.offset - this.base;
  }

  /** True while a packet begun with beginPacket() has not been ended. */
  get isPacketOpen(): boolean {
    return this.packetStart >= 0;
  }

  /** Bytes written to the open packet's payload so far (0 when none is open). */
  get payloadLength(): number {
    return this.packetStart < 0 ? 0 : this.offset - this.packetStart - HEADER_SIZE;
  }

  /** Starts a packet: reserves its header. Throws if a packet is already open (a programming error). */
  beginPacket(): this {
    if (this.packetStart >= 0) throw new Error('PacketWriter: beginPacket() while a packet is open');
    this.ensure(HEADER_SIZE);
    this.packetStart = this.offset;
    this.offset += HEADER_SIZE;
    return this;
  }

  /**
   * Ends the open packet, framing its payload with `sequenceId`. A payload of 0xFFFFFF bytes or more becomes several
   * packets of 0xFFFFFF bytes followed by a shorter (possibly empty) one, with consecutive sequence ids.
   * @returns the sequence id the next packet must carry (wrapping at 256).
   */
  endPacket(sequenceId: number): number {
    const start = this.packetStart;
    if (start < 0) throw new Error('PacketWriter: endPacket() without beginPacket()');
    const payloadLength = this.offset - start - HEADER_SIZE;
    this.packetStart = -1;
    if (payloadLength < MAX_PACKET_PAYLOAD) {
      this.writeHeaderAt(start, payloadLength, sequenceId);
      return (sequenceId + 1) & 0xff;
    }
    return this.splitPayload(start, payloadLength, sequenceId);
  }

  /** Appends `payload` as a complete packet (or packets) starting at `sequenceId`; returns the next sequence id. */
  appendPacket(payload: Uint8Array, sequenceId: number): number {
    this.beginPacket();
    this.writeBytes(payload);
    return this.endPacket(sequenceId);
  }

  /**
   * Hands over the bytes written since the last take(); the caller owns them. Throws while a packet is open, since
   * its header is not written yet.
   */
  take(): Buffer {
    if (this.packetStart >= 0) throw new Error('PacketWriter: take() while a packet is open');
    const bytes = this.buffer.subarray(this.base, this.offset);
    this.base = this.offset;
    return bytes;
  }

  /** int<1>. */
  writeInt1(value: number): this {
    this.ensure(1);
    this.buffer[this.offset++] = value & 0xff;
    return this;
  }

  /** int<2>, little-endian. */
  writeInt2(value: number): this {
    this.ensure(2);
    this.buffer.writeUInt16LE(value & 0xffff, this.offset);
    this.offset += 2;
    return this;
  }

  /** int<3>, little-endian. */
  writeInt3(value: number): this {
    this.ensure(3);
    this.buffer.writeUIntLE(value & 0xffffff, this.offset, 3);
    this.offset += 3;
    return this;
  }

  /** int<4>, little-endian; negative values from `|` on bit 31 are written as their unsigned form. */
  writeInt4(value: number): this {
    this.ensure(4);
    this.buffer.writeUInt32LE(value >>> 0, this.offset);
    this.offset += 4;
    return this;
  }

  /** int<8>, little-endian unsigned. */
  writeInt8(value: number | bigint): this {
    this.ensure(8);
    this.buffer.writeBigUInt64LE(BigInt.asUintN(64, BigInt(value)), this.offset);
    this.offset += 8;
    return this;
  }

  /** int<lenenc> in the shortest form. Values must be non-negative integers below 2^64. */
  writeLenencInt(value: number | bigint): this {
    if (typeof value === 'number') {
      if (value <= LenencPrefix.MAX_ONE_BYTE) return this.writeInt1(value);
      if (value <= MAX_INT2) return this.writeInt1(LenencPrefix.INT2).writeInt2(value);
      if (value <= MAX_INT3) return this.writeInt1(LenencPrefix.INT3).writeInt3(value);
      return this.writeInt1(LenencPrefix.INT8).writeInt8(value);
    }
    if (value <= BigInt(MAX_INT3)) return this.writeLenencInt(Number(value));
    return this.writeInt1(LenencPrefix.INT8).writeInt8(value);
  }

  /** The 0xFB marker that stands for NULL in a text resultset row. */
  writeNull(): this {
    return this.writeInt1(LenencPrefix.NULL);
  }

  /** string<lenenc> from bytes. */
  writeLenencBytes(value: Uint8Array): this {
    this.writeLenencInt(value.length);
    return this.writeBytes(value);
  }

  /**
   * string<lenenc> from text, encoded with `encoding`. Short strings are encoded straight into the buffer after a
   * one-byte prefix, without measuring them first.
   */
  writeLenencString(value: string, encoding: BufferEncoding = 'utf8'): this {
    const maxBytes =
      encoding === 'utf8'
        ? value.length * MAX_UTF8_BYTES_PER_UNIT
        : singleByteEncodings.has(encoding)
          ? value.length
          : Infinity;
    if (maxBytes <= LenencPrefix.MAX_ONE_BYTE) {
      this.ensure(1 + maxBytes);
      const written = this.buffer.write(value, this.offset + 1, encoding);
      this.buffer[this.offset] = written;
      this.offset += 1 + written;
      return this;
    }
    const length = Buffer.byteLength(value, encoding);
    this.writeLenencInt(length);
    this.ensure(length);
    this.offset += this.buffer.write(value, this.offset, encoding);
    return this;
  }

  /** string<NUL>: `value` then a NUL byte. The caller ensures `value` contains no NUL. */
  writeNulString(value: string, encoding: BufferEncoding = 'utf8'): this {
    return this.writeString(value, encoding).writeInt1(0);
  }

  /** string<fix>/string<EOF> from text: the encoded bytes with no length or terminator. */
  writeString(value: string, encoding: BufferEncoding = 'utf8'): this {
    const length = Buffer.byteLength(value, encoding);
    this.ensure(length);
    this.offset += this.buffer.write(value, this.offset, encoding);
    return this;
  }

  /** string<fix>/string<EOF> from bytes. */
  writeBytes(value: Uint8Array): this {
    this.ensure(value.length);
    this.buffer.set(value, this.offset);
    this.offset += value.length;
    return this;
  }

  /** `count` zero bytes (fillers and reserved fields). */
  writeZeros(count: number): this {
    this.ensure(count);
    this.buffer.fill(0, this.offset, this.offset + count);
    this.offset += count;
    return this;
  }

  /** Makes room for `count` more bytes, moving the untaken bytes to a larger buffer when needed. */
  private ensure(count: number): void {
    if (this.offset + count <= this.buffer.length) return;
    const used = this.offset - this.base;
    // After a take(), keep the size reached so far (up to a cap) so a streamed result set does not regrow each time.
    const retained = this.base > 0 ? Math.min(this.buffer.length, MAX_RETAINED_CAPACITY) : 0;
    const capacity = Math.max(this.initialCapacity, (used + count) * 2, retained);
    const next = Buffer.allocUnsafe(capacity);
    this.buffer.copy(next, 0, this.base, this.offset);
    if (this.packetStart >= 0) this.packetStart -= this.base;
    this.offset = used;
    this.base = 0;
    this.buffer = next;
  }

  private writeHeaderAt(at: number, payloadLength: number, sequenceId: number): void {
    this.buffer.writeUIntLE(payloadLength, at, 3);
    this.buffer[at + 3] = sequenceId & 0xff;
  }

  /** Frames a payload of ≥ 0xFFFFFF bytes as several packets by moving its tail chunks right, last chunk first. */
  private splitPayload(start: number, payloadLength: number, sequenceId: number): number {
    const parts = Math.floor(payloadLength / MAX_PACKET_PAYLOAD) + 1;
    const extraHeaders = (parts - 1) * HEADER_SIZE;
    this.packetStart = start;
    this.ensure(extraHeaders);
    const packetStart = this.packetStart;
    this.packetStart = -1;
    for (let part = parts - 1; part >= 1; part--) {
      const source = packetStart + HEADER_SIZE + part * MAX_PACKET_PAYLOAD;
      const length = part === parts - 1 ? payloadLength - part * MAX_PACKET_PAYLOAD : MAX_PACKET_PAYLOAD;
      const header = packetStart + part * (MAX_PACKET_PAYLOAD + HEADER_SIZE);
      this.buffer.copyWithin(header + HEADER_SIZE, source, source + length);
      this.writeHeaderAt(header, length, sequenceId + part);
    }
    this.writeHeaderAt(packetStart, MAX_PACKET_PAYLOAD, sequenceId);
    this.offset += extraHeaders;
    return (sequenceId + parts) & 0xff;
  }
}

/** Runs `write` on a fresh writer and returns just the payload it wrote (no header); for tests and one-off packets. */
export function encodePayload(write: (writer: PacketWriter) => void, initialCapacity = 256): Buffer {
  const writer = new PacketWriter(initialCapacity);
  write(writer);
  return writer.take();
}
