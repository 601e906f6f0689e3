// COM_STMT_PREPARE and its COM_STMT_PREPARE_OK answer (the column and parameter definitions follow it).
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_prepare.html
import { CommandCode } from '../constants/command-code.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The fields of COM_STMT_PREPARE_OK. */
export interface StmtPrepareOk {
  readonly statementId: number;
  readonly columnCount: number;
  readonly paramCount: number;
  readonly warnings: number;
}

/** Decodes a COM_STMT_PREPARE payload (command byte included) into its statement text. */
export function decodeComStmtPrepare(payload: Buffer, decodeText: (bytes: Buffer) => string = (bytes) => bytes.toString('utf8')): string {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== CommandCode.COM_STMT_PREPARE) throw malformedPacket();
  return decodeText(reader.readRestBytes());
}

/** Writes a COM_STMT_PREPARE payload (the client side; for tests). */
export function writeComStmtPrepare(writer: PacketWriter, query: string): void {
  writer.writeInt1(CommandCode.COM_STMT_PREPARE).writeString(query);
}

/** Writes COM_STMT_PREPARE_OK. */
export function writeStmtPrepareOk(writer: PacketWriter, ok: StmtPrepareOk): void {
  writer
    .writeInt1(0x00)
    .writeInt4(ok.statementId)
    .writeInt2(ok.columnCount)
    .writeInt2(ok.paramCount)
    .writeInt1(0x00)
    .writeInt2(Math.min(ok.warnings, 0xffff));
}

/** Decodes COM_STMT_PREPARE_OK (the client side; for tests). */
export function decodeStmtPrepareOk(payload: Buffer): StmtPrepareOk {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== 0x00) throw malformedPacket();
  const statementId = reader.readInt4();
  const columnCount = reader.readInt2();
  const paramCount = reader.readInt2();
  reader.skip(1);
  const warnings = reader.remaining >= 2 ? reader.readInt2() : 0;
  return { statementId, columnCount, paramCount, warnings };
}
