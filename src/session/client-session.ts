// ClientSession and SessionDriver: the narrow door through which the server layer talks to SQL (TiDB's IDriver and
// QueryCtx): a connection sees these, never the Session's internals, the catalog or the engine.
import type { MySqlError } from '../errors/index.js';
import type { ResultColumn, SqlValue, Statement, StatementResult } from '../sql/index.js';
import type { Account, FailedLogins } from '../sql/accounts/index.js';
import type { LocalInfileSource } from './load-data-statement.js';
import type { PreparedStatement } from './prepared-statements.js';
import type { StatementObserver } from '../observability/statement-observer.js';
import type { ProcessList } from './session-host.js';
import type { SessionIdentity } from './session-identity.js';
import type { GlobalVariables, SessionStatus, StatusProvider, StatusVariables } from './variables/index.js';

/** One result of a multi-statement query, with whether more follow (SERVER_MORE_RESULTS_EXISTS). */
export interface QueryOutcome {
  readonly result: StatementResult;
  readonly hasMore: boolean;
  /** The statement that produced it (its kind is the statement summary's type). */
  readonly statement: Statement;
}

/** A logged-in client's session, as its connection drives it. */
export interface ClientSession {
  readonly identity: SessionIdentity;
  readonly currentDatabase: string | undefined;
  /** SERVER_STATUS_IN_TRANS. */
  readonly isInTransaction: boolean;
  /** SERVER_STATUS_AUTOCOMMIT. */
  readonly isAutocommit: boolean;
  /** Warnings of the last statement (OK and EOF packets carry the count). */
  readonly warningCount: number;
  /** This session's status counters (the connection adds Bytes_*, Questions, Com_* of commands). */
  readonly status: SessionStatus;
  /** The statement that ran last (prepared, or text through the text plan cache) reused a cached plan. */
  readonly isPlanFromCache: boolean;
  /** `@@character_set_results` (NULL: results are sent as stored). */
  readonly resultCharset: string | null;
  /**
   * Runs the statements of a text query (COM_QUERY), one outcome each; see Session.run. `localInfile` is how LOAD DATA
   * LOCAL asks the client for its file.
   */
  run(text: string, localInfile?: LocalInfileSource): AsyncGenerator<QueryOutcome>;
  /**
   * Runs one statement a COM_* command stands for (COM_INIT_DB as USE, COM_PROCESS_KILL as KILL, COM_PROCESS_INFO as
   * SHOW PROCESSLIST, COM_REFRESH as FLUSH), with that statement's counters and privilege checks.
   */
  runStatement(statement: Statement): Promise<StatementResult>;
  /** The database a login or COM_CHANGE_USER names: USE's privilege check (1044) and switch, uncounted. */
  enterDatabase(name: string): void;
  /** COM_FIELD_LIST: the columns of `table` in the current database, after SHOW COLUMNS' privilege check. */
  fieldList(table: string): Promise<readonly ResultColumn[]>;
  prepare(text: string): Promise<PreparedStatement>;
  /** A protocol prepared statement by its id. */
  preparedById(id: number): PreparedStatement | undefined;
  executePrepared(prepared: PreparedStatement, params: readonly SqlValue[]): Promise<StatementResult>;
  deallocate(prepared: PreparedStatement): void;
  /** Records the error a command ended with, for SHOW WARNINGS / SHOW ERRORS. */
  recordError(error: MySqlError): void;
  /** KILL QUERY from another connection: the running statement stops with 1317. */
  interrupt(): void;
  /** COM_RESET_CONNECTION: a fresh session for the same client and database. */
  reset(): ClientSession;
  /** Ends the session, rolling back an open transaction. */
  close(): void;
}

/** What logins need of the accounts: the most specific match for a client, and failed-login counting. */
export interface LoginAccounts {
  match(user: string, host: string): Account | undefined;
  readonly failedLogins: FailedLogins;
}

/** The server's way into SQL: logins, new sessions, and the server-wide registries connections report to. */
export interface SessionDriver {
  readonly accounts: LoginAccounts;
  readonly globals: GlobalVariables;
  readonly status: StatusVariables;
  readonly processes: ProcessList | undefined;
  /** Where finished statements go (statement summary, slow query log, metrics); absent where nothing observes. */
  readonly observer: StatementObserver | undefined;
  /** A session for a client that just logged in; `connectionStatus` adds its connection's SHOW STATUS rows. */
  openSession(identity: SessionIdentity, connectionStatus: StatusProvider | undefined): ClientSession;
}
