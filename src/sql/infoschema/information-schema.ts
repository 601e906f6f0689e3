// informationSchema: the registry of information_schema tables and the row source FROM planning reads them through.
import { mysqlError, ER_NO_SUCH_TABLE } from '../../errors/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope } from '../expression/index.js';
import type { RowSource } from '../executor/row-source.js';
import { operatorPlan } from '../planner/operator-plan.js';
import type { Row } from '../types/index.js';
import * as catalogTables from './catalog-tables.js';
import { INFORMATION_SCHEMA_DATABASE } from './information-schema-name.js';
import * as serverTables from './server-tables.js';
import type { SystemTable } from './system-table.js';

const TABLES: ReadonlyMap<string, SystemTable> = new Map(
  [
    catalogTables.SCHEMATA,
    catalogTables.TABLES,
    catalogTables.COLUMNS,
    catalogTables.STATISTICS,
    catalogTables.KEY_COLUMN_USAGE,
    catalogTables.TABLE_CONSTRAINTS,
    catalogTables.REFERENTIAL_CONSTRAINTS,
    catalogTables.VIEWS,
    catalogTables.ROUTINES,
    catalogTables.TRIGGERS,
    catalogTables.PARTITIONS,
    serverTables.ENGINES,
    serverTables.CHARACTER_SETS,
    serverTables.COLLATIONS,
    serverTables.COLLATION_CHARACTER_SET_APPLICABILITY,
    serverTables.FILES,
    serverTables.PROCESSLIST,
    serverTables.SESSION_VARIABLES,
    serverTables.GLOBAL_VARIABLES,
    serverTables.SESSION_STATUS,
    serverTables.GLOBAL_STATUS,
  ].map((table) => [table.name, table]),
);

const NAMES = [...TABLES.keys()].sort();

/** The information_schema table names, sorted (SHOW TABLES FROM information_schema). */
export function systemTableNames(): readonly string[] {
  return NAMES;
}

/** The table, or ER_NO_SUCH_TABLE as for any other database. */
export function getSystemTable(name: string): SystemTable {
  const table = TABLES.get(name.toUpperCase());
  if (!table) throw mysqlError(ER_NO_SUCH_TABLE, INFORMATION_SCHEMA_DATABASE, name);
  return table;
}

/** A system table's rows, computed now from the catalog and the session. */
export function systemTableRows(table: SystemTable, catalog: Catalog, session: ExecutionContext): Row[] {
  return table.rows({ catalog, session, systemTableNames: NAMES });
}

/**
 * A row source over information_schema.`name` under `alias`. The rows are computed when the query reads them (each
 * read sees the catalog and the sessions as they are then); WHERE is applied above it like any other filter.
 */
export function systemTableSource(name: string, alias: string, catalog: Catalog, session: ExecutionContext): RowSource {
  return computedTableSource(getSystemTable(name), INFORMATION_SCHEMA_DATABASE, alias, catalog, session);
}

/** A row source over a computed table of `database` (information_schema's, or mysql's time zone tables). */
export function computedTableSource(table: SystemTable, database: string, alias: string, catalog: Catalog, session: ExecutionContext): RowSource {
  const scope = new Scope(table.columns.map((column) => ({ name: column.name, table: alias, database, type: column.type, isNotNull: column.isNotNull })));
  const plan = operatorPlan('MemTableScan', undefined, [], () => '', { accessObject: `table:${table.name}` });
  return {
    scope,
    plan,
    rows: async function* () {
      plan.stats.loops++;
      const rows = systemTableRows(table, catalog, session);
      plan.stats.rows += rows.length;
      if (rows.length > 0) yield rows;
      return Promise.resolve();
    },
  };
}
