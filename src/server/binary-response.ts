// writeBinaryStatementResult: a COM_STMT_EXECUTE answer, written as a COM_QUERY one but with binary protocol rows.
import { writeBinaryRowHeader } from '../protocol/index.js';
import type { PacketBatch } from '../protocol/index.js';
import type { ClientSession } from '../session/client-session.js';
import type { FieldType, ResultColumn, Row, StatementResult } from '../sql/index.js';
import { writeBinaryValue } from './binary-value.js';
import type { PacketChannel } from './packet-channel.js';
import { writeStatementResult } from './query-response.js';

/** A COM_STMT_EXECUTE answer: an OK packet, or a result set of binary rows; returns the number of rows sent. */
export function writeBinaryStatementResult(
  batch: PacketBatch,
  channel: PacketChannel,
  session: ClientSession,
  result: StatementResult,
  capabilities: number,
  resultCollationId: number,
): Promise<number> {
  return writeStatementResult(batch, channel, session, result, false, capabilities, resultCollationId, writeBinaryResultRows);
}

/** Writes `rows` as binary protocol rows, one packet each. */
export function writeBinaryResultRows(batch: PacketBatch, columns: readonly ResultColumn[], rows: readonly Row[]): void {
  const types: FieldType[] = columns.map((column) => column.type);
  // One NULL test for all rows rather than a closure per row.
  let row: Row = [];
  const isNull = (i: number): boolean => (row[i] ?? null) === null;
  for (row of rows) {
    const writer = batch.begin();
    writeBinaryRowHeader(writer, types.length, isNull);
    for (let i = 0; i < types.length; i++) {
      const value = row[i] ?? null;
      if (value !== null) writeBinaryValue(writer, value, types[i]!);
    }
    batch.end();
  }
}
