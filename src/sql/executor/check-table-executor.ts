// CHECK TABLE: verifies each table's secondary indexes against its rows, answering MySQL's four-column report.
// https://dev.mysql.com/doc/refman/8.0/en/check-table.html (what is checked is TiDB's ADMIN CHECK TABLE).
import { mysqlError, ER_NO_DB_ERROR, ER_NO_SUCH_TABLE } from '../../errors/index.js';
import type { CheckTableStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { isInformationSchema } from '../infoschema/information-schema-name.js';
import { expressionColumn, rowsResult } from '../statement-result.js';
import type { RowsResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { TypeKind, fieldType } from '../types/index.js';
import type { Row } from '../types/index.js';

const NAME = fieldType(TypeKind.VarChar, { length: 64 });
const TEXT = fieldType(TypeKind.VarChar, { length: 255 });

/** One report row per table checked (two for a table that failed, as MySQL reports it). */
export async function executeCheckTable(stmt: CheckTableStmt, catalog: Catalog, context: ExecutionContext): Promise<RowsResult> {
  const rows: Row[] = [];
  for (const name of stmt.tables) {
    const database = name.db ?? context.currentDatabase;
    if (database === undefined) throw mysqlError(ER_NO_DB_ERROR);
    const label = `${database}.${name.name}`;
    const report = (type: string, text: string): void => {
      rows.push([label, 'check', type, text]);
    };
    const table = isInformationSchema(database) ? undefined : catalog.findTable(database, name.name);
    if (table === undefined) {
      report('Error', mysqlError(ER_NO_SUCH_TABLE, database, name.name).message);
      report('status', 'Operation failed');
      continue;
    }
    // A view has no rows or indexes of its own.
    const problem = table.view ? undefined : await new TableRows(await context.transaction(), table, undefined, undefined).checkIndexes();
    if (problem === undefined) {
      report('status', 'OK');
    } else {
      report('error', problem);
      report('error', 'Corrupt');
    }
  }
  return rowsResult(
    [expressionColumn('Table', NAME, true), expressionColumn('Op', NAME, true), expressionColumn('Msg_type', NAME, true), expressionColumn('Msg_text', TEXT, true)],
    rows,
  );
}
