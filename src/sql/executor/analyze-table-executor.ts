// ANALYZE TABLE: collects each table's statistics, keeps them with its definition and answers MySQL's four-column report.
// https://dev.mysql.com/doc/refman/8.0/en/analyze-table.html (what is collected is TiDB's row count and NDVs).
import { mysqlError, ER_NO_SUCH_TABLE, ER_WRONG_OBJECT } from '../../errors/index.js';
import type { AnalyzeTableStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { RowsResult } from '../statement-result.js';
import { collectTableStats } from '../stats/collect-table-stats.js';
import { reportOnTables } from './maintenance-report.js';
import type { NamedTable } from './maintenance-report.js';

const FAILED = ['status', 'Operation failed'] as const;

/**
 * One report row per table analyzed, two for a table that could not be (its error, then "Operation failed"). The
 * statistics are stored as a change of the table's definition, so they persist, go with DROP TABLE and make cached
 * plans be planned again.
 */
export function executeAnalyzeTable(stmt: AnalyzeTableStmt, catalog: Catalog, context: ExecutionContext): Promise<RowsResult> {
  return reportOnTables(stmt.tables, 'analyze', catalog, context, (named) => analyzeTable(named, catalog, context));
}

/** Analyzes one named table: its report pairs (OK, or the error and "Operation failed"). */
export async function analyzeTable({ database, name, table }: NamedTable, catalog: Catalog, context: ExecutionContext): Promise<(readonly [string, string])[]> {
  if (table === undefined) return [['Error', mysqlError(ER_NO_SUCH_TABLE, database, name).message], FAILED];
  if (table.view !== undefined || table.sequence !== undefined) return [['Error', mysqlError(ER_WRONG_OBJECT, database, table.name, 'BASE TABLE').message], FAILED];
  const stats = await collectTableStats(await context.transaction(), table);
  await catalog.alterTable(database, table.name, (current) => Promise.resolve({ ...current, stats }));
  return [['status', 'OK']];
}
