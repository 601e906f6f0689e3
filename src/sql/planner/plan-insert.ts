// planInsert: INSERT/REPLACE … VALUES | SET | SELECT (also through an insertable view): the base table and the
// columns the values fill, and the plan of its SELECT.
import { mysqlError, ER_BAD_FIELD_ERROR, ER_FIELD_SPECIFIED_TWICE, ER_NON_INSERTABLE_TABLE } from '../../errors/index.js';
import type { Assignment, InsertStmt } from '../ast/index.js';
import type { AutoIncrementAllocator, ColumnInfo, TableInfo } from '../catalog/index.js';
import type { PlanContext } from './plan-context.js';
import { resolveRowAlias } from './insert-row-alias.js';
import { planQuery } from './plan-query.js';
import { writeExplain } from './plan-update.js';
import type { InsertPlan } from './write-plan.js';
import { resolveWriteTarget } from './write-target.js';
import type { WriteTarget } from './write-target.js';

/** Plans INSERT/REPLACE: TiDB's `Insert`, over the plan of its SELECT when it has one. */
export async function planInsert(statement: InsertStmt, allocator: AutoIncrementAllocator, context: PlanContext): Promise<InsertPlan> {
  let stmt = statement;
  const target = resolveWriteTarget(stmt.table, undefined, 'INSERT', context, undefined);
  if (target.isView) stmt = insertThroughView(stmt, target);
  const columns = targetColumns(stmt, target.table);
  stmt = resolveRowAlias(stmt, columns);
  const query = stmt.source.kind === 'select' ? await planQuery(stmt.source.query, context) : undefined;
  return { kind: 'Insert', stmt, target, columns, query, allocator, context, explain: writeExplain('Insert', query?.explain) };
}

/**
 * INSERT into a view as INSERT into its base table: the view must be insertable-into (every column a plain column
 * reference, none repeated: 1471 otherwise), and view column names become base column names.
 */
function insertThroughView(stmt: InsertStmt, target: WriteTarget): InsertStmt {
  const offsets = target.baseOffsets;
  if (offsets.some((offset) => offset === undefined) || new Set(offsets).size !== offsets.length) {
    throw mysqlError(ER_NON_INSERTABLE_TABLE, stmt.table.name, 'INSERT');
  }
  const baseName = (name: string): string => {
    const index = target.scope.columns.findIndex((column) => column.name.toLowerCase() === name.toLowerCase());
    if (index < 0) throw mysqlError(ER_BAD_FIELD_ERROR, name, 'field list');
    return target.table.columns[offsets[index]!]!.name;
  };
  const rename = (assignments: readonly Assignment[]): Assignment[] =>
    assignments.map((assignment) => ({ ...assignment, column: { kind: 'ColumnRefExpr', column: baseName(assignment.column.column) } }));
  const columns = stmt.columns ?? (stmt.source.kind === 'set' ? undefined : target.scope.columns.map((column) => column.name));
  return {
    ...stmt,
    table: { db: target.databaseName, name: target.table.name },
    ...(columns ? { columns: columns.map(baseName) } : {}),
    source: stmt.source.kind === 'set' ? { kind: 'set', assignments: rename(stmt.source.assignments) } : stmt.source,
    ...(stmt.onDuplicate ? { onDuplicate: rename(stmt.onDuplicate) } : {}),
  };
}

/** The columns an INSERT assigns, in the order its values come. */
function targetColumns(stmt: InsertStmt, table: TableInfo): ColumnInfo[] {
  const names = stmt.source.kind === 'set' ? stmt.source.assignments.map((assignment) => assignment.column.column) : stmt.columns;
  // Without a column list, the values fill the visible columns in order (INVISIBLE ones take their defaults).
  const targets = names ? names.map((name) => findColumn(table, name)) : table.columns.filter((column) => column.isInvisible !== true);
  const seen = new Set<number>();
  for (const column of targets) {
    if (seen.has(column.offset)) throw mysqlError(ER_FIELD_SPECIFIED_TWICE, column.name);
    seen.add(column.offset);
  }
  return targets;
}

export function findColumn(table: TableInfo, name: string): ColumnInfo {
  const column = table.columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!column) throw mysqlError(ER_BAD_FIELD_ERROR, name, 'field list');
  return column;
}
