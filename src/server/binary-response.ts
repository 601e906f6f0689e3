// writeBinaryStatementResult: a COM_STMT_EXECUTE answer: an OK packet, or a result set of binary protocol rows.
import {
  CapabilityFlags,
  writeBinaryRowHeader,
  writeColumnCount,
  writeColumnDefinition41,
  writeEofOkPacket,
  writeEofPacket,
  writeOkPacket,
} from '../protocol/index.js';
import type { PacketBatch } from '../protocol/index.js';
import type { Session } from '../session/session.js';
import type { FieldType, ResultColumn, Row, StatementResult } from '../sql/index.js';
import { writeBinaryValue } from './binary-value.js';
import { columnDefinition } from './column-definition.js';
import type { PacketChannel } from './packet-channel.js';
import { sessionStatusFlags } from './query-response.js';

/** Flush a batch to the socket once it holds this many bytes, so a large result streams with bounded memory. */
const FLUSH_THRESHOLD = 64 * 1024;

/**
 * Writes one prepared statement's result into `batch`, flushing through `channel` as it grows. The rows are consumed
 * here, so when this returns the session has finished the statement and the status flags are final.
 */
export async function writeBinaryStatementResult(
  batch: PacketBatch,
  channel: PacketChannel,
  session: Session,
  result: StatementResult,
  capabilities: number,
  resultCollationId: number,
): Promise<void> {
  if (result.kind === 'ok') {
    writeOkPacket(batch.begin(), {
      affectedRows: result.affectedRows,
      lastInsertId: result.lastInsertId,
      statusFlags: sessionStatusFlags(session, false),
      warnings: Math.min(session.warnings.count, 0xffff),
      info: result.info,
    }, capabilities);
    batch.end();
    return;
  }
  const isDeprecateEof = (capabilities & CapabilityFlags.CLIENT_DEPRECATE_EOF) !== 0;
  writeColumnCount(batch.begin(), result.columns.length, capabilities);
  batch.end();
  for (const column of result.columns) {
    writeColumnDefinition41(batch.begin(), columnDefinition(column, resultCollationId));
    batch.end();
  }
  if (!isDeprecateEof) {
    writeEofPacket(batch.begin(), { warnings: 0, statusFlags: sessionStatusFlags(session, false) }, capabilities);
    batch.end();
  }
  for await (const rows of result.rows) {
    writeBinaryResultRows(batch, result.columns, rows);
    if (batch.byteLength >= FLUSH_THRESHOLD) await channel.write(batch.take());
  }
  const statusFlags = sessionStatusFlags(session, false);
  const warnings = Math.min(session.warnings.count, 0xffff);
  if (isDeprecateEof) writeEofOkPacket(batch.begin(), { affectedRows: 0, lastInsertId: 0, statusFlags, warnings }, capabilities);
  else writeEofPacket(batch.begin(), { warnings, statusFlags }, capabilities);
  batch.end();
}

/** Writes `rows` as binary protocol rows, one packet each. */
export function writeBinaryResultRows(batch: PacketBatch, columns: readonly ResultColumn[], rows: readonly Row[]): void {
  const types: FieldType[] = columns.map((column) => column.type);
  for (const row of rows) {
    const writer = batch.begin();
    writeBinaryRowHeader(writer, types.length, (i) => (row[i] ?? null) === null);
    for (let i = 0; i < types.length; i++) {
      const value = row[i] ?? null;
      if (value !== null) writeBinaryValue(writer, value, types[i]!);
    }
    batch.end();
  }
}
