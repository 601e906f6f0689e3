// Session: one client connection's state (database, variables, transaction, warnings) and its statement loop.
import {
  MySqlError,
  mysqlError,
  ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION,
  ER_NOT_SUPPORTED_YET,
  ER_UNKNOWN_ERROR,
} from '../errors/index.js';
import type { KvTransaction } from '../storage/kv.js';
import { beginTransaction } from '../storage/index.js';
import { SqlEngine, parseStatements } from '../sql/index.js';
import type { ExecutionContext, LockMode, Row, SqlValue, Statement, StatementResult, VariableScope } from '../sql/index.js';
import type { SessionHost } from './session-host.js';
import { executeSet } from './set-statement.js';
import { executeShowSession, isSessionShow } from './show-session.js';
import { SessionVariables } from './variables/index.js';
import type { GlobalVariables, SessionStatus, StatusProvider } from './variables/index.js';
import { WarningList } from './warning-list.js';

/** One result of a multi-statement query, with whether more follow (SERVER_MORE_RESULTS_EXISTS). */
export interface QueryOutcome {
  readonly result: StatementResult;
  readonly hasMore: boolean;
}

/** Who the client is, fixed at login. */
export interface SessionIdentity {
  readonly connectionId: number;
  readonly user: string;
  readonly host: string;
  /** The account that authenticated, `user@host` as CURRENT_USER() shows it. */
  readonly account: string;
  readonly isFoundRowsMode: boolean;
}

const READ_ONLY_STATEMENTS: ReadonlySet<Statement['kind']> = new Set<Statement['kind']>([
  'SelectStmt',
  'UnionStmt',
  'ValuesStmt',
  'ShowStmt',
  'DescribeStmt',
  'SetStmt',
  'UseStmt',
  'DoStmt',
]);

/**
 * A client session. Statements run one at a time; `run()` yields one result per statement of a multi-statement
 * query and finishes each statement's transaction work (autocommit) only after its rows have been consumed.
 */
export class Session implements ExecutionContext {
  readonly warnings = new WarningList();
  readonly variables: SessionVariables;
  /** This session's SHOW STATUS view: its own counters plus the connection's rows (Ssl_cipher, …). */
  readonly status: SessionStatus;
  lastInsertId = 0n;
  lockingRead: LockMode | undefined;
  private database: string | undefined;
  private txn: KvTransaction | undefined;
  /** BEGIN/START TRANSACTION is in force (vs. autocommit=0's implicit transaction). */
  private isExplicit = false;
  private isReadOnlyTxn = false;
  private readonly userVariables = new Map<string, SqlValue>();

  constructor(
    private readonly host: SessionHost,
    readonly identity: SessionIdentity,
    readonly globals: GlobalVariables,
    /** Rows only this connection knows, e.g. the TLS cipher of its socket. */
    readonly connectionStatus: StatusProvider | undefined,
  ) {
    this.variables = new SessionVariables(globals, {
      warningCount: () => this.warnings.count,
      errorCount: () => this.warnings.errorCount,
    });
    this.status = host.status.createSession();
    if (connectionStatus) this.status.addProvider(connectionStatus);
  }

  /** A fresh session for the same client (COM_RESET_CONNECTION), keeping identity and connection facts. */
  reset(): Session {
    this.close();
    return new Session(this.host, this.identity, this.globals, this.connectionStatus);
  }

  // ExecutionContext ------------------------------------------------------------------------------------------

  get currentDatabase(): string | undefined {
    return this.database;
  }

  get connectionId(): number {
    return this.identity.connectionId;
  }

  get user(): string {
    return `${this.identity.user}@${this.identity.host}`;
  }

  get currentUser(): string {
    return this.identity.account;
  }

  get isStrictMode(): boolean {
    return this.variables.isStrictMode;
  }

  get warningCount(): number {
    return this.warnings.count;
  }

  get isFoundRowsMode(): boolean {
    return this.identity.isFoundRowsMode;
  }

  async transaction(): Promise<KvTransaction> {
    if (!this.txn) this.txn = await beginTransaction(this.host.kv);
    return this.txn;
  }

  lockKeys(_keys: readonly Uint8Array[], _mode: LockMode): Promise<void> {
    return Promise.resolve();
  }

  systemVariable(name: string, scope: VariableScope): SqlValue {
    return this.variables.get(name, scope === 'default' ? undefined : scope);
  }

  userVariable(name: string): SqlValue {
    return this.userVariables.get(name.toLowerCase()) ?? null;
  }

  setUserVariable(name: string, value: SqlValue): void {
    this.userVariables.set(name.toLowerCase(), value);
  }

  // Session state --------------------------------------------------------------------------------------------

  /** True while a transaction is open (SERVER_STATUS_IN_TRANS). */
  get isInTransaction(): boolean {
    return this.isExplicit || this.txn !== undefined;
  }

  get isAutocommit(): boolean {
    return this.variables.isAutocommit;
  }

  /** Switches the current database (USE / COM_INIT_DB); 1049 when it does not exist. */
  useDatabase(name: string): void {
    this.database = this.host.sql.catalog.getDatabase(name).name;
  }

  /** The sql engine and catalog, for commands that bypass SQL text (COM_FIELD_LIST). */
  get sql(): SqlEngine {
    return this.host.sql;
  }

  /**
   * Runs the statements of `text`, yielding one outcome per statement. Stops at the first error (thrown), as MySQL
   * does for multi-statement queries. The caller must consume each result's rows before asking for the next.
   */
  async *run(text: string): AsyncGenerator<QueryOutcome> {
    // MySQL runs the statements before a syntax error, then reports the error.
    const { statements, error } = parseStatements(text);
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      if (statement.kind !== 'ShowStmt' || (statement.target !== 'WARNINGS' && statement.target !== 'ERRORS' && statement.target !== 'COUNT WARNINGS' && statement.target !== 'COUNT ERRORS')) {
        this.warnings.clear();
      }
      const result = await this.executeStatement(statement);
      if (result.kind === 'rows') {
        yield { result: { ...result, rows: this.finishAfterRows(result.rows) }, hasMore: i < statements.length - 1 || error !== undefined };
      } else {
        yield { result, hasMore: i < statements.length - 1 || error !== undefined };
      }
    }
    if (error) throw error;
  }

  /** Wraps a row stream so the statement's autocommit work runs once the rows are consumed (or abandoned). */
  private async *finishAfterRows(rows: AsyncIterable<Row[]>): AsyncGenerator<Row[]> {
    let isComplete = false;
    try {
      yield* rows;
      isComplete = true;
    } finally {
      if (isComplete) await this.endStatement();
      else this.abortStatement();
    }
  }

  private async executeStatement(statement: Statement): Promise<StatementResult> {
    const hadTxn = this.txn !== undefined;
    const savepoint = this.txn?.savepoint();
    try {
      const result = await this.dispatch(statement);
      if (result.kind === 'ok') await this.endStatement();
      return result;
    } catch (error) {
      if (hadTxn && this.txn && savepoint !== undefined) this.txn.rollbackTo(savepoint);
      else if (!hadTxn) this.abortStatement();
      throw error;
    }
  }

  private async dispatch(statement: Statement): Promise<StatementResult> {
    if (this.isReadOnlyTxn && !READ_ONLY_STATEMENTS.has(statement.kind)) throw mysqlError(ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION);
    switch (statement.kind) {
      case 'SetStmt':
        await executeSet(statement, this);
        return okResult();
      case 'UseStmt':
        this.useDatabase(statement.db);
        return okResult();
      case 'BeginStmt':
        await this.commit();
        this.isExplicit = true;
        this.isReadOnlyTxn = statement.accessMode === 'READ ONLY';
        if (statement.withConsistentSnapshot) await this.transaction();
        return okResult();
      case 'CommitStmt':
        await this.commit();
        return okResult();
      case 'RollbackStmt':
        if (statement.savepoint !== undefined) throw mysqlError(ER_NOT_SUPPORTED_YET, 'ROLLBACK TO SAVEPOINT');
        this.rollback();
        return okResult();
      case 'DoStmt':
        for (const expr of statement.exprs) this.host.sql.evaluate(expr, this);
        return okResult();
      case 'ShowStmt':
        if (isSessionShow(statement)) return executeShowSession(statement, this, this.host);
        return this.host.sql.execute(statement, this);
      case 'DropDatabaseStmt': {
        await this.commit();
        const result = await this.host.sql.execute(statement, this);
        // MySQL leaves no current database once the current one is dropped (DATABASE() is NULL).
        if (this.database !== undefined && !this.host.sql.catalog.findDatabase(this.database)) this.database = undefined;
        return result;
      }
      default:
        if (SqlEngine.isDdl(statement)) await this.commit();
        return this.host.sql.execute(statement, this);
    }
  }

  /** After a statement succeeded: commit when no transaction spans statements (autocommit outside BEGIN). */
  private async endStatement(): Promise<void> {
    if (!this.isExplicit && this.variables.isAutocommit) await this.commit();
  }

  /** After a statement failed or was abandoned outside a multi-statement transaction: drop its writes. */
  private abortStatement(): void {
    if (!this.isExplicit && this.variables.isAutocommit) this.rollback();
  }

  /** Commits the open transaction, if any. On a write conflict nothing is applied and the error is returned. */
  async commit(): Promise<void> {
    const txn = this.txn;
    this.txn = undefined;
    this.isExplicit = false;
    this.isReadOnlyTxn = false;
    if (!txn) return;
    try {
      await txn.commit();
    } catch (error) {
      txn.rollback();
      if (error instanceof MySqlError) throw error;
      throw mysqlError(ER_UNKNOWN_ERROR, error instanceof Error ? error.message : String(error));
    }
  }

  /** Discards the open transaction, if any. */
  rollback(): void {
    this.txn?.rollback();
    this.txn = undefined;
    this.isExplicit = false;
    this.isReadOnlyTxn = false;
  }

  /** Called when autocommit is switched on: MySQL commits the open transaction then. */
  async onAutocommitEnabled(): Promise<void> {
    await this.commit();
  }

  /** Ends the session: an open transaction is rolled back, as when a MySQL client disconnects. */
  close(): void {
    this.rollback();
  }
}

function okResult(): StatementResult {
  return { kind: 'ok', affectedRows: 0n, lastInsertId: 0n, info: '' };
}
