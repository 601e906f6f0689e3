// TRUNCATE TABLE, RENAME TABLE and DROP TRIGGER (TidalDB has no triggers, as TiDB has none).
import { mysqlError, ER_NO_DB_ERROR, ER_TRG_DOES_NOT_EXIST } from '../../errors/index.js';
import type { DropTriggerStmt, RenameTableStmt, TruncateTableStmt } from '../ast/index.js';
import type { AutoIncrementAllocator, Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { KvEngine } from '../../storage/kv.js';
import { OK_NOTHING } from '../statement-result.js';
import type { OkResult } from '../statement-result.js';
import { deleteTableData } from './drop-executor.js';
import { resolveTable } from './resolve-table.js';
import { checkTruncateReferenced } from './referenced-table-guards.js';

/**
 * TRUNCATE TABLE: removes every row and index entry (without acting on foreign keys, which is why a referenced
 * table cannot be truncated: 1701); AUTO_INCREMENT starts again at 1, as in MySQL.
 */
export async function executeTruncate(stmt: TruncateTableStmt, catalog: Catalog, engine: KvEngine, allocator: AutoIncrementAllocator, session: ExecutionContext): Promise<OkResult> {
  const { table, databaseName } = resolveTable(stmt.table, catalog, session);
  checkTruncateReferenced(catalog, databaseName, table.name, session);
  await deleteTableData(engine, allocator, table);
  await allocator.reset(table.id);
  // The statistics described the rows just removed (TiDB's TRUNCATE makes a new table, which has none).
  if (table.stats !== undefined) await catalog.alterTable(databaseName, table.name, ({ stats: _removed, ...rest }) => Promise.resolve(rest));
  return OK_NOTHING;
}

/** RENAME TABLE a TO b, c TO d: pairs are applied in order, as MySQL does. */
export async function executeRenameTable(stmt: RenameTableStmt, catalog: Catalog, session: ExecutionContext): Promise<OkResult> {
  for (const pair of stmt.pairs) {
    const fromDatabase = pair.from.db ?? session.currentDatabase;
    const toDatabase = pair.to.db ?? session.currentDatabase;
    if (fromDatabase === undefined || toDatabase === undefined) throw mysqlError(ER_NO_DB_ERROR);
    catalog.getTable(fromDatabase, pair.from.name);
    await catalog.renameTable(fromDatabase, pair.from.name, toDatabase, pair.to.name);
  }
  return OK_NOTHING;
}

/** DROP TRIGGER: there are never triggers, so it is 1360 (or nothing with IF EXISTS). */
export function executeDropTrigger(stmt: DropTriggerStmt): OkResult {
  if (stmt.ifExists) return OK_NOTHING;
  throw mysqlError(ER_TRG_DOES_NOT_EXIST);
}
