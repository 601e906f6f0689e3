// AuthMoreData: extra authentication data from the server, e.g. caching_sha2_password's fast-auth result or RSA key.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_more_data.html
import { PacketHeader } from '../constants/packet-header.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** Writes an AuthMoreData packet: 0x01 then `data` to the end of the packet. */
export function writeAuthMoreData(writer: PacketWriter, data: Uint8Array): void {
  writer.writeInt1(PacketHeader.AUTH_MORE_DATA).writeBytes(data);
}

/** Decodes an AuthMoreData packet, returning its data (a view). Throws ER_MALFORMED_PACKET. */
export function decodeAuthMoreData(payload: Buffer): Buffer {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== PacketHeader.AUTH_MORE_DATA) throw malformedPacket();
  return reader.readRestBytes();
}
