// framePacket: frames one encoded payload as wire packets, splitting payloads of 16 MiB or more.
import { PacketWriter } from './packet-writer.js';
import { ProtocolLimits } from './constants/packet-header.js';

/** Framed bytes of one payload and the sequence id of the packet after them. */
export interface FramedPacket {
  readonly bytes: Buffer;
  readonly nextSequenceId: number;
}

/**
 * Frames `payload` starting at `sequenceId`: one packet when shorter than 0xFFFFFF bytes, otherwise 0xFFFFFF-byte
 * packets followed by a shorter (possibly empty) last one. Copies the payload once; to avoid even that, write the
 * payload with a PacketWriter/PacketBatch in the first place.
 */
export function framePacket(payload: Uint8Array, sequenceId: number): FramedPacket {
  const parts = Math.floor(payload.length / ProtocolLimits.MAX_PACKET_PAYLOAD) + 1;
  const writer = new PacketWriter(payload.length + parts * ProtocolLimits.HEADER_SIZE);
  const nextSequenceId = writer.appendPacket(payload, sequenceId);
  return { bytes: writer.take(), nextSequenceId };
}
