// The transactional key-value contract every storage engine implements; interfaces only.
//
// Modelled on TiDB's pkg/kv: the SQL layer sees ordered byte keys, snapshot reads and an atomic, conflict-checked
// commit, nothing more, so that LMDB (embedded), etcd or TiKV can sit underneath. Reads are asynchronous because a
// distributed engine needs the network, but scans hand out *batches* so that no promise is paid per row.
// Row locks for pessimistic transactions are not part of this contract: they live above it (see the SQL layer).

/** A key or value: raw bytes. Keys compare as unsigned bytes, lexicographically (Buffer.compare). */
export type Bytes = Uint8Array;

/** One key/value pair returned by a scan. */
export interface KvPair {
  readonly key: Bytes;
  readonly value: Bytes;
}

/** A half-open key range `[start, end)`; `end` undefined means "to the end of the keyspace". */
export interface KeyRange {
  readonly start: Bytes;
  readonly end?: Bytes | undefined;
}

/** Options for a range scan. */
export interface ScanOptions {
  /** Walk from the end of the range towards its start. */
  readonly reverse?: boolean;
  /** Stop after this many pairs in total (not per batch). */
  readonly limit?: number;
  /** Preferred number of pairs per batch; engines may return fewer. Default 256. */
  readonly batchSize?: number;
  /**
   * The caller reads the values only: an engine may give every pair an empty key (LMDB then copies no key per pair,
   * as a table's row scan needs none). A transaction with its own writes in the range still gives the keys.
   */
  readonly isValueOnly?: boolean;
}

/** Options of KvReader.visitValues. */
export interface VisitOptions {
  /** Walk from the end of the range towards its start. */
  readonly reverse?: boolean;
}

/** Read access at one consistent point in time. */
export interface KvReader {
  /** The value stored at `key`, or undefined when there is none. */
  get(key: Bytes): Promise<Bytes | undefined>;
  /** The values of several keys at once; absent keys are absent from the map (keyed by hex of the key). */
  batchGet(keys: readonly Bytes[]): Promise<Map<string, Bytes>>;
  /**
   * Pairs within `range` in key order (or reverse order), delivered in batches. Each batch is a fresh array the
   * caller may keep. The iterator must be run to completion or closed (`return()`, as `for await … break` does).
   */
  scan(range: KeyRange, options?: ScanOptions): AsyncIterableIterator<KvPair[]>;
  /**
   * The values within `range`, handed to `visit` one by one in key order (or reverse), synchronously and without a
   * copy: a value's bytes are valid only during its call (the engine may reuse them for the next one), so `visit`
   * decodes what it keeps and reads nothing else meanwhile. Returns false, having visited nothing, where the reader
   * cannot (an engine without local reads, a transaction with its own writes in the range): the caller scans.
   * Optional, for local engines; a short range read this way skips the batches, promises and copies of a scan.
   */
  visitValues?(range: KeyRange, options: VisitOptions, visit: (value: Bytes) => void): boolean;
}

/**
 * A consistent read view of the store as of one commit version. Reads never see commits made after it was taken.
 * Must be released with `close()`; an engine may hold resources (an LMDB read transaction) until then.
 */
export interface KvSnapshot extends KvReader {
  /** The commit version this snapshot reads at. Commits after it have larger versions. */
  readonly version: bigint;
  /** Releases the snapshot. Idempotent. */
  close(): void;
}

/** One buffered write of a transaction: a put (value) or a delete (value undefined). */
export interface KvMutation {
  readonly key: Bytes;
  readonly value: Bytes | undefined;
}

/** What a commit asks the engine to do atomically. */
export interface CommitRequest {
  /** The version of the snapshot the transaction read from. */
  readonly startVersion: bigint;
  /** The writes, applied all or nothing. */
  readonly mutations: readonly KvMutation[];
  /**
   * Keys whose modification since `startVersion` must fail the commit, in addition to the mutated keys themselves
   * (optimistic read-set validation). Empty for blind writes.
   */
  readonly readKeys: readonly Bytes[];
  /**
   * Called once the writes are visible to new snapshots, which may be before they are durable (when the commit's
   * promise resolves). A caller holding row locks over the keys may release them here, as InnoDB releases a
   * transaction's locks before its log flush: a reader that then commits is flushed after it.
   */
  readonly onVisible?: () => void;
}

/** The outcome of a successful commit. */
export interface CommitResult {
  /** The version the writes became visible at. */
  readonly commitVersion: bigint;
}

/**
 * A storage engine: snapshots plus an atomic, conflict-checked, durable commit. Engines are shared by all
 * connections and must be safe for concurrent use.
 */
export interface KvEngine {
  /** A human-readable engine name for logs, e.g. `lmdb`. */
  readonly name: string;
  /** A snapshot at the latest committed version. */
  snapshot(): Promise<KvSnapshot>;
  /**
   * Applies `request.mutations` atomically and durably (the promise resolves only once the data would survive a
   * crash). Rejects with a `WriteConflictError` when any mutated key or any of `readKeys` was committed by someone
   * else after `startVersion`; then nothing is applied.
   */
  commit(request: CommitRequest): Promise<CommitResult>;
  /** Flushes and releases everything; further calls fail. */
  close(): Promise<void>;
}

/**
 * A transaction: a snapshot plus a private write buffer. Reads see the snapshot overlaid with the transaction's own
 * writes. Nothing reaches the engine before `commit()`.
 */
export interface KvTransaction extends KvReader {
  /** The snapshot version this transaction reads at. */
  readonly startVersion: bigint;
  /** Buffers a put. */
  set(key: Bytes, value: Bytes): void;
  /** Buffers a delete. */
  delete(key: Bytes): void;
  /** True when the transaction has buffered writes. */
  readonly isDirty: boolean;
  /** Remembers `key` as read so that a later change to it by another commit fails this one (optimistic check). */
  trackRead(key: Bytes): void;
  /**
   * Commits the buffered writes (durably: see KvEngine.commit); rejects with WriteConflictError on conflict. The
   * transaction is finished after. `onVisible` is called once the writes are visible to others (CommitRequest).
   */
  commit(onVisible?: () => void): Promise<CommitResult | undefined>;
  /** Drops the buffered writes and releases the snapshot. Idempotent. */
  rollback(): void;
  /** A savepoint token for partial rollback (statement atomicity, SAVEPOINT). */
  savepoint(): number;
  /** Undoes the writes buffered after `savepoint` was taken. */
  rollbackTo(savepoint: number): void;
  /**
   * For a statement of a pessimistic transaction (TiDB's "current read" at for_update_ts): a view of this transaction
   * whose reads see the newest committed data overlaid with this transaction's writes, and whose writes go to this
   * transaction. From then on `commit()` checks conflicts only against commits after the view's version, so the
   * caller must protect every key it writes with a row lock held above the store until the commit is done.
   * Plain reads of the transaction itself keep its original snapshot (REPEATABLE READ).
   */
  lockingView(): Promise<KvTransaction>;
}
