// LmdbMemberEngine: the KvEngine of a worker process that shares a data directory with its siblings: reads straight
// from LMDB, commits through the process that admits commits (CommitAdmission).
//
// LMDB lets several processes map one environment; what one process alone may do is hand out commit versions and
// check conflicts (the commit oracle), so that stays with the admitting process (tidal-server's primary, which also
// holds the data directory's lock). Reads never cross processes: a snapshot is a local LMDB read transaction whose
// commit version is read inside it, exactly as in LmdbEngine.
import { resolve } from 'node:path';
import type { RootDatabase } from 'lmdb';
import type { CommitAdmission } from '../../commit-admission.js';
import type { Bytes, CommitRequest, CommitResult, KvEngine, KvSnapshot } from '../../kv.js';
import type { Database } from 'lmdb';
import { KeyLimits, validateMutationKeys } from '../key-limits.js';
import { rejectWith } from '../reject-with.js';
import { messageOf, openLmdbStores, openReadTransaction } from './lmdb-layout.js';
import type { LmdbByteStore, LmdbValueStores } from './lmdb-layout.js';
import { LmdbSnapshot } from './lmdb-snapshot.js';

/** How often a member tells the admitting process its floor when it has not committed meanwhile. */
const FLOOR_REPORT_INTERVAL_MS = 500;

/** lmdb-js renews its shared read transaction at most once per timer tick; a member must see commits made elsewhere. */
interface RenewableRoot {
  resetReadTxn(): void;
}

export class LmdbMemberEngine implements KvEngine {
  readonly name = 'lmdb';
  /** Open snapshots by version, with how many are open at it. */
  private readonly openVersions = new Map<bigint, number>();
  private readonly openSnapshots = new Set<LmdbSnapshot>();
  /** The newest version this process has seen (read or committed). */
  private newestSeen = 0n;
  private reportedFloor = -1n;
  private readonly timer: NodeJS.Timeout;
  private isClosed = false;

  private constructor(
    readonly directory: string,
    private readonly root: RootDatabase,
    private readonly data: LmdbByteStore,
    private readonly dataValues: LmdbValueStores,
    private readonly meta: Database<Buffer, Bytes>,
    private readonly maxKeyBytes: number,
    private readonly admission: CommitAdmission,
  ) {
    this.timer = setInterval(() => this.reportFloor(), FLOOR_REPORT_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * Opens the LMDB store in directory `path`, which the admitting process has already opened (and locked). Rejects
   * with an Error naming the directory when it cannot be opened.
   */
  static open(path: string, admission: CommitAdmission): Promise<LmdbMemberEngine> {
    const directory = resolve(path);
    try {
      const { root, data, dataValues, meta, maxKeyBytes } = openLmdbStores(directory, KeyLimits.maxKeyBytes);
      return Promise.resolve(new LmdbMemberEngine(directory, root, data, dataValues, meta, maxKeyBytes, admission));
    } catch (error) {
      return Promise.reject(new Error(`cannot open the LMDB store in ${directory}: ${messageOf(error)}`, { cause: error }));
    }
  }

  snapshot(): Promise<KvSnapshot> {
    try {
      this.assertOpen();
      // Another process may have committed since lmdb-js last renewed its shared read transaction (it does so once
      // per timer tick): renew, so that a commit acknowledged anywhere is visible to every snapshot taken after.
      (this.root as unknown as RenewableRoot).resetReadTxn();
      const { txn, version } = openReadTransaction(this.data, this.meta);
      if (version > this.newestSeen) this.newestSeen = version;
      this.openVersions.set(version, (this.openVersions.get(version) ?? 0) + 1);
      const snapshot = new LmdbSnapshot(this.data, this.dataValues, txn, version, this.maxKeyBytes, (closed) => {
        txn.done();
        this.openSnapshots.delete(closed);
        const count = this.openVersions.get(version) ?? 1;
        if (count <= 1) this.openVersions.delete(version);
        else this.openVersions.set(version, count - 1);
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
    const floor = this.floor();
    this.reportedFloor = floor;
    // A callback cannot cross to the admitting process: the commit is visible here once it answers (durably), which
    // is later than the admitting side makes it visible, so releasing row locks then is still safe.
    const { onVisible, ...sent } = request;
    const result = await this.admission.commit(sent, floor);
    if (result.commitVersion > this.newestSeen) this.newestSeen = result.commitVersion;
    onVisible?.();
    return result;
  }

  close(): Promise<void> {
    if (this.isClosed) return Promise.resolve();
    this.isClosed = true;
    clearInterval(this.timer);
    for (const snapshot of [...this.openSnapshots]) snapshot.close();
    return this.root.close();
  }

  /** The oldest open snapshot's version, else the newest version seen: no snapshot of this process reads below it. */
  private floor(): bigint {
    let floor = this.newestSeen;
    for (const version of this.openVersions.keys()) if (version < floor) floor = version;
    return floor;
  }

  private reportFloor(): void {
    if (this.isClosed) return;
    const floor = this.floor();
    if (floor <= this.reportedFloor) return;
    this.reportedFloor = floor;
    this.admission.reportFloor(floor);
  }

  private assertOpen(): void {
    if (this.isClosed) throw new Error(`the LMDB storage engine for ${this.directory} is closed`);
  }
}
