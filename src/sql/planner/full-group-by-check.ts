// checkFullGroupBy: sql_mode=ONLY_FULL_GROUP_BY, MySQL 5.7+'s default: in a grouped query every column the select
// list or ORDER BY reads outside an aggregate must be grouped or functionally dependent on the grouped columns.
import { mysqlError, ER_MIX_OF_GROUP_FUNC_AND_FIELDS, ER_WRONG_FIELD_WITH_GROUP } from '../../errors/index.js';
import type { Expr, TableRef } from '../ast/index.js';
import type { TableInfo } from '../catalog/index.js';
import { forEachExpr } from '../expression/index.js';
import type { Scope } from '../expression/index.js';
import { formatSql } from '../parser/index.js';
import { splitConjuncts } from './access-path.js';

/** One select-list entry (an expression, or a `*` already expanded to column offsets). */
export type CheckedItem = { readonly expr: Expr } | { readonly offsets: readonly number[] };

/**
 * Throws 1055 (with GROUP BY) or 1140 (aggregates without GROUP BY) for the first select-list or ORDER BY
 * expression that reads a column of `scope` (the rows being grouped) that the groups do not determine. A column
 * is determined when it is grouped, or when its table's primary key or a unique key over NOT NULL columns is
 * (MySQL's functional dependence on keys). Aggregate calls must already be rewritten to columns past `scope`'s
 * width; ANY_VALUE() and subqueries are not looked into.
 */
export function checkFullGroupBy(
  items: readonly CheckedItem[],
  orderBy: readonly Expr[],
  groupBy: readonly Expr[],
  scope: Scope,
  whereConjuncts: readonly Expr[],
): void {
  const determined = determinedOffsets(groupBy, scope, whereConjuncts);
  // Columns of views and derived tables carry no key information here, so their dependence on the groups cannot
  // be shown; they are let through rather than refused where MySQL (which traces keys through them) accepts them.
  scope.columns.forEach((column, offset) => {
    if (column.origin === undefined && column.table !== '') determined.add(offset);
  });
  const groupTexts = new Set(groupBy.filter((expr) => expr.kind !== 'ColumnRefExpr').map((expr) => formatSql(expr)));
  const hasGroupBy = groupBy.length > 0;
  const fail = (position: number, clause: string, offset: number): never => {
    const column = scope.columns[offset]!;
    const name = column.table === '' ? column.name : `${column.database}.${column.table}.${column.name}`;
    throw hasGroupBy ? mysqlError(ER_WRONG_FIELD_WITH_GROUP, position, clause, name) : mysqlError(ER_MIX_OF_GROUP_FUNC_AND_FIELDS, position, name);
  };
  let position = 0;
  for (const item of items) {
    if ('offsets' in item) {
      for (const offset of item.offsets) {
        position++;
        if (!determined.has(offset)) fail(position, 'SELECT list', offset);
      }
      continue;
    }
    position++;
    const offset = undeterminedColumn(item.expr, scope, determined, groupTexts);
    if (offset !== undefined) fail(position, 'SELECT list', offset);
  }
  orderBy.forEach((expr, i) => {
    const offset = undeterminedColumn(expr, scope, determined, groupTexts);
    if (offset !== undefined) fail(i + 1, 'ORDER BY clause', offset);
  });
}

/**
 * The offsets of `scope` the groups determine: grouped columns, columns WHERE equates to a constant or to a
 * determined column, and all columns of a table whose key is determined.
 */
function determinedOffsets(groupBy: readonly Expr[], scope: Scope, whereConjuncts: readonly Expr[]): Set<number> {
  const determined = new Set<number>();
  for (const expr of groupBy) {
    if (expr.kind !== 'ColumnRefExpr') continue;
    const offset = scope.find(expr);
    if (offset !== undefined) determined.add(offset);
  }
  const equalities = whereConjuncts.flatMap((conjunct) =>
    conjunct.kind === 'BinaryExpr' && conjunct.op === '=' ? [[conjunct.left, conjunct.right] as const] : [],
  );
  const offsetOf = (expr: Expr): number | undefined => (expr.kind === 'ColumnRefExpr' ? scope.find(expr) : undefined);
  const isConstant = (expr: Expr): boolean => expr.kind.endsWith('LiteralExpr') || expr.kind === 'ParamExpr';
  // Group the scope's base-table columns by table instance (alias): every column of an instance whose key columns
  // are all determined is determined too.
  const instances = new Map<string, { table: TableInfo; offsets: Map<number, number> }>();
  scope.columns.forEach((column, offset) => {
    if (!column.origin) return;
    const key = `${column.database}.${column.table}`;
    let instance = instances.get(key);
    if (!instance) {
      instance = { table: column.origin.table, offsets: new Map() };
      instances.set(key, instance);
    }
    instance.offsets.set(column.origin.offset, offset);
  });
  // Equalities and keys feed each other (grouping by ch.id determines ch.pid, which ON p.id = ch.pid carries to p's
  // key and so to every column of p), so both run until nothing more is determined.
  for (let changed = true; changed; ) {
    changed = false;
    const add = (offset: number): void => {
      if (determined.has(offset)) return;
      determined.add(offset);
      changed = true;
    };
    for (const [left, right] of equalities) {
      const [l, r] = [offsetOf(left), offsetOf(right)];
      const pin = (offset: number | undefined, other: Expr, otherOffset: number | undefined): void => {
        if (offset !== undefined && (isConstant(other) || (otherOffset !== undefined && determined.has(otherOffset)))) add(offset);
      };
      pin(l, right, r);
      pin(r, left, l);
    }
    for (const { table, offsets } of instances.values()) {
      const isDetermined = (columnOffset: number): boolean => {
        const offset = offsets.get(columnOffset);
        return offset !== undefined && determined.has(offset);
      };
      const keys = table.indexes
        .filter((index) => index.isPrimary || (index.isUnique && index.columnOffsets.every((c) => table.columns[c]!.isNotNull)))
        .map((index) => index.columnOffsets);
      if (table.handleColumnOffset !== undefined) keys.push([table.handleColumnOffset]);
      if (keys.some((key) => key.every(isDetermined))) for (const offset of offsets.values()) add(offset);
    }
  }
  return determined;
}

/**
 * The conditions functional dependence may use: WHERE's conjuncts and those of inner joins' ON (an outer join's ON
 * does not hold for its NULL-extended rows), as MySQL's detection of functional dependence reads them.
 */
export function dependenceConjuncts(where: Expr | undefined, from: readonly TableRef[] | undefined): Expr[] {
  const conjuncts = splitConjuncts(where);
  const visit = (ref: TableRef): void => {
    if (ref.kind !== 'JoinRef' || ref.joinType === 'LEFT' || ref.joinType === 'RIGHT') return;
    conjuncts.push(...splitConjuncts(ref.on));
    visit(ref.left);
    visit(ref.right);
  };
  for (const ref of from ?? []) visit(ref);
  return conjuncts;
}

/** The first column `expr` reads outside aggregates that the groups do not determine, or undefined. */
function undeterminedColumn(expr: Expr, scope: Scope, determined: ReadonlySet<number>, groupTexts: ReadonlySet<string>): number | undefined {
  let found: number | undefined;
  forEachExpr(expr, (node) => {
    if (found !== undefined) return false;
    if (groupTexts.size > 0 && node.kind !== 'ColumnRefExpr' && groupTexts.has(formatSql(node))) return false;
    if (node.kind === 'FuncCallExpr' && node.name.toUpperCase() === 'ANY_VALUE') return false;
    if (node.kind !== 'ColumnRefExpr') return true;
    const offset = scope.find(node);
    // Columns past the grouped rows are aggregate results; names not found are outer references.
    if (offset !== undefined && offset < scope.columns.length && !determined.has(offset)) found = offset;
    return false;
  });
  return found;
}
