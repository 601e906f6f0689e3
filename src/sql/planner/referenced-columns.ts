// referencedColumnNames: the column names a query could read from its tables, so a table reader decodes only those.
import type { SelectStmt } from '../ast/index.js';

/**
 * The lower-cased names of every column a SELECT mentions anywhere (select list, WHERE, GROUP BY, HAVING, ORDER BY,
 * windows, subqueries, whatever the qualifier), or undefined when it may read every column (`*`, `t.*`). A base
 * table read for this query needs no column outside the set: one whose name is never written cannot be referenced.
 * Over-inclusion is harmless (a name from another table or an alias), so the walk is generic over the AST.
 */
export function referencedColumnNames(select: SelectStmt): ReadonlySet<string> | undefined {
  const names = new Set<string>();
  return collect(select, names) ? names : undefined;
}

/** Adds the column names under `node` to `names`; false when a `*` item means every column. */
function collect(node: unknown, names: Set<string>): boolean {
  if (typeof node !== 'object' || node === null || ArrayBuffer.isView(node)) return true;
  if (Array.isArray(node)) {
    for (const item of node) if (!collect(item, names)) return false;
    return true;
  }
  const kind = (node as { kind?: unknown }).kind;
  if (kind === 'SelectStarItem') return false;
  if (kind === 'ColumnRefExpr') {
    names.add((node as { column: string }).column.toLowerCase());
    return true;
  }
  for (const value of Object.values(node)) if (!collect(value, names)) return false;
  return true;
}
