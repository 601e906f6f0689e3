// LmdbEngine: the durable, embedded KvEngine on LMDB (lmdb-js), with commit versions and conflicts from the oracle.
//
// Layout: one LMDB environment per data directory with two named databases: `data` (the user keyspace, raw bytes)
// and `meta` (the last commit version). Each commit is one lmdb-js batch: its writes plus the new commit version,
// applied atomically in one LMDB write transaction. lmdb-js groups the batches queued in one event turn into one
// transaction and one fsync (group commit). A snapshot reads the commit version through its own read transaction,
// so the version always matches exactly what the snapshot sees.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database, RootDatabase, Transaction } from 'lmdb';
import type { Bytes, CommitRequest, CommitResult, KvEngine, KvSnapshot } from '../../kv.js';
import { asBuffer } from '../../bytes.js';
import { CommitOracle } from '../commit-oracle.js';
import { rejectWith } from '../reject-with.js';
import { KeyLimits, validateMutationKeys } from '../key-limits.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { DataDirLock } from './data-dir-lock.js';
import { Layout, decodeVersion, encodeVersion, messageOf, openLmdbStores, openReadTransaction } from './lmdb-layout.js';
import type { LmdbByteStore, LmdbValueStores } from './lmdb-layout.js';
import { LmdbSnapshot } from './lmdb-snapshot.js';
import { storageWriteError } from './storage-write-error.js';

/** The file lmdb-js keeps the environment's pages in, inside the data directory. */
const DATA_FILE = 'data.mdb';

/** Data directories opened by this process: one LmdbEngine per directory. */
const openDirectories = new Set<string>();

/**
 * A KvEngine on an LMDB data directory. Open it with `LmdbEngine.open(dir)`; one process may hold a directory
 * once at a time (a second open, here or in another process, is rejected with an Error naming the directory).
 */
export class LmdbEngine implements KvEngine {
  readonly name = 'lmdb';
  private readonly oracle: CommitOracle;
  private readonly openSnapshots = new Set<LmdbSnapshot>();
  private readonly pendingCommits = new Set<Promise<void>>();
  /**
   * Commits queued to LMDB whose `onVisible` has not run yet, oldest (lowest version) first. lmdb-js resolves a
   * batch only once it is flushed, so a snapshot whose read transaction shows a commit version at or past one of
   * them is how the engine learns earlier that it is visible (see revealThrough).
   */
  private readonly awaitingVisibility: PendingVisibility[] = [];
  /**
   * The read transaction new snapshots share until the next commit: while nothing is committed the store does not
   * change, so a snapshot need not begin a read transaction of its own and read the commit version in it (every
   * commit, a worker process's too, is applied by this engine). The engine holds it until the next commit.
   */
  private newestRead: SharedRead | undefined;
  /** The floor each reading member process reported (see CommitAdmission), registered in the oracle as a snapshot. */
  private readonly memberFloors = new Map<number, bigint>();
  private isClosed = false;

  private constructor(
    /** The absolute data directory. */
    readonly directory: string,
    private readonly root: RootDatabase,
    private readonly data: LmdbByteStore,
    private readonly dataValues: LmdbValueStores,
    private readonly meta: Database<Buffer, Bytes>,
    private readonly maxKeyBytes: number,
    private readonly lock: DataDirLock,
  ) {
    const stored = meta.get(Layout.commitVersionKey);
    this.oracle = new CommitOracle(stored === undefined ? 0n : decodeVersion(stored));
  }

  /**
   * Opens (creating when missing) the LMDB store in directory `path`. Rejects with an Error whose message names the
   * directory when it cannot be created or written, when it is already open in this process, or when another live
   * process holds it.
   */
  static async open(path: string): Promise<LmdbEngine> {
    const directory = resolve(path);
    if (openDirectories.has(directory)) {
      throw new Error(`LMDB data directory ${directory} is already open in this process`);
    }
    openDirectories.add(directory);
    try {
      try {
        await mkdir(directory, { recursive: true });
      } catch (error) {
        throw new Error(`cannot create data directory ${directory}: ${messageOf(error)}`, { cause: error });
      }
      const lock = await acquireDataDirLock(directory);
      try {
        const { root, data, dataValues, meta, maxKeyBytes } = openLmdbStores(directory, KeyLimits.maxKeyBytes);
        return new LmdbEngine(directory, root, data, dataValues, meta, maxKeyBytes, lock);
      } catch (error) {
        await lock.release();
        throw new Error(`cannot open the LMDB store in ${directory}: ${messageOf(error)}`, { cause: error });
      }
    } catch (error) {
      openDirectories.delete(directory);
      throw error;
    }
  }

  /** The newest commit version handed out (for tests and diagnostics). */
  get latestVersion(): bigint {
    return this.oracle.latestVersion;
  }

  /** The newest version visible to new snapshots: what a member process starting now reads at least. */
  get visibleVersion(): bigint {
    return this.oracle.visibleVersion;
  }

  /**
   * Records the floor of member process `member` (another process reading this directory and committing through
   * this engine; see CommitAdmission): conflict records at or below it may be forgotten. A floor never goes down;
   * `undefined` removes the member (it exited).
   */
  setMemberFloor(member: number, floor: bigint | undefined): void {
    const previous = this.memberFloors.get(member);
    if (floor !== undefined && previous !== undefined && floor <= previous) return;
    if (floor === undefined) this.memberFloors.delete(member);
    else {
      this.memberFloors.set(member, floor);
      this.oracle.registerSnapshot(floor);
    }
    if (previous !== undefined) this.oracle.releaseSnapshot(previous);
  }

  snapshot(): Promise<KvSnapshot> {
    try {
      this.assertOpen();
      const read = (this.newestRead ??= { ...openReadTransaction(this.data, this.meta), snapshots: 0, isNewest: true });
      const version = read.version;
      this.revealThrough(version);
      read.snapshots++;
      this.oracle.registerSnapshot(version);
      const snapshot = new LmdbSnapshot(this.data, this.dataValues, read.txn, version, this.maxKeyBytes, (closed) => {
        read.snapshots--;
        if (!read.isNewest && read.snapshots === 0) read.txn.done();
        this.openSnapshots.delete(closed);
        this.oracle.releaseSnapshot(version);
      });
      this.openSnapshots.add(snapshot);
      return Promise.resolve(snapshot);
    } catch (error) {
      return rejectWith(error);
    }
  }

  async commit(request: CommitRequest): Promise<CommitResult> {
    this.assertOpen();
    validateMutationKeys(request, this.maxKeyBytes);
    // Admission and queueing happen in one synchronous step, so LMDB applies commits in version order.
    const commitVersion = this.oracle.admit(request);
    if (request.mutations.length === 0) return { commitVersion };
    // Each queued write's own promise fails with the batch; the batch's promise reports that failure once.
    const written: Promise<boolean> & { flushed?: Promise<unknown> } = this.root.batch(() => {
      for (const { key, value } of request.mutations) {
        if (value === undefined) this.data.remove(key).catch(reportedByBatch);
        else this.data.put(key, asBuffer(value)).catch(reportedByBatch);
      }
      this.meta.put(Layout.commitVersionKey, encodeVersion(commitVersion)).catch(reportedByBatch);
    });
    const durable = written.then(() => written.flushed ?? this.root.flushed);
    // close() waits for commits in flight; this promise settles either way, so a failed one is not left unhandled.
    const settled = durable.then(() => undefined, () => undefined);
    this.pendingCommits.add(settled);
    const pending = new PendingVisibility(commitVersion, () => {
      this.oracle.markVisible(commitVersion);
      request.onVisible?.();
    });
    this.awaitingVisibility.push(pending);
    try {
      await written;
    } catch (error) {
      this.pendingCommits.delete(settled);
      this.forget(pending);
      this.oracle.abandon(commitVersion);
      throw storageWriteError(error, join(this.directory, DATA_FILE), this.directory);
    }
    // Snapshots taken from now on must see this commit: they start a read transaction of their own.
    this.retireNewestRead();
    // Row locks may go once the commit is visible (if no snapshot showed it before); the answer waits for the flush.
    this.forget(pending);
    pending.reveal();
    try {
      await durable;
    } catch (error) {
      throw storageWriteError(error, join(this.directory, DATA_FILE), this.directory);
    } finally {
      this.pendingCommits.delete(settled);
    }
    return { commitVersion };
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await Promise.allSettled([...this.pendingCommits]);
    for (const snapshot of [...this.openSnapshots]) snapshot.close();
    this.retireNewestRead();
    try {
      await this.root.close();
    } finally {
      await this.lock.release();
      openDirectories.delete(this.directory);
    }
  }

  /**
   * A snapshot read commit version `version` from LMDB itself: every queued commit up to it is in LMDB's newest
   * meta page, visible to every new read transaction (of this process and of member processes) although lmdb-js has
   * not resolved it yet (that waits for the fsync). Their `onVisible` runs now, so row locks are not held across
   * the flush, as InnoDB releases locks before its log flush; the commits still answer only once durable.
   */
  private revealThrough(version: bigint): void {
    const queue = this.awaitingVisibility;
    while (queue.length > 0 && queue[0]!.version <= version) queue.shift()!.reveal();
  }

  private forget(pending: PendingVisibility): void {
    const index = this.awaitingVisibility.indexOf(pending);
    if (index >= 0) this.awaitingVisibility.splice(index, 1);
  }

  /** The newest read stops being handed out; its transaction ends now, or with the last snapshot using it. */
  private retireNewestRead(): void {
    const read = this.newestRead;
    if (read === undefined) return;
    this.newestRead = undefined;
    read.isNewest = false;
    if (read.snapshots === 0) read.txn.done();
  }

  private assertOpen(): void {
    if (this.isClosed) throw new Error(`the LMDB storage engine for ${this.directory} is closed`);
  }
}

/** A commit waiting to be seen as visible: `reveal` runs its visibility work once, whoever sees it first. */
class PendingVisibility {
  private isRevealed = false;

  constructor(
    readonly version: bigint,
    private readonly onReveal: () => void,
  ) {}

  reveal(): void {
    if (this.isRevealed) return;
    this.isRevealed = true;
    this.onReveal();
  }
}

/** A read transaction with the commit version it sees, shared by the snapshots taken while it was the newest. */
interface SharedRead {
  readonly txn: Transaction;
  readonly version: bigint;
  /** The open snapshots reading through it. */
  snapshots: number;
  /** Still handed to new snapshots: no commit was made since it began. */
  isNewest: boolean;
}

/** A queued write's failure, which the batch's own promise already reports. */
function reportedByBatch(): void {}
