// CREATE [OR REPLACE] VIEW and DROP VIEW: views are catalog entries holding their SELECT text.
import { MySqlError, mysqlError, ER_NON_UPDATABLE_TABLE, ER_VIEW_DELETE_MERGE_VIEW, ER_VIEW_NONUPD_CHECK, ER_BAD_TABLE_ERROR, ER_NO_DB_ERROR, ER_TABLE_EXISTS_ERROR, ER_VIEW_SELECT_TMPTABLE, ER_VIEW_WRONG_LIST, ER_WRONG_OBJECT } from '../../errors/index.js';
import type { CreateViewStmt, DropViewStmt } from '../ast/index.js';
import { columnlessTable } from '../catalog/index.js';
import type { Catalog, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { OK_NOTHING } from '../statement-result.js';
import type { OkResult } from '../statement-result.js';
import { materializeQuery } from './select-executor.js';
import { assertUpdatableView } from '../planner/write-target.js';
import { planContext } from './select-executor.js';
import { referencedTables } from '../planner/referenced-tables.js';

/**
 * CREATE VIEW: the query runs once first, so that unknown tables or columns fail now with MySQL's errors rather
 * than at first use. OR REPLACE replaces a view, never a table.
 */
export async function executeCreateView(stmt: CreateViewStmt, catalog: Catalog, session: ExecutionContext): Promise<OkResult> {
  const databaseName = stmt.name.db ?? session.currentDatabase;
  if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
  // A view outlives the session, so it may not read the session's temporary tables.
  for (const name of referencedTables(stmt.query)) {
    const db = name.db ?? session.currentDatabase;
    if (db !== undefined && session.temporaryTables?.find(db, name.name)) throw mysqlError(ER_VIEW_SELECT_TMPTABLE, name.name);
  }
  const probe = await materializeQuery(stmt.query, catalog, session);
  if (stmt.columns && stmt.columns.length !== probe.columns.length) throw mysqlError(ER_VIEW_WRONG_LIST);
  const existing = catalog.findTable(databaseName, stmt.name.name);
  const columns = probe.columns.map((column, i) => ({ name: stmt.columns?.[i] ?? column.name, type: column.type, isNotNull: column.isNotNull }));
  const view = { definition: stmt.queryText, columnNames: stmt.columns, checkOption: stmt.checkOption, algorithm: stmt.algorithm, columns };
  if (stmt.checkOption) checkUpdatable(view, stmt, databaseName, catalog, session);
  if (existing) {
    if (!existing.view || !(stmt.orReplace || stmt.isAlter)) throw mysqlError(ER_TABLE_EXISTS_ERROR, stmt.name.name);
    await catalog.alterTable(databaseName, existing.name, (current) => Promise.resolve({ ...current, view }));
    return OK_NOTHING;
  }
  await catalog.createTable(databaseName, stmt.name.name, (ids): TableInfo => ({
    ...columnlessTable(ids, stmt.name.name),
    comment: 'VIEW',
    engine: '',
    createdAt: new Date().toISOString(),
    view,
  }));
  return OK_NOTHING;
}

/** WITH CHECK OPTION needs a view that can be written through: 1368 otherwise. */
function checkUpdatable(view: NonNullable<TableInfo['view']>, stmt: CreateViewStmt, databaseName: string, catalog: Catalog, session: ExecutionContext): void {
  const probe = { ...PROBE_TABLE, name: stmt.name.name, view };
  try {
    assertUpdatableView(probe, catalog.getDatabase(databaseName).name, planContext(catalog, session));
  } catch (error) {
    if (error instanceof MySqlError && (error.code === ER_NON_UPDATABLE_TABLE.code || error.code === ER_VIEW_DELETE_MERGE_VIEW.code)) {
      throw mysqlError(ER_VIEW_NONUPD_CHECK, databaseName, stmt.name.name);
    }
    throw error;
  }
}

const PROBE_TABLE: TableInfo = {
  ...columnlessTable({ databaseId: 0, tableId: 0 }, ''),
  comment: 'VIEW',
  engine: '',
  createdAt: '',
};

/** DROP VIEW [IF EXISTS] v, …: a base table named here is "not VIEW" (1347), a missing view is 1051. */
export async function executeDropView(stmt: DropViewStmt, catalog: Catalog, session: ExecutionContext): Promise<OkResult> {
  const targets = stmt.names.map((name) => {
    const databaseName = name.db ?? session.currentDatabase;
    if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
    return { databaseName, name: name.name, table: catalog.findTable(databaseName, name.name) };
  });
  for (const target of targets) {
    if (target.table && !target.table.view) throw mysqlError(ER_WRONG_OBJECT, target.databaseName, target.name, 'VIEW');
  }
  const missing = targets.filter((target) => !target.table);
  if (missing.length > 0 && !stmt.ifExists) throw mysqlError(ER_BAD_TABLE_ERROR, missing.map((t) => `${t.databaseName}.${t.name}`).join(','));
  for (const target of targets) if (target.table) await catalog.dropTable(target.databaseName, target.name);
  return OK_NOTHING;
}
