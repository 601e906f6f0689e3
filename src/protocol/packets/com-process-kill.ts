// COM_PROCESS_KILL: end a connection (what `KILL id` does; deprecated in MySQL 8 but still sent by old tools).
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_process_kill.html
import { CommandCode } from '../constants/command-code.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The fields of COM_PROCESS_KILL. */
export interface ComProcessKill {
  readonly connectionId: number;
}

/** Decodes a COM_PROCESS_KILL payload (command byte included). Throws ER_MALFORMED_PACKET. */
export function decodeComProcessKill(payload: Buffer): ComProcessKill {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== CommandCode.COM_PROCESS_KILL) throw malformedPacket();
  return { connectionId: reader.readInt4() };
}

/** Writes a COM_PROCESS_KILL payload (the client side; for tests). */
export function writeComProcessKill(writer: PacketWriter, command: ComProcessKill): void {
  writer.writeInt1(CommandCode.COM_PROCESS_KILL).writeInt4(command.connectionId);
}
