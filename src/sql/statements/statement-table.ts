// The statement table: one spec per statement kind (traits, privileges, handler), and the questions the layers above
// ask of it. Adding a statement kind means: parser, AST, one entry here (or in a family file), tests.
import type { Statement, StatementKind } from '../ast/index.js';
import type { Privileges } from '../accounts/privilege-check.js';
import type { ExecutionContext } from '../execution-context.js';
import { ACCOUNT_STATEMENTS } from './account-statements.js';
import type { ComCounter } from './com-counter.js';
import { PrivilegeChecker } from './privilege-checker.js';
import { QUERY_STATEMENTS } from './query-statements.js';
import { ROLE_STATEMENTS } from './role-statements.js';
import { SEQUENCE_STATEMENTS } from './sequence-statements.js';
import { SCHEMA_STATEMENTS } from './schema-statements.js';
import { SESSION_RUN_STATEMENTS } from './session-run-statements.js';
import { SHOW_TARGETS } from './show-table.js';
import { TABLE_MAINTENANCE_STATEMENTS } from './table-maintenance-statements.js';
import { traitOf } from './statement-spec.js';
import type { StatementSpec, StatementTable } from './statement-spec.js';

/** Every statement kind's spec; a kind without one fails to compile. */
export const STATEMENTS = {
  ...QUERY_STATEMENTS,
  ...SCHEMA_STATEMENTS,
  ...ACCOUNT_STATEMENTS,
  ...ROLE_STATEMENTS,
  ...SEQUENCE_STATEMENTS,
  ...SESSION_RUN_STATEMENTS,
  ...TABLE_MAINTENANCE_STATEMENTS,
} as const satisfies StatementTable;

/** The statement kinds the session runs itself (session/session-statements.ts has one handler per kind). */
export type SessionStatementKind = { [K in StatementKind]: (typeof STATEMENTS)[K] extends { readonly runsIn: 'session' } ? K : never }[StatementKind];

/** The spec of `stmt`'s kind. */
export function specOf<S extends Statement>(stmt: S): StatementSpec<S> {
  return STATEMENTS[stmt.kind] as unknown as StatementSpec<S>;
}

/** True when the session runs `stmt` itself (its kind, or for SHOW its target, says so). */
export function runsInSession(stmt: Statement): boolean {
  if (stmt.kind === 'ShowStmt') return SHOW_TARGETS[stmt.target].runsIn === 'session';
  return STATEMENTS[stmt.kind].runsIn === 'session';
}

/** The Com_* counter `stmt` counts into. */
export function comCounterOf(stmt: Statement): ComCounter {
  return traitOf(specOf(stmt).com, stmt);
}

/** True for statements that change no data: allowed in READ ONLY transactions, read without locking. */
export function isReadOnlyStatement(stmt: Statement): boolean {
  return traitOf(specOf(stmt).isReadOnly, stmt);
}

/** True for statements that change the schema or accounts: the open transaction is committed first. */
export function isDdlStatement(stmt: Statement): boolean {
  return traitOf(specOf(stmt).isDdl, stmt);
}

/** True when `stmt` may be prepared. */
export function isPreparableStatement(stmt: Statement): boolean {
  return specOf(stmt).isPreparable;
}

/**
 * Checks that the context's account may run `stmt` (MySQL's 1142, 1044, 1227); internal statements (no privilege
 * account) run unchecked.
 */
export function checkStatementPrivileges(stmt: Statement, context: ExecutionContext, privileges: Privileges): void {
  if (context.privilegeAccount === undefined) return;
  const checker = new PrivilegeChecker(context, privileges);
  specOf(stmt).checkPrivileges(stmt, checker);
  // Sequence functions may stand in any statement's expressions: one check here rather than in every spec. A
  // column's DEFAULT NEXTVAL(s) in CREATE/ALTER TABLE is not a use of the sequence yet.
  if (stmt.kind !== 'CreateTableStmt' && stmt.kind !== 'AlterTableStmt') checker.sequenceFunctions(stmt);
}
