// COM_FIELD_LIST: list a table's columns (deprecated, still sent by some clients' table-name completion).
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_field_list.html
import { CommandCode } from '../constants/command-code.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The fields of COM_FIELD_LIST. */
export interface ComFieldList {
  readonly table: string;
  /** A LIKE pattern on column names; '' for all columns. */
  readonly wildcard: string;
}

/** Decodes a COM_FIELD_LIST payload (command byte included). Throws ER_MALFORMED_PACKET. */
export function decodeComFieldList(payload: Buffer, encoding: BufferEncoding = 'utf8'): ComFieldList {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== CommandCode.COM_FIELD_LIST) throw malformedPacket();
  const table = reader.readNulString(encoding);
  return { table, wildcard: reader.readRestString(encoding) };
}

/** Writes a COM_FIELD_LIST payload (the client side; for tests). */
export function writeComFieldList(writer: PacketWriter, command: ComFieldList): void {
  writer.writeInt1(CommandCode.COM_FIELD_LIST).writeNulString(command.table).writeString(command.wildcard);
}
