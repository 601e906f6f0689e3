// writeQueryResponse: sends the results of a COM_QUERY (OK packets and text result sets) in batched socket writes.
import {
  CapabilityFlags,
  ServerStatus,
  writeColumnCount,
  writeEofOkPacket,
  writeEofPacket,
  writeOkPacket,
  writeTextRow,
} from '../protocol/index.js';
import type { PacketBatch, TextCell } from '../protocol/index.js';
import type { ClientSession } from '../session/client-session.js';
import type { ResultColumn, Row, StatementResult } from '../sql/index.js';
import { columnDefinitionPayloads } from './column-definition-cache.js';
import type { PacketChannel } from './packet-channel.js';
import { textValue } from './text-value.js';

/** Flush a batch to the socket once it holds this many bytes, so a large result streams with bounded memory. */
const FLUSH_THRESHOLD = 64 * 1024;
/** Rows of a complete result encoded between flush checks. */
const COMPLETE_CHUNK = 256;

/** The SERVER_STATUS bits describing `session` after a statement. */
export function sessionStatusFlags(session: ClientSession, hasMore: boolean): number {
  let flags = 0;
  if (session.isInTransaction) flags |= ServerStatus.SERVER_STATUS_IN_TRANS;
  if (session.isAutocommit) flags |= ServerStatus.SERVER_STATUS_AUTOCOMMIT;
  if (hasMore) flags |= ServerStatus.SERVER_MORE_RESULTS_EXISTS;
  return flags;
}

/** Encodes a batch of result rows into packets (text rows for COM_QUERY, binary rows for COM_STMT_EXECUTE). */
export type RowsWriter = (batch: PacketBatch, columns: readonly ResultColumn[], rows: readonly Row[]) => void;

/** Writes `rows` as text protocol rows, one packet each. */
export function writeTextResultRows(batch: PacketBatch, columns: readonly ResultColumn[], rows: readonly Row[]): void {
  const cells: TextCell[] = new Array<TextCell>(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) cells[i] = textValue(row[i] ?? null, columns[i]!.type);
    writeTextRow(batch.begin(), cells);
    batch.end();
  }
}

/**
 * Writes one statement's result into `batch` (flushing through `channel` as it grows). Rows are consumed here, so
 * when this returns the session has finished the statement (autocommit), and the status flags are final. Returns
 * how many rows were sent (0 for an OK result).
 */
export async function writeStatementResult(
  batch: PacketBatch,
  channel: PacketChannel,
  session: ClientSession,
  result: StatementResult,
  hasMore: boolean,
  capabilities: number,
  resultCollationId: number,
  writeRows: RowsWriter = writeTextResultRows,
): Promise<number> {
  if (result.kind === 'ok') {
    writeOkPacket(batch.begin(), {
      affectedRows: result.affectedRows,
      lastInsertId: result.lastInsertId,
      statusFlags: sessionStatusFlags(session, hasMore),
      warnings: Math.min(session.warningCount, 0xffff),
      info: result.info,
    }, capabilities);
    batch.end();
    return 0;
  }
  const isDeprecateEof = (capabilities & CapabilityFlags.CLIENT_DEPRECATE_EOF) !== 0;
  writeColumnCount(batch.begin(), result.columns.length, capabilities);
  batch.end();
  for (const payload of columnDefinitionPayloads(result.columns, resultCollationId)) batch.add(payload);
  if (!isDeprecateEof) {
    writeEofPacket(batch.begin(), { warnings: 0, statusFlags: sessionStatusFlags(session, hasMore) }, capabilities);
    batch.end();
  }
  let count = 0;
  const complete = result.complete;
  if (complete && complete.length <= COMPLETE_CHUNK) {
    count = complete.length;
    writeRows(batch, result.columns, complete);
  } else {
    for await (const rows of complete ? chunksOf(complete) : result.rows) {
      count += rows.length;
      writeRows(batch, result.columns, rows);
      if (batch.byteLength >= FLUSH_THRESHOLD) await channel.write(batch.take());
    }
  }
  const statusFlags = sessionStatusFlags(session, hasMore);
  const warnings = Math.min(session.warningCount, 0xffff);
  if (isDeprecateEof) {
    writeEofOkPacket(batch.begin(), { affectedRows: 0, lastInsertId: 0, statusFlags, warnings }, capabilities);
  } else {
    writeEofPacket(batch.begin(), { warnings, statusFlags }, capabilities);
  }
  batch.end();
  return count;
}

/** A complete result's rows in chunks, so that a large one is flushed as it is encoded. */
function* chunksOf(rows: readonly Row[]): Generator<Row[]> {
  for (let i = 0; i < rows.length; i += COMPLETE_CHUNK) yield rows.slice(i, i + COMPLETE_CHUNK);
}
