// resolveRowAlias: MySQL 8.0.19's `INSERT … VALUES (…) AS new [(a, b, …)] ON DUPLICATE KEY UPDATE c = new.c + b`,
// read as the older VALUES(c) form: `new.col` and a column alias both name the value the row proposed.
import { mysqlError, ER_NONUNIQ_TABLE, ER_WRONG_VALUE_COUNT_ON_ROW } from '../../errors/index.js';
import type { ColumnRefExpr, Expr, InsertStmt } from '../ast/index.js';
import type { ColumnInfo } from '../catalog/index.js';
import { mapExpr } from '../expression/map-expr.js';

/** `stmt` with its row alias resolved in ON DUPLICATE KEY UPDATE; `columns` are the columns the values fill, in order. */
export function resolveRowAlias(stmt: InsertStmt, columns: readonly ColumnInfo[]): InsertStmt {
  const alias = stmt.rowAlias;
  if (alias === undefined) return stmt;
  const { rowAlias: _resolved, ...rest } = stmt;
  if (alias.name.toLowerCase() === stmt.table.name.toLowerCase()) throw mysqlError(ER_NONUNIQ_TABLE, alias.name);
  if (alias.columns !== undefined && alias.columns.length !== columns.length) throw mysqlError(ER_WRONG_VALUE_COUNT_ON_ROW, 1);
  if (stmt.onDuplicate === undefined) return rest;
  const byColumnAlias = new Map((alias.columns ?? []).map((name, i) => [name.toLowerCase(), columns[i]!.name]));
  const proposed = (column: string): Expr => ({ kind: 'FuncCallExpr', name: 'VALUES', args: [{ kind: 'ColumnRefExpr', column }] });
  const resolve = (node: Expr): Expr | undefined => {
    if (node.kind !== 'ColumnRefExpr' || node.db !== undefined) return undefined;
    const ref: ColumnRefExpr = node;
    if (ref.table !== undefined) {
      if (ref.table.toLowerCase() !== alias.name.toLowerCase()) return undefined;
      // With column aliases the row's columns go by those names only, as MySQL.
      const column = alias.columns === undefined ? ref.column : byColumnAlias.get(ref.column.toLowerCase());
      return column === undefined ? undefined : proposed(column);
    }
    const column = byColumnAlias.get(ref.column.toLowerCase());
    return column === undefined ? undefined : proposed(column);
  };
  return { ...rest, onDuplicate: stmt.onDuplicate.map((assignment) => ({ ...assignment, value: mapExpr(assignment.value, resolve) })) };
}
