// ExecutionContext: what the SQL engine needs from the session that runs a statement.
import type { SessionSequences } from './session-sequences.js';
import type { KvTransaction } from '../storage/kv.js';
import type { LockMode, RowLocker } from './table/row-locker.js';
import type { Row, SqlValue, WarningSink } from './types/index.js';
import type { UserLocks } from './user-locks.js';
import type { TemporaryTables } from './temporary/temporary-tables.js';

/** The information_schema tables whose rows only the session layer knows. */
export type SessionTableName =
  | 'PROCESSLIST'
  | 'CLUSTER_PROCESSLIST'
  | 'SESSION_VARIABLES'
  | 'GLOBAL_VARIABLES'
  | 'SESSION_STATUS'
  | 'GLOBAL_STATUS'
  | 'SLOW_QUERY'
  | 'STATEMENTS_SUMMARY'
  | 'APPLICABLE_ROLES'
  | 'ENABLED_ROLES';

/** Which copy of a system variable `@@x`, `@@session.x` or `@@global.x` reads. */
export type VariableScope = 'global' | 'session' | 'default';

/** What the previous statements left for ROW_COUNT() and FOUND_ROWS(). */
export interface StatementCounts {
  /** The previous statement's affected rows; -1 when it returned rows. */
  readonly lastRowCount: bigint;
  /** How many rows the last statement that returned rows sent. */
  readonly lastFoundRows: bigint;
}

/**
 * The session-side services a statement uses. The session implements it; the SQL layer never imports the session.
 */
export interface ExecutionContext extends RowLocker {
  /** The running statement is a locking read (SELECT … FOR UPDATE / FOR SHARE): every row it reads is locked. */
  readonly lockingRead: LockMode | undefined;
  /** The current database (USE), or undefined. */
  readonly currentDatabase: string | undefined;
  readonly warnings: WarningSink;
  /** Warnings recorded so far by the current statement. */
  readonly warningCount: number;
  /** The client set CLIENT_FOUND_ROWS: UPDATE reports matched rather than changed rows. */
  readonly isFoundRowsMode: boolean;
  /**
   * `@@foreign_key_checks`: writes check and act on FOREIGN KEY constraints. Absent (internal statements): on.
   */
  readonly isForeignKeyChecks?: boolean;
  /** True when sql_mode has STRICT_TRANS_TABLES or STRICT_ALL_TABLES. */
  readonly isStrictMode: boolean;
  /** sql_mode has ONLY_FULL_GROUP_BY: grouped queries may only read grouped (or determined) columns. */
  readonly isOnlyFullGroupBy: boolean;
  readonly connectionId: number;
  /** `user@host` as the client logged in (USER()). */
  readonly user: string;
  /** `user@host` of the account that authenticated (CURRENT_USER()). */
  readonly currentUser: string;
  /**
   * The account whose privileges every statement is checked against; undefined only for the server's own internal
   * statements (reading and writing the grant tables), which run unchecked. Its `activeRoles` (SET ROLE, default
   * roles) add their privileges.
   */
  readonly privilegeAccount:
    | { readonly user: string; readonly host: string; readonly activeRoles?: readonly { readonly user: string; readonly host: string }[] }
    | undefined;
  /** The transaction the statement runs in; opened on first use. */
  transaction(): Promise<KvTransaction>;
  /** `@@name` (scope 'default' reads the session value when there is one). Throws 1193 for unknown names. */
  systemVariable(name: string, scope: VariableScope): SqlValue;
  /** `@name`; NULL when never set. */
  userVariable(name: string): SqlValue;
  setUserVariable(name: string, value: SqlValue): void;
  /** LAST_INSERT_ID(): the first auto-generated id of the last INSERT that generated one. */
  lastInsertId: bigint;
  /** ROW_COUNT() and FOUND_ROWS() of the previous statements; absent for the server's internal contexts. */
  readonly status?: StatementCounts;
  /** Aborted when the running statement is killed (KILL QUERY or KILL CONNECTION); SLEEP() wakes on it. */
  readonly interruptSignal?: AbortSignal;
  /**
   * Forgets a KILL QUERY that SLEEP() already answered: a query that does nothing but sleep returns 1 instead of
   * failing with 1317, as in MySQL.
   */
  acknowledgeInterrupt?(): void;
  /**
   * Whether the statement's account may see database `database` (or its table `table`): information_schema lists
   * only those objects, as in MySQL. Absent (internal statements): everything is visible.
   */
  canSee?(database: string, table?: string): boolean;
  /** GET_LOCK() and its family; absent where there are no sessions (internal statements), which have none. */
  readonly userLocks?: UserLocks;
  /** NEXTVAL/LASTVAL/SETVAL of TiDB's sequences; absent for internal statements. */
  readonly sequences?: SessionSequences;
  /** The session's temporary tables; absent for internal statements, which see only stored tables. */
  readonly temporaryTables?: TemporaryTables;
  /** Rows of an information_schema table that the session layer supplies, in that table's column order. */
  systemTableRows?(table: SessionTableName): Row[];
}
