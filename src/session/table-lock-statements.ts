// LOCK TABLES / UNLOCK TABLES / FLUSH as TiDB answers them with table locks disabled (tidb_enable_table_lock=OFF):
// accepted so dump tools and ORMs run, with MySQL's implicit commit and checks, but no table-level lock is taken;
// row locks and snapshots already keep a dump consistent.
import { mysqlError, ER_NO_DB_ERROR } from '../errors/index.js';
import { isInformationSchema } from '../sql/index.js';
import type { FlushStmt, LockTablesStmt, SqlEngine } from '../sql/index.js';

/** Checks that every table named exists (1146), as LOCK TABLES does before locking. */
export function checkLockTables(statement: LockTablesStmt, sql: SqlEngine, currentDatabase: string | undefined): void {
  for (const { table } of statement.tables) {
    const database = table.db ?? currentDatabase;
    if (database === undefined) throw mysqlError(ER_NO_DB_ERROR);
    if (!isInformationSchema(database)) sql.catalog.getTable(database, table.name);
  }
}

/** FLUSH TABLES t, … checks its tables like LOCK TABLES; the other options have nothing to flush here. */
export function checkFlushTables(statement: FlushStmt, sql: SqlEngine, currentDatabase: string | undefined): void {
  for (const table of statement.tables ?? []) {
    const database = table.db ?? currentDatabase;
    if (database === undefined) throw mysqlError(ER_NO_DB_ERROR);
    sql.catalog.getTable(database, table.name);
  }
}
