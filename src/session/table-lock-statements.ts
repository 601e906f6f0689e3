// LOCK TABLES / UNLOCK TABLES / FLUSH as TiDB answers them with table locks disabled (tidb_enable_table_lock=OFF):
// accepted so dump tools and ORMs run, with MySQL's implicit commit and checks, but no table-level lock is taken;
// row locks and snapshots already keep a dump consistent.
import { mysqlError, ER_NO_DB_ERROR } from '../errors/index.js';
import { isInformationSchema } from '../sql/index.js';
import type { Catalog, FlushStmt, LockTablesStmt } from '../sql/index.js';

/** Checks that every table named exists (1146), as LOCK TABLES does before locking. */
export function checkLockTables(statement: LockTablesStmt, catalog: Catalog, currentDatabase: string | undefined): void {
  for (const { table } of statement.tables) {
    const database = table.db ?? currentDatabase;
    if (database === undefined) throw mysqlError(ER_NO_DB_ERROR);
    if (!isInformationSchema(database)) catalog.getTable(database, table.name);
  }
}

/** FLUSH TABLES t, … checks its tables like LOCK TABLES; the other options have nothing to flush here. */
export function checkFlushTables(statement: FlushStmt, catalog: Catalog, currentDatabase: string | undefined): void {
  for (const table of statement.tables ?? []) {
    const database = table.db ?? currentDatabase;
    if (database === undefined) throw mysqlError(ER_NO_DB_ERROR);
    catalog.getTable(database, table.name);
  }
}
