// DROP TABLE / DROP DATABASE / CREATE and ALTER DATABASE: catalog changes plus deleting the dropped tables' rows.
import { mysqlError, ER_BAD_TABLE_ERROR, ER_NO_DB_ERROR } from '../../errors/index.js';
import type { AlterDatabaseStmt, CreateDatabaseStmt, DropDatabaseStmt, DropTableStmt } from '../ast/index.js';
import { SERVER_DEFAULT_COLLATION, charsetOf, findCollation } from '../collation/index.js';
import { resolveCollation } from '../expression/column-type-from-ast.js';
import { checkDropReferenced } from './referenced-table-guards.js';
import type { AutoIncrementAllocator, Catalog, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { OkResult } from '../statement-result.js';
import { OK_NOTHING } from '../statement-result.js';
import type { KvEngine } from '../../storage/kv.js';
import { beginTransaction, tableRange } from '../../storage/index.js';

const DELETE_BATCH = 1024;

/**
 * CREATE DATABASE; an existing database with IF NOT EXISTS is a note, not an error. Its default collation is the
 * one given (1115/1273/1253 for unknown or mismatched names), else the session's @@collation_server.
 */
export async function executeCreateDatabase(stmt: CreateDatabaseStmt, catalog: Catalog, session: ExecutionContext): Promise<OkResult> {
  const collation = resolveCollation(stmt.options.charset, stmt.options.collate, serverCollation(session));
  const created = await catalog.createDatabase(stmt.name, { ifNotExists: stmt.ifNotExists, charset: charsetOf(collation), collation });
  return { ...OK_NOTHING, affectedRows: created ? 1n : 0n };
}

/** ALTER DATABASE [name] [DEFAULT] CHARACTER SET … COLLATE …: the defaults new tables of the database take. */
export async function executeAlterDatabase(stmt: AlterDatabaseStmt, catalog: Catalog, session: ExecutionContext): Promise<OkResult> {
  const name = stmt.name ?? session.currentDatabase;
  if (name === undefined) throw mysqlError(ER_NO_DB_ERROR);
  const current = catalog.getDatabase(name);
  if (stmt.options.charset === undefined && stmt.options.collate === undefined) return OK_NOTHING;
  const collation = resolveCollation(stmt.options.charset, stmt.options.collate, serverCollation(session));
  await catalog.alterDatabase(current.name, { charset: charsetOf(collation), collation });
  return { ...OK_NOTHING, affectedRows: 1n };
}

function serverCollation(session: ExecutionContext): string {
  const value = session.systemVariable('collation_server', 'session');
  return (typeof value === 'string' ? findCollation(value)?.name : undefined) ?? SERVER_DEFAULT_COLLATION;
}

/** DROP DATABASE: removes the schema entries, then the rows of every table it held. */
export async function executeDropDatabase(stmt: DropDatabaseStmt, catalog: Catalog, engine: KvEngine, allocator: AutoIncrementAllocator): Promise<OkResult> {
  const tables = await catalog.dropDatabase(stmt.name, { ifExists: stmt.ifExists });
  if (!tables) return OK_NOTHING;
  for (const table of tables) await deleteTableData(engine, allocator, table);
  return { ...OK_NOTHING, affectedRows: BigInt(tables.length) };
}

/**
 * DROP TABLE a, b: every named table must exist unless IF EXISTS (MySQL names all missing ones in one 1051 error
 * and drops nothing then).
 */
export async function executeDropTable(stmt: DropTableStmt, catalog: Catalog, engine: KvEngine, allocator: AutoIncrementAllocator, session: ExecutionContext): Promise<OkResult> {
  const names = stmt.tables.map((name) => {
    const databaseName = name.db ?? session.currentDatabase;
    if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
    return { databaseName, name: name.name };
  });
  // A view is not a table: DROP TABLE of a view reports it unknown, as MySQL does; DROP TEMPORARY TABLE knows only
  // the session's temporary tables, and DROP TABLE drops a temporary table before the stored one it hides.
  const isDroppable = (table: TableInfo | undefined): boolean => table !== undefined && table.view === undefined && (!stmt.isTemporary || table.isTemporary === true);
  const missing = names.filter((name) => !isDroppable(catalog.findTable(name.databaseName, name.name)));
  if (missing.length > 0 && !stmt.ifExists) {
    throw mysqlError(ER_BAD_TABLE_ERROR, missing.map((name) => `${name.databaseName}.${name.name}`).join(','));
  }
  checkDropReferenced(catalog, names, session);
  for (const name of names) {
    if (!isDroppable(catalog.findTable(name.databaseName, name.name))) continue;
    const table = await catalog.dropTable(name.databaseName, name.name);
    if (table) await deleteTableData(engine, allocator, table);
  }
  return OK_NOTHING;
}

/**
 * Deletes a table's rows and index entries in bounded batches and resets its AUTO_INCREMENT. For DROP the table is
 * already gone from the schema, so a crash midway leaves only unreachable keys under an id that is never reused.
 */
export async function deleteTableData(engine: KvEngine, allocator: AutoIncrementAllocator, table: TableInfo): Promise<void> {
  allocator.forget(table.id);
  const range = tableRange(BigInt(table.id));
  for (;;) {
    const txn = await beginTransaction(engine);
    let count = 0;
    for await (const batch of txn.scan(range, { limit: DELETE_BATCH })) {
      for (const pair of batch) txn.delete(pair.key);
      count += batch.length;
    }
    await txn.commit();
    if (count < DELETE_BATCH) return;
  }
}
