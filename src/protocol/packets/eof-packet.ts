// EOF_Packet: ends column definitions and rows for clients without CLIENT_DEPRECATE_EOF.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_eof_packet.html
import { CapabilityFlags, hasCapability } from '../constants/capability-flags.js';
import { PacketHeader } from '../constants/packet-header.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The largest EOF packet: a payload beginning with 0xFE is an EOF packet only when shorter than this. */
export const MAX_EOF_PACKET_LENGTH = 9;

/** The fields of an EOF packet. */
export interface EofPacket {
  readonly warnings: number;
  /** SERVER_STATUS_* bits. */
  readonly statusFlags: number;
}

/** Writes an EOF packet: 0xFE, then warnings and status for CLIENT_PROTOCOL_41 clients. */
export function writeEofPacket(writer: PacketWriter, eof: EofPacket, capabilities: number): void {
  writer.writeInt1(PacketHeader.EOF);
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_PROTOCOL_41)) {
    writer.writeInt2(eof.warnings).writeInt2(eof.statusFlags);
  }
}

/** True when `payload` is an EOF packet (header 0xFE and shorter than 9 bytes). */
export function isEofPacket(payload: Buffer): boolean {
  return payload[0] === PacketHeader.EOF && payload.length < MAX_EOF_PACKET_LENGTH;
}

/** Decodes an EOF packet. Throws ER_MALFORMED_PACKET. */
export function decodeEofPacket(payload: Buffer, capabilities: number): EofPacket {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== PacketHeader.EOF) throw malformedPacket();
  if (!hasCapability(capabilities, CapabilityFlags.CLIENT_PROTOCOL_41)) return { warnings: 0, statusFlags: 0 };
  const warnings = reader.readInt2();
  return { warnings, statusFlags: reader.readInt2() };
}
