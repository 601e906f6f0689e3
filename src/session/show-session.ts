// SHOW VARIABLES / STATUS / WARNINGS / ERRORS: listings the session answers from its own state.
import { mysqlError, ER_NOT_SUPPORTED_YET } from '../errors/index.js';
import { expressionColumn, rowsResult, TypeKind, fieldType } from '../sql/index.js';
import type { RowsResult, ShowStmt, SqlValue } from '../sql/index.js';
import type { SessionHost } from './session-host.js';
import type { Session } from './session.js';

const TEXT = fieldType(TypeKind.VarChar, { length: 1024 });
const NAME = fieldType(TypeKind.VarChar, { length: 64 });

/** True for the SHOW forms the session answers itself. */
export function isSessionShow(stmt: ShowStmt): boolean {
  return ['VARIABLES', 'STATUS', 'WARNINGS', 'ERRORS', 'COUNT WARNINGS', 'COUNT ERRORS'].includes(stmt.target);
}

/** Answers SHOW [GLOBAL|SESSION] VARIABLES|STATUS [LIKE …] and SHOW WARNINGS|ERRORS. */
export function executeShowSession(stmt: ShowStmt, session: Session, host: SessionHost): RowsResult {
  if (stmt.where) throw mysqlError(ER_NOT_SUPPORTED_YET, 'SHOW … WHERE');
  switch (stmt.target) {
    case 'VARIABLES': {
      const rows = session.variables.list(stmt.scope === 'GLOBAL' ? 'global' : 'session', stmt.like);
      return nameValueResult(rows);
    }
    case 'STATUS':
      return nameValueResult(stmt.scope === 'GLOBAL' ? host.status.list('global', stmt.like) : session.status.list(stmt.like));
    case 'COUNT WARNINGS':
    case 'COUNT ERRORS': {
      const count = stmt.target === 'COUNT WARNINGS' ? session.warnings.count : session.warnings.errorCount;
      const name = stmt.target === 'COUNT WARNINGS' ? '@@session.warning_count' : '@@session.error_count';
      return rowsResult([expressionColumn(name, fieldType(TypeKind.BigInt, { length: 21 }), true)], [[BigInt(count)]]);
    }
    default: {
      const entries = session.warnings.list().filter((entry) => stmt.target === 'WARNINGS' || entry.level === 'Error');
      const columns = [
        expressionColumn('Level', fieldType(TypeKind.VarChar, { length: 7 }), true),
        expressionColumn('Code', fieldType(TypeKind.Int, { length: 4, isUnsigned: true }), true),
        expressionColumn('Message', fieldType(TypeKind.VarChar, { length: 512 }), true),
      ];
      return rowsResult(columns, entries.map((entry): SqlValue[] => [entry.level, BigInt(entry.code), entry.message]));
    }
  }
}

function nameValueResult(rows: readonly (readonly [string, string])[]): RowsResult {
  return rowsResult(
    [expressionColumn('Variable_name', NAME, true), expressionColumn('Value', TEXT, true)],
    rows.map(([name, value]) => [name, value]),
  );
}
