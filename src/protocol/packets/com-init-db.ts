// COM_INIT_DB: change the default schema (what `USE db` does from the client library).
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_init_db.html
import { CommandCode } from '../constants/command-code.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The fields of COM_INIT_DB. */
export interface ComInitDb {
  readonly schema: string;
}

/** Decodes a COM_INIT_DB payload (command byte included). Throws ER_MALFORMED_PACKET. */
export function decodeComInitDb(payload: Buffer, encoding: BufferEncoding = 'utf8'): ComInitDb {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== CommandCode.COM_INIT_DB) throw malformedPacket();
  return { schema: reader.readRestString(encoding) };
}

/** Writes a COM_INIT_DB payload (the client side; for tests). */
export function writeComInitDb(writer: PacketWriter, command: ComInitDb): void {
  writer.writeInt1(CommandCode.COM_INIT_DB).writeString(command.schema);
}
