// assignedValue: what `col = DEFAULT` writes in UPDATE and ON DUPLICATE KEY UPDATE.
import type { ColumnRefExpr, Expr } from '../ast/index.js';
import type { ColumnInfo } from '../catalog/index.js';
import { mapExpr } from '../expression/index.js';
import { parseStoredExpr } from './stored-expression.js';

/**
 * The expression an assignment writes into `column`, whose row the statement sees under `table`: a bare DEFAULT
 * becomes DEFAULT(`table`.col), or, for a column with an expression default, that expression over the row being
 * changed (as MySQL evaluates it); any other value is returned as it is.
 */
export function assignedValue(value: Expr, column: ColumnInfo, table: string): Expr {
  if (value.kind !== 'DefaultExpr' || value.column !== undefined) return value;
  const spec = column.defaultValue;
  if (spec.kind !== 'expression') return { kind: 'DefaultExpr', column: { kind: 'ColumnRefExpr', table, column: column.name } };
  return mapExpr(parseStoredExpr(spec.expr), (node) => {
    if (node.kind !== 'ColumnRefExpr') return undefined;
    const qualified: ColumnRefExpr = { kind: 'ColumnRefExpr', table, column: node.column };
    return qualified;
  });
}
