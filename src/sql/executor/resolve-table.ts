// resolveTable: finds the base table a statement names, defaulting to the current database.
import { mysqlError, ER_NO_DB_ERROR, ER_NOT_SUPPORTED_YET } from '../../errors/index.js';
import type { TableName } from '../ast/index.js';
import type { Catalog, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';

/** The base table a write names and its database's canonical name; 1046 without a database, 1146 when missing. */
export function resolveTable(name: TableName, catalog: Catalog, session: ExecutionContext): { table: TableInfo; databaseName: string } {
  const databaseName = name.db ?? session.currentDatabase;
  if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
  const table = catalog.getTable(databaseName, name.name);
  // Statements that reach here (index DDL, ALTER, maintenance) act on stored rows; a view has none. Writes through
  // views resolve with resolveWriteTarget instead.
  if (table.view) throw mysqlError(ER_NOT_SUPPORTED_YET, 'writing through views');
  return { table, databaseName: catalog.getDatabase(databaseName).name };
}
