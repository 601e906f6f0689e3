// executeSet: SET of system variables, user variables, NAMES and CHARACTER SET.
import type { Expr, SetStmt, SqlValue } from '../sql/index.js';
import { MysqlDateTime, MysqlTime } from '../sql/index.js';
import { Decimal } from 'decimal.js';
import type { StatementSession } from './statement-session.js';
import { DEFAULT_VALUE } from './variables/index.js';
import type { SetValue } from './variables/index.js';

/**
 * Runs SET. Each assignment takes effect before the next is evaluated, as in MySQL. Turning autocommit on commits
 * the open transaction.
 */
export async function executeSet(stmt: SetStmt, session: StatementSession): Promise<void> {
  for (const assignment of stmt.assignments) {
    switch (assignment.kind) {
      case 'SetUserVar':
        session.context.setUserVariable(assignment.target.name, session.host.sql.evaluate(assignment.value, session.context));
        break;
      case 'SetSysVar': {
        const scope = assignment.scope === 'GLOBAL' || assignment.scope === 'PERSIST' || assignment.scope === 'PERSIST_ONLY' ? 'global' : assignment.scope === 'SESSION' ? 'session' : undefined;
        const wasAutocommit = session.variables.isAutocommit;
        session.variables.set(assignment.name, setValue(assignment.value, session), scope, session.warnings);
        // MySQL commits the open transaction when autocommit is switched on.
        if (!wasAutocommit && session.variables.isAutocommit && scope !== 'global') await session.txn.commit();
        break;
      }
      case 'SetNames':
        session.variables.setNames(assignment.charset ?? 'utf8mb4', assignment.collate);
        break;
      case 'SetCharset':
        session.variables.setCharacterSet(assignment.charset ?? 'utf8mb4');
        break;
    }
  }
}

/** The value of a SET right-hand side: DEFAULT, a bare word as its text, otherwise the evaluated expression. */
function setValue(expr: Expr, session: StatementSession): SetValue {
  if (expr.kind === 'DefaultExpr') return DEFAULT_VALUE;
  if (expr.kind === 'StringLiteralExpr' && expr.isBareWord) return expr.value;
  if (expr.kind === 'ColumnRefExpr' && expr.table === undefined) return expr.column;
  return toSetValue(session.host.sql.evaluate(expr, session.context));
}

function toSetValue(value: SqlValue): SetValue {
  if (value === null || typeof value === 'string' || typeof value === 'bigint' || typeof value === 'number') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value instanceof MysqlDateTime || value instanceof MysqlTime) return value.toString();
  if (value instanceof Decimal) return value.isInteger() ? BigInt(value.toFixed(0)) : value.toNumber();
  return String(value);
}
