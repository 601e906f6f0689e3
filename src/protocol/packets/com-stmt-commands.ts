// The small prepared-statement commands: COM_STMT_SEND_LONG_DATA, COM_STMT_CLOSE, COM_STMT_RESET, COM_STMT_FETCH.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_send_long_data.html (and siblings)
import { CommandCode } from '../constants/command-code.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The fields of COM_STMT_SEND_LONG_DATA: a chunk appended to one parameter's value. */
export interface ComStmtSendLongData {
  readonly statementId: number;
  readonly paramId: number;
  readonly data: Buffer;
}

export function decodeComStmtSendLongData(payload: Buffer): ComStmtSendLongData {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== CommandCode.COM_STMT_SEND_LONG_DATA) throw malformedPacket();
  const statementId = reader.readInt4();
  const paramId = reader.readInt2();
  return { statementId, paramId, data: reader.readRestBytes() };
}

/** The statement id of COM_STMT_CLOSE or COM_STMT_RESET (`command` says which is expected). */
export function decodeComStmtHandle(payload: Buffer, command: number): number {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== command) throw malformedPacket();
  return reader.readInt4();
}

/** The fields of COM_STMT_FETCH. */
export interface ComStmtFetch {
  readonly statementId: number;
  readonly rowCount: number;
}

export function decodeComStmtFetch(payload: Buffer): ComStmtFetch {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== CommandCode.COM_STMT_FETCH) throw malformedPacket();
  const statementId = reader.readInt4();
  return { statementId, rowCount: reader.readInt4() };
}

/** Client side, for tests: SEND_LONG_DATA, CLOSE/RESET and FETCH payloads. */
export function writeComStmtSendLongData(writer: PacketWriter, command: ComStmtSendLongData): void {
  writer.writeInt1(CommandCode.COM_STMT_SEND_LONG_DATA).writeInt4(command.statementId).writeInt2(command.paramId).writeBytes(command.data);
}

export function writeComStmtHandle(writer: PacketWriter, command: number, statementId: number): void {
  writer.writeInt1(command).writeInt4(statementId);
}

export function writeComStmtFetch(writer: PacketWriter, command: ComStmtFetch): void {
  writer.writeInt1(CommandCode.COM_STMT_FETCH).writeInt4(command.statementId).writeInt4(command.rowCount);
}
