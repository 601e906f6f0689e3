// parseStoredExpr: the expression AST of a generated column or CHECK constraint from the text the catalog keeps.
import type { Expr } from '../ast/index.js';
import { parseSql } from '../parser/index.js';

/** Parsed expressions by their text: a table's expressions are parsed once, not once per statement. */
const parsed = new Map<string, Expr>();
const MAX_CACHED = 4096;

/** The expression `text` (as formatStoredExpr printed it) parses to. */
export function parseStoredExpr(text: string): Expr {
  const cached = parsed.get(text);
  if (cached) return cached;
  const [statement] = parseSql(`SELECT ${text}`);
  if (statement?.kind !== 'SelectStmt' || statement.items[0]?.kind !== 'SelectExprItem') throw new Error(`not an expression: ${text}`);
  const expr = statement.items[0].expr;
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(text, expr);
  return expr;
}
