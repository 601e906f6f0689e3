// SessionCatalog: the schema as one session sees it: the stored catalog with the session's temporary tables in front.
import type { Catalog, CreateTableOptions, DatabaseInfo, TableBuilder, TableChange, TableInfo } from '../catalog/index.js';
import type { TemporaryTables } from './temporary-tables.js';

/**
 * A temporary table shadows a stored table of the same name in every statement that names it (MySQL: "the existing
 * table is hidden until the temporary table is dropped"); listings show only stored tables, as SHOW TABLES and
 * information_schema.TABLES do in MySQL.
 */
export class SessionCatalog implements Catalog {
  constructor(
    private readonly stored: Catalog,
    private readonly temporary: TemporaryTables,
  ) {}

  get schemaVersion(): number {
    return this.stored.schemaVersion;
  }

  findDatabase(name: string): DatabaseInfo | undefined {
    return this.stored.findDatabase(name);
  }

  getDatabase(name: string): DatabaseInfo {
    return this.stored.getDatabase(name);
  }

  listDatabases(): DatabaseInfo[] {
    return this.stored.listDatabases();
  }

  findTable(databaseName: string, tableName: string): TableInfo | undefined {
    return this.temporary.find(databaseName, tableName) ?? this.stored.findTable(databaseName, tableName);
  }

  getTable(databaseName: string, tableName: string): TableInfo {
    return this.temporary.find(databaseName, tableName) ?? this.stored.getTable(databaseName, tableName);
  }

  listTables(databaseName: string): TableInfo[] {
    return this.stored.listTables(databaseName);
  }

  createDatabase(name: string, options?: { ifNotExists?: boolean; charset?: string; collation?: string }): Promise<boolean> {
    return this.stored.createDatabase(name, options);
  }

  alterDatabase(name: string, defaults: { charset: string; collation: string }): Promise<DatabaseInfo> {
    return this.stored.alterDatabase(name, defaults);
  }

  dropDatabase(name: string, options?: { ifExists?: boolean }): Promise<TableInfo[] | undefined> {
    return this.stored.dropDatabase(name, options);
  }

  createTable(databaseName: string, tableName: string, build: TableBuilder, options: CreateTableOptions = {}): Promise<TableInfo | undefined> {
    if (options.isTemporary !== true) return this.stored.createTable(databaseName, tableName, build, options);
    return Promise.resolve(this.temporary.create(this.stored.getDatabase(databaseName), tableName, build, options.ifNotExists === true));
  }

  alterTable(databaseName: string, tableName: string, change: TableChange): Promise<TableInfo> {
    if (this.temporary.find(databaseName, tableName)) return this.temporary.alter(databaseName, tableName, change);
    return this.stored.alterTable(databaseName, tableName, change);
  }

  renameTable(fromDatabase: string, fromName: string, toDatabase: string, toName: string): Promise<TableInfo> {
    if (!this.temporary.find(fromDatabase, fromName)) return this.stored.renameTable(fromDatabase, fromName, toDatabase, toName);
    return Promise.resolve(this.temporary.rename(fromDatabase, fromName, this.stored.getDatabase(toDatabase), toName));
  }

  dropTable(databaseName: string, tableName: string): Promise<TableInfo | undefined> {
    if (this.temporary.find(databaseName, tableName)) return Promise.resolve(this.temporary.drop(databaseName, tableName));
    return this.stored.dropTable(databaseName, tableName);
  }
}
