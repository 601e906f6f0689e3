// TemporaryTables: one session's temporary tables (CREATE TEMPORARY TABLE), their rows' engine and their
// AUTO_INCREMENT counters.
import { mysqlError, ER_NO_SUCH_TABLE, ER_TABLE_EXISTS_ERROR } from '../../errors/index.js';
import type { KvEngine } from '../../storage/kv.js';
import { beginTransaction } from '../../storage/index.js';
import type { AutoIncrementAllocator, DatabaseInfo, TableBuilder, TableChange, TableInfo } from '../catalog/index.js';
import { TemporaryTableEngine } from './temporary-table-engine.js';

/**
 * Temporary table ids count down across the process from a start of its own (by pid, so 2^30 ids each), so that two
 * sessions' tables never share row-lock keys, even in two worker processes of one server (max-procs > 1), whose row
 * locks are one table in the primary.
 */
let lastTemporaryId = -process.pid * 2 ** 30;

const keyOf = (databaseName: string, tableName: string): string => `${databaseName.toLowerCase()}\u0000${tableName.toLowerCase()}`;

/**
 * The temporary tables of one session: visible only to it, shadowing a stored table of the same name for every
 * statement, gone when the session ends (disconnect, COM_RESET_CONNECTION, COM_CHANGE_USER). Their rows live in the
 * session's `engine` (see TemporaryTableEngine); their definitions are never stored and change without DDL
 * serialisation, since nobody else can see them.
 * https://dev.mysql.com/doc/refman/8.0/en/create-temporary-table.html
 */
export class TemporaryTables {
  /** The store as this session sees it: the server's engine plus the temporary tables' keys in memory. */
  readonly engine: TemporaryTableEngine;
  private readonly tables = new Map<string, TableInfo>();
  private readonly autoIncrement = new Map<number, bigint>();
  private changeCount = 0;

  constructor(server: KvEngine) {
    this.engine = new TemporaryTableEngine(server, (tableId) => this.hasTableId(Number(tableId)));
  }

  /** Bumped whenever a temporary table appears, changes or goes: plans that named one must be made again. */
  get version(): number {
    return this.changeCount;
  }

  /** The temporary table `databaseName`.`tableName`, if the session has one. */
  find(databaseName: string, tableName: string): TableInfo | undefined {
    if (this.tables.size === 0) return undefined;
    return this.tables.get(keyOf(databaseName, tableName));
  }

  /** CREATE TEMPORARY TABLE: 1050 when the session already has one of that name (a stored one may exist). */
  create(database: DatabaseInfo, tableName: string, build: TableBuilder, ifNotExists: boolean): TableInfo | undefined {
    const key = keyOf(database.name, tableName);
    if (this.tables.has(key)) {
      if (ifNotExists) return undefined;
      throw mysqlError(ER_TABLE_EXISTS_ERROR, tableName);
    }
    let indexId = 0;
    const table: TableInfo = { ...build({ databaseId: database.id, tableId: --lastTemporaryId, nextIndexId: () => ++indexId }), isTemporary: true };
    this.engine.enable();
    this.tables.set(key, table);
    this.changeCount++;
    return table;
  }

  /** ALTER TABLE of a temporary table: `change` stages its data changes in a transaction committed with it. */
  /** A temporary table's new definition; no other table refers to it (a temporary table takes no foreign keys). */
  async alter(databaseName: string, tableName: string, change: TableChange): Promise<TableInfo> {
    const key = keyOf(databaseName, tableName);
    const current = this.tables.get(key);
    if (!current) throw mysqlError(ER_NO_SUCH_TABLE, databaseName, tableName);
    const txn = await beginTransaction(this.engine);
    try {
      const changed = await change(current, txn);
      const next: TableInfo = { ...('table' in changed ? changed.table : changed), isTemporary: true };
      await txn.commit();
      this.tables.delete(key);
      this.tables.set(keyOf(databaseName, next.name), next);
      this.changeCount++;
      return next;
    } catch (error) {
      txn.rollback();
      throw error;
    }
  }

  /** ALTER TABLE … RENAME / RENAME TABLE of a temporary table. */
  rename(fromDatabase: string, fromName: string, toDatabase: DatabaseInfo, toName: string): TableInfo {
    const table = this.tables.get(keyOf(fromDatabase, fromName));
    if (!table) throw mysqlError(ER_NO_SUCH_TABLE, fromDatabase, fromName);
    if (this.tables.has(keyOf(toDatabase.name, toName))) throw mysqlError(ER_TABLE_EXISTS_ERROR, toName);
    const renamed: TableInfo = { ...table, name: toName, databaseId: toDatabase.id };
    this.tables.delete(keyOf(fromDatabase, fromName));
    this.tables.set(keyOf(toDatabase.name, toName), renamed);
    this.changeCount++;
    return renamed;
  }

  /** Forgets a temporary table and returns it (its rows are the caller's to delete, through `engine`). */
  drop(databaseName: string, tableName: string): TableInfo | undefined {
    const key = keyOf(databaseName, tableName);
    const table = this.tables.get(key);
    if (!table) return undefined;
    this.tables.delete(key);
    this.autoIncrement.delete(table.id);
    this.changeCount++;
    return table;
  }

  /** The server's allocator for stored tables, this session's counters for its temporary ones. */
  allocatorOver(server: AutoIncrementAllocator): AutoIncrementAllocator {
    const counters = this.autoIncrement;
    return {
      next: (tableId) => {
        if (tableId >= 0) return server.next(tableId);
        const next = counters.get(tableId) ?? 1n;
        counters.set(tableId, next + 1n);
        return Promise.resolve(next);
      },
      rebase: (tableId, used) => {
        if (tableId >= 0) return server.rebase(tableId, used);
        if (used >= (counters.get(tableId) ?? 1n)) counters.set(tableId, used + 1n);
        return Promise.resolve();
      },
      reset: (tableId) => {
        if (tableId >= 0) return server.reset(tableId);
        counters.delete(tableId);
        return Promise.resolve();
      },
      forget: (tableId) => {
        if (tableId >= 0) server.forget(tableId);
        else counters.delete(tableId);
      },
    };
  }

  /** Drops every temporary table and its rows (the session ended). */
  async close(): Promise<void> {
    if (this.tables.size > 0) this.changeCount++;
    this.tables.clear();
    this.autoIncrement.clear();
    await this.engine.close();
  }

  private hasTableId(tableId: number): boolean {
    for (const table of this.tables.values()) if (table.id === tableId) return true;
    return false;
  }
}
