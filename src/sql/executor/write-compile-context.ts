// writeCompileContext: compile contexts for UPDATE/DELETE/INSERT expressions that may hold subqueries.
import type { StatementParams } from '../expression/index.js';
import type { QueryExpr } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { AsyncPart, ClauseName, CompileContext, OuterBinding, Scope } from '../expression/index.js';
import type { FieldType, Row } from '../types/index.js';
import { materializeQuery } from './select-executor.js';

/**
 * A context whose subqueries register in `parts`: the writer awaits `prepareParts(parts, rows)` on the rows it is
 * about to evaluate the expressions over, as the select executor does per batch.
 */
export function writeCompileContext(
  scope: Scope,
  clause: ClauseName,
  catalog: Catalog,
  session: ExecutionContext,
  params: StatementParams | undefined,
  parts: AsyncPart[],
): CompileContext {
  const runSubquery = async (query: QueryExpr, binding: OuterBinding): Promise<{ rows: Row[]; types: FieldType[] }> => {
    const result = await materializeQuery(query, catalog, session, params, binding);
    return { rows: result.rows, types: result.columns.map((column) => column.type) };
  };
  return { scope, clause, session, runSubquery, asyncParts: parts, ...(params ? { params } : {}) };
}
