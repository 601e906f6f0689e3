// The printer's recursion points, handed to each family's formatter so the formatter files need not import each other.
import type { Expr, QueryExpr, Statement, TableRef } from '../ast/index.js';

/** Prints sub-nodes in canonical SQL. */
export interface Printer {
  /** An expression, parenthesised when its precedence is below `minPrec` (default: never). */
  expr(e: Expr, minPrec?: number): string;
  query(q: QueryExpr): string;
  tableRef(t: TableRef): string;
  statement(s: Statement): string;
}
