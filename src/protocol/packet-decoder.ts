// PacketDecoder: turns a stream of socket chunks into complete packet payloads, joining 16 MiB continuations.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html
import { ER_NET_PACKET_TOO_LARGE, ER_NET_PACKETS_OUT_OF_ORDER, mysqlError } from '../errors/index.js';
import type { MySqlError } from '../errors/index.js';
import { ProtocolLimits } from './constants/packet-header.js';

const { MAX_PACKET_PAYLOAD, HEADER_SIZE } = ProtocolLimits;
/** MySQL's default max_allowed_packet (64 MiB). */
export const DEFAULT_MAX_ALLOWED_PACKET = 64 * 1024 * 1024;

/** One complete logical payload (continuation packets already joined). */
export interface DecodedPacket {
  readonly kind: 'packet';
  /** The joined payload. It may be a view of a pushed chunk: copy it if it must outlive the chunk. */
  readonly payload: Buffer;
  /** The sequence id of the last physical packet; the reply starts at `(sequenceId + 1) & 0xff`. */
  readonly sequenceId: number;
  /** The sequence id of the first physical packet (equal to sequenceId unless the payload was ≥ 16 MiB). */
  readonly firstSequenceId: number;
}

/**
 * A fatal framing error: ER_NET_PACKET_TOO_LARGE (1153) or ER_NET_PACKETS_OUT_OF_ORDER (1156). After it the decoder
 * drops all input; the connection should send the error and close, as MySQL does.
 */
export interface PacketDecodeError {
  readonly kind: 'error';
  readonly error: MySqlError;
  /** The sequence id of the offending packet header; the ERR reply carries the next one, as mysqld's does. */
  readonly sequenceId: number;
}

export type PacketDecoderResult = DecodedPacket | PacketDecodeError;

export interface PacketDecoderOptions {
  /** The largest joined payload accepted, in bytes (max_allowed_packet). Default 64 MiB. */
  readonly maxAllowedPacket?: number;
}

/**
 * A streaming packet decoder. push() socket chunks, then call read() until it returns undefined. The size limit is
 * checked against each header before its payload is buffered, so an oversized packet is refused after at most one
 * 16 MiB part has been buffered (and never more than maxAllowedPacket bytes in all).
 */
export class PacketDecoder {
  /** The limit on a joined payload; may be changed between packets (SET max_allowed_packet). */
  maxAllowedPacket: number;
  private chunks: Buffer[] = [];
  /** Read offset into chunks[0]. */
  private head = 0;
  private buffered = 0;
  /** The header read for the payload still being waited for, or -1. */
  private pendingLength = -1;
  private pendingSequenceId = 0;
  /** Parts of a payload ≥ 16 MiB received so far. */
  private parts: Buffer[] = [];
  private partsLength = 0;
  private firstSequenceId = 0;
  private failure: MySqlError | null = null;
  private failureSequenceId = 0;
  private isFailureReported = false;

  constructor(options: PacketDecoderOptions = {}) {
    this.maxAllowedPacket = options.maxAllowedPacket ?? DEFAULT_MAX_ALLOWED_PACKET;
  }

  /** Bytes received and not yet returned as payloads (excluding parts of a split payload already assembled). */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /** True once a framing error was found; the decoder then ignores all input. */
  get hasFailed(): boolean {
    return this.failure !== null;
  }

  /** True when a packet has been started but not completed (a header or payload is partly received). */
  get isMidPacket(): boolean {
    return this.buffered > 0 || this.pendingLength >= 0 || this.parts.length > 0;
  }

  /** Adds bytes received from the socket. The decoder keeps a reference to `chunk`; do not modify it afterwards. */
  push(chunk: Buffer): void {
    if (this.failure !== null || chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  /**
   * The next complete payload, a fatal error (reported once), or undefined when more bytes are needed (or after the
   * error was reported).
   */
  read(): PacketDecoderResult | undefined {
    if (this.failure !== null) return this.reportFailure();
    for (;;) {
      if (this.pendingLength < 0) {
        if (this.buffered < HEADER_SIZE) return undefined;
        const header = this.consume(HEADER_SIZE);
        const length = header.readUIntLE(0, 3);
        const sequenceId = header[3] as number;
        if (this.parts.length > 0 && sequenceId !== ((this.pendingSequenceId + 1) & 0xff)) {
          return this.fail(mysqlError(ER_NET_PACKETS_OUT_OF_ORDER), sequenceId);
        }
        if (this.partsLength + length > this.maxAllowedPacket) return this.fail(mysqlError(ER_NET_PACKET_TOO_LARGE), sequenceId);
        this.pendingLength = length;
        this.pendingSequenceId = sequenceId;
        if (this.parts.length === 0) this.firstSequenceId = sequenceId;
      }
      if (this.buffered < this.pendingLength) return undefined;
      const data = this.consume(this.pendingLength);
      const isContinued = this.pendingLength === MAX_PACKET_PAYLOAD;
      this.pendingLength = -1;
      if (isContinued) {
        this.parts.push(data);
        this.partsLength += data.length;
        continue;
      }
      const sequenceId = this.pendingSequenceId;
      if (this.parts.length === 0) return { kind: 'packet', payload: data, sequenceId, firstSequenceId: sequenceId };
      this.parts.push(data);
      const payload = Buffer.concat(this.parts, this.partsLength + data.length);
      this.parts = [];
      this.partsLength = 0;
      return { kind: 'packet', payload, sequenceId, firstSequenceId: this.firstSequenceId };
    }
  }

  /**
   * Removes and returns the bytes received but not yet decoded, for handing the stream to another reader (the TLS
   * handshake that follows an SSLRequest). Throws if a packet is partly decoded (a programming error).
   */
  takeRemaining(): Buffer {
    if (this.pendingLength >= 0 || this.parts.length > 0) {
      throw new Error('PacketDecoder: takeRemaining() in the middle of a packet');
    }
    const rest = this.buffered === 0 ? Buffer.alloc(0) : this.consume(this.buffered);
    this.chunks = [];
    this.head = 0;
    return rest;
  }

  /** Removes `length` buffered bytes: a view when they lie in one chunk, else a copy. */
  private consume(length: number): Buffer {
    this.buffered -= length;
    const first = this.chunks[0];
    if (length === 0) return Buffer.alloc(0);
    if (first !== undefined && first.length - this.head >= length) {
      const view = first.subarray(this.head, this.head + length);
      this.advance(first, length);
      return view;
    }
    const out = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const chunk = this.chunks[0] as Buffer;
      const take = Math.min(chunk.length - this.head, length - filled);
      chunk.copy(out, filled, this.head, this.head + take);
      filled += take;
      this.advance(chunk, take);
    }
    return out;
  }

  private advance(chunk: Buffer, count: number): void {
    this.head += count;
    if (this.head === chunk.length) {
      this.chunks.shift();
      this.head = 0;
    }
  }

  private fail(error: MySqlError, sequenceId: number): PacketDecoderResult | undefined {
    this.failure = error;
    this.failureSequenceId = sequenceId;
    this.chunks = [];
    this.head = 0;
    this.buffered = 0;
    this.parts = [];
    this.partsLength = 0;
    this.pendingLength = -1;
    return this.reportFailure();
  }

  private reportFailure(): PacketDecoderResult | undefined {
    if (this.isFailureReported || this.failure === null) return undefined;
    this.isFailureReported = true;
    return { kind: 'error', error: this.failure, sequenceId: this.failureSequenceId };
  }
}
