// reportOnTables: runs a table maintenance statement (CHECK, ANALYZE TABLE) over its tables and answers MySQL's
// four-column report.
import { mysqlError, ER_NO_DB_ERROR } from '../../errors/index.js';
import type { TableName } from '../ast/index.js';
import type { Catalog, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { isInformationSchema } from '../infoschema/information-schema-name.js';
import { expressionColumn, rowsResult } from '../statement-result.js';
import type { RowsResult } from '../statement-result.js';
import { TypeKind, fieldType } from '../types/index.js';
import type { SqlValue } from '../types/index.js';

const NAME = fieldType(TypeKind.VarChar, { length: 64 });
const TEXT = fieldType(TypeKind.VarChar, { length: 255 });

/** One table named by the statement: its database and name as written, its definition (undefined: missing). */
export interface NamedTable {
  readonly database: string;
  readonly name: string;
  readonly table: TableInfo | undefined;
}

/** `Table | Op | Msg_type | Msg_text`: `visit` gives the `[Msg_type, Msg_text]` pairs of each table, in order. */
export async function reportOnTables(
  names: readonly TableName[],
  op: string,
  catalog: Catalog,
  context: ExecutionContext,
  visit: (named: NamedTable) => Promise<readonly (readonly [string, string])[]>,
): Promise<RowsResult> {
  const rows: SqlValue[][] = [];
  for (const name of names) {
    const database = name.db ?? context.currentDatabase;
    if (database === undefined) throw mysqlError(ER_NO_DB_ERROR);
    const label = `${database}.${name.name}`;
    const table = isInformationSchema(database) ? undefined : catalog.findTable(database, name.name);
    for (const [type, text] of await visit({ database, name: name.name, table })) rows.push([label, op, type, text]);
  }
  return rowsResult(
    [expressionColumn('Table', NAME, true), expressionColumn('Op', NAME, true), expressionColumn('Msg_type', NAME, true), expressionColumn('Msg_text', TEXT, true)],
    rows,
  );
}
