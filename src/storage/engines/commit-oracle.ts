// CommitOracle: hands out commit versions and detects write-write and read-write conflicts, like Badger's oracle.
import type { Bytes, CommitRequest } from '../kv.js';
import { keyString, toHex } from '../bytes.js';
import { WriteConflictError } from '../write-conflict-error.js';

/** How often (in commits) the oracle tries to forget commits that no snapshot can conflict with any more. */
const PRUNE_EVERY_COMMITS = 64;

/** One admitted commit, remembered until every snapshot is at least as new as it. */
interface CommitRecord {
  readonly startVersion: bigint;
  readonly commitVersion: bigint;
  readonly keys: readonly string[];
}

/**
 * Assigns monotonically increasing commit versions and remembers, for each recently committed key, the last commit
 * that changed it. `admit()` is synchronous, so the conflict check and the recording of a commit are atomic with
 * respect to every other commit in the process; the engine must apply admitted commits in admission order.
 *
 * Snapshot versions are registered so that commit records older than every live snapshot can be forgotten: a
 * transaction can only conflict with commits newer than its own snapshot.
 */
export class CommitOracle {
  private lastAssigned: bigint;
  private lastVisible: bigint;
  /** Every commit version up to this one has been forgotten; older snapshots can no longer be checked. */
  private prunedThrough: bigint;
  private readonly lastCommitByKey = new Map<string, CommitRecord>();
  private readonly records: (CommitRecord | undefined)[] = [];
  private recordsHead = 0;
  private readonly activeSnapshots = new Map<bigint, number>();
  private commitsSincePrune = 0;

  /** `initialVersion` is the version of the last durable commit (0n for an empty store). */
  constructor(initialVersion: bigint) {
    this.lastAssigned = initialVersion;
    this.lastVisible = initialVersion;
    this.prunedThrough = initialVersion;
  }

  /** The newest version whose writes are visible to new snapshots. */
  get visibleVersion(): bigint {
    return this.lastVisible;
  }

  /** The newest version handed out (it may still be on its way to disk). */
  get latestVersion(): bigint {
    return this.lastAssigned;
  }

  /** The number of keys currently remembered for conflict checks (for tests and metrics). */
  get trackedKeyCount(): number {
    return this.lastCommitByKey.size;
  }

  /** Records that a snapshot at `version` is open; pair with `releaseSnapshot`. */
  registerSnapshot(version: bigint): void {
    this.activeSnapshots.set(version, (this.activeSnapshots.get(version) ?? 0) + 1);
  }

  /** Records that a snapshot at `version` was closed. */
  releaseSnapshot(version: bigint): void {
    const count = this.activeSnapshots.get(version);
    if (count === undefined) return;
    if (count <= 1) this.activeSnapshots.delete(version);
    else this.activeSnapshots.set(version, count - 1);
  }

  /**
   * Checks `request` against the commits after its start version and, when none conflicts, assigns its commit
   * version and remembers its keys. Throws WriteConflictError (recording nothing) on conflict. A request without
   * mutations is only checked; it gets the current visible version.
   */
  admit(request: CommitRequest): bigint {
    const { startVersion, mutations, readKeys } = request;
    const names: string[] = new Array<string>(mutations.length);
    for (let i = 0; i < mutations.length; i++) {
      const key = mutations[i]!.key;
      const name = keyString(key);
      this.check(startVersion, name, key);
      names[i] = name;
    }
    for (const key of readKeys) this.check(startVersion, keyString(key), key);
    if (mutations.length === 0) return this.lastVisible;

    const commitVersion = ++this.lastAssigned;
    const record: CommitRecord = { startVersion, commitVersion, keys: names };
    this.records.push(record);
    for (const name of names) this.lastCommitByKey.set(name, record);
    if (++this.commitsSincePrune >= PRUNE_EVERY_COMMITS) this.prune();
    return commitVersion;
  }

  /** Tells the oracle that `version` was applied and is visible to new snapshots. */
  markVisible(version: bigint): void {
    if (version > this.lastVisible) this.lastVisible = version;
  }

  /**
   * Forgets admitted commit `version`, which failed to reach storage (a full disk): its keys conflict again only with
   * the commits before it, so retrying the same write is not a write conflict. Rare, so a scan of the records is fine.
   */
  abandon(version: bigint): void {
    const index = this.records.findIndex((record) => record?.commitVersion === version);
    const failed = this.records[index];
    if (failed === undefined) return;
    this.records[index] = undefined;
    for (const name of failed.keys) {
      if (this.lastCommitByKey.get(name) !== failed) continue;
      const earlier = this.records.findLast((record) => record !== undefined && record.commitVersion < version && record.keys.includes(name));
      if (earlier === undefined) this.lastCommitByKey.delete(name);
      else this.lastCommitByKey.set(name, earlier);
    }
  }

  /** Forgets commits that every live (and every future) snapshot already sees. */
  prune(): void {
    this.commitsSincePrune = 0;
    let floor = this.lastVisible;
    for (const version of this.activeSnapshots.keys()) if (version < floor) floor = version;
    while (this.recordsHead < this.records.length) {
      const record = this.records[this.recordsHead];
      if (record === undefined) {
        // An abandoned commit's hole.
        this.recordsHead++;
        continue;
      }
      if (record.commitVersion > floor) break;
      for (const name of record.keys) {
        if (this.lastCommitByKey.get(name) === record) this.lastCommitByKey.delete(name);
      }
      this.prunedThrough = record.commitVersion;
      this.records[this.recordsHead++] = undefined;
    }
    if (this.recordsHead > 0 && this.recordsHead * 2 >= this.records.length) {
      this.records.splice(0, this.recordsHead);
      this.recordsHead = 0;
    }
  }

  private check(startVersion: bigint, name: string, key: Bytes): void {
    const record = this.lastCommitByKey.get(name);
    if (record !== undefined && record.commitVersion > startVersion) {
      throw new WriteConflictError(startVersion, record.startVersion, record.commitVersion, toHex(key));
    }
    // A snapshot older than what was forgotten cannot be checked: fail safe (only a misused or leaked start version
    // gets here, since live snapshots hold the pruning floor down).
    if (startVersion < this.prunedThrough) {
      throw new WriteConflictError(startVersion, 0n, this.prunedThrough, toHex(key));
    }
  }
}
