// AuthSwitchRequest: the server asks the client to authenticate again with another plugin and fresh plugin data.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_switch_request.html
import { PacketHeader } from '../constants/packet-header.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The fields of Protocol::AuthSwitchRequest. */
export interface AuthSwitchRequest {
  readonly pluginName: string;
  /**
   * Sent as is, to the end of the packet. MySQL sends the 20-byte scramble followed by a NUL for its built-in
   * plugins; AuthPlugin.authPluginData() builds exactly that.
   */
  readonly pluginData: Buffer;
}

/** Writes an AuthSwitchRequest: 0xFE, plugin name NUL-terminated, plugin data. */
export function writeAuthSwitchRequest(writer: PacketWriter, request: AuthSwitchRequest): void {
  writer.writeInt1(PacketHeader.EOF).writeNulString(request.pluginName).writeBytes(request.pluginData);
}

/** Decodes an AuthSwitchRequest (the client side; for tests). Throws ER_MALFORMED_PACKET. */
export function decodeAuthSwitchRequest(payload: Buffer): AuthSwitchRequest {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== PacketHeader.EOF) throw malformedPacket();
  const pluginName = reader.readNulString();
  return { pluginName, pluginData: reader.readRestBytes() };
}
