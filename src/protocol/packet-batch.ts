// PacketBatch: many framed packets with running sequence ids in one buffer, so a result set is one socket write.
import { PacketWriter } from './packet-writer.js';

// Under half of Node's 8 KiB buffer pool, so the common small response (an OK, one row) is carved from the pool
// instead of costing its own allocation; larger results grow the buffer.
const DEFAULT_BATCH_CAPACITY = 2 * 1024;

/**
 * Collects consecutive packets of one exchange (e.g. column count, column definitions, rows, terminator) into one
 * growing buffer, numbering them from `sequenceId`. Write a payload between {@link begin} and {@link end}; call
 * {@link take} to get the bytes for one socket write (streaming callers take() whenever {@link byteLength} passes a
 * threshold). The sequence id carries on across take() calls.
 */
export class PacketBatch {
  /** The writer payloads are written with, between begin() and end(). */
  readonly writer: PacketWriter;
  private nextSequenceId: number;

  constructor(sequenceId = 0, initialCapacity = DEFAULT_BATCH_CAPACITY) {
    this.writer = new PacketWriter(initialCapacity);
    this.nextSequenceId = sequenceId & 0xff;
  }

  /** The sequence id the next packet will carry. */
  get sequenceId(): number {
    return this.nextSequenceId;
  }

  /** Restarts numbering, e.g. at 0 for a new command, or after packets were written outside this batch. */
  set sequenceId(value: number) {
    this.nextSequenceId = value & 0xff;
  }

  /** Bytes buffered and not yet taken. */
  get byteLength(): number {
    return this.writer.length;
  }

  /** Starts a packet and returns the writer to write its payload with. */
  begin(): PacketWriter {
    return this.writer.beginPacket();
  }

  /** Frames the packet begun with begin() (splitting it at 16 MiB) and advances the sequence id. */
  end(): void {
    this.nextSequenceId = this.writer.endPacket(this.nextSequenceId);
  }

  /** Appends an already encoded payload as the next packet. */
  add(payload: Uint8Array): void {
    this.nextSequenceId = this.writer.appendPacket(payload, this.nextSequenceId);
  }

  /** The framed bytes written since the last take(); the caller owns them (hand them to socket.write). */
  take(): Buffer {
    return this.writer.take();
  }
}
