// COM_STMT_EXECUTE: runs a prepared statement with binary-protocol parameter values.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_execute.html
import { ColumnType } from '../constants/column-type.js';
import { CommandCode } from '../constants/command-code.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';
import { readBinaryValue } from './read-binary-value.js';

/** The parameter flag byte's bit marking an unsigned integer type. */
const UNSIGNED_PARAM_FLAG = 0x80;

/** The cursor flags of COM_STMT_EXECUTE. */
export const CursorType = {
  NO_CURSOR: 0x00,
  READ_ONLY: 0x01,
  FOR_UPDATE: 0x02,
  SCROLLABLE: 0x04,
} as const;

/** How a parameter's value is encoded: a MYSQL_TYPE_* code and its unsigned flag. */
export interface BinaryParamType {
  readonly type: number;
  readonly isUnsigned: boolean;
}

/** One parameter value in binary-protocol form (a view of the payload), null for SQL NULL. */
export interface BinaryParam extends BinaryParamType {
  readonly value: Buffer | null;
}

/** The fields of COM_STMT_EXECUTE. */
export interface ComStmtExecute {
  readonly statementId: number;
  readonly flags: number;
  /** The types the values were read with: sent with this packet, or those of the previous execution. */
  readonly types: readonly BinaryParamType[];
  /** One entry per parameter; parameters fed by COM_STMT_SEND_LONG_DATA are `undefined` (their bytes are not here). */
  readonly params: readonly (BinaryParam | undefined)[];
}

/** The statement id of a COM_STMT_EXECUTE / SEND_LONG_DATA / CLOSE / RESET / FETCH payload. */
export function statementIdOf(payload: Buffer): number {
  const reader = new PacketReader(payload);
  reader.skip(1);
  return reader.readInt4();
}

/**
 * Decodes COM_STMT_EXECUTE for a statement of `paramCount` parameters. When the client does not resend types
 * (new_params_bound_flag 0), the values are read with `previousTypes`; parameters in `longData` (a set or map of
 * parameter ids) carry no bytes here.
 */
export function decodeComStmtExecute(
  payload: Buffer,
  paramCount: number,
  previousTypes: readonly BinaryParamType[] | undefined,
  longData: { has(paramId: number): boolean },
): ComStmtExecute {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== CommandCode.COM_STMT_EXECUTE) throw malformedPacket();
  const statementId = reader.readInt4();
  const flags = reader.readInt1();
  reader.readInt4(); // iteration count: always 1
  if (paramCount === 0) return { statementId, flags, types: [], params: [] };
  const nullBitmap = reader.readFixedBytes((paramCount + 7) >> 3);
  let types = previousTypes;
  if (reader.readInt1() === 1) {
    const sent: BinaryParamType[] = [];
    for (let i = 0; i < paramCount; i++) {
      const type = reader.readInt1();
      sent.push({ type, isUnsigned: (reader.readInt1() & UNSIGNED_PARAM_FLAG) !== 0 });
    }
    types = sent;
  }
  if (types === undefined || types.length !== paramCount) throw malformedPacket();
  const params: (BinaryParam | undefined)[] = [];
  for (let i = 0; i < paramCount; i++) {
    const type = types[i]!;
    if (longData.has(i)) params.push(undefined);
    else if ((((nullBitmap[i >> 3] as number) >> (i & 7)) & 1) === 1) params.push({ type: type.type, isUnsigned: type.isUnsigned, value: null });
    else params.push({ type: type.type, isUnsigned: type.isUnsigned, value: readBinaryValue(reader, type.type) });
  }
  return { statementId, flags, types, params };
}


/** Writes a COM_STMT_EXECUTE payload (the client side; for tests). Values must already be in binary form. */
export function writeComStmtExecute(
  writer: PacketWriter,
  statementId: number,
  flags: number,
  params: readonly BinaryParam[],
  sendTypes = true,
): void {
  writer.writeInt1(CommandCode.COM_STMT_EXECUTE).writeInt4(statementId).writeInt1(flags).writeInt4(1);
  if (params.length === 0) return;
  const bitmap = Buffer.alloc((params.length + 7) >> 3);
  params.forEach((param, i) => {
    if (param.value === null) bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
  });
  writer.writeBytes(bitmap).writeInt1(sendTypes ? 1 : 0);
  if (sendTypes) for (const param of params) writer.writeInt1(param.type).writeInt1(param.isUnsigned ? UNSIGNED_PARAM_FLAG : 0);
  for (const param of params) {
    if (param.value === null) continue;
    if (hasLengthByte(param.type)) writer.writeInt1(param.value.length).writeBytes(param.value);
    else if (isFixedSize(param.type)) writer.writeBytes(param.value);
    else writer.writeLenencBytes(param.value);
  }
}

function hasLengthByte(type: number): boolean {
  return type === ColumnType.MYSQL_TYPE_DATE || type === ColumnType.MYSQL_TYPE_DATETIME || type === ColumnType.MYSQL_TYPE_TIMESTAMP || type === ColumnType.MYSQL_TYPE_TIME;
}

function isFixedSize(type: number): boolean {
  return [
    ColumnType.MYSQL_TYPE_TINY,
    ColumnType.MYSQL_TYPE_SHORT,
    ColumnType.MYSQL_TYPE_YEAR,
    ColumnType.MYSQL_TYPE_LONG,
    ColumnType.MYSQL_TYPE_INT24,
    ColumnType.MYSQL_TYPE_FLOAT,
    ColumnType.MYSQL_TYPE_LONGLONG,
    ColumnType.MYSQL_TYPE_DOUBLE,
  ].includes(type as 1);
}
