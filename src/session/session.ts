// Session: one client connection's state (database, variables, user variables, warnings, prepared statements) and
// its statement path: count, check, route to the session's own handlers or the SQL engine, inside its Transaction.
import { mysqlError, ER_MAX_PREPARED_STMT_COUNT_REACHED, ER_NO_DB_ERROR, ER_QUERY_INTERRUPTED, ER_UNSUPPORTED_PS } from '../errors/index.js';
import type { MySqlError } from '../errors/index.js';
import type { KvTransaction } from '../storage/kv.js';
import {
  INFORMATION_SCHEMA_DATABASE,
  comCounterOf,
  isDdlStatement,
  isInformationSchema,
  isPreparableStatement,
  isReadOnlyStatement,
  parseSingleStatement,
  parseStatements,
  runsInSession,
  userVariableValue,
  TemporaryTables,
} from '../sql/index.js';
import type {
  ExecutionContext,
  LockMode,
  ResultColumn,
  Row,
  SessionShowTarget,
  SessionTableName,
  ShowStmt,
  SqlValue,
  Statement,
  StatementResult,
  UserLocks,
  VariableScope,
} from '../sql/index.js';
import type { ClientSession, QueryOutcome } from './client-session.js';
import { collationById } from '../sql/index.js';
import { SessionSequences } from '../sql/index.js';
import { loginRoles } from '../sql/accounts/index.js';
import type { AuthId } from '../sql/accounts/index.js';
import type { SessionHost } from './session-host.js';
import type { SessionIdentity } from './session-identity.js';
import { runSessionStatement } from './session-statements.js';
import { executeShowSession } from './show-session.js';
import type { StatementSession } from './statement-session.js';
import { DEFAULT_VALUE, SessionVariables } from './variables/index.js';
import type { GlobalVariables, SessionStatus, StatusProvider } from './variables/index.js';
import { materializeRows } from './materialize-rows.js';
import { WarningList } from './warning-list.js';
import { PreparedStatements } from './prepared-statements.js';
import type { PreparedStatement } from './prepared-statements.js';
import { runWithPlanCache } from './cached-plan.js';
import type { PlanSlot } from './cached-plan.js';
import { TextPlanCache } from './text-plan-cache.js';
import { sessionTableRows } from './session-table-rows.js';
import type { LocalInfileSource } from './load-data-statement.js';
import { Transaction } from './transaction.js';
import type { StatementLocking } from './transaction.js';
import { armStatementDeadline, executionTimeLimitMs, takeTurnWhenBusy } from './statement-deadline.js';

export type { QueryOutcome } from './client-session.js';
export type { SessionIdentity } from './session-identity.js';

/** information_schema's character set and collation, as MySQL 8.0.11 reports them. */
const INFORMATION_SCHEMA_DEFAULTS = { charset: 'utf8', collation: 'utf8_general_ci' } as const;

/** SHOW WARNINGS / SHOW ERRORS and their counts read the diagnostics of the previous statement, so keep them. */
const DIAGNOSTIC_SHOWS: ReadonlySet<string> = new Set(['WARNINGS', 'ERRORS', 'COUNT WARNINGS', 'COUNT ERRORS']);

/**
 * A client session. Statements run one at a time; `run()` yields one result per statement of a multi-statement
 * query and finishes each statement's transaction work (autocommit) only after its rows have been consumed.
 */
export class Session implements ExecutionContext, StatementSession, ClientSession {
  readonly warnings = new WarningList();
  readonly variables: SessionVariables;
  /** This session's SHOW STATUS view: its own counters plus the connection's rows (Ssl_cipher, …). */
  readonly status: SessionStatus;
  /** The session's transaction: state, locks, savepoints, statement atomicity. */
  readonly txn: Transaction;
  lastInsertId = 0n;
  private database: string | undefined;
  private readonly userVariables = new Map<string, SqlValue>();
  /** Prepared statements of both protocols (COM_STMT_PREPARE ids and PREPARE names). */
  readonly prepared = new PreparedStatements();
  /** Text queries' parameterised statements and plans by digest. */
  private readonly textPlans = new TextPlanCache();
  /** The previous statement ran a cached plan (`@@last_plan_from_cache`, read by the statement after it). */
  private isLastPlanFromCache = false;
  /** The statement running (or that ran last) runs a cached plan; it becomes isLastPlanFromCache when the next starts. */
  isPlanFromCache = false;
  /** Set by KILL QUERY from another connection; the running statement stops at its next batch of rows. */
  private isInterrupted = false;
  /** The statements' account with its active roles; undefined until first asked for. */
  private account: { user: string; host: string; activeRoles: readonly AuthId[] } | undefined;
  /** Why it stops: KILL QUERY's 1317, or max_execution_time's 3024. */
  private interruptReason = mysqlError(ER_QUERY_INTERRUPTED);
  /** The running statement's max_execution_time timer. */
  private deadline: NodeJS.Timeout | undefined;
  /** Aborted by KILL: ends the running statement's lock wait or SLEEP at once. Fresh for each statement. */
  private interruption = new AbortController();
  /** CREATE TEMPORARY TABLE's tables, gone with the session; the transaction reads their rows through its engine. */
  readonly temporaryTables: TemporaryTables;

  constructor(
    readonly host: SessionHost,
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
    this.temporaryTables = new TemporaryTables(host.kv);
    this.txn = new Transaction(this.temporaryTables.engine, host.locks, this.variables, host.sql.catalog);
    if (identity.clientCollationId !== undefined) this.applyClientCollation(identity.clientCollationId);
  }

  /** The handshake's collation sets character_set_client/_connection/_results and collation_connection. */
  private applyClientCollation(collationId: number): void {
    const collation = collationById(collationId);
    if (collation && collation.charset !== 'binary') this.variables.setNames(collation.charset, collation.name);
  }

  /** A fresh session for the same client (COM_RESET_CONNECTION), keeping identity, connection facts and database. */
  reset(): Session {
    this.close();
    const session = new Session(this.host, this.identity, this.globals, this.connectionStatus);
    session.database = this.database;
    return session;
  }

  // ExecutionContext ------------------------------------------------------------------------------------------

  /** The session as the SQL layer sees it. */
  get context(): ExecutionContext {
    return this;
  }

  get lockingRead(): LockMode | undefined {
    return this.txn.lockingRead;
  }

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

  get privilegeAccount(): { user: string; host: string; activeRoles: readonly AuthId[] } {
    // The roles are activated on first use: the default roles (or all, activate_all_roles_on_login) of the login.
    this.account ??= { ...this.loginAccount, activeRoles: loginRoles(this.loginAccount, this.host.sql.accounts, this) };
    return this.account;
  }

  /** The account that authenticated, without roles. */
  private get loginAccount(): AuthId {
    const at = this.identity.account.lastIndexOf('@');
    return { user: this.identity.account.slice(0, at), host: this.identity.account.slice(at + 1) };
  }

  /** SET ROLE: the roles whose privileges the session's statements have from now on. */
  setActiveRoles(roles: readonly AuthId[]): void {
    this.account = { ...this.loginAccount, activeRoles: roles };
  }

  get isStrictMode(): boolean {
    return this.variables.isStrictMode;
  }

  get isForeignKeyChecks(): boolean {
    return this.variables.isForeignKeyChecks;
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

  transaction(): Promise<KvTransaction> {
    return this.txn.kvTransaction();
  }

  lockKeys(keys: readonly Uint8Array[], mode: LockMode): Promise<void> {
    return this.txn.lockKeys(keys, mode);
  }

  lockReadKeys(keys: readonly Uint8Array[], mode: LockMode): Promise<readonly boolean[]> {
    return this.txn.lockReadKeys(keys, mode);
  }

  systemVariable(name: string, scope: VariableScope): SqlValue {
    return this.variables.get(name, scope === 'default' ? undefined : scope);
  }

  userVariable(name: string): SqlValue {
    return this.userVariables.get(name.toLowerCase()) ?? null;
  }

  setUserVariable(name: string, value: SqlValue): void {
    this.userVariables.set(name.toLowerCase(), userVariableValue(value));
  }

  /** GET_LOCK() and its family, owned by this connection. */
  private sessionSequences: SessionSequences | undefined;
  /** NEXTVAL/LASTVAL/SETVAL, with this session's LASTVALs. */
  get sequences(): SessionSequences {
    return (this.sessionSequences ??= new SessionSequences(this.host.sql.catalog, this.host.sql.sequences));
  }
  readonly userLocks: UserLocks = {
    acquire: (name, timeoutMs, signal) => this.host.userLocks.acquire(this.connectionId, name, timeoutMs, signal),
    release: (name) => this.host.userLocks.release(this.connectionId, name),
    releaseAll: () => this.host.userLocks.releaseAll(this.connectionId),
    holderOf: (name) => this.host.userLocks.holderOf(name),
  };

  /** Aborted when the running statement is killed (KILL QUERY or KILL CONNECTION). */
  get interruptSignal(): AbortSignal {
    return this.interruption.signal;
  }

  acknowledgeInterrupt(): void {
    this.isInterrupted = false;
  }

  canSee(database: string, table?: string): boolean {
    const privileges = this.host.sql.privileges;
    return table === undefined ? privileges.isDatabaseVisible(this, database) : privileges.isTableVisible(this, database, table);
  }

  systemTableRows(table: SessionTableName): Row[] {
    return sessionTableRows(table, this);
  }

  // Session state --------------------------------------------------------------------------------------------

  /** True while a transaction is open (SERVER_STATUS_IN_TRANS). */
  get isInTransaction(): boolean {
    return this.txn.isOpen;
  }

  get isAutocommit(): boolean {
    return this.variables.isAutocommit;
  }

  /** Switches the current database (USE's privilege check is the statement table's); 1049 when it does not exist. */
  useDatabase(name: string): void {
    this.database = isInformationSchema(name) ? INFORMATION_SCHEMA_DATABASE : this.host.sql.catalog.getDatabase(name).name;
    this.syncDatabaseDefaults();
  }

  /** @@collation_database follows the current database (its stored default), or the server's without one. */
  private syncDatabaseDefaults(): void {
    const stored = this.database === undefined ? undefined : isInformationSchema(this.database) ? INFORMATION_SCHEMA_DEFAULTS : this.host.sql.catalog.findDatabase(this.database);
    const charset = stored?.charset ?? String(this.variables.get('character_set_server'));
    this.variables.setDatabaseDefaults(charset, stored?.collation ?? String(this.variables.get('collation_server')));
  }

  /** The database a login or COM_CHANGE_USER names: USE's privilege check (1044) and switch, uncounted. */
  enterDatabase(name: string): void {
    const use: Statement = { kind: 'UseStmt', text: `USE ${name}`, db: name };
    this.host.sql.checkPrivileges(use, this);
    this.useDatabase(name);
  }

  /**
   * KILL QUERY: the running statement ends with 1317 at its next batch of rows, or at once when it waits for a row
   * lock (SLEEP() returns 1); the connection and its transaction stay.
   */
  interrupt(reason: MySqlError = mysqlError(ER_QUERY_INTERRUPTED)): void {
    [this.isInterrupted, this.interruptReason] = [true, reason];
    this.interruption.abort(reason);
  }

  /** `@@character_set_results` (NULL: results are sent as stored). */
  get resultCharset(): string | null {
    const results = this.variables.get('character_set_results');
    return typeof results === 'string' ? results : null;
  }

  /** Records the error a command ended with, for SHOW WARNINGS / SHOW ERRORS. */
  recordError(error: MySqlError): void {
    this.warnings.error(error);
  }

  // The statement path ---------------------------------------------------------------------------------------

  /**
   * Runs the statements of `text`, yielding one outcome per statement. Stops at the first error (thrown), as MySQL
   * does for multi-statement queries. The caller must consume each result's rows before asking for the next.
   */
  async *run(text: string, localInfile?: LocalInfileSource): AsyncGenerator<QueryOutcome> {
    this.localInfile = localInfile;
    try {
      yield* this.runStatements(text);
    } finally {
      this.localInfile = undefined;
    }
  }

  /** The client's files for LOAD DATA LOCAL while run() runs a query. */
  localInfile: LocalInfileSource | undefined;

  private async *runStatements(text: string): AsyncGenerator<QueryOutcome> {
    const hit = this.variables.get('tidb_enable_non_prepared_plan_cache') === 0n ? undefined : this.textPlans.lookup(text);
    if (hit) {
      this.warnings.clear();
      const statement = hit.slot.statement;
      yield { result: this.streamed(await this.executeStatement(statement, hit.values, hit.slot)), hasMore: false, statement };
      return;
    }
    // MySQL runs the statements before a syntax error, then reports the error.
    const { statements, error } = parseStatements(text);
    if (statements.length === 0 && error === undefined) this.status.increment('Com_empty_query');
    for (let i = 0; i < statements.length; i++) {
      // Each statement after the first of a multi-statement query is one more question (MySQL counts them so).
      if (i > 0) {
        this.status.increment('Questions');
        this.status.increment('Queries');
      }
      const hasMore = i < statements.length - 1 || error !== undefined;
      const statement = statements[i]!;
      yield { result: await this.runStatement(statement), hasMore, statement };
    }
    if (error) throw error;
  }

  /**
   * Runs one statement the client sent (a text query's, or the SQL twin a COM_* command stands for: COM_INIT_DB as
   * USE, COM_PROCESS_KILL as KILL, …), so that both take the same counters and privilege checks.
   */
  async runStatement(statement: Statement): Promise<StatementResult> {
    if (statement.kind !== 'ShowStmt' || !DIAGNOSTIC_SHOWS.has(statement.target)) this.warnings.clear();
    if (statement.kind === 'ExecuteStmt') {
      // EXECUTE runs its prepared statement as the statement itself (its atomicity, retries and row stream).
      this.status.increment(comCounterOf(statement));
      return runSessionStatement(statement, this);
    }
    return this.streamed(await this.executeStatement(statement));
  }

  /**
   * Runs a prepared statement with its parameter values (COM_STMT_EXECUTE, EXECUTE … USING); like run() for one
   * statement. The parse tree is the one made at PREPARE; its plan is reused while it fits (cached-plan.ts).
   */
  async executePrepared(prepared: PreparedStatement, params: readonly SqlValue[]): Promise<StatementResult> {
    this.warnings.clear();
    this.status.increment('Com_stmt_execute');
    return this.streamed(await this.executeStatement(prepared.statement, params, prepared));
  }

  /** A result whose rows are still to be read finishes the statement once they are (see finishAfterRows). */
  private streamed(result: StatementResult): StatementResult {
    if (result.kind === 'ok' || result.complete) return result;
    return { ...result, rows: this.finishAfterRows(result.rows) };
  }

  /**
   * Parses `text` once and keeps it (COM_STMT_PREPARE, or PREPARE `name` FROM, which replaces a same-named one).
   * The statement must be valid now: unknown tables and columns are reported here, as MySQL does.
   */
  async prepare(text: string, name?: string): Promise<PreparedStatement> {
    this.warnings.clear();
    this.status.increment('Com_stmt_prepare');
    const { statement, paramCount } = parseSingleStatement(text);
    if (!isPreparableStatement(statement)) throw mysqlError(ER_UNSUPPORTED_PS);
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

  /** A protocol prepared statement by its id. */
  preparedById(id: number): PreparedStatement | undefined {
    return this.prepared.byStatementId(id);
  }

  /**
   * COM_FIELD_LIST: the columns of `table` in the current database. The command is SHOW COLUMNS by another road, so
   * it counts and is checked as that statement: an account that may not see the table learns nothing (1142).
   */
  fieldList(table: string): Promise<readonly ResultColumn[]> {
    this.warnings.clear();
    const statement: ShowStmt = { kind: 'ShowStmt', text: `SHOW COLUMNS FROM ${table}`, target: 'COLUMNS', table: { name: table } };
    this.status.increment(comCounterOf(statement));
    this.host.sql.checkPrivileges(statement, this);
    if (this.database === undefined) throw mysqlError(ER_NO_DB_ERROR);
    return Promise.resolve(this.host.sql.tableColumns(this.database, table, this));
  }

  /** Forgets a prepared statement (COM_STMT_CLOSE, DEALLOCATE PREPARE). */
  deallocate(prepared: PreparedStatement): void {
    this.status.increment('Com_stmt_close');
    if (this.prepared.remove(prepared)) this.host.status.set('Prepared_stmt_count', Math.max(this.host.status.get('Prepared_stmt_count') - 1, 0));
  }

  /** The result columns a statement will have, planned with zeros standing in for its parameters. */
  private async describeColumns(statement: Statement, paramCount: number): Promise<readonly ResultColumn[]> {
    const hadStarted = this.txn.hasStarted;
    try {
      return await this.host.sql.describeQuery(statement, this, new Array<SqlValue>(paramCount).fill(0n));
    } finally {
      this.txn.dropUnusedSnapshot(hadStarted);
    }
  }

  /** Wraps a row stream so the statement's autocommit work runs once the rows are consumed (or abandoned). */
  private async *finishAfterRows(rows: AsyncIterable<Row[]>): AsyncGenerator<Row[]> {
    let isComplete = false;
    let sent = 0;
    try {
      for await (const batch of rows) {
        await takeTurnWhenBusy();
        if (this.isInterrupted) throw this.interruptReason;
        sent += batch.length;
        yield batch;
      }
      isComplete = true;
      // FOUND_ROWS(): how many rows the last row-returning statement sent.
      this.status.lastFoundRows = BigInt(sent);
    } finally {
      if (isComplete) await this.txn.finishStatement();
      else this.txn.abandonStatement();
    }
  }

  private async executeStatement(statement: Statement, params?: readonly SqlValue[], prepared?: PlanSlot): Promise<StatementResult> {
    this.status.increment(comCounterOf(statement));
    this.isLastPlanFromCache = this.isPlanFromCache;
    this.isPlanFromCache = false;
    this.isInterrupted = false;
    if (this.interruption.signal.aborted) this.interruption = new AbortController();
    this.deadline = armStatementDeadline(this.deadline, executionTimeLimitMs(statement, this.variables.maxExecutionTime), (reason) => this.interrupt(reason));
    const processes = this.host.processes;
    if (processes?.refresh && readsProcessList(statement)) await processes.refresh();
    if (this.host.status.hasPeers && readsStatus(statement)) await this.host.status.refreshPeers();
    const accountChanges = this.host.sql.accounts.changeCount;
    const result = await this.txn.runStatement(
      this.lockingOf(statement),
      isReadOnlyStatement(statement),
      async () => {
        const result = await this.dispatch(statement, params, prepared);
        // A locking read must finish locking before its first row is sent, so that it can still re-run.
        return result.kind === 'rows' && this.txn.lockingRead ? materializeRows(result) : result;
      },
      async (result) => {
        // A result read in full (a point get) is done now, as an OK is: its autocommit need not wait for the client.
        if (result.kind === 'ok' || result.complete) await this.txn.finishStatement();
        // FOUND_ROWS(): how many rows the last row-returning statement sent (finishAfterRows counts streamed ones).
        if (result.kind === 'rows' && result.complete) this.status.lastFoundRows = BigInt(result.complete.length);
      },
    );
    this.status.recordStatement(result.kind === 'ok' ? result.affectedRows : undefined);
    await this.publishChanges(accountChanges);
    return result;
  }

  /** Tells the server's other processes what this statement changed in accounts and global variables. */
  private async publishChanges(accountChanges: number): Promise<void> {
    const globalChanges = this.variables.takeGlobalChanges();
    const events = this.host.events;
    if (!events) return;
    if (this.host.sql.accounts.changeCount !== accountChanges) await events.publish({ kind: 'accounts-changed' });
    for (const [name, value] of globalChanges) {
      await events.publish({ kind: 'global-variable-set', name, value: value === DEFAULT_VALUE ? { isDefault: true } : value });
    }
  }

  private lockingOf(statement: Statement): StatementLocking {
    const lock = statement.kind === 'SelectStmt' ? statement.lock : undefined;
    return {
      lockingRead: lock === undefined ? undefined : lock.mode === 'FOR UPDATE' ? 'exclusive' : 'shared',
      isLocking: lock !== undefined || !isReadOnlyStatement(statement),
      isNoWait: lock?.wait === 'NOWAIT',
      isSkipLocked: lock?.wait === 'SKIP LOCKED',
      signal: this.interruption.signal,
    };
  }

  /** Routes a statement by the statement table: the session's own handlers, or the SQL engine. */
  private async dispatch(statement: Statement, params: readonly SqlValue[] | undefined, prepared: PlanSlot | undefined): Promise<StatementResult> {
    if (runsInSession(statement)) {
      this.host.sql.checkPrivileges(statement, this);
      if (statement.kind === 'ShowStmt') return executeShowSession(statement as ShowStmt & { readonly target: SessionShowTarget }, this);
      return runSessionStatement(statement, this);
    }
    if (!isDdlStatement(statement)) return prepared ? this.executeWithPlanCache(prepared, params ?? []) : this.host.sql.execute(statement, this, params);
    await this.txn.commit();
    const schemaVersion = this.host.sql.catalog.schemaVersion;
    const result = await this.host.sql.execute(statement, this, params);
    // Every other server process loads the new schema before this DDL answers (TiDB's schema lease, made exact).
    if (this.host.events && this.host.sql.catalog.schemaVersion !== schemaVersion) await this.host.events.publish({ kind: 'schema-changed' });
    // MySQL leaves no current database once the current one is dropped (DATABASE() is NULL); ALTER DATABASE may
    // change the current one's defaults.
    const database = this.database;
    if (database !== undefined && !isInformationSchema(database) && !this.host.sql.catalog.findDatabase(database)) this.database = undefined;
    this.syncDatabaseDefaults();
    return result;
  }

  /** A prepared statement through its plan cache (cached-plan.ts), noting whether the plan was reused. */
  private async executeWithPlanCache(prepared: PlanSlot, values: readonly SqlValue[]): Promise<StatementResult> {
    const sql = this.host.sql;
    const { result, isFromCache } = await runWithPlanCache(prepared, values, {
      sql,
      context: this,
      isEnabled: this.globals.get('tidb_enable_prepared_plan_cache') !== 0n,
      schemaVersion: sql.catalog.schemaVersion,
      temporaryTablesVersion: this.temporaryTables.version,
      database: this.database,
      variablesChangeCount: this.variables.changeCount,
    });
    this.isPlanFromCache = isFromCache;
    return result;
  }


  /** Ends the session: an open transaction is rolled back, as when a MySQL client disconnects. */
  close(): void {
    this.txn.rollback();
    // Temporary tables end with the session too (disconnect, COM_RESET_CONNECTION, COM_CHANGE_USER).
    void this.temporaryTables.close();
    // User-level locks end with the session (disconnect, COM_RESET_CONNECTION, COM_CHANGE_USER), as in MySQL.
    void this.host.userLocks.releaseAll(this.connectionId);
    const count = this.prepared.clear();
    if (count > 0) this.host.status.set('Prepared_stmt_count', Math.max(this.host.status.get('Prepared_stmt_count') - count, 0));
  }
}

/** Statements whose answer includes other server processes' connections (see ProcessList.refresh). */
function readsProcessList(statement: Statement): boolean {
  if (statement.kind === 'KillStmt') return true;
  if (statement.kind === 'ShowStmt') return statement.target === 'PROCESSLIST';
  return statement.kind === 'SelectStmt' && /processlist/i.test(statement.text);
}

/** Statements that show status counters, which with several server processes sum every process's. */
function readsStatus(statement: Statement): boolean {
  if (statement.kind === 'ShowStmt') return statement.target === 'STATUS';
  return statement.kind === 'SelectStmt' && /_status\b/i.test(statement.text);
}
