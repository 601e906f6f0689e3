// The session's handlers, one per statement kind the statement table marks `runsIn: 'session'`: a kind without a
// handler here fails to compile.
import { mysqlError, ER_KILL_DENIED_ERROR, ER_NO_SUCH_THREAD, ER_NOT_SUPPORTED_YET, ER_UNKNOWN_STMT_HANDLER, ER_WRONG_ARGUMENTS } from '../errors/index.js';
import { OK_NOTHING } from '../sql/index.js';
import type { SessionStatementKind, Statement, StatementResult } from '../sql/index.js';
import { selectActiveRoles } from '../sql/accounts/index.js';
import { executeLoadData } from './load-data-statement.js';
import { textOfValue } from './prepared-statements.js';
import { executeSet } from './set-statement.js';
import type { StatementSession } from './statement-session.js';
import { checkFlushTables, checkLockTables } from './table-lock-statements.js';

type Handler<S> = (stmt: S, session: StatementSession) => Promise<StatementResult> | StatementResult;

export const SESSION_STATEMENTS: { [K in SessionStatementKind]: Handler<Extract<Statement, { kind: K }>> } = {
  SetStmt: async (stmt, session) => {
    await executeSet(stmt, session);
    return OK_NOTHING;
  },
  SetRoleStmt: (stmt, session) => {
    const account = session.context.privilegeAccount;
    if (account !== undefined) session.setActiveRoles(selectActiveRoles(stmt.selection, account, session.host.sql.accounts, session.context));
    return OK_NOTHING;
  },
  UseStmt: (stmt, session) => {
    session.useDatabase(stmt.db);
    return OK_NOTHING;
  },
  BeginStmt: async (stmt, session) => {
    await session.txn.begin({ isReadOnly: stmt.accessMode === 'READ ONLY', withConsistentSnapshot: stmt.withConsistentSnapshot === true });
    return OK_NOTHING;
  },
  CommitStmt: async (_stmt, session) => {
    await session.txn.commit();
    return OK_NOTHING;
  },
  RollbackStmt: (stmt, session) => {
    if (stmt.savepoint !== undefined) session.txn.rollbackToSavepoint(stmt.savepoint);
    else session.txn.rollback();
    return OK_NOTHING;
  },
  SavepointStmt: async (stmt, session) => {
    await session.txn.setSavepoint(stmt.name);
    return OK_NOTHING;
  },
  ReleaseSavepointStmt: (stmt, session) => {
    session.txn.releaseSavepoint(stmt.name);
    return OK_NOTHING;
  },
  SetTransactionStmt: (stmt, session) => {
    // With a scope it sets the variables; without one MySQL applies it to the next transaction only, which
    // TidalDB accepts and ignores: every transaction reads a snapshot (REPEATABLE READ) either way.
    if (stmt.scope !== undefined) {
      const scope = stmt.scope === 'GLOBAL' ? 'global' : 'session';
      if (stmt.isolationLevel) session.variables.set('transaction_isolation', stmt.isolationLevel.replace(' ', '-'), scope, session.warnings);
      if (stmt.accessMode) session.variables.set('transaction_read_only', stmt.accessMode === 'READ ONLY', scope, session.warnings);
    }
    return OK_NOTHING;
  },
  KillStmt: async (stmt, session) => {
    const id = session.host.sql.evaluate(stmt.id, session.context);
    const processId = typeof id === 'bigint' ? Number(id) : Number(id ?? -1);
    const processes = session.host.processes;
    const target = processes?.find(processId);
    if (!processes || !target) throw mysqlError(ER_NO_SUCH_THREAD, processId);
    // Without SUPER (MySQL: CONNECTION_ADMIN) only one's own connections may be killed.
    const account = session.context.privilegeAccount;
    if (target.user !== session.identity.user && account !== undefined && !session.host.sql.privileges.hasGlobal(account, 'SUPER')) {
      throw mysqlError(ER_KILL_DENIED_ERROR, processId);
    }
    // A local kill answers in the same turn, as with one process; another worker's connection goes via the primary.
    const isKilled = processes.kill(processId, stmt.isQuery);
    if (!(typeof isKilled === 'boolean' ? isKilled : await isKilled)) throw mysqlError(ER_NO_SUCH_THREAD, processId);
    return OK_NOTHING;
  },
  // FLUSH PRIVILEGES re-reads the grant tables and FLUSH STATUS restarts Uptime_since_flush_status (in every process
  // of the server); the other options have nothing to flush here (no logs, host cache or table cache to empty), as
  // TiDB answers them.
  FlushStmt: async (stmt, session) => {
    if (stmt.options.includes('PRIVILEGES')) await session.host.sql.accounts.flush();
    if (stmt.options.includes('STATUS')) {
      session.host.status.flush();
      await session.host.events?.publish({ kind: 'status-flushed' });
    }
    if (stmt.tablesMode === 'WITH READ LOCK') await session.txn.commit();
    checkFlushTables(stmt, session.host.sql.servicesFor(session.context).catalog, session.currentDatabase);
    return OK_NOTHING;
  },
  LockTablesStmt: async (stmt, session) => {
    // LOCK TABLES commits the open transaction, as in MySQL.
    await session.txn.commit();
    checkLockTables(stmt, session.host.sql.servicesFor(session.context).catalog, session.currentDatabase);
    return OK_NOTHING;
  },
  UnlockTablesStmt: () => OK_NOTHING,
  AlterInstanceStmt: (stmt, session) => {
    const instance = session.host.instance;
    if (stmt.action !== 'RELOAD TLS' || instance === undefined) throw mysqlError(ER_NOT_SUPPORTED_YET, `ALTER INSTANCE ${stmt.action}`);
    for (const warning of instance.reloadTls(stmt.noRollbackOnError)) session.warnings.warn(warning);
    return OK_NOTHING;
  },
  PrepareStmt: async (stmt, session) => {
    const text = stmt.source.kind === 'text' ? stmt.source.text : session.userVariable(stmt.source.variable.name);
    await session.prepare(textOfValue(text), stmt.name);
    return { kind: 'ok', affectedRows: 0n, lastInsertId: 0n, info: 'Statement prepared' };
  },
  ExecuteStmt: (stmt, session) => {
    const prepared = session.prepared.named(stmt.name);
    if (!prepared) throw mysqlError(ER_UNKNOWN_STMT_HANDLER, stmt.name.length, stmt.name, 'EXECUTE');
    if (stmt.using.length !== prepared.paramCount) throw mysqlError(ER_WRONG_ARGUMENTS, 'EXECUTE');
    return session.executePrepared(prepared, stmt.using.map((variable) => session.userVariable(variable.name)));
  },
  LoadDataStmt: (stmt, session) => executeLoadData(stmt, session),
  DeallocateStmt: (stmt, session) => {
    const prepared = session.prepared.named(stmt.name);
    if (!prepared) throw mysqlError(ER_UNKNOWN_STMT_HANDLER, stmt.name.length, stmt.name, 'DEALLOCATE PREPARE');
    session.deallocate(prepared);
    return OK_NOTHING;
  },
};

/** Runs a statement the statement table marks `runsIn: 'session'` with its handler. */
export function runSessionStatement(stmt: Statement, session: StatementSession): Promise<StatementResult> | StatementResult {
  const handler = SESSION_STATEMENTS[stmt.kind as SessionStatementKind] as Handler<Statement>;
  return handler(stmt, session);
}
