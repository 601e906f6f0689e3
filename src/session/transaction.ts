// Transaction: one session's transaction — its KV transaction, mode, row locks, savepoints and statement lifecycle
// (statement atomicity, re-runs after a stale pessimistic read, autocommit).
import {
  MySqlError,
  mysqlError,
  ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION,
  ER_INFO_SCHEMA_CHANGED,
  ER_LOCK_DEADLOCK,
  ER_UNKNOWN_ERROR,
} from '../errors/index.js';
import type { KvEngine, KvTransaction } from '../storage/kv.js';
import { KeyPrefix, KeyReader, WriteConflictError, beginTransaction, toHex } from '../storage/index.js';
import type { LockMode, RowLocker } from '../sql/index.js';
import type { LockOwnerId, RowLockManager } from './locks/row-lock-manager.js';
import { SavepointList } from './savepoint-list.js';
import type { TxnMode } from './variables/index.js';

/** The session settings a transaction follows, read when needed (SET can change them between statements). */
export interface TransactionSettings {
  readonly txnMode: TxnMode;
  /** innodb_lock_wait_timeout, in seconds. */
  readonly lockWaitTimeout: number;
  readonly isAutocommit: boolean;
}

/** How the statement about to run touches rows. */
export interface StatementLocking {
  /** SELECT … FOR UPDATE / FOR SHARE, or undefined for a plain read or a write. */
  readonly lockingRead: LockMode | undefined;
  /** The statement writes or locks: it reads the newest committed rows and locks what it touches. */
  readonly isLocking: boolean;
  readonly isNoWait: boolean;
  /** SKIP LOCKED: rows other transactions hold are skipped, not waited for. */
  readonly isSkipLocked: boolean;
  /** Aborted by KILL: ends a lock wait at once. */
  readonly signal: AbortSignal;
}

/**
 * The schema the transaction's statements were planned on, checked at commit as TiDB's schema checker does: a
 * transaction that wrote a table another statement's DDL (on this node or another) changed since the transaction
 * began fails with 8028 rather than commit rows encoded for the old definition.
 */
export interface SchemaGuard {
  readonly schemaVersion: number;
  tableChangedSince(tableId: number, version: number): boolean;
  /** The store key every DDL of the table writes (read by the commit, so a DDL racing it conflicts). */
  tableMetaKey(tableId: number): Uint8Array | undefined;
}

/** Bytes of a row or index key's `t{tableId}` prefix. */
const TABLE_PREFIX_BYTES = 9;

/** How often a pessimistic statement re-runs after reading a row that changed before it could lock it. */
const MAX_STATEMENT_RETRIES = 64;

/** A pessimistic statement read a row another transaction changed before the lock was granted: run it again. */
class StaleReadRetry extends Error {}

const NOT_LOCKING: Omit<StatementLocking, 'signal'> = { lockingRead: undefined, isLocking: false, isNoWait: false, isSkipLocked: false };

/**
 * A session's transaction, open or not. Transactions are pessimistic by default (TiDB's): a statement that writes or
 * locks reads the newest data through a locking view and locks every row key before writing it; optimistic mode
 * records the keys and locks them only for the moment of the commit.
 */
export class Transaction implements RowLocker {
  private txn: KvTransaction | undefined;
  /** Fixed when the transaction starts (BEGIN or its first statement), as TiDB does with tidb_txn_mode. */
  private txnMode: TxnMode | undefined;
  /** The transaction's identity in the lock manager, once it has locked something. */
  private lockOwner: LockOwnerId | undefined;
  /** Optimistic mode: the keys written, locked only for the moment of the commit. */
  private optimisticKeys: Uint8Array[] = [];
  private readonly savepoints = new SavepointList();
  /** BEGIN/START TRANSACTION is in force (vs. autocommit=0's implicit transaction). */
  private isExplicit = false;
  private isReadOnly = false;
  private statement: Omit<StatementLocking, 'signal'> & { readonly signal?: AbortSignal } = NOT_LOCKING;
  /** The running locking statement's view of the transaction and its lock-manager token. */
  private statementView: KvTransaction | undefined;
  private statementToken: number | undefined;
  /** The schema version when the KV transaction began, and the tables it has locked rows of to write. */
  private startSchemaVersion: number | undefined;
  private writtenTables: Set<bigint> | undefined;
  private lastTablePrefix: Uint8Array | undefined;

  constructor(
    private readonly kv: KvEngine,
    private readonly locks: RowLockManager,
    private readonly settings: TransactionSettings,
    private readonly schema?: SchemaGuard,
  ) {}

  /** True while a transaction is open (SERVER_STATUS_IN_TRANS). */
  get isOpen(): boolean {
    return this.isExplicit || this.txn !== undefined;
  }

  /** True when a KV transaction exists (something was read or written since the transaction began). */
  get hasStarted(): boolean {
    return this.txn !== undefined;
  }

  /** The running statement is a locking read (SELECT … FOR UPDATE / FOR SHARE). */
  get lockingRead(): LockMode | undefined {
    return this.statement.lockingRead;
  }

  private get mode(): TxnMode {
    return this.txnMode ?? this.settings.txnMode;
  }

  /** BEGIN / START TRANSACTION: commits what is open, then starts an explicit transaction. */
  async begin(options: { readonly isReadOnly: boolean; readonly withConsistentSnapshot: boolean }): Promise<void> {
    await this.commit();
    this.isExplicit = true;
    this.txnMode = this.settings.txnMode;
    this.isReadOnly = options.isReadOnly;
    if (options.withConsistentSnapshot) await this.open();
  }

  /** The KV transaction the running statement reads and writes through; opened on first use. */
  async kvTransaction(): Promise<KvTransaction> {
    if (this.statementView) return this.statementView;
    if (!this.statement.isLocking || this.mode === 'optimistic') return this.open();
    // A pessimistic statement that writes or locks reads the newest committed rows (TiDB's for_update_ts); its
    // token must predate that snapshot so that a lock released after it marks the read stale.
    this.statementToken = this.locks.beginStatement();
    this.statementView = this.txn ? await this.txn.lockingView() : await this.open();
    return this.statementView;
  }

  async lockKeys(keys: readonly Uint8Array[], mode: LockMode): Promise<void> {
    if (mode === 'exclusive') this.noteTables(keys);
    if (this.mode === 'optimistic') {
      const txn = await this.open();
      for (const key of keys) {
        if (mode === 'exclusive') this.optimisticKeys.push(key);
        txn.trackRead(key);
      }
      return;
    }
    this.statementToken ??= this.locks.beginStatement();
    this.lockOwner ??= this.locks.newOwner();
    const timeoutMs = this.statement.isNoWait ? 0 : this.settings.lockWaitTimeout * 1000;
    const grant = await this.locks.acquire({
      owner: this.lockOwner,
      keys,
      mode,
      timeoutMs,
      statement: this.statementToken,
      ...(this.statement.signal && { signal: this.statement.signal }),
    });
    if (grant.isStale) throw new StaleReadRetry();
  }

  async lockReadKeys(keys: readonly Uint8Array[], mode: LockMode): Promise<readonly boolean[]> {
    if (!this.statement.isSkipLocked || this.mode === 'optimistic') {
      await this.lockKeys(keys, mode);
      return keys.map(() => true);
    }
    // SKIP LOCKED (MySQL 8): rows another transaction has locked are left out of the result instead of waited for.
    this.statementToken ??= this.locks.beginStatement();
    this.lockOwner ??= this.locks.newOwner();
    const { locked, isStale } = await this.locks.acquireAvailable({ owner: this.lockOwner, keys, mode, timeoutMs: 0, statement: this.statementToken });
    if (isStale) throw new StaleReadRetry();
    return locked;
  }

  /**
   * Runs one statement atomically: on failure its writes are undone (the whole transaction when the statement began
   * it under autocommit); a pessimistic statement that read a row changed before it could lock it runs again (locks
   * kept, as TiDB does); a deadlock victim loses its whole transaction, as in InnoDB. `isReadOnly` statements may run
   * in a READ ONLY transaction; others get 1792 there. `afterBody` runs once the statement's locking is over and
   * still counts as part of the statement (an autocommit that fails undoes it).
   */
  async runStatement<T>(locking: StatementLocking, isReadOnly: boolean, body: () => Promise<T>, afterBody?: (result: T) => Promise<void>): Promise<T> {
    if (this.isReadOnly && !isReadOnly) throw mysqlError(ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION);
    const hadTxn = this.txn !== undefined;
    const savepoint = this.txn?.savepoint();
    for (let attempt = 1; ; attempt++) {
      this.statement = locking;
      try {
        const result = await body();
        this.endStatementState();
        if (afterBody) await afterBody(result);
        return result;
      } catch (error) {
        this.endStatementState();
        const isRetry = error instanceof StaleReadRetry && attempt < MAX_STATEMENT_RETRIES;
        if (hadTxn && this.txn && savepoint !== undefined) this.txn.rollbackTo(savepoint);
        else if (!hadTxn) this.dropStatementTransaction(isRetry);
        if (isRetry) continue;
        if (error instanceof StaleReadRetry || (error instanceof MySqlError && error.code === ER_LOCK_DEADLOCK.code)) {
          this.rollback();
          throw mysqlError(ER_LOCK_DEADLOCK);
        }
        throw error;
      }
    }
  }

  private endStatementState(): void {
    if (this.statementToken !== undefined) this.locks.endStatement(this.statementToken);
    this.statementToken = undefined;
    this.statementView = undefined;
    this.statement = NOT_LOCKING;
  }

  /**
   * A statement that opened the transaction failed: its KV transaction goes. Outside autocommit the locks it took
   * stay (as InnoDB keeps them); a retry keeps them too.
   */
  private dropStatementTransaction(isRetry: boolean): void {
    if (!isRetry && this.isAutocommitting) {
      this.rollback();
      return;
    }
    this.txn?.rollback();
    this.txn = undefined;
  }

  /** No transaction spans statements: each statement commits on its own (autocommit outside BEGIN). */
  private get isAutocommitting(): boolean {
    return !this.isExplicit && this.settings.isAutocommit;
  }

  /** After a statement succeeded (and its rows were sent): commit when autocommitting. */
  async finishStatement(): Promise<void> {
    if (this.isAutocommitting) await this.commit();
  }

  /**
   * LOAD DATA's batched commit: when autocommitting, commits the rows the running statement wrote so far and goes on
   * in a new transaction (TiDB's non-atomic batches), so a huge file never sits in one transaction's memory.
   */
  async commitStatementBatch(): Promise<void> {
    if (!this.isAutocommitting) return;
    const locking = this.statement;
    this.endStatementState();
    await this.commit();
    this.statement = locking;
  }

  /** After a statement failed or was abandoned midway: drop its writes when autocommitting. */
  abandonStatement(): void {
    if (this.isAutocommitting) this.rollback();
  }

  /** SAVEPOINT name. */
  async setSavepoint(name: string): Promise<void> {
    this.savepoints.set(name, (await this.open()).savepoint());
  }

  /** ROLLBACK TO SAVEPOINT name: 1305 when there is none. */
  rollbackToSavepoint(name: string): void {
    const position = this.savepoints.rollbackTo(name);
    this.txn?.rollbackTo(position);
  }

  /** RELEASE SAVEPOINT name: 1305 when there is none. */
  releaseSavepoint(name: string): void {
    this.savepoints.release(name);
  }

  /**
   * Commits the open transaction, if any. On a write conflict nothing is applied and the error is returned. Row
   * locks are held until the commit is visible to new snapshots, so no other transaction reads around it; they go
   * before the commit is durable (the fsync), as InnoDB releases its locks before its log flush: a transaction that
   * then reads the rows commits after this one, and so is flushed after it.
   */
  async commit(): Promise<void> {
    const txn = this.txn;
    const mode = this.mode;
    const optimisticKeys = this.optimisticKeys;
    let owner = this.lockOwner;
    const startSchemaVersion = this.startSchemaVersion;
    const writtenTables = this.writtenTables;
    let schemaKeys: Uint8Array[] | undefined;
    this.reset();
    const release = (): void => {
      if (owner !== undefined) this.locks.releaseAll(owner);
      owner = undefined;
    };
    try {
      if (!txn) return;
      if (txn.isDirty && this.isSchemaChanged(startSchemaVersion, writtenTables)) throw mysqlError(ER_INFO_SCHEMA_CHANGED);
      if (txn.isDirty) schemaKeys = this.readTableDefinitions(txn, writtenTables);
      if (mode === 'optimistic' && txn.isDirty && optimisticKeys.length > 0) {
        owner = this.locks.newOwner();
        const held = await this.locks.tryAcquireAll(owner, optimisticKeys);
        if (held) throw new WriteConflictError(txn.startVersion, 0n, 0n, Buffer.from(held).toString('hex'));
      }
      await txn.commit(release);
    } catch (error) {
      txn?.rollback();
      // A DDL of a written table committed after this transaction's snapshot, before this node loaded it.
      if (error instanceof WriteConflictError && schemaKeys?.some((key) => toHex(key) === error.keyHex)) throw mysqlError(ER_INFO_SCHEMA_CHANGED);
      if (error instanceof MySqlError) throw error;
      throw mysqlError(ER_UNKNOWN_ERROR, error instanceof Error ? error.message : String(error));
    } finally {
      release();
    }
  }

  /** Discards the open transaction, if any, and releases its locks. */
  rollback(): void {
    this.txn?.rollback();
    if (this.lockOwner !== undefined) this.locks.releaseAll(this.lockOwner);
    this.reset();
  }

  /**
   * Drops a KV transaction that only planning opened (COM_STMT_PREPARE describing its columns): a statement that
   * was only prepared must not start the transaction.
   */
  dropUnusedSnapshot(hadStarted: boolean): void {
    if (hadStarted || !this.txn) return;
    this.txn.rollback();
    this.txn = undefined;
    if (!this.isExplicit) this.txnMode = undefined;
  }

  /** Remembers which tables the keys (row and unique-index keys about to be written) belong to. */
  private noteTables(keys: readonly Uint8Array[]): void {
    if (this.schema === undefined) return;
    for (const key of keys) {
      if (key.byteLength < TABLE_PREFIX_BYTES || key[0] !== KeyPrefix.table[0]) continue;
      // Keys of one statement are mostly of one table: decode only when the prefix differs from the last one.
      const last = this.lastTablePrefix;
      if (last !== undefined && Buffer.compare(last, key.subarray(0, TABLE_PREFIX_BYTES)) === 0) continue;
      this.lastTablePrefix = key.subarray(0, TABLE_PREFIX_BYTES);
      (this.writtenTables ??= new Set()).add(new KeyReader(key, KeyPrefix.table.length).readInt64());
    }
  }

  /** Makes the commit check that no DDL changed a written table since the snapshot; returns the keys it reads. */
  private readTableDefinitions(txn: KvTransaction, tables: Set<bigint> | undefined): Uint8Array[] | undefined {
    if (this.schema === undefined || tables === undefined) return undefined;
    const keys: Uint8Array[] = [];
    for (const table of tables) {
      const key = this.schema.tableMetaKey(Number(table));
      if (key === undefined) continue;
      txn.trackRead(key);
      keys.push(key);
    }
    return keys;
  }

  /** A table the transaction wrote was changed by a DDL after the transaction began. */
  private isSchemaChanged(startVersion: number | undefined, tables: Set<bigint> | undefined): boolean {
    const schema = this.schema;
    if (schema === undefined || startVersion === undefined || tables === undefined || schema.schemaVersion === startVersion) return false;
    for (const table of tables) if (schema.tableChangedSince(Number(table), startVersion)) return true;
    return false;
  }

  private async open(): Promise<KvTransaction> {
    if (!this.txn) {
      this.startSchemaVersion = this.schema?.schemaVersion;
      this.txnMode ??= this.settings.txnMode;
      this.txn = await beginTransaction(this.kv);
    }
    return this.txn;
  }

  private reset(): void {
    this.txn = undefined;
    this.txnMode = undefined;
    this.lockOwner = undefined;
    this.optimisticKeys = [];
    this.startSchemaVersion = undefined;
    this.writtenTables = undefined;
    this.lastTablePrefix = undefined;
    this.savepoints.clear();
    this.isExplicit = false;
    this.isReadOnly = false;
  }
}
