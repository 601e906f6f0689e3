// Statement specs of the statements the session runs itself: variables, the current database, transactions,
// prepared statements by name, KILL, FLUSH, LOCK TABLES and ALTER INSTANCE. Their handlers are in
// session/session-statements.ts; their traits and privileges are here with every other statement's.
import type { TableName } from '../ast/index.js';
import type { SessionStatementSpec, StatementOf } from './statement-spec.js';
import type { ComCounter } from './com-counter.js';

type SessionRunKind =
  | 'SetStmt'
  | 'UseStmt'
  | 'BeginStmt'
  | 'CommitStmt'
  | 'RollbackStmt'
  | 'SavepointStmt'
  | 'ReleaseSavepointStmt'
  | 'SetTransactionStmt'
  | 'KillStmt'
  | 'FlushStmt'
  | 'LockTablesStmt'
  | 'UnlockTablesStmt'
  | 'AlterInstanceStmt'
  | 'PrepareStmt'
  | 'ExecuteStmt'
  | 'DeallocateStmt'
  | 'LoadDataStmt';

/** A statement that changes session or transaction state and needs no privilege. */
function sessionState(com: ComCounter, isPreparable = true): SessionStatementSpec<unknown> {
  return { runsIn: 'session', isDdl: false, isReadOnly: true, isPreparable, com, checkPrivileges: () => undefined };
}

export const SESSION_RUN_STATEMENTS: { [K in SessionRunKind]: SessionStatementSpec<StatementOf<K>> } = {
  SetStmt: {
    ...sessionState('Com_set_option'),
    checkPrivileges: (stmt, check) => {
      // Global values affect every session: MySQL asks for SUPER (or SYSTEM_VARIABLES_ADMIN).
      const isGlobal = stmt.assignments.some((a) => a.kind === 'SetSysVar' && (a.scope === 'GLOBAL' || a.scope === 'PERSIST' || a.scope === 'PERSIST_ONLY'));
      if (isGlobal) check.global('SUPER', 'SYSTEM_VARIABLES_ADMIN');
      check.reads(stmt);
    },
  },
  UseStmt: { ...sessionState('Com_change_db'), checkPrivileges: (stmt, check) => check.databaseAccess(stmt.db) },
  BeginStmt: sessionState('Com_begin'),
  CommitStmt: sessionState('Com_commit'),
  RollbackStmt: {
    ...sessionState('Com_rollback'),
    com: (stmt) => (stmt.savepoint === undefined ? 'Com_rollback' : 'Com_rollback_to_savepoint'),
  },
  SavepointStmt: sessionState('Com_savepoint'),
  ReleaseSavepointStmt: sessionState('Com_release_savepoint'),
  SetTransactionStmt: {
    ...sessionState('Com_set_option'),
    checkPrivileges: (stmt, check) => {
      if (stmt.scope === 'GLOBAL') check.global('SUPER', 'SYSTEM_VARIABLES_ADMIN');
    },
  },
  // Whose connection may be killed depends on the target, which only the session can look up (1095).
  KillStmt: sessionState('Com_kill'),
  FlushStmt: { ...sessionState('Com_flush'), checkPrivileges: (_stmt, check) => check.global('RELOAD') },
  LockTablesStmt: {
    ...sessionState('Com_lock_tables'),
    checkPrivileges: (stmt, check) => {
      const databases = new Set<string>();
      const tables: TableName[] = stmt.tables.map((entry) => entry.table);
      for (const table of tables) {
        const db = table.db ?? check.currentDatabase;
        if (db !== undefined && !databases.has(db.toLowerCase())) {
          databases.add(db.toLowerCase());
          check.database('LOCK TABLES', db);
        }
        check.table('SELECT', table);
      }
    },
  },
  UnlockTablesStmt: sessionState('Com_unlock_tables'),
  // MySQL asks for CONNECTION_ADMIN (or SUPER), which TidalDB's privilege set folds into SUPER.
  AlterInstanceStmt: { ...sessionState('Com_alter_instance'), checkPrivileges: (_stmt, check) => check.global('SUPER') },
  PrepareStmt: sessionState('Com_prepare_sql', false),
  ExecuteStmt: sessionState('Com_execute_sql', false),
  DeallocateStmt: sessionState('Com_dealloc_sql', false),
  // The session runs it: it asks the client for the file and commits in batches. Each batch is an INSERT checked as one.
  LoadDataStmt: {
    runsIn: 'session',
    isDdl: false,
    isReadOnly: false,
    isPreparable: false,
    com: 'Com_load',
    checkPrivileges: (stmt, check) => {
      check.table('INSERT', stmt.table);
      if (stmt.duplicates === 'REPLACE') check.table('DELETE', stmt.table);
      // A file of the server's needs FILE, as MySQL asks.
      if (!stmt.isLocal) check.global('FILE');
      check.reads(stmt.assignments ?? []);
    },
  },
};
