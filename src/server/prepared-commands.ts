// PreparedCommands: the binary protocol of one connection: COM_STMT_PREPARE / EXECUTE / SEND_LONG_DATA / RESET /
// CLOSE / FETCH over the session's prepared statements.
import { mysqlError, ER_STMT_HAS_NO_OPEN_CURSOR, ER_UNKNOWN_STMT_HANDLER } from '../errors/index.js';
import type { MySqlError } from '../errors/index.js';
import {
  CapabilityFlags,
  Collation,
  ColumnFlags,
  ColumnType,
  CommandCode,
  CursorType,
  PacketBatch,
  ServerStatus,
  decodeComStmtExecute,
  decodeComStmtFetch,
  decodeComStmtHandle,
  decodeComStmtPrepare,
  decodeComStmtSendLongData,
  statementIdOf,
  writeColumnCount,
  writeColumnDefinition41,
  writeEofOkPacket,
  writeEofPacket,
  writeErrPacket,
  writeOkPacket,
  writeStmtPrepareOk,
} from '../protocol/index.js';
import type { BinaryParamType, ColumnDefinition41, PacketWriter } from '../protocol/index.js';
import type { PreparedStatement } from '../session/prepared-statements.js';
import type { ClientSession } from '../session/client-session.js';
import { decodeUtf8Lossless, digestStatements, formatSql } from '../sql/index.js';
import type { ResultColumn, Row, SqlValue, StatementDigest, StatementResult } from '../sql/index.js';
import { binaryParamValue } from './binary-value.js';
import { writeBinaryResultRows, writeBinaryStatementResult } from './binary-response.js';
import { columnDefinitionPayloads } from './column-definition-cache.js';
import type { PacketChannel } from './packet-channel.js';
import { sessionStatusFlags } from './query-response.js';
import { StatementTrace } from './statement-trace.js';
import type { StatementObserver } from '../observability/statement-observer.js';

/** What the protocol remembers about a statement between commands. */
interface StatementState {
  /** The parameter types of the last execution, reused when the client does not resend them. */
  boundTypes: readonly BinaryParamType[] | undefined;
  /** COM_STMT_SEND_LONG_DATA chunks by parameter, consumed by the next execution. */
  readonly longData: Map<number, Buffer[]>;
  /** The rows of an open read-only cursor (materialized at execute, as MySQL does) and the columns they have. */
  cursor: { readonly columns: readonly ResultColumn[]; readonly rows: Row[]; position: number } | undefined;
  /** The statement text as prepared, for the statement summary and the slow log. */
  text: string;
  /** The text's digest, computed at the first execution and kept for the others. */
  digests: readonly StatementDigest[] | undefined;
}

/** MariaDB's statement id meaning "the statement this connection prepared last" (fails if that PREPARE failed). */
const LAST_PREPARED_ID = 0xffffffff;

/** A parameter definition sent at prepare time: MySQL does not know parameter types until execution. */
const PARAM_DEFINITION: ColumnDefinition41 = {
  schema: '',
  table: '',
  orgTable: '',
  name: '?',
  orgName: '',
  characterSet: Collation.binary,
  columnLength: 0,
  type: ColumnType.MYSQL_TYPE_VAR_STRING,
  flags: ColumnFlags.BINARY_FLAG,
  decimals: 0,
};

export class PreparedCommands {
  /** Keyed by the statement object, so a COM_RESET_CONNECTION (a new session) forgets everything by itself. */
  private readonly states = new WeakMap<PreparedStatement, StatementState>();
  /** The statement prepared last, for MariaDB's id 0xFFFFFFFF ("the one just prepared", used to pipeline). */
  private lastPrepared: PreparedStatement | undefined;

  constructor(
    private readonly channel: PacketChannel,
    private readonly capabilities: number,
    /** The collation id of text result columns for `session`'s next result (it follows SET NAMES). */
    private readonly resultCollationId: (session: ClientSession) => number,
    /** The connection's mapping of any failure to the error the client sees (and the log line for a bug). */
    private readonly toClientError: (error: unknown) => MySqlError,
    /** Where each execution is recorded, when the server observes statements. */
    private readonly observer?: StatementObserver,
  ) {}

  /** Handles one COM_STMT_* packet. Errors are thrown for the connection to answer (never for CLOSE/LONG_DATA). */
  async dispatch(session: ClientSession, payload: Buffer, sequenceId: number): Promise<void> {
    switch (payload[0]) {
      case CommandCode.COM_STMT_PREPARE:
        return this.prepare(session, decodeComStmtPrepare(payload, decodeUtf8Lossless), sequenceId);
      case CommandCode.COM_STMT_EXECUTE:
        return this.execute(session, payload, sequenceId);
      case CommandCode.COM_STMT_FETCH:
        return this.fetch(session, payload, sequenceId);
      case CommandCode.COM_STMT_SEND_LONG_DATA: {
        // No answer, even for an unknown statement, as in MySQL.
        const command = decodeComStmtSendLongData(payload);
        const prepared = this.lookup(session, command.statementId);
        if (!prepared || command.paramId >= prepared.paramCount) return;
        const chunks = this.state(prepared).longData;
        chunks.set(command.paramId, [...(chunks.get(command.paramId) ?? []), Buffer.from(command.data)]);
        return;
      }
      case CommandCode.COM_STMT_CLOSE: {
        const prepared = this.lookup(session, decodeComStmtHandle(payload, CommandCode.COM_STMT_CLOSE));
        if (prepared) session.deallocate(prepared);
        return;
      }
      case CommandCode.COM_STMT_RESET: {
        const id = decodeComStmtHandle(payload, CommandCode.COM_STMT_RESET);
        const state = this.state(this.find(session, id, 'mysqld_stmt_reset'));
        state.longData.clear();
        state.cursor = undefined;
        return this.writeOk(session, sequenceId);
      }
      default:
        return undefined;
    }
  }

  private async prepare(session: ClientSession, text: string, sequenceId: number): Promise<void> {
    this.lastPrepared = undefined;
    const prepared = await session.prepare(text);
    this.lastPrepared = prepared;
    this.state(prepared).text = text;
    const batch = new PacketBatch(sequenceId);
    writeStmtPrepareOk(batch.begin(), {
      statementId: prepared.id,
      columnCount: prepared.columns.length,
      paramCount: prepared.paramCount,
      warnings: session.warningCount,
    });
    batch.end();
    for (let i = 0; i < prepared.paramCount; i++) {
      writeColumnDefinition41(batch.begin(), PARAM_DEFINITION);
      batch.end();
    }
    if (prepared.paramCount > 0) this.writeMetadataEnd(batch, session);
    for (const payload of columnDefinitionPayloads(prepared.columns, this.resultCollationId(session))) batch.add(payload);
    if (prepared.columns.length > 0) this.writeMetadataEnd(batch, session);
    await this.channel.write(batch.take());
  }

  private async execute(session: ClientSession, payload: Buffer, sequenceId: number): Promise<void> {
    const prepared = this.find(session, statementIdOf(payload), 'mysqld_stmt_execute');
    const state = this.state(prepared);
    const command = decodeComStmtExecute(payload, prepared.paramCount, state.boundTypes, state.longData);
    state.boundTypes = command.types;
    const params: SqlValue[] = command.params.map((param, i) => {
      if (param !== undefined) return binaryParamValue(param);
      const type = command.types[i]!;
      return binaryParamValue({ ...type, value: Buffer.concat(state.longData.get(i) ?? []) });
    });
    state.longData.clear();
    state.cursor = undefined;
    let trace: StatementTrace | undefined;
    if (this.observer) {
      const text = state.text || formatSql(prepared.statement);
      state.digests ??= digestStatements(text);
      trace = new StatementTrace(this.observer, session, text, true, state.digests);
    }
    let result: StatementResult;
    try {
      result = await session.executePrepared(prepared, params);
    } catch (error) {
      trace?.failed(error);
      throw error;
    }
    const batch = new PacketBatch(sequenceId);
    try {
      const rows = await this.writeExecuteResult(batch, session, state, result, command.flags);
      trace?.succeeded(prepared.statement.kind, result, rows);
    } catch (error) {
      // Rows may already be in the batch: the ERR packet follows them, as for a text query failing mid-result.
      const clientError = this.toClientError(error);
      trace?.failed(clientError);
      session.recordError(clientError);
      writeErrPacket(batch.begin(), clientError, this.capabilities);
      batch.end();
    }
    await this.channel.write(batch.take());
  }

  /** Writes the execution's answer; returns the rows sent (a cursor's rows count as sent when it opens). */
  private async writeExecuteResult(batch: PacketBatch, session: ClientSession, state: StatementState, result: StatementResult, flags: number): Promise<number> {
    const wantsCursor = (flags & (CursorType.READ_ONLY | CursorType.FOR_UPDATE | CursorType.SCROLLABLE)) !== 0;
    if (wantsCursor && result.kind === 'rows') {
      const rows: Row[] = [];
      for await (const chunk of result.rows) rows.push(...chunk);
      state.cursor = { columns: result.columns, rows, position: 0 };
      writeColumnCount(batch.begin(), result.columns.length, this.capabilities);
      batch.end();
      for (const payload of columnDefinitionPayloads(result.columns, this.resultCollationId(session))) batch.add(payload);
      // An open cursor's metadata always ends with an EOF, even under CLIENT_DEPRECATE_EOF, as MySQL sends it.
      writeEofPacket(batch.begin(), {
        warnings: 0,
        statusFlags: sessionStatusFlags(session, false) | ServerStatus.SERVER_STATUS_CURSOR_EXISTS,
      }, this.capabilities);
      batch.end();
      return rows.length;
    }
    return writeBinaryStatementResult(batch, this.channel, session, result, this.capabilities, this.resultCollationId(session));
  }

  private async fetch(session: ClientSession, payload: Buffer, sequenceId: number): Promise<void> {
    const command = decodeComStmtFetch(payload);
    const prepared = this.find(session, command.statementId, 'mysqld_stmt_fetch');
    const state = this.state(prepared);
    const cursor = state.cursor;
    if (!cursor) throw mysqlError(ER_STMT_HAS_NO_OPEN_CURSOR, command.statementId);
    const end = Math.min(cursor.position + Math.max(command.rowCount, 1), cursor.rows.length);
    const batch = new PacketBatch(sequenceId);
    writeBinaryResultRows(batch, cursor.columns, cursor.rows.slice(cursor.position, end));
    cursor.position = end;
    const isLast = end >= cursor.rows.length;
    if (isLast) state.cursor = undefined;
    const flags = sessionStatusFlags(session, false) | (isLast ? ServerStatus.SERVER_STATUS_LAST_ROW_SENT : ServerStatus.SERVER_STATUS_CURSOR_EXISTS);
    this.writeTerminator(batch.begin(), flags, session.warningCount);
    batch.end();
    await this.channel.write(batch.take());
  }

  private lookup(session: ClientSession, id: number): PreparedStatement | undefined {
    if (id !== LAST_PREPARED_ID) return session.preparedById(id);
    const last = this.lastPrepared;
    return last && session.preparedById(last.id) === last ? last : undefined;
  }

  private find(session: ClientSession, id: number, command: string): PreparedStatement {
    const prepared = this.lookup(session, id);
    if (!prepared) throw mysqlError(ER_UNKNOWN_STMT_HANDLER, String(id).length, String(id), command);
    return prepared;
  }

  private state(prepared: PreparedStatement): StatementState {
    let state = this.states.get(prepared);
    if (!state) {
      state = { boundTypes: undefined, longData: new Map(), cursor: undefined, text: '', digests: undefined };
      this.states.set(prepared, state);
    }
    return state;
  }

  /** The EOF after a block of definitions, left out under CLIENT_DEPRECATE_EOF. */
  private writeMetadataEnd(batch: PacketBatch, session: ClientSession): void {
    if ((this.capabilities & CapabilityFlags.CLIENT_DEPRECATE_EOF) !== 0) return;
    writeEofPacket(batch.begin(), { warnings: 0, statusFlags: sessionStatusFlags(session, false) }, this.capabilities);
    batch.end();
  }

  private writeTerminator(writer: PacketWriter, statusFlags: number, warnings: number): void {
    const count = Math.min(warnings, 0xffff);
    if ((this.capabilities & CapabilityFlags.CLIENT_DEPRECATE_EOF) !== 0) {
      writeEofOkPacket(writer, { affectedRows: 0, lastInsertId: 0, statusFlags, warnings: count }, this.capabilities);
    } else {
      writeEofPacket(writer, { warnings: count, statusFlags }, this.capabilities);
    }
  }

  private async writeOk(session: ClientSession, sequenceId: number): Promise<void> {
    const batch = new PacketBatch(sequenceId);
    writeOkPacket(batch.begin(), { affectedRows: 0, lastInsertId: 0, statusFlags: sessionStatusFlags(session, false), warnings: 0 }, this.capabilities);
    batch.end();
    await this.channel.write(batch.take());
  }
}
