// planMultiUpdate / planMultiDelete: UPDATE and DELETE over a join: the join planned with each base table's row
// handle, the tables written and where their columns sit in the joined row, and MySQL's checks before writing.
import { mysqlError, ER_NON_UPDATABLE_TABLE, ER_UNKNOWN_TABLE, ER_WRONG_USAGE } from '../../errors/index.js';
import type { DeleteStmt, Expr, TableRef, UpdateStmt } from '../ast/index.js';
import type { ColumnInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { AsyncPart, Scope, ScopeColumn } from '../expression/index.js';
import { HANDLE_COLUMN } from '../table/table-scope.js';
import { conjunction } from './access-path.js';
import { checkTargetNotRead } from './check-target-not-read.js';
import { isDefaultIntoGenerated } from './generated-assignment.js';
import { assignedValue } from '../constraints/index.js';
import type { PlanContext } from './plan-context.js';
import { planFrom } from './plan-from.js';
import { planQuery } from './plan-query.js';
import type { JoinRead, JoinTarget, MultiDeletePlan, MultiUpdatePlan } from './write-plan.js';
import { writeCompileContext } from './write-compile-context.js';

/**
 * `UPDATE t1 JOIN t2 … SET t1.a = …, t2.b = … WHERE …` (or the comma form). ORDER BY and LIMIT are 1221, as in
 * MySQL; an assignment to a column of a derived table or view is 1288.
 */
export async function planMultiUpdate(stmt: UpdateStmt, context: PlanContext): Promise<MultiUpdatePlan> {
  const { session } = context;
  if (stmt.orderBy) throw mysqlError(ER_WRONG_USAGE, 'UPDATE', 'ORDER BY');
  if (stmt.limit) throw mysqlError(ER_WRONG_USAGE, 'UPDATE', 'LIMIT');
  const { scope, read } = await planJoinRead(stmt.tables, stmt.where, context);
  const targets = new Map<string, JoinTarget>();
  const assignments = stmt.assignments.flatMap((assignment) => {
    const offset = scope.resolve(assignment.column, 'field list');
    const scopeColumn = scope.columns[offset]!;
    const target = joinTarget(scope, scopeColumn.table, targets, 'UPDATE');
    if (!target || scopeColumn.origin?.table !== target.table) throw mysqlError(ER_NON_UPDATABLE_TABLE, scopeColumn.table, 'UPDATE');
    const column = target.table.columns[scopeColumn.origin.offset]!;
    if (isDefaultIntoGenerated(column, assignment.value, target.table)) return [];
    const parts: AsyncPart[] = [];
    const value = compileExpr(assignedValue(assignment.value, column, scopeColumn.table), writeCompileContext(scope, 'field list', context, parts));
    return [{ offset, target, column, value, parts }];
  });
  const targetList = [...targets.values()];
  checkTargetNotRead([stmt.where, ...stmt.assignments.map((a) => a.value), ...joinConditions(stmt.tables)], targetNames(targetList), session);
  return { kind: 'MultiUpdate', stmt, read: read(), targets: targetList, assignments, context };
}

/**
 * `DELETE t1, t2 FROM refs WHERE …` and `DELETE FROM t1, t2 USING refs WHERE …`. A name must be a table (or alias)
 * of the FROM list: 1109 otherwise.
 */
export async function planMultiDelete(stmt: DeleteStmt, context: PlanContext): Promise<MultiDeletePlan> {
  const { session } = context;
  const from = stmt.from!;
  const named = namedRefs(from, session);
  const aliases = stmt.targets.map((name) => {
    const hit = named.find((ref) => ref.alias.toLowerCase() === name.name.toLowerCase() && (name.db === undefined || (!ref.hasAlias && ref.databaseName.toLowerCase() === name.db.toLowerCase())));
    if (!hit) throw mysqlError(ER_UNKNOWN_TABLE, name.name, 'MULTI DELETE');
    return hit.alias;
  });
  const { scope, read } = await planJoinRead(from, stmt.where, context);
  const targets = new Map<string, JoinTarget>();
  for (const alias of aliases) if (!joinTarget(scope, alias, targets, 'DELETE')) throw mysqlError(ER_NON_UPDATABLE_TABLE, alias, 'DELETE');
  const targetList = [...targets.values()];
  checkTargetNotRead([stmt.where, ...joinConditions(from)], targetNames(targetList), session);
  return { kind: 'MultiDelete', stmt, read: read(), targets: targetList, context };
}

/**
 * Plans the join with row handles and returns its layout at once (so assignments can be resolved) and a function
 * that compiles the WHERE left above it, subqueries included, once the statement has passed its checks.
 */
async function planJoinRead(from: readonly TableRef[], where: Expr | undefined, context: PlanContext): Promise<{ scope: Scope; read: () => JoinRead }> {
  const planned = await planFrom(from, where, context, (query) => planQuery(query, context), { withHandles: true });
  const scope = planned.plan.scope;
  return {
    scope,
    read: () => {
      const parts: AsyncPart[] = [];
      const remaining = conjunction(planned.remaining);
      const filter = remaining ? compileExpr(remaining, writeCompileContext(scope, 'where clause', context, parts)) : undefined;
      return { join: planned.plan, filter, parts };
    },
  };
}

/** The target for the FROM entry named `alias`, registered in `targets`; undefined when it is not a base table. */
function joinTarget(scope: Scope, alias: string, targets: Map<string, JoinTarget>, kind: 'UPDATE' | 'DELETE'): JoinTarget | undefined {
  const key = alias.toLowerCase();
  const known = targets.get(key);
  if (known) return known;
  const handleOffset = scope.columns.findIndex((column) => column.name === HANDLE_COLUMN && column.table.toLowerCase() === key);
  if (handleOffset < 0) return undefined;
  const own = (column: ScopeColumn): boolean => column.table.toLowerCase() === key && column.origin !== undefined;
  const first = scope.columns.find(own);
  if (!first?.origin) throw mysqlError(ER_NON_UPDATABLE_TABLE, alias, kind);
  const table = first.origin.table;
  const columnOffsets = table.columns.map((column: ColumnInfo) => scope.columns.findIndex((c) => own(c) && c.origin!.offset === column.offset));
  const target: JoinTarget = { alias: scope.columns[handleOffset]!.table, databaseName: first.database, table, handleOffset, columnOffsets };
  targets.set(key, target);
  return target;
}

function targetNames(targets: readonly JoinTarget[]): { databaseName: string; tableName: string; shownAs: string }[] {
  return targets.map((target) => ({ databaseName: target.databaseName, tableName: target.table.name, shownAs: target.alias }));
}

/** The ON conditions of the FROM list's joins (their subqueries must not read a target either). */
function joinConditions(refs: readonly TableRef[]): Expr[] {
  const out: Expr[] = [];
  const visit = (ref: TableRef): void => {
    if (ref.kind !== 'JoinRef') return;
    if (ref.on) out.push(ref.on);
    visit(ref.left);
    visit(ref.right);
  };
  refs.forEach(visit);
  return out;
}

/** Every table and derived table of the FROM list with the name a DELETE target must use for it. */
function namedRefs(refs: readonly TableRef[], session: ExecutionContext): { alias: string; hasAlias: boolean; databaseName: string }[] {
  const out: { alias: string; hasAlias: boolean; databaseName: string }[] = [];
  const visit = (ref: TableRef): void => {
    switch (ref.kind) {
      case 'TableNameRef':
        out.push({ alias: ref.alias ?? ref.table.name, hasAlias: ref.alias !== undefined, databaseName: ref.table.db ?? session.currentDatabase ?? '' });
        return;
      case 'DerivedTableRef':
      case 'JsonTableRef':
        out.push({ alias: ref.alias ?? '', hasAlias: true, databaseName: '' });
        return;
      case 'JoinRef':
        visit(ref.left);
        visit(ref.right);
    }
  };
  refs.forEach(visit);
  return out;
}
