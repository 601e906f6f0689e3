// Session: one client connection's state (database, variables, transaction, warnings) and its statement loop.
import {
  MySqlError,
  mysqlError,
  ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION,
  ER_LOCK_DEADLOCK,
  ER_MAX_PREPARED_STMT_COUNT_REACHED,
  ER_QUERY_INTERRUPTED,
  ER_UNKNOWN_ERROR,
  ER_UNKNOWN_STMT_HANDLER,
  ER_UNSUPPORTED_PS,
  ER_WRONG_ARGUMENTS,
} from '../errors/index.js';
import type { KvTransaction } from '../storage/kv.js';
import { WriteConflictError, beginTransaction } from '../storage/index.js';
import { INFORMATION_SCHEMA_DATABASE, OK_NOTHING, SqlEngine, isInformationSchema, parseSingleStatement, parseStatements } from '../sql/index.js';
import type { ExecuteStmt, ExecutionContext, LockMode, ResultColumn, Row, SessionTableName, SqlValue, Statement, StatementResult, VariableScope } from '../sql/index.js';
import type { SessionHost } from './session-host.js';
import { executeSet } from './set-statement.js';
import { executeShowSession, isSessionShow } from './show-session.js';
import { SessionVariables } from './variables/index.js';
import type { GlobalVariables, SessionStatus, StatusProvider } from './variables/index.js';
import type { LockOwnerId } from './locks/row-lock-manager.js';
import type { TxnMode } from './variables/index.js';
import { materializeRows } from './materialize-rows.js';
import { isReadOnlyStatement } from './read-only-statements.js';
import { SavepointList } from './savepoint-list.js';
import { WarningList } from './warning-list.js';
import { PreparedStatements, isPreparable, textOfValue } from './prepared-statements.js';
import { checkFlushTables, checkLockTables, isSessionFlush } from './table-lock-statements.js';
import type { PreparedStatement } from './prepared-statements.js';
import { runWithPlanCache } from './cached-plan.js';
import { sessionTableRows } from './session-table-rows.js';
import { executeAdminStatement } from './admin-statements.js';
import { armStatementDeadline, executionTimeLimitMs, takeTurnWhenBusy } from './statement-deadline.js';

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

/** How often a pessimistic statement re-runs after reading a row that changed before it could lock it. */
const MAX_STATEMENT_RETRIES = 64;

/** A pessimistic statement read a row another transaction changed before the lock was granted: run it again. */
class StaleReadRetry extends Error {}

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
  /** Fixed when the transaction starts (BEGIN or its first statement), as TiDB does with tidb_txn_mode. */
  private txnMode: TxnMode | undefined;
  /** The transaction's identity in the lock manager, once it has locked something. */
  private lockOwner: LockOwnerId | undefined;
  /** Optimistic mode: the keys written, locked only for the moment of the commit. */
  private optimisticKeys: Uint8Array[] = [];
  private readonly savepoints = new SavepointList();
  /** The running statement writes or locks (it reads the newest data and locks what it touches). */
  private isLockingStatement = false;
  private isNoWait = false;
  /** The running locking read says SKIP LOCKED: rows other transactions hold are skipped, not waited for. */
  private isSkipLocked = false;
  /** The running locking statement's view of the transaction and its lock-manager token. */
  private statementView: KvTransaction | undefined;
  private statementToken: number | undefined;
  /** BEGIN/START TRANSACTION is in force (vs. autocommit=0's implicit transaction). */
  private isExplicit = false;
  private isReadOnlyTxn = false;
  private readonly userVariables = new Map<string, SqlValue>();
  /** Prepared statements of both protocols (COM_STMT_PREPARE ids and PREPARE names). */
  readonly prepared = new PreparedStatements();
  /** The last prepared-statement execution ran a cached plan (`@@last_plan_from_cache`). */
  private isLastPlanFromCache = false;
  /** Set by KILL QUERY from another connection; the running statement stops at its next batch of rows. */
  private isInterrupted = false;
  private interruptReason = mysqlError(ER_QUERY_INTERRUPTED); // KILL QUERY: 1317, max_execution_time: 3024
  private deadline: NodeJS.Timeout | undefined;
  /** Aborted by KILL: ends the running statement's lock wait or SLEEP at once. Fresh for each statement. */
  private interruption = new AbortController();

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
      lastPlanFromCache: () => this.isLastPlanFromCache,
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

  get privilegeAccount(): { user: string; host: string } {
    const at = this.identity.account.lastIndexOf('@');
    return { user: this.identity.account.slice(0, at), host: this.identity.account.slice(at + 1) };
  }

  get isStrictMode(): boolean {
    return this.variables.isStrictMode;
  }

  get isOnlyFullGroupBy(): boolean {
    return this.variables.sqlMode.isOnlyFullGroupBy;
  }

  get warningCount(): number {
    return this.warnings.count;
  }

  get isFoundRowsMode(): boolean {
    return this.identity.isFoundRowsMode;
  }

  async transaction(): Promise<KvTransaction> {
    if (this.statementView) return this.statementView;
    if (!this.isLockingStatement || this.mode === 'optimistic') return this.openTransaction();
    // A pessimistic statement that writes or locks reads the newest committed rows (TiDB's for_update_ts); its
    // token must predate that snapshot so that a lock released after it marks the read stale.
    this.statementToken = this.host.locks.beginStatement();
    this.statementView = this.txn ? await this.txn.lockingView() : await this.openTransaction();
    return this.statementView;
  }

  async lockKeys(keys: readonly Uint8Array[], mode: LockMode): Promise<void> {
    if (this.mode === 'optimistic') {
      const txn = await this.openTransaction();
      for (const key of keys) {
        if (mode === 'exclusive') this.optimisticKeys.push(key);
        txn.trackRead(key);
      }
      return;
    }
    const locks = this.host.locks;
    this.statementToken ??= locks.beginStatement();
    this.lockOwner ??= locks.newOwner();
    const timeoutMs = this.isNoWait ? 0 : this.variables.lockWaitTimeout * 1000;
    const grant = await locks.acquire({
      owner: this.lockOwner,
      keys,
      mode,
      timeoutMs,
      statement: this.statementToken,
      signal: this.interruption.signal,
    });
    if (grant.isStale) throw new StaleReadRetry();
  }

  async lockReadKeys(keys: readonly Uint8Array[], mode: LockMode): Promise<readonly boolean[]> {
    if (!this.isSkipLocked || this.mode === 'optimistic') {
      await this.lockKeys(keys, mode);
      return keys.map(() => true);
    }
    // SKIP LOCKED (MySQL 8): rows another transaction has locked are left out of the result instead of waited for.
    const locks = this.host.locks;
    this.statementToken ??= locks.beginStatement();
    this.lockOwner ??= locks.newOwner();
    const { locked, isStale } = locks.acquireAvailable({ owner: this.lockOwner, keys, mode, timeoutMs: 0, statement: this.statementToken });
    if (isStale) throw new StaleReadRetry();
    return locked;
  }

  private get mode(): TxnMode {
    return this.txnMode ?? this.variables.txnMode;
  }

  private async openTransaction(): Promise<KvTransaction> {
    if (!this.txn) {
      this.txnMode ??= this.variables.txnMode;
      this.txn = await beginTransaction(this.host.kv);
    }
    return this.txn;
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
    const database = isInformationSchema(name) ? INFORMATION_SCHEMA_DATABASE : this.host.sql.catalog.getDatabase(name).name;
    this.host.sql.privileges.requireDatabaseAccess(this, database);
    this.database = database;
  }

  /**
   * KILL QUERY: the running statement ends with 1317 at its next batch of rows, or at once when it waits for a row
   * lock (SLEEP() returns 1); the connection and its transaction stay.
   */
  interrupt(reason: MySqlError = mysqlError(ER_QUERY_INTERRUPTED)): void {
    [this.isInterrupted, this.interruptReason] = [true, reason];
    this.interruption.abort(reason);
  }

  /** Aborted when the running statement is killed (KILL QUERY or KILL CONNECTION). */
  get interruptSignal(): AbortSignal {
    return this.interruption.signal;
  }

  acknowledgeInterrupt(): void {
    this.isInterrupted = false;
  }

  systemTableRows(table: SessionTableName): Row[] {
    return sessionTableRows(table, this.variables, this.status, this.host);
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
      const result = statement.kind === 'ExecuteStmt' ? await this.executeNamed(statement) : await this.executeStatement(statement);
      if (result.kind === 'rows') {
        yield { result: { ...result, rows: this.finishAfterRows(result.rows) }, hasMore: i < statements.length - 1 || error !== undefined };
      } else {
        yield { result, hasMore: i < statements.length - 1 || error !== undefined };
      }
    }
    if (error) throw error;
  }

  /**
   * Runs a prepared statement with its parameter values (COM_STMT_EXECUTE); like run() for one statement. The parse
   * tree is the one made at PREPARE; access paths are chosen again for each execution, because they depend on the
   * values (a point get for `id = ?`), as MySQL re-optimizes a prepared statement on every execution.
   */
  async executePrepared(prepared: PreparedStatement, params: readonly SqlValue[]): Promise<StatementResult> {
    this.warnings.clear();
    this.status.increment('Com_stmt_execute');
    const result = await this.executeStatement(prepared.statement, params, prepared);
    return result.kind === 'rows' ? { ...result, rows: this.finishAfterRows(result.rows) } : result;
  }

  /**
   * Parses `text` once and keeps it (COM_STMT_PREPARE, or PREPARE `name` FROM, which replaces a same-named one).
   * The statement must be valid now: unknown tables and columns are reported here, as MySQL does.
   */
  async prepare(text: string, name?: string): Promise<PreparedStatement> {
    this.warnings.clear();
    this.status.increment('Com_stmt_prepare');
    const { statement, paramCount } = parseSingleStatement(text);
    if (!isPreparable(statement)) throw mysqlError(ER_UNSUPPORTED_PS);
    const existing = name === undefined ? undefined : this.prepared.named(name);
    if (existing) this.deallocate(existing);
    const limit = Number(this.globals.get('max_prepared_stmt_count'));
    const count = this.host.status.get('Prepared_stmt_count');
    if (count >= limit) throw mysqlError(ER_MAX_PREPARED_STMT_COUNT_REACHED, limit);
    const columns = await this.describeColumns(statement, paramCount);
    const prepared: PreparedStatement = { id: this.prepared.nextId(), name, statement, paramCount, columns, plan: undefined };
    this.prepared.add(prepared);
    this.host.status.set('Prepared_stmt_count', this.host.status.get('Prepared_stmt_count') + 1);
    return prepared;
  }

  /** Forgets a prepared statement (COM_STMT_CLOSE, DEALLOCATE PREPARE). */
  deallocate(prepared: PreparedStatement): void {
    this.status.increment('Com_stmt_close');
    if (this.prepared.remove(prepared)) this.host.status.set('Prepared_stmt_count', Math.max(this.host.status.get('Prepared_stmt_count') - 1, 0));
  }

  /** The result columns a statement will have, planned with zeros standing in for its parameters. */
  private async describeColumns(statement: Statement, paramCount: number): Promise<readonly ResultColumn[]> {
    const hadTxn = this.txn !== undefined;
    try {
      return await this.host.sql.describeQuery(statement, this, new Array<SqlValue>(paramCount).fill(0n));
    } finally {
      // Planning may have opened a snapshot; a statement that was only prepared must not start the transaction.
      if (!hadTxn && this.txn) {
        this.txn.rollback();
        this.txn = undefined;
        if (!this.isExplicit) this.txnMode = undefined;
      }
    }
  }

  /** EXECUTE name USING @a, …: the prepared statement run with the user variables' current values. */
  private async executeNamed(statement: ExecuteStmt): Promise<StatementResult> {
    const prepared = this.prepared.named(statement.name);
    if (!prepared) throw mysqlError(ER_UNKNOWN_STMT_HANDLER, statement.name.length, statement.name, 'EXECUTE');
    if (statement.using.length !== prepared.paramCount) throw mysqlError(ER_WRONG_ARGUMENTS, 'EXECUTE');
    this.status.increment('Com_stmt_execute');
    return this.executeStatement(prepared.statement, statement.using.map((variable) => this.userVariable(variable.name)), prepared);
  }

  /** Wraps a row stream so the statement's autocommit work runs once the rows are consumed (or abandoned). */
  private async *finishAfterRows(rows: AsyncIterable<Row[]>): AsyncGenerator<Row[]> {
    let isComplete = false;
    try {
      for await (const batch of rows) {
        await takeTurnWhenBusy();
        if (this.isInterrupted) throw this.interruptReason;
        yield batch;
      }
      isComplete = true;
    } finally {
      if (isComplete) await this.endStatement();
      else this.abortStatement();
    }
  }

  private async executeStatement(statement: Statement, params?: readonly SqlValue[], prepared?: PreparedStatement): Promise<StatementResult> {
    const hadTxn = this.txn !== undefined;
    const savepoint = this.txn?.savepoint();
    for (let attempt = 1; ; attempt++) {
      this.beginStatementState(statement);
      try {
        let result = await this.dispatch(statement, params, prepared);
        // A locking read must finish locking before its first row is sent, so that it can still re-run.
        if (result.kind === 'rows' && this.lockingRead) result = { ...result, rows: await materializeRows(result.rows) };
        this.endStatementState();
        if (result.kind === 'ok') await this.endStatement();
        return result;
      } catch (error) {
        this.endStatementState();
        const isRetry = error instanceof StaleReadRetry && attempt < MAX_STATEMENT_RETRIES;
        if (hadTxn && this.txn && savepoint !== undefined) this.txn.rollbackTo(savepoint);
        else if (!hadTxn) this.dropStatementTransaction(isRetry);
        if (isRetry) continue;
        // InnoDB rolls back the whole transaction of a deadlock victim; a lock wait timeout only the statement.
        if (error instanceof StaleReadRetry || (error instanceof MySqlError && error.code === ER_LOCK_DEADLOCK.code)) {
          this.rollback();
          throw mysqlError(ER_LOCK_DEADLOCK);
        }
        throw error;
      }
    }
  }

  private beginStatementState(statement: Statement): void {
    this.isInterrupted = false;
    if (this.interruption.signal.aborted) this.interruption = new AbortController();
    this.deadline = armStatementDeadline(this.deadline, executionTimeLimitMs(statement, this.variables.maxExecutionTime), (reason) => this.interrupt(reason));
    const lock = statement.kind === 'SelectStmt' ? statement.lock : undefined;
    this.lockingRead = lock === undefined ? undefined : lock.mode === 'FOR UPDATE' ? 'exclusive' : 'shared';
    this.isNoWait = lock?.wait === 'NOWAIT';
    this.isSkipLocked = lock?.wait === 'SKIP LOCKED';
    this.isLockingStatement = lock !== undefined || !isReadOnlyStatement(statement);
  }

  private endStatementState(): void {
    if (this.statementToken !== undefined) this.host.locks.endStatement(this.statementToken);
    this.statementToken = undefined;
    this.statementView = undefined;
    this.lockingRead = undefined;
    this.isLockingStatement = false;
    this.isNoWait = false;
    this.isSkipLocked = false;
  }

  /**
   * A statement that opened the transaction failed: its KV transaction goes. Outside autocommit the locks it took
   * stay (as InnoDB keeps them); a retry keeps them too.
   */
  private dropStatementTransaction(isRetry: boolean): void {
    if (!isRetry && !this.isExplicit && this.variables.isAutocommit) {
      this.rollback();
      return;
    }
    this.txn?.rollback();
    this.txn = undefined;
  }

  private async dispatch(statement: Statement, params: readonly SqlValue[] | undefined, prepared?: PreparedStatement): Promise<StatementResult> {
    if (this.isReadOnlyTxn && !isReadOnlyStatement(statement)) throw mysqlError(ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION);
    switch (statement.kind) {
      case 'SetStmt':
        await executeSet(statement, this);
        return OK_NOTHING;
      case 'UseStmt':
        this.useDatabase(statement.db);
        return OK_NOTHING;
      case 'BeginStmt':
        await this.commit();
        this.isExplicit = true;
        this.txnMode = this.variables.txnMode;
        this.isReadOnlyTxn = statement.accessMode === 'READ ONLY';
        if (statement.withConsistentSnapshot) await this.transaction();
        return OK_NOTHING;
      case 'CommitStmt':
        await this.commit();
        return OK_NOTHING;
      case 'RollbackStmt':
        if (statement.savepoint !== undefined) this.txn?.rollbackTo(this.savepoints.rollbackTo(statement.savepoint));
        else this.rollback();
        return OK_NOTHING;
      case 'SavepointStmt':
        this.savepoints.set(statement.name, (await this.openTransaction()).savepoint());
        return OK_NOTHING;
      case 'ReleaseSavepointStmt':
        this.savepoints.release(statement.name);
        return OK_NOTHING;
      case 'AlterInstanceStmt':
      case 'SetTransactionStmt':
      case 'KillStmt':
        return executeAdminStatement(statement, { host: this.host, context: this, variables: this.variables, warnings: this.warnings });
      case 'DoStmt':
        for (const expr of statement.exprs) this.host.sql.evaluate(expr, this);
        return OK_NOTHING;
      case 'ShowStmt':
        if (isSessionShow(statement)) return executeShowSession(statement, this, this.host);
        return this.host.sql.execute(statement, this, params);
      case 'DropDatabaseStmt': {
        await this.commit();
        const result = await this.host.sql.execute(statement, this);
        // MySQL leaves no current database once the current one is dropped (DATABASE() is NULL).
        if (this.database !== undefined && !this.host.sql.catalog.findDatabase(this.database)) this.database = undefined;
        return result;
      }
      case 'PrepareStmt': {
        const text = statement.source.kind === 'text' ? statement.source.text : this.userVariable(statement.source.variable.name);
        await this.prepare(textOfValue(text), statement.name);
        return { kind: 'ok', affectedRows: 0n, lastInsertId: 0n, info: 'Statement prepared' };
      }
      case 'LockTablesStmt':
        // LOCK TABLES commits the open transaction, as in MySQL.
        await this.commit();
        checkLockTables(statement, this.host.sql, this.database);
        return OK_NOTHING;
      case 'UnlockTablesStmt':
        return OK_NOTHING;
      case 'FlushStmt':
        if (!isSessionFlush(statement)) return this.host.sql.execute(statement, this, params);
        if (statement.tablesMode === 'WITH READ LOCK') await this.commit();
        checkFlushTables(statement, this.host.sql, this.database);
        return OK_NOTHING;
      case 'DeallocateStmt': {
        const prepared = this.prepared.named(statement.name);
        if (!prepared) throw mysqlError(ER_UNKNOWN_STMT_HANDLER, statement.name.length, statement.name, 'DEALLOCATE PREPARE');
        this.deallocate(prepared);
        return OK_NOTHING;
      }
      default:
        if (SqlEngine.isDdl(statement)) await this.commit();
        if (prepared) return this.executeWithPlanCache(prepared, params ?? []);
        return this.host.sql.execute(statement, this, params);
    }
  }

  /** A prepared statement through its plan cache (cached-plan.ts), noting whether the plan was reused. */
  private async executeWithPlanCache(prepared: PreparedStatement, values: readonly SqlValue[]): Promise<StatementResult> {
    this.isLastPlanFromCache = false;
    const sql = this.host.sql;
    const { result, isFromCache } = await runWithPlanCache(prepared, values, {
      sql,
      context: this,
      isEnabled: this.globals.get('tidb_enable_prepared_plan_cache') !== 0n,
      schemaVersion: sql.catalog.schemaVersion,
      database: this.database,
      variablesChangeCount: this.variables.changeCount,
    });
    this.isLastPlanFromCache = isFromCache;
    return result;
  }

  /** After a statement succeeded: commit when no transaction spans statements (autocommit outside BEGIN). */
  private async endStatement(): Promise<void> {
    if (!this.isExplicit && this.variables.isAutocommit) await this.commit();
  }

  /** After a statement failed or was abandoned outside a multi-statement transaction: drop its writes. */
  private abortStatement(): void {
    if (!this.isExplicit && this.variables.isAutocommit) this.rollback();
  }

  /**
   * Commits the open transaction, if any. On a write conflict nothing is applied and the error is returned. Row
   * locks are held until the commit is durable, so no other transaction reads around it.
   */
  async commit(): Promise<void> {
    const txn = this.txn;
    const mode = this.mode;
    const optimisticKeys = this.optimisticKeys;
    let owner = this.lockOwner;
    this.resetTransactionState();
    try {
      if (!txn) return;
      if (mode === 'optimistic' && txn.isDirty && optimisticKeys.length > 0) {
        owner = this.host.locks.newOwner();
        const held = this.host.locks.tryAcquireAll(owner, optimisticKeys);
        if (held) throw new WriteConflictError(txn.startVersion, 0n, 0n, Buffer.from(held).toString('hex'));
      }
      await txn.commit();
    } catch (error) {
      txn?.rollback();
      if (error instanceof MySqlError) throw error;
      throw mysqlError(ER_UNKNOWN_ERROR, error instanceof Error ? error.message : String(error));
    } finally {
      if (owner !== undefined) this.host.locks.releaseAll(owner);
    }
  }

  /** Discards the open transaction, if any, and releases its locks. */
  rollback(): void {
    this.txn?.rollback();
    if (this.lockOwner !== undefined) this.host.locks.releaseAll(this.lockOwner);
    this.resetTransactionState();
  }

  private resetTransactionState(): void {
    this.txn = undefined;
    this.txnMode = undefined;
    this.lockOwner = undefined;
    this.optimisticKeys = [];
    this.savepoints.clear();
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
    const count = this.prepared.clear();
    if (count > 0) this.host.status.set('Prepared_stmt_count', Math.max(this.host.status.get('Prepared_stmt_count') - count, 0));
  }
}
