// referencedTables: the tables a statement names in FROM/JOIN, wherever they are nested, minus its CTEs.
import type { TableName, TableNameRef } from '../ast/index.js';

/** Every table a statement reads through FROM/JOIN (subqueries included), minus the names of its CTEs. */
export function referencedTables(node: unknown): TableName[] {
  const tables: TableName[] = [];
  const cteNames = new Set<string>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (record.kind === 'TableNameRef') tables.push((record as unknown as TableNameRef).table);
    const withClause = record.with as { ctes?: readonly { name?: string }[] } | undefined;
    for (const cte of withClause?.ctes ?? []) if (typeof cte.name === 'string') cteNames.add(cte.name.toLowerCase());
    for (const key of Object.keys(record)) if (key !== 'text') visit(record[key]);
  };
  visit(node);
  return tables.filter((table) => table.db !== undefined || !cteNames.has(table.name.toLowerCase()));
}
