// SHOW VARIABLES / STATUS / WARNINGS / ERRORS: listings the session answers from its own state, one handler per
// SHOW target the SHOW table marks `runsIn: 'session'`.
import { expressionColumn, filterShowResult, rowsResult, TypeKind, fieldType } from '../sql/index.js';
import type { RowsResult, SessionShowTarget, ShowStmt, SqlValue } from '../sql/index.js';
import type { StatementSession } from './statement-session.js';

const TEXT = fieldType(TypeKind.VarChar, { length: 1024 });
const NAME = fieldType(TypeKind.VarChar, { length: 64 });
const COUNT = fieldType(TypeKind.BigInt, { length: 21 });

type ShowHandler = (stmt: ShowStmt, session: StatementSession) => RowsResult;

const SESSION_SHOWS: Record<SessionShowTarget, ShowHandler> = {
  VARIABLES: (stmt, session) => nameValueResult(session.variables.list(stmt.scope === 'GLOBAL' ? 'global' : 'session', stmt.like)),
  STATUS: (stmt, session) => nameValueResult(stmt.scope === 'GLOBAL' ? session.host.status.list('global', stmt.like) : session.status.list(stmt.like)),
  WARNINGS: (_stmt, session) => diagnostics(session, false),
  ERRORS: (_stmt, session) => diagnostics(session, true),
  'COUNT WARNINGS': (_stmt, session) => rowsResult([expressionColumn('@@session.warning_count', COUNT, true)], [[BigInt(session.warnings.count)]]),
  'COUNT ERRORS': (_stmt, session) => rowsResult([expressionColumn('@@session.error_count', COUNT, true)], [[BigInt(session.warnings.errorCount)]]),
};

/** Answers a SHOW whose target the session owns, with WHERE applied as for every SHOW. */
export function executeShowSession(stmt: ShowStmt & { readonly target: SessionShowTarget }, session: StatementSession): RowsResult {
  return filterShowResult(SESSION_SHOWS[stmt.target](stmt, session), stmt.where, session.context);
}

/** SHOW WARNINGS lists warnings, notes and errors; SHOW ERRORS only errors. */
function diagnostics(session: StatementSession, isErrorsOnly: boolean): RowsResult {
  const entries = session.warnings.list().filter((entry) => !isErrorsOnly || entry.level === 'Error');
  const columns = [
    expressionColumn('Level', fieldType(TypeKind.VarChar, { length: 7 }), true),
    expressionColumn('Code', fieldType(TypeKind.Int, { length: 4, isUnsigned: true }), true),
    expressionColumn('Message', fieldType(TypeKind.VarChar, { length: 512 }), true),
  ];
  return rowsResult(columns, entries.map((entry): SqlValue[] => [entry.level, BigInt(entry.code), entry.message]));
}

function nameValueResult(rows: readonly (readonly [string, string])[]): RowsResult {
  return rowsResult(
    [expressionColumn('Variable_name', NAME, true), expressionColumn('Value', TEXT, true)],
    rows.map(([name, value]) => [name, value]),
  );
}
