// referencedTables: the tables a statement names in FROM/JOIN, wherever they are nested, minus its CTEs; and the
// sequences its sequence functions name.
import type { FuncCallExpr, TableName, TableNameRef } from '../ast/index.js';

/** Calls `visit` on every AST node (object with fields) under `node`, the statement's source text left out. */
function walkNodes(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walkNodes(item, visit);
    return;
  }
  const record = node as Record<string, unknown>;
  visit(record);
  for (const key of Object.keys(record)) if (key !== 'text') walkNodes(record[key], visit);
}

/** Every table a statement reads through FROM/JOIN (subqueries included), minus the names of its CTEs. */
export function referencedTables(node: unknown): TableName[] {
  const tables: TableName[] = [];
  const cteNames = new Set<string>();
  walkNodes(node, (record) => {
    if (record.kind === 'TableNameRef') tables.push((record as unknown as TableNameRef).table);
    const withClause = record.with as { ctes?: readonly { name?: string }[] } | undefined;
    for (const cte of withClause?.ctes ?? []) if (typeof cte.name === 'string') cteNames.add(cte.name.toLowerCase());
  });
  return tables.filter((table) => table.db !== undefined || !cteNames.has(table.name.toLowerCase()));
}

/** What TiDB asks of a sequence function's sequence: NEXTVAL and SETVAL change it (INSERT), LASTVAL reads it. */
const SEQUENCE_FUNCTION_PRIVILEGES: ReadonlyMap<string, 'INSERT' | 'SELECT'> = new Map([
  ['NEXTVAL', 'INSERT'],
  ['SETVAL', 'INSERT'],
  ['LASTVAL', 'SELECT'],
]);

/** A sequence a statement's NEXTVAL/SETVAL/LASTVAL names, with the privilege that call needs on it. */
export interface SequenceUse {
  readonly privilege: 'INSERT' | 'SELECT';
  readonly sequence: TableName;
}

/** The sequences a statement's sequence functions name, wherever they are nested. */
export function referencedSequences(node: unknown): SequenceUse[] {
  const uses: SequenceUse[] = [];
  walkNodes(node, (record) => {
    if (record.kind !== 'FuncCallExpr') return;
    const call = record as unknown as FuncCallExpr;
    const privilege = call.db === undefined ? SEQUENCE_FUNCTION_PRIVILEGES.get(call.name.toUpperCase()) : undefined;
    const target = call.args[0];
    if (privilege === undefined || target?.kind !== 'ColumnRefExpr' || target.db !== undefined) return;
    uses.push({ privilege, sequence: { ...(target.table !== undefined && { db: target.table }), name: target.column } });
  });
  return uses;
}
