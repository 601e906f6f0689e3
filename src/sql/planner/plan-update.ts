// planUpdate / planDelete: single-table UPDATE and DELETE (also through updatable views): the target, the checks
// MySQL makes before writing, the compiled assignments, and how the rows are found.
import { mysqlError, ER_NONUPDATEABLE_COLUMN } from '../../errors/index.js';
import type { DeleteStmt, TableName, UpdateStmt } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { AsyncPart } from '../expression/index.js';
import { checkTargetNotRead } from './check-target-not-read.js';
import { isDefaultIntoGenerated } from './generated-assignment.js';
import { assignedValue } from '../constraints/index.js';
import type { WriteTargetName } from './check-target-not-read.js';
import { operatorPlan } from './operator-plan.js';
import type { OperatorPlan } from './operator-plan.js';
import type { PlanContext } from './plan-context.js';
import { planMatchingRows } from './plan-matching-rows.js';
import type { DeletePlan, UpdatePlan } from './write-plan.js';
import { writeCompileContext } from './write-compile-context.js';
import { resolveWriteTarget } from './write-target.js';
import type { WriteTarget } from './write-target.js';

/** Plans a single-table UPDATE: TiDB's `Update` over the read of the rows it changes. */
export function planUpdate(stmt: UpdateStmt, context: PlanContext): UpdatePlan {
  const { session } = context;
  const ref = stmt.tables[0];
  if (stmt.tables.length !== 1 || ref?.kind !== 'TableNameRef') throw new Error('planUpdate: a multi-table UPDATE is planned by planMultiUpdate');
  const target = resolveWriteTarget(ref.table, ref.alias, 'UPDATE', context, stmt.where);
  const table = target.table;
  checkTargetNotRead([stmt.where, ...stmt.assignments.map((a) => a.value), ...(stmt.orderBy ?? []).map((item) => item.expr)], targetNames(target, ref.table, ref.alias, session), session);
  const assignments = stmt.assignments.flatMap((assignment) => {
    const offset = target.scope.resolve(assignment.column, 'field list');
    const baseOffset = target.baseOffsets[offset];
    if (baseOffset === undefined) throw mysqlError(ER_NONUPDATEABLE_COLUMN, assignment.column.column);
    const column = table.columns[baseOffset]!;
    if (isDefaultIntoGenerated(column, assignment.value, table)) return [];
    const parts: AsyncPart[] = [];
    const value = compileExpr(assignedValue(assignment.value, column, target.scope.columns[offset]!.table), writeCompileContext(target.scope, 'field list', context, parts));
    return [{ offset, column, value, parts }];
  });
  const matching = planMatchingRows(target, ref.alias, stmt);
  return { kind: 'Update', stmt, target, assignments, matching, context, explain: writeExplain('Update', matching.top) };
}

/** Plans a single-table DELETE: TiDB's `Delete` over the read of the rows it removes. */
export function planDelete(stmt: DeleteStmt, context: PlanContext): DeletePlan {
  const { session } = context;
  if (stmt.from) throw new Error('planDelete: a multi-table DELETE is planned by planMultiDelete');
  const name = stmt.targets[0]!;
  const target = resolveWriteTarget(name, stmt.alias, 'DELETE', context, stmt.where);
  checkTargetNotRead([stmt.where, ...(stmt.orderBy ?? []).map((item) => item.expr)], targetNames(target, name, stmt.alias, session), session);
  const matching = planMatchingRows(target, stmt.alias, stmt);
  return { kind: 'Delete', stmt, target, matching, context, explain: writeExplain('Delete', matching.top) };
}

/** The tables a subquery of the statement must not read: the named table or view, and a view's base table. */
function targetNames(target: WriteTarget, name: TableName, alias: string | undefined, session: ExecutionContext): WriteTargetName[] {
  const shownAs = alias ?? name.name;
  const names: WriteTargetName[] = [{ databaseName: target.databaseName, tableName: target.table.name, shownAs }];
  if (target.isView) names.push({ databaseName: name.db ?? session.currentDatabase ?? '', tableName: name.name, shownAs });
  return names;
}

/** A write operator as TiDB shows it: no row estimate and no operator info (`N/A`). */
export function writeExplain(operator: string, input: OperatorPlan | undefined): OperatorPlan {
  return operatorPlan(operator, undefined, input ? [input] : [], () => 'N/A');
}
