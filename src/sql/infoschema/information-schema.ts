// informationSchema: the registry of information_schema tables, and their rows as a query reads them.
import { mysqlError, ER_NO_SUCH_TABLE } from '../../errors/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { Row } from '../types/index.js';
import * as catalogTables from './catalog-tables.js';
import * as constraintTables from './constraint-tables.js';
import { INFORMATION_SCHEMA_DATABASE } from './information-schema-name.js';
import * as observabilityTables from './observability-tables.js';
import * as serverTables from './server-tables.js';
import type { SystemTable } from './system-table.js';

const TABLES: ReadonlyMap<string, SystemTable> = new Map(
  [
    catalogTables.SCHEMATA,
    catalogTables.TABLES,
    catalogTables.COLUMNS,
    catalogTables.STATISTICS,
    constraintTables.KEY_COLUMN_USAGE,
    constraintTables.TABLE_CONSTRAINTS,
    constraintTables.REFERENTIAL_CONSTRAINTS,
    constraintTables.CHECK_CONSTRAINTS,
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
    serverTables.CLUSTER_PROCESSLIST,
    serverTables.APPLICABLE_ROLES,
    serverTables.ENABLED_ROLES,
    serverTables.SESSION_VARIABLES,
    serverTables.GLOBAL_VARIABLES,
    serverTables.SESSION_STATUS,
    serverTables.GLOBAL_STATUS,
    observabilityTables.SLOW_QUERY,
    observabilityTables.STATEMENTS_SUMMARY,
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

/** Where a system table's rows name their object: the schema column, and the table column when there is one. */
interface ObjectColumns {
  readonly schema: number;
  readonly table: number | undefined;
}

const SCHEMA_COLUMNS = ['TABLE_SCHEMA', 'SCHEMA_NAME', 'CONSTRAINT_SCHEMA', 'ROUTINE_SCHEMA', 'TRIGGER_SCHEMA'];
const objectColumnsCache = new Map<SystemTable, ObjectColumns | undefined>();

function objectColumns(table: SystemTable): ObjectColumns | undefined {
  if (!objectColumnsCache.has(table)) {
    const names = table.columns.map((column) => column.name);
    const schema = SCHEMA_COLUMNS.map((name) => names.indexOf(name)).find((index) => index >= 0);
    const tableColumn = names.indexOf('TABLE_NAME');
    objectColumnsCache.set(table, schema === undefined ? undefined : { schema, table: tableColumn >= 0 ? tableColumn : undefined });
  }
  return objectColumnsCache.get(table);
}

/**
 * A system table's rows, computed now from the catalog and the session: only those about objects the session's
 * account may see (MySQL: "each user can see only the rows … for which the user has the proper access privileges").
 */
export function systemTableRows(table: SystemTable, catalog: Catalog, session: ExecutionContext): Row[] {
  const rows = table.rows({ catalog, session, systemTableNames: NAMES });
  const where = objectColumns(table);
  const canSee = session.canSee?.bind(session);
  if (where === undefined || canSee === undefined) return rows;
  return rows.filter((row) => {
    const schema = String(row[where.schema]);
    return where.table === undefined ? canSee(schema) : canSee(schema, String(row[where.table]));
  });
}
