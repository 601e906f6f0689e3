// OPTIMIZE TABLE and REPAIR TABLE: MySQL's answers for InnoDB tables, in its four-column report.
import type { OptimizeTableStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { RowsResult } from '../statement-result.js';
import { analyzeTable } from './analyze-table-executor.js';
import { reportOnTables } from './maintenance-report.js';

/**
 * OPTIMIZE TABLE does what InnoDB does — "recreate + analyze" — which for LMDB's B-tree is the analysis (its pages are
 * reused in place, and a rebuild would write the same keys again); REPAIR TABLE is refused with InnoDB's note.
 * https://dev.mysql.com/doc/refman/8.0/en/optimize-table.html, repair-table.html
 */
export function executeOptimizeTable(stmt: OptimizeTableStmt, catalog: Catalog, context: ExecutionContext): Promise<RowsResult> {
  return reportOnTables(stmt.tables, stmt.op, catalog, context, async (named) => {
    if (stmt.op === 'repair') {
      if (named.table === undefined || named.table.view !== undefined) return analyzeTable(named, catalog, context);
      return [['note', "The storage engine for the table doesn't support repair"]];
    }
    const analyzed = await analyzeTable(named, catalog, context);
    if (analyzed[0]?.[0] === 'Error') return analyzed;
    return [['note', 'Table does not support optimize, doing recreate + analyze instead'], ...analyzed];
  });
}
