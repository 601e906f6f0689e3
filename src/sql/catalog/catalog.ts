// Catalog: what statements see of the schema — the server's stored catalog, or a session's view that adds its
// temporary tables (sql/temporary/session-catalog.ts).
import type { KvTransaction } from '../../storage/kv.js';
import type { DatabaseInfo, TableInfo } from './schema-model.js';

/** Builds a new table's definition from the ids allocated for it. */
export type TableBuilder = (ids: { databaseId: number; tableId: number; nextIndexId: () => number }) => TableInfo;

/** How CREATE TABLE treats an existing table and where the new one lives. */
export interface CreateTableOptions {
  /** An existing table is kept and undefined returned (MySQL's note 1050). */
  readonly ifNotExists?: boolean;
  /** CREATE TEMPORARY TABLE: the table belongs to the session (only a session's catalog can create one). */
  readonly isTemporary?: boolean;
}

/**
 * The schema as one statement sees it. Reads are synchronous and cheap; changes are serialised DDL that update
 * memory only once stored. Name lookups ignore case (TiDB's lower_case_table_names = 2).
 */
/** A table's new definition, with other tables rewritten along with it (foreign keys naming a renamed column). */
export type TableChange = (table: TableInfo, txn: KvTransaction) => Promise<TableInfo | { readonly table: TableInfo; readonly others: readonly TableInfo[] }>;

export interface Catalog {
  /** Bumped by every successful DDL of the stored schema; caches keyed on schema (plans) compare it. */
  readonly schemaVersion: number;
  findDatabase(name: string): DatabaseInfo | undefined;
  /** The database, or ER_BAD_DB_ERROR. */
  getDatabase(name: string): DatabaseInfo;
  listDatabases(): DatabaseInfo[];
  /** The table a statement means by `databaseName`.`tableName`: a session's temporary table shadows a stored one. */
  findTable(databaseName: string, tableName: string): TableInfo | undefined;
  /** As findTable, or ER_NO_SUCH_TABLE (ER_BAD_DB_ERROR when the database itself is unknown, as MySQL). */
  getTable(databaseName: string, tableName: string): TableInfo;
  /** The stored tables and views of a database by name (temporary tables are not listed, as in MySQL). */
  listTables(databaseName: string): TableInfo[];
  /** Creates a database; with `ifNotExists` an existing one is kept and `false` returned (MySQL's note 1007). */
  createDatabase(name: string, options?: { ifNotExists?: boolean; charset?: string; collation?: string }): Promise<boolean>;
  /** Changes a database's default character set and collation (ALTER DATABASE); its tables keep theirs. */
  alterDatabase(name: string, defaults: { charset: string; collation: string }): Promise<DatabaseInfo>;
  /** Drops a database and returns its tables (their rows are the caller's to delete); undefined when missing with `ifExists`. */
  dropDatabase(name: string, options?: { ifExists?: boolean }): Promise<TableInfo[] | undefined>;
  /** Allocates ids for a new table and its indexes, then stores it; undefined when it exists and `ifNotExists`. */
  createTable(databaseName: string, tableName: string, build: TableBuilder, options?: CreateTableOptions): Promise<TableInfo | undefined>;
  /**
   * Replaces a table's definition (CREATE/DROP INDEX, ALTER TABLE): `change` builds the new definition from the
   * current one and may stage data changes (index backfill) in `txn`, so both commit together. It may also return
   * other tables of the catalog rewritten (by id), which are stored with it: the children whose foreign keys name a
   * renamed column.
   */
  alterTable(databaseName: string, tableName: string, change: TableChange): Promise<TableInfo>;
  /** Moves a table to a new name (and maybe database), keeping its id and so its rows. */
  renameTable(fromDatabase: string, fromName: string, toDatabase: string, toName: string): Promise<TableInfo>;
  /** Removes a table from the schema and returns it (its rows are the caller's to delete); undefined when missing. */
  dropTable(databaseName: string, tableName: string): Promise<TableInfo | undefined>;
}
