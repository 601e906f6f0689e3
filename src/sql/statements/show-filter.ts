// filterShowResult: SHOW … WHERE over any SHOW listing, with the listing's own column names (MySQL's rule).
import type { Expr } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, compileExpr } from '../expression/index.js';
import { rowsResult } from '../statement-result.js';
import type { RowsResult, StatementResult } from '../statement-result.js';
import { toBoolean } from '../types/index.js';
import type { Row } from '../types/index.js';

/** Keeps the rows of a SHOW listing for which `where` is true; the result unchanged when there is no WHERE. */
export function filterShowResult<R extends StatementResult>(result: R, where: Expr | undefined, context: ExecutionContext): R {
  if (where === undefined || result.kind !== 'rows') return result;
  const scope = new Scope(result.columns.map((column) => ({ name: column.name, table: '', database: '', type: column.type, isNotNull: column.isNotNull })));
  const condition = compileExpr(where, { scope, clause: 'where clause', session: context });
  const isKept = (row: Row): boolean => toBoolean(condition.evaluate(row), context.warnings) === true;
  if (result.complete) return rowsResult(result.columns, result.complete.filter(isKept)) as R;
  const rows = result.rows;
  const filtered: RowsResult = {
    kind: 'rows',
    columns: result.columns,
    rows: (async function* (): AsyncGenerator<Row[]> {
      for await (const batch of rows) {
        const kept = batch.filter(isKept);
        if (kept.length > 0) yield kept;
      }
    })(),
  };
  return filtered as R;
}
