// LOAD DATA [LOCAL] INFILE: reads the file (sent by the client, or from under secure_file_priv), splits it into rows
// and inserts them in batches through INSERT's own path, committing every few thousand rows when autocommitting.
import { createReadStream } from 'node:fs';
import { resolve, sep } from 'node:path';
import {
  mysqlError,
  EE_FILENOTFOUND,
  ER_CLIENT_LOCAL_FILES_DISABLED,
  ER_NO_DB_ERROR,
  ER_OPTION_PREVENTS_STATEMENT,
  ER_WARN_TOO_FEW_RECORDS,
  ER_WARN_TOO_MANY_RECORDS,
} from '../errors/index.js';
import { LoadDataReader, loadDataDecoder, loadDataFormat, mapExpr } from '../sql/index.js';
import type { Expr, InsertStmt, LoadDataField, LoadDataStmt, OkResult } from '../sql/index.js';
import type { StatementSession } from './statement-session.js';

/** Rows per INSERT: large enough that planning is a small share, small enough that a batch stays small in memory. */
const INSERT_ROWS = 500;
/** Rows per commit when tidb_dml_batch_size is 0, as TiDB's LOAD DATA committed every 20,000 rows. */
const DEFAULT_COMMIT_ROWS = 20_000;

/** The client's side of LOAD DATA LOCAL, which the connection provides. */
export interface LocalInfileSource {
  /** The client said it may send files (CLIENT_LOCAL_FILES). */
  readonly canSendFiles: boolean;
  /**
   * Sends the LOCAL INFILE request for `fileName` and yields the file's packets until the client's empty one. Ending
   * the iteration early reads and discards the rest, so the connection stays in step.
   */
  request(fileName: string): AsyncGenerator<Buffer>;
}

/** Runs LOAD DATA; the OK packet's info is MySQL's `Records: n  Deleted: n  Skipped: n  Warnings: n`. */
export async function executeLoadData(stmt: LoadDataStmt, session: StatementSession): Promise<OkResult> {
  const db = stmt.table.db ?? session.currentDatabase;
  if (db === undefined) throw mysqlError(ER_NO_DB_ERROR);
  const tableColumns = session.host.sql.tableColumns(db, stmt.table.name, session.context).map((column) => column.name);
  const format = loadDataFormat(stmt);
  const decoder = loadDataDecoder(stmt.charset ?? String(session.variables.get('character_set_database')));
  const chunks = stmt.isLocal ? openLocal(stmt, session) : await openServerFile(stmt.fileName, session);
  const loader = new BatchLoader(stmt, session, db, tableColumns);
  const reader = new LoadDataReader(format);
  let toIgnore = stmt.ignoreLines ?? 0;
  try {
    const take = async (rows: LoadDataField[][]): Promise<void> => {
      for (const row of rows) {
        if (toIgnore > 0) toIgnore--;
        else await loader.add(row);
      }
    };
    for await (const chunk of chunks) await take(reader.push(decoder.write(chunk), false));
    await take(reader.push(decoder.end(), true));
    await loader.flush();
  } finally {
    // Reads and discards what the client still sends when the load stopped early (an error).
    await chunks.return(undefined);
  }
  return loader.result();
}

/** The client's file, after MySQL's checks: the server's local_infile and the client's CLIENT_LOCAL_FILES (3948). */
function openLocal(stmt: LoadDataStmt, session: StatementSession): AsyncGenerator<Buffer> {
  const source = session.localInfile;
  if (session.variables.get('local_infile') !== 1n || source === undefined || !source.canSendFiles) throw mysqlError(ER_CLIENT_LOCAL_FILES_DISABLED);
  return source.request(stmt.fileName);
}

/** A file of the server's: only under secure_file_priv (NULL refuses every file: 1290), 29 when it is missing. */
async function openServerFile(fileName: string, session: StatementSession): Promise<AsyncGenerator<Buffer>> {
  const directory = session.variables.get('secure_file_priv');
  if (directory === null) throw mysqlError(ER_OPTION_PREVENTS_STATEMENT, '--secure-file-priv');
  const root = resolve(String(directory));
  const path = resolve(root, fileName);
  if (String(directory) !== '' && path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) throw mysqlError(ER_OPTION_PREVENTS_STATEMENT, '--secure-file-priv');
  const stream = createReadStream(path);
  await new Promise<void>((done, fail) => {
    stream.once('open', () => done());
    stream.once('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ENOENT' ? mysqlError(EE_FILENOTFOUND, path, 2, 'No such file or directory') : error));
  });
  return (async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } finally {
      stream.destroy();
    }
  })();
}

/** Turns rows of fields into multi-row INSERTs and counts what MySQL reports. */
class BatchLoader {
  private readonly batch: Expr[][] = [];
  private readonly columns: string[];
  /** Where each target of the column list goes: a column's position in `columns`, or a user variable. */
  private readonly targets: readonly ({ kind: 'column'; name: string } | { kind: 'variable'; name: string })[];
  private readonly assignments: readonly { readonly name: string; readonly value: Expr }[];
  private readonly commitRows: number;
  private rowNumber = 0;
  private sinceCommit = 0;
  private affected = 0n;
  private duplicates = 0n;
  private lastInsertId = 0n;
  private lastRow: readonly LoadDataField[] = [];

  constructor(
    private readonly stmt: LoadDataStmt,
    private readonly session: StatementSession,
    private readonly db: string,
    tableColumns: readonly string[],
  ) {
    this.targets = stmt.targets ?? tableColumns.map((name) => ({ kind: 'column' as const, name }));
    this.assignments = (stmt.assignments ?? []).map((assignment) => ({ name: assignment.column.column, value: assignment.value }));
    const given = this.targets.filter((target) => target.kind === 'column').map((target) => target.name);
    const assigned = new Set(this.assignments.map((assignment) => assignment.name.toLowerCase()));
    this.columns = [...given.filter((name) => !assigned.has(name.toLowerCase())), ...this.assignments.map((assignment) => assignment.name)];
    const size = Number(session.variables.get('tidb_dml_batch_size'));
    this.commitRows = size > 0 ? size : DEFAULT_COMMIT_ROWS;
  }

  async add(fields: readonly LoadDataField[]): Promise<void> {
    this.rowNumber++;
    const warnings = this.session.warnings;
    // One 1261 per missing field, as MySQL's loop over the columns warns.
    for (let i = fields.length; i < this.targets.length; i++) warnings.warn(mysqlError(ER_WARN_TOO_FEW_RECORDS, this.rowNumber));
    if (fields.length > this.targets.length) warnings.warn(mysqlError(ER_WARN_TOO_MANY_RECORDS, this.rowNumber));
    const byColumn = new Map<string, Expr>();
    const byVariable = new Map<string, Expr>();
    this.targets.forEach((target, i) => {
      const field = fields[i];
      if (target.kind === 'variable') byVariable.set(target.name.toLowerCase(), literal(field ?? null));
      else byColumn.set(target.name.toLowerCase(), field === undefined ? { kind: 'DefaultExpr' } : literal(field));
    });
    const row: Expr[] = this.columns.slice(0, this.columns.length - this.assignments.length).map((name) => byColumn.get(name.toLowerCase())!);
    for (const assignment of this.assignments) {
      // SET reads the row's variables and the columns read before it, which become the row's values here.
      row.push(mapExpr(assignment.value, (node) => {
        if (node.kind === 'UserVarExpr') return byVariable.get(node.name.toLowerCase());
        if (node.kind === 'ColumnRefExpr' && node.table === undefined) return byColumn.get(node.column.toLowerCase());
        return undefined;
      }));
    }
    if (byVariable.size > 0) this.lastRow = fields;
    this.batch.push(row);
    if (this.batch.length >= INSERT_ROWS) await this.flush();
  }

  /** Inserts the rows gathered so far; commits once enough rows are in, when no transaction spans statements. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    // KILL QUERY ends the load between batches (1317); the batches committed before it stay, as TiDB's.
    this.session.context.interruptSignal?.throwIfAborted();
    const stmt = this.stmt;
    const insert: InsertStmt = {
      kind: 'InsertStmt',
      text: stmt.text,
      isReplace: stmt.duplicates === 'REPLACE',
      // LOCAL implies IGNORE: the server cannot stop the client's transfer, so errors in rows become warnings.
      isIgnore: stmt.duplicates === 'IGNORE' || (stmt.isLocal && stmt.duplicates !== 'REPLACE'),
      table: { db: this.db, name: stmt.table.name },
      columns: this.columns,
      source: { kind: 'values', rows: this.batch.splice(0) },
    };
    const rows = insert.source.kind === 'values' ? insert.source.rows.length : 0;
    const result = await this.session.host.sql.execute(insert, this.session.context);
    if (result.kind !== 'ok') return;
    this.affected += result.affectedRows;
    this.duplicates += BigInt(/Duplicates: (\d+)/.exec(result.info)?.[1] ?? '0');
    if (this.lastInsertId === 0n) this.lastInsertId = result.lastInsertId;
    this.sinceCommit += rows;
    if (this.sinceCommit >= this.commitRows) {
      this.sinceCommit = 0;
      await this.session.txn.commitStatementBatch();
    }
  }

  /** MySQL's OK packet for LOAD DATA; the user variables keep the last row's values, as MySQL leaves them. */
  result(): OkResult {
    this.targets.forEach((target, i) => {
      if (target.kind === 'variable' && this.lastRow.length > 0) this.session.context.setUserVariable(target.name, this.lastRow[i] ?? null);
    });
    const isReplace = this.stmt.duplicates === 'REPLACE';
    const deleted = isReplace ? this.duplicates : 0n;
    const skipped = isReplace ? 0n : this.duplicates;
    const info = `Records: ${this.rowNumber}  Deleted: ${deleted}  Skipped: ${skipped}  Warnings: ${this.session.warnings.count}`;
    return { kind: 'ok', affectedRows: this.affected, lastInsertId: this.lastInsertId, info };
  }
}

function literal(field: LoadDataField): Expr {
  return field === null ? { kind: 'NullLiteralExpr' } : { kind: 'StringLiteralExpr', value: field };
}
