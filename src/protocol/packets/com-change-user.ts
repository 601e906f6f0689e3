// COM_CHANGE_USER: log in again as another account on the same connection (the session is reset).
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_change_user.html
import { CapabilityFlags } from '../constants/capability-flags.js';
import { CommandCode } from '../constants/command-code.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The fields of COM_CHANGE_USER that the server uses. */
export interface ComChangeUser {
  readonly user: string;
  readonly authResponse: Buffer;
  readonly database: string;
  readonly characterSet: number | undefined;
  readonly authPluginName: string | undefined;
}

/** Decodes a COM_CHANGE_USER payload (command byte included) for a client with `capabilities`. */
export function decodeComChangeUser(payload: Buffer, capabilities: number): ComChangeUser {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== CommandCode.COM_CHANGE_USER) throw malformedPacket();
  const user = reader.readNulString();
  const authResponse =
    (capabilities & CapabilityFlags.CLIENT_SECURE_CONNECTION) !== 0 ? reader.readFixedBytes(reader.readInt1()) : reader.readNulBytes();
  const database = reader.readNulString();
  let characterSet: number | undefined;
  let authPluginName: string | undefined;
  if (reader.remaining >= 2) {
    characterSet = reader.readInt2();
    if ((capabilities & CapabilityFlags.CLIENT_PLUGIN_AUTH) !== 0 && reader.hasMore) authPluginName = reader.readNulString();
  }
  return { user, authResponse, database, characterSet, authPluginName };
}

/** Writes a COM_CHANGE_USER payload (the client side; for tests). */
export function writeComChangeUser(writer: PacketWriter, command: ComChangeUser): void {
  writer.writeInt1(CommandCode.COM_CHANGE_USER).writeNulString(command.user);
  writer.writeInt1(command.authResponse.length).writeBytes(command.authResponse);
  writer.writeNulString(command.database).writeInt2(command.characterSet ?? 45);
  writer.writeNulString(command.authPluginName ?? 'mysql_native_password');
}
