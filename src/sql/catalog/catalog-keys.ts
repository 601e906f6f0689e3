// The catalog's keys under TiDB's `m` meta prefix: one key per database, one per table, and ID counters.

const META_PREFIX = 'm';

/** Keys are ASCII paths under the meta prefix; numbers are zero-padded so that keys sort by id. */
function metaKey(path: string): Buffer {
  return Buffer.from(`${META_PREFIX}${path}`, 'latin1');
}

const idWidth = 12;
const padId = (id: number): string => String(id).padStart(idWidth, '0');

export const CatalogKeys = {
  /** The next free global id for databases, tables and indexes. */
  nextGlobalId: metaKey('NextGlobalID'),
  /** The schema version, bumped by every DDL so other servers (later) can notice. */
  schemaVersion: metaKey('SchemaVersion'),
  database: (databaseId: number): Buffer => metaKey(`DB:${padId(databaseId)}`),
  databasesStart: metaKey('DB:'),
  databasesEnd: metaKey('DB;'),
  table: (databaseId: number, tableId: number): Buffer => metaKey(`Tbl:${padId(databaseId)}:${padId(tableId)}`),
  tablesStart: (databaseId: number): Buffer => metaKey(`Tbl:${padId(databaseId)}:`),
  tablesEnd: (databaseId: number): Buffer => metaKey(`Tbl:${padId(databaseId)};`),
  allTablesStart: metaKey('Tbl:'),
  allTablesEnd: metaKey('Tbl;'),
  /** The persisted upper bound of auto-increment values handed out for a table. */
  autoIncrement: (tableId: number): Buffer => metaKey(`AutoID:${padId(tableId)}`),
  /** A sequence's next value not yet reserved by any server, and its round (CYCLE). */
  sequence: (tableId: number): Buffer => metaKey(`Seq:${padId(tableId)}`),
} as const;
