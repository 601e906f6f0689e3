// StatementSession: what the handlers of session-run statements may use of the session that runs them.
import type { ExecutionContext, SqlValue, StatementResult } from '../sql/index.js';
import type { LocalInfileSource } from './load-data-statement.js';
import type { PreparedStatement, PreparedStatements } from './prepared-statements.js';
import type { SessionHost } from './session-host.js';
import type { SessionIdentity } from './session-identity.js';
import type { Transaction } from './transaction.js';
import type { SessionStatus, SessionVariables } from './variables/index.js';
import type { WarningList } from './warning-list.js';

/** The session as its own statements (SET, USE, BEGIN, PREPARE, KILL, SHOW VARIABLES, …) see it. */
export interface StatementSession {
  readonly host: SessionHost;
  /** The session as the SQL layer sees it (for evaluating expressions). */
  readonly context: ExecutionContext;
  readonly identity: SessionIdentity;
  readonly variables: SessionVariables;
  readonly status: SessionStatus;
  readonly warnings: WarningList;
  /** The session's transaction (BEGIN, COMMIT, savepoints). */
  readonly txn: Transaction;
  readonly prepared: PreparedStatements;
  readonly currentDatabase: string | undefined;
  /** SET ROLE: the roles whose privileges the session's statements have from now on. */
  setActiveRoles(roles: readonly { readonly user: string; readonly host: string }[]): void;
  /** The client's files for LOAD DATA LOCAL, while the connection's query runs; absent where no client can send. */
  readonly localInfile: LocalInfileSource | undefined;
  /** Switches the current database; 1049 when it does not exist. The privilege check is USE's, done before. */
  useDatabase(name: string): void;
  userVariable(name: string): SqlValue;
  /** Parses and keeps a statement (PREPARE name FROM …). */
  prepare(text: string, name?: string): Promise<PreparedStatement>;
  /** Runs a prepared statement with its parameter values, through the statement path (EXECUTE name USING …). */
  executePrepared(prepared: PreparedStatement, params: readonly SqlValue[]): Promise<StatementResult>;
  /** Forgets a prepared statement (DEALLOCATE PREPARE). */
  deallocate(prepared: PreparedStatement): void;
}
