// Statements that act on the server or the session's settings rather than on data: ALTER INSTANCE RELOAD TLS,
// SET TRANSACTION and KILL.
import { mysqlError, ER_NO_SUCH_THREAD } from '../errors/index.js';
import type { AlterInstanceStmt, ExecutionContext, KillStmt, SetTransactionStmt, StatementResult } from '../sql/index.js';
import type { SessionHost } from './session-host.js';
import type { SessionVariables } from './variables/index.js';
import type { WarningList } from './warning-list.js';

/** The session a statement here runs for. */
export interface AdminSession {
  readonly host: SessionHost;
  readonly context: ExecutionContext;
  readonly variables: SessionVariables;
  readonly warnings: WarningList;
}

export type AdminStatement = AlterInstanceStmt | SetTransactionStmt | KillStmt;

export async function executeAdminStatement(statement: AdminStatement, session: AdminSession): Promise<StatementResult> {
  const { host, context, variables, warnings } = session;
  switch (statement.kind) {
    case 'AlterInstanceStmt':
      if (statement.action !== 'RELOAD TLS' || host.instance === undefined) return host.sql.execute(statement, context);
      // MySQL asks for CONNECTION_ADMIN (or SUPER), which TidalDB's privilege set folds into SUPER.
      host.sql.privileges.requireGlobal(context, 'SUPER');
      for (const warning of host.instance.reloadTls(statement.noRollbackOnError)) warnings.warn(warning);
      return OK;
    case 'SetTransactionStmt':
      // With a scope it sets the variables; without one MySQL applies it to the next transaction only, which
      // TidalDB accepts and ignores: every transaction reads a snapshot (REPEATABLE READ) either way.
      if (statement.scope !== undefined) {
        const scope = statement.scope === 'GLOBAL' ? 'global' : 'session';
        if (statement.isolationLevel) variables.set('transaction_isolation', statement.isolationLevel.replace(' ', '-'), scope, warnings);
        if (statement.accessMode) variables.set('transaction_read_only', statement.accessMode === 'READ ONLY', scope, warnings);
      }
      return OK;
    case 'KillStmt': {
      const id = host.sql.evaluate(statement.id, context);
      const processId = typeof id === 'bigint' ? Number(id) : Number(id ?? -1);
      if (!host.processes?.kill(processId, statement.isQuery)) throw mysqlError(ER_NO_SUCH_THREAD, processId);
      return OK;
    }
  }
}

const OK: StatementResult = { kind: 'ok', affectedRows: 0n, lastInsertId: 0n, info: '' };
