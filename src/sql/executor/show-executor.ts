// SHOW DATABASES / SHOW [FULL] TABLES: listings from the catalog, filtered by LIKE as MySQL does.
import { mysqlError, ER_NO_DB_ERROR } from '../../errors/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { likePatternToRegExp, varcharType } from '../expression/index.js';
import { expressionColumn, rowsResult } from '../statement-result.js';
import type { RowsResult } from '../statement-result.js';
import { INFORMATION_SCHEMA_DATABASE, isInformationSchema } from '../infoschema/information-schema-name.js';
import { systemTableNames } from '../infoschema/information-schema.js';

/** The parts of a SHOW statement these listings use (WHERE is applied to every listing by the SHOW table). */
export interface ShowListing {
  readonly like?: string | undefined;
}

function likeFilter(like: string | undefined): (name: string) => boolean {
  if (like === undefined) return () => true;
  const regexp = likePatternToRegExp(like, '\\', true);
  return (name) => regexp.test(name);
}

/** SHOW DATABASES [LIKE 'p']. */
export function showDatabases(catalog: Catalog, listing: ShowListing, isVisible: (name: string) => boolean = () => true): RowsResult {
  const header = listing.like === undefined ? 'Database' : `Database (${listing.like})`;
  const matches = likeFilter(listing.like);
  const names = [INFORMATION_SCHEMA_DATABASE, ...catalog.listDatabases().map((database) => database.name)].filter((name) => matches(name) && isVisible(name)).sort();
  return rowsResult([expressionColumn(header, varcharType(64), true)], names.map((name) => [name]));
}

/** SHOW [FULL] TABLES [FROM db] [LIKE 'p']. */
export function showTables(
  catalog: Catalog,
  session: ExecutionContext,
  database: string | undefined,
  isFull: boolean,
  listing: ShowListing,
  isVisible: (database: string, table: string) => boolean = () => true,
): RowsResult {
  const databaseName = database ?? session.currentDatabase;
  if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
  const canonical = isInformationSchema(databaseName) ? INFORMATION_SCHEMA_DATABASE : catalog.getDatabase(databaseName).name;
  const header = `Tables_in_${canonical}${listing.like === undefined ? '' : ` (${listing.like})`}`;
  const matches = likeFilter(listing.like);
  if (canonical === INFORMATION_SCHEMA_DATABASE) {
    const names = systemTableNames().filter(matches);
    const columns = [expressionColumn(header, varcharType(64), true)];
    if (isFull) columns.push(expressionColumn('Table_type', varcharType(64), true));
    return rowsResult(columns, names.map((name) => (isFull ? [name, 'SYSTEM VIEW'] : [name])));
  }
  const tables = catalog.listTables(canonical).filter((table) => matches(table.name) && isVisible(canonical, table.name));
  const columns = [expressionColumn(header, varcharType(64), true)];
  if (isFull) columns.push(expressionColumn('Table_type', varcharType(64), true));
  return rowsResult(columns, tables.map((table) => (isFull ? [table.name, table.view ? 'VIEW' : table.sequence ? 'SEQUENCE' : 'BASE TABLE'] : [table.name])));
}
