// StoredCatalog: the schema (databases, tables) loaded from the store into memory, changed only through serialised DDL.
import { mysqlError, ER_BAD_DB_ERROR, ER_DB_CREATE_EXISTS, ER_DB_DROP_EXISTS, ER_NO_SUCH_TABLE, ER_TABLE_EXISTS_ERROR } from '../../errors/index.js';
import type { KvEngine, KvTransaction } from '../../storage/kv.js';
import { WriteConflictError, beginTransaction } from '../../storage/index.js';
import { CatalogKeys } from './catalog-keys.js';
import type { DatabaseInfo, TableInfo } from './schema-model.js';
import type { Catalog, CreateTableOptions, TableBuilder } from './catalog.js';
import { SerialQueue } from './serial-queue.js';
import { SERVER_DEFAULT_CHARSET, SERVER_DEFAULT_COLLATION } from '../collation/index.js';

/** Databases every server has, as TiDB bootstraps them. */
const BOOTSTRAP_DATABASES = ['mysql', 'test'] as const;
const DEFAULT_CHARSET = SERVER_DEFAULT_CHARSET;
const DEFAULT_COLLATION = SERVER_DEFAULT_COLLATION;
/** A DDL that lost a race with another process's DDL runs again on the new schema, up to this many times. */
const MAX_DDL_ATTEMPTS = 8;

/** Name lookups ignore case, as TiDB's lower_case_table_names = 2 does; names keep the case they were created with. */
const nameKey = (name: string): string => name.toLowerCase();

interface DatabaseEntry {
  info: DatabaseInfo;
  tables: Map<string, TableInfo>;
}

/**
 * The in-memory schema, kept identical to the `m` keys in the store. Reads are synchronous and cheap; every change
 * runs as one KV transaction under a process-wide DDL queue, then updates memory only after the commit succeeded.
 */
export class StoredCatalog implements Catalog {
  private readonly databases = new Map<string, DatabaseEntry>();
  private readonly ddlQueue = new SerialQueue();
  private version = 0;
  /** The schema version at which each table (by id) last changed: created, altered, renamed or dropped. */
  private readonly tableVersions = new Map<number, number>();
  /** Every table by id, rebuilt after each change. */
  private byId = new Map<number, TableInfo>();
  /** tableMetaKey's answers, kept until the next change (asked at every commit that wrote rows). */
  private readonly metaKeys = new Map<number, Buffer>();

  private constructor(private readonly engine: KvEngine) {}

  /** Loads the schema from `engine`, creating the bootstrap databases on first start. */
  static async open(engine: KvEngine): Promise<StoredCatalog> {
    const catalog = new StoredCatalog(engine);
    await catalog.load();
    for (const name of BOOTSTRAP_DATABASES) {
      if (!catalog.findDatabase(name)) await catalog.createDatabase(name, { ifNotExists: true });
    }
    return catalog;
  }

  private async load(): Promise<void> {
    const txn = await beginTransaction(this.engine);
    try {
      await this.loadFrom(txn);
    } finally {
      txn.rollback();
    }
  }

  /**
   * Reads the whole schema through `txn` and then replaces what memory holds in one synchronous step, so that no
   * statement sees half of an old and half of a new schema.
   */
  private async loadFrom(txn: KvTransaction): Promise<void> {
    const databases = new Map<string, DatabaseEntry>();
    for await (const batch of txn.scan({ start: CatalogKeys.databasesStart, end: CatalogKeys.databasesEnd })) {
      for (const pair of batch) {
        const info = decode<DatabaseInfo>(pair.value);
        databases.set(nameKey(info.name), { info, tables: new Map() });
      }
    }
    const byId = new Map([...databases.values()].map((entry) => [entry.info.id, entry]));
    for await (const batch of txn.scan({ start: CatalogKeys.allTablesStart, end: CatalogKeys.allTablesEnd })) {
      for (const pair of batch) {
        const table = decode<TableInfo>(pair.value);
        byId.get(table.databaseId)?.tables.set(nameKey(table.name), table);
      }
    }
    const version = await storedVersion(txn);
    const before = this.tablesById();
    this.databases.clear();
    for (const [name, entry] of databases) this.databases.set(name, entry);
    this.version = version;
    // Loaded tables are new objects: a table whose stored definition is unchanged has not changed.
    this.noteTableChanges(before, version, (old, loaded) => JSON.stringify(old) === JSON.stringify(loaded));
  }

  /**
   * Whether a DDL after schema version `version` changed table `tableId` (created, altered, renamed or dropped it): a
   * transaction that started at `version` and wrote the table must not commit (TiDB's 8028).
   */
  tableChangedSince(tableId: number, version: number): boolean {
    return (this.tableVersions.get(tableId) ?? 0) > version;
  }

  /**
   * The key holding table `tableId`'s definition, which every DDL of the table writes: a transaction that wrote the
   * table reads it at commit, so that a DDL committed meanwhile fails the commit. Undefined for an unknown table.
   */
  tableMetaKey(tableId: number): Buffer | undefined {
    let key = this.metaKeys.get(tableId);
    if (key !== undefined) return key;
    const table = this.byId.get(tableId);
    if (table === undefined) return undefined;
    key = CatalogKeys.table(table.databaseId, tableId);
    this.metaKeys.set(tableId, key);
    return key;
  }

  private tablesById(): Map<number, TableInfo> {
    const tables = new Map<number, TableInfo>();
    for (const entry of this.databases.values()) for (const table of entry.tables.values()) tables.set(table.id, table);
    return tables;
  }

  /** Marks the tables that differ from `before` (by `isSame`) as changed at `version`. */
  private noteTableChanges(before: Map<number, TableInfo>, version: number, isSame: (old: TableInfo, now: TableInfo) => boolean): void {
    const after = this.tablesById();
    this.byId = after;
    this.metaKeys.clear();
    for (const [id, old] of before) {
      const now = after.get(id);
      if (now === undefined || !isSame(old, now)) this.tableVersions.set(id, version);
    }
    for (const id of after.keys()) if (!before.has(id)) this.tableVersions.set(id, version);
  }

  /**
   * Re-reads the schema from the store: another server process ran DDL (see session/cluster/server-events.ts).
   * Waits for DDL of this process that is under way.
   */
  reload(): Promise<void> {
    return this.ddlQueue.run(() => this.load());
  }

  /** Bumped by every successful DDL; caches keyed on schema (plans) compare it. */
  get schemaVersion(): number {
    return this.version;
  }

  findDatabase(name: string): DatabaseInfo | undefined {
    return this.databases.get(nameKey(name))?.info;
  }

  /** The database, or ER_BAD_DB_ERROR. */
  getDatabase(name: string): DatabaseInfo {
    const database = this.findDatabase(name);
    if (!database) throw mysqlError(ER_BAD_DB_ERROR, name);
    return database;
  }

  listDatabases(): DatabaseInfo[] {
    return [...this.databases.values()].map((entry) => entry.info).sort((a, b) => compareNames(a.name, b.name));
  }

  findTable(databaseName: string, tableName: string): TableInfo | undefined {
    return this.databases.get(nameKey(databaseName))?.tables.get(nameKey(tableName));
  }

  /** The table, or ER_NO_SUCH_TABLE (ER_BAD_DB_ERROR when the database itself is unknown, as MySQL). */
  getTable(databaseName: string, tableName: string): TableInfo {
    const entry = this.databases.get(nameKey(databaseName));
    const table = entry?.tables.get(nameKey(tableName));
    if (!table) throw mysqlError(ER_NO_SUCH_TABLE, entry?.info.name ?? databaseName, tableName);
    return table;
  }

  listTables(databaseName: string): TableInfo[] {
    const entry = this.databases.get(nameKey(databaseName));
    if (!entry) throw mysqlError(ER_BAD_DB_ERROR, databaseName);
    return [...entry.tables.values()].sort((a, b) => compareNames(a.name, b.name));
  }

  /** Creates a database; with `ifNotExists` an existing one is kept and `false` returned (MySQL's note 1007). */
  createDatabase(
    name: string,
    options: { ifNotExists?: boolean; charset?: string; collation?: string } = {},
  ): Promise<boolean> {
    return this.ddl(async (txn) => {
      if (this.findDatabase(name)) {
        if (options.ifNotExists) return false;
        throw mysqlError(ER_DB_CREATE_EXISTS, name);
      }
      const info: DatabaseInfo = {
        id: await this.allocateId(txn),
        name,
        charset: options.charset ?? DEFAULT_CHARSET,
        collation: options.collation ?? DEFAULT_COLLATION,
      };
      txn.set(CatalogKeys.database(info.id), encode(info));
      return () => {
        this.databases.set(nameKey(name), { info, tables: new Map() });
        return true;
      };
    });
  }

  /** Changes a database's default character set and collation (ALTER DATABASE); its tables keep theirs. */
  alterDatabase(name: string, defaults: { charset: string; collation: string }): Promise<DatabaseInfo> {
    return this.ddl((txn) => {
      const entry = this.databases.get(nameKey(name));
      if (!entry) throw mysqlError(ER_BAD_DB_ERROR, name);
      const info: DatabaseInfo = { ...entry.info, ...defaults };
      txn.set(CatalogKeys.database(info.id), encode(info));
      return Promise.resolve(() => {
        entry.info = info;
        return info;
      });
    });
  }

  /**
   * Drops a database and returns its tables so the caller can delete their rows; with `ifExists` a missing one
   * returns undefined.
   */
  dropDatabase(name: string, options: { ifExists?: boolean } = {}): Promise<TableInfo[] | undefined> {
    return this.ddl((txn) => {
      const entry = this.databases.get(nameKey(name));
      if (!entry) {
        if (options.ifExists) return Promise.resolve(undefined);
        throw mysqlError(ER_DB_DROP_EXISTS, name);
      }
      txn.delete(CatalogKeys.database(entry.info.id));
      const tables = [...entry.tables.values()];
      for (const table of tables) txn.delete(CatalogKeys.table(table.databaseId, table.id));
      return Promise.resolve(() => {
        this.databases.delete(nameKey(name));
        return tables;
      });
    });
  }

  /** Allocates ids for a new table and its indexes, then stores it; `build` receives the ids. */
  createTable(
    databaseName: string,
    tableName: string,
    build: TableBuilder,
    options: CreateTableOptions = {},
  ): Promise<TableInfo | undefined> {
    // Temporary tables belong to a session (sql/temporary): the catalog of the server has none.
    if (options.isTemporary === true) throw new Error('temporary tables are created through a session catalog');
    return this.ddl(async (txn) => {
      const database = this.getDatabase(databaseName);
      if (this.findTable(databaseName, tableName)) {
        if (options.ifNotExists) return undefined;
        throw mysqlError(ER_TABLE_EXISTS_ERROR, tableName);
      }
      const tableId = await this.allocateId(txn);
      let indexId = 0;
      const table = build({ databaseId: database.id, tableId, nextIndexId: () => ++indexId });
      txn.set(CatalogKeys.table(database.id, table.id), encode(table));
      return () => {
        this.databases.get(nameKey(databaseName))?.tables.set(nameKey(tableName), table);
        return table;
      };
    });
  }

  /**
   * Replaces a table's definition (CREATE/DROP INDEX, ALTER TABLE): `change` builds the new definition from the
   * current one and may stage data changes (index backfill) in the same transaction, so both commit together. It may
   * also return other tables of the catalog rewritten (by id), which are stored with it: the children whose foreign
   * keys name a renamed column.
   */
  alterTable(
    databaseName: string,
    tableName: string,
    change: (table: TableInfo, txn: KvTransaction) => Promise<TableInfo | { readonly table: TableInfo; readonly others: readonly TableInfo[] }>,
  ): Promise<TableInfo> {
    return this.ddl(async (txn) => {
      const current = this.getTable(databaseName, tableName);
      const changed = await change(current, txn);
      const next = 'table' in changed ? changed.table : changed;
      const others = 'table' in changed ? changed.others : [];
      for (const table of [next, ...others]) txn.set(CatalogKeys.table(table.databaseId, table.id), encode(table));
      return () => {
        this.databases.get(nameKey(databaseName))?.tables.set(nameKey(tableName), next);
        for (const other of others) {
          const entry = [...this.databases.values()].find((candidate) => candidate.info.id === other.databaseId);
          entry?.tables.set(nameKey(other.name), other);
        }
        return next;
      };
    });
  }

  /** Moves a table to a new name (and maybe database), keeping its id and so its rows. */
  renameTable(fromDatabase: string, fromName: string, toDatabase: string, toName: string): Promise<TableInfo> {
    return this.ddl((txn) => {
      const table = this.getTable(fromDatabase, fromName);
      const target = this.getDatabase(toDatabase);
      if (this.findTable(toDatabase, toName)) throw mysqlError(ER_TABLE_EXISTS_ERROR, toName);
      txn.delete(CatalogKeys.table(table.databaseId, table.id));
      // Foreign keys name their parent: those naming the renamed table (its own too) follow it, as in MySQL.
      const rewrite = parentRenamer(fromDatabase, fromName, target.name, toName);
      const moved: TableInfo = { ...table, name: toName, databaseId: target.id };
      const renamed = rewrite(moved) ?? moved;
      const children = this.otherTables(table.id).flatMap(({ databaseName, table: other }) => {
        const next = rewrite(other);
        return next ? [{ databaseName, table: next }] : [];
      });
      for (const child of children) txn.set(CatalogKeys.table(child.table.databaseId, child.table.id), encode(child.table));
      txn.set(CatalogKeys.table(renamed.databaseId, renamed.id), encode(renamed));
      return Promise.resolve(() => {
        for (const child of children) this.databases.get(nameKey(child.databaseName))?.tables.set(nameKey(child.table.name), child.table);
        this.databases.get(nameKey(fromDatabase))?.tables.delete(nameKey(fromName));
        this.databases.get(nameKey(toDatabase))?.tables.set(nameKey(toName), renamed);
        return renamed;
      });
    });
  }

  /** Every table but the one with id `exceptId`, with its database's name. */
  private otherTables(exceptId: number): { databaseName: string; table: TableInfo }[] {
    return [...this.databases.values()].flatMap((entry) =>
      [...entry.tables.values()].filter((table) => table.id !== exceptId).map((table) => ({ databaseName: entry.info.name, table })),
    );
  }

  /** Removes a table from the schema and returns it (its rows are the caller's to delete); undefined when missing. */
  dropTable(databaseName: string, tableName: string): Promise<TableInfo | undefined> {
    return this.ddl((txn) => {
      const table = this.findTable(databaseName, tableName);
      if (!table) return Promise.resolve(undefined);
      txn.delete(CatalogKeys.table(table.databaseId, table.id));
      return Promise.resolve(() => {
        this.databases.get(nameKey(databaseName))?.tables.delete(nameKey(tableName));
        return table;
      });
    });
  }

  /**
   * Runs one DDL change: `change` stages writes in `txn` and returns either a final value (nothing to apply) or an
   * `apply` callback that updates memory once the commit has succeeded.
   */
  private ddl<T>(change: (txn: KvTransaction) => Promise<T | (() => T)>): Promise<T> {
    return this.ddlQueue.run(async () => {
      for (let attempt = 1; ; attempt++) {
        const txn = await beginTransaction(this.engine);
        try {
          // Another process sharing the store may have changed the schema since this one loaded it: decide on the
          // schema as committed, and let two concurrent DDLs conflict on the version key (the loser retries).
          const stored = await storedVersion(txn);
          if (stored !== this.version) await this.loadFrom(txn);
          const outcome = await change(txn);
          if (typeof outcome !== 'function') {
            txn.rollback();
            return outcome;
          }
          const nextVersion = stored + 1;
          txn.set(CatalogKeys.schemaVersion, Buffer.from(String(nextVersion)));
          await txn.commit();
          this.version = nextVersion;
          const before = this.tablesById();
          const applied = (outcome as () => T)();
          // A DDL here replaces the objects of the tables it changes and keeps the others.
          this.noteTableChanges(before, nextVersion, (old, now) => old === now);
          return applied;
        } catch (error) {
          txn.rollback();
          if (!(error instanceof WriteConflictError) || attempt >= MAX_DDL_ATTEMPTS) throw error;
        }
      }
    });
  }

  private async allocateId(txn: KvTransaction): Promise<number> {
    const stored = await txn.get(CatalogKeys.nextGlobalId);
    const id = stored ? Number(Buffer.from(stored).toString()) : 1;
    txn.set(CatalogKeys.nextGlobalId, Buffer.from(String(id + 1)));
    return id;
  }
}

/** Rewrites a table whose foreign keys reference `fromDatabase`.`fromName` to reference the new name; undefined if none do. */
function parentRenamer(fromDatabase: string, fromName: string, toDatabase: string, toName: string): (table: TableInfo) => TableInfo | undefined {
  const isParent = (db: string, table: string): boolean => nameKey(db) === nameKey(fromDatabase) && nameKey(table) === nameKey(fromName);
  return (table) => {
    const keys = table.foreignKeys ?? [];
    if (!keys.some((fk) => isParent(fk.refDatabase, fk.refTable))) return undefined;
    return { ...table, foreignKeys: keys.map((fk) => (isParent(fk.refDatabase, fk.refTable) ? { ...fk, refDatabase: toDatabase, refTable: toName } : fk)) };
  };
}

/** The schema version committed in the store as `txn` sees it (0 before the first DDL). */
async function storedVersion(txn: KvTransaction): Promise<number> {
  const stored = await txn.get(CatalogKeys.schemaVersion);
  return stored ? Number(Buffer.from(stored).toString()) : 0;
}

function encode(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

function decode<T>(bytes: Uint8Array): T {
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
