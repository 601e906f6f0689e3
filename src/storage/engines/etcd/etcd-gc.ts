// The etcd engine's garbage collector: advances a GC safe point, removes what no snapshot can need, compacts etcd.
//
// As TiDB's GC worker: one node leads (a lease-bound key), the safe point is the newest version at least
// `lifeTimeMs` old (tidb_gc_life_time) but never above the oldest live snapshot any node published, and a
// transaction that started before the safe point can no longer commit (its commit Txn compares the safe point) nor
// read (etcd compacted those revisions): TiDB's 9006.
import type { Etcd3, IKeyValue, IRequestOp, ICompare, KVClient, Lease } from 'etcd3';
import { asBuffer, keyString, prefixNext } from '../../bytes.js';
import { decodeRevision, encodeRevision } from './etcd-keyspace.js';
import type { EtcdKeyspace } from './etcd-keyspace.js';
import { classifyEtcdError } from './etcd-errors.js';
import { TXN_ID_LENGTH, decodeStored } from './etcd-value.js';

/** GC settings. */
export interface GcOptions {
  /** How long old versions stay readable (TiDB's tidb_gc_life_time, 10 minutes by default). */
  readonly lifeTimeMs: number;
  /** Time between GC rounds; 0 runs none (tests call `runOnce`). */
  readonly intervalMs: number;
  /** Also compact etcd's history at the safe point (compaction is cluster-wide, for every keyspace). */
  readonly isCompacting: boolean;
  /** TTL of the lease that holds the leader key and this node's published oldest snapshot. */
  readonly leaseTtlSeconds: number;
}

export const DEFAULT_GC_OPTIONS: GcOptions = {
  lifeTimeMs: 10 * 60_000,
  intervalMs: 60_000,
  isCompacting: true,
  leaseTtlSeconds: 15,
};

/** What one round removed. */
export interface GcReport {
  readonly safePoint: bigint;
  readonly tombstones: number;
  readonly statuses: number;
  readonly chunkGroups: number;
}

/** What the GC needs from its engine. */
export interface GcHost {
  readonly client: Etcd3;
  readonly keyspace: EtcdKeyspace;
  readonly engineId: string;
  /** The oldest snapshot (or in-flight commit) version of this engine, if any. */
  oldestLiveVersion(): bigint | undefined;
  /** The newest commit version (linearizable). */
  latestVersion(): Promise<bigint>;
  /** Where failures of background rounds go (they are retried next round). */
  onError(error: unknown): void;
}

const PAGE = 256;
/** Tombstones per delete Txn: two compares and two deletes each, under etcd's 128 operations. */
const TOMBSTONES_PER_TXN = 40;
const DELETES_PER_TXN = 100;
const ZERO = Buffer.from([0]);

/** One node's GC worker; only the node holding the leader key collects. */
export class EtcdGc {
  private readonly kv: KVClient;
  private readonly samples: { readonly at: number; readonly version: bigint }[] = [];
  private lease: Lease | undefined;
  private published: bigint | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private isStopped = false;

  constructor(
    private readonly host: GcHost,
    private readonly options: GcOptions,
  ) {
    this.kv = host.client.kv;
  }

  /** Starts the periodic rounds (unless `intervalMs` is 0). */
  start(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running !== undefined) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.host.onError(error))
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the rounds, waits for one in progress and revokes the lease (its keys go with it). */
  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.running;
    const lease = this.lease;
    this.lease = undefined;
    if (lease !== undefined) await lease.revoke().catch(() => undefined);
  }

  /**
   * One round: publishes this node's oldest live snapshot, and on the leader advances the safe point and removes
   * tombstones, status keys and chunks below it, then compacts. Returns undefined when nothing was collected.
   */
  async runOnce(now: number = Date.now()): Promise<GcReport | undefined> {
    const latest = await this.host.latestVersion();
    this.samples.push({ at: now, version: latest });
    await this.publishOldest();
    if (this.isStopped || !(await this.isLeader())) return undefined;
    const safePoint = await this.chooseSafePoint(now);
    if (safePoint === undefined) return undefined;
    const stored = await this.storedSafePoint();
    if (safePoint <= stored) return undefined;
    await this.kv.txn({
      compare: [
        { key: this.host.keyspace.safePointKey, target: 'Value', result: 'Less', value: encodeRevision(safePoint) },
      ],
      success: [{ request_put: { key: this.host.keyspace.safePointKey, value: encodeRevision(safePoint) } }],
      failure: [],
    });
    const report = {
      safePoint,
      tombstones: await this.collectTombstones(safePoint),
      statuses: await this.collectStatuses(safePoint),
      chunkGroups: await this.collectChunks(safePoint),
    };
    if (this.options.isCompacting) await this.compact(safePoint);
    return report;
  }

  /** The GC safe point stored in etcd (0 before the first round). */
  async storedSafePoint(): Promise<bigint> {
    const response = await this.kv.range({ key: this.host.keyspace.safePointKey });
    const found = response.kvs[0];
    return found === undefined ? 0n : decodeRevision(found.value);
  }

  /** The newest version sampled at least lifeTimeMs ago, capped by every live snapshot known. */
  private async chooseSafePoint(now: number): Promise<bigint | undefined> {
    let chosen: number | undefined;
    for (let i = 0; i < this.samples.length; i++)
      if ((this.samples[i]?.at ?? Infinity) <= now - this.options.lifeTimeMs) chosen = i;
    if (chosen === undefined) return undefined;
    this.samples.splice(0, chosen);
    let safePoint = this.samples[0]?.version;
    if (safePoint === undefined) return undefined;
    const local = this.host.oldestLiveVersion();
    if (local !== undefined && local < safePoint) safePoint = local;
    const { key, rangeEnd } = this.host.keyspace.minStartRange();
    for (const kv of (await this.kv.range({ key, range_end: rangeEnd })).kvs) {
      const published = decodeRevision(kv.value);
      if (published < safePoint) safePoint = published;
    }
    return safePoint;
  }

  /** Writes (or removes) this node's oldest live snapshot under its lease, when it changed. */
  private async publishOldest(): Promise<void> {
    const oldest = this.host.oldestLiveVersion();
    if (oldest === this.published) return;
    const key = this.host.keyspace.minStartKey(this.host.engineId);
    if (oldest === undefined) await this.kv.deleteRange({ key });
    else await this.kv.put({ key, value: encodeRevision(oldest), lease: await this.leaseId() });
    this.published = oldest;
  }

  private async isLeader(): Promise<boolean> {
    const key = this.host.keyspace.gcLeaderKey;
    const me = Buffer.from(this.host.engineId, 'latin1');
    const response = await this.kv.txn({
      compare: [{ key, target: 'Version', result: 'Equal', version: 0 }],
      success: [{ request_put: { key, value: me, lease: await this.leaseId() } }],
      failure: [{ request_range: { key } }],
    });
    return response.succeeded || me.equals(response.responses[0]?.response_range.kvs[0]?.value ?? ZERO);
  }

  private async leaseId(): Promise<string> {
    if (this.lease === undefined || this.lease.revoked()) {
      const lease = this.host.client.lease(this.options.leaseTtlSeconds);
      // A lost lease (etcd unreachable longer than its TTL) is replaced at the next round.
      lease.on('lost', () => {
        if (this.lease === lease) this.lease = undefined;
        this.published = undefined;
      });
      this.lease = lease;
    }
    return this.lease.grant();
  }

  /** Removes tombstones (and their index entries) written at or before `safePoint`: every live snapshot sees them. */
  private async collectTombstones(safePoint: bigint): Promise<number> {
    const keyspace = this.host.keyspace;
    let removed = 0;
    for await (const page of this.pages(keyspace.tombstoneRange())) {
      const due = page.filter((kv) => BigInt(kv.mod_revision) <= safePoint);
      for (let at = 0; at < due.length; at += TOMBSTONES_PER_TXN) {
        const batch = due.slice(at, at + TOMBSTONES_PER_TXN);
        const dataKeys = batch.map((kv) => keyspace.dataKey(keyspace.userKeyOfTombstone(kv.key)));
        const current = await this.kv.txn({
          compare: [],
          success: dataKeys.map((key) => ({ request_range: { key, keys_only: true } })),
          failure: [],
        });
        const compare: ICompare[] = [];
        const success: IRequestOp[] = [];
        batch.forEach((index, i) => {
          compare.push({ key: index.key, target: 'Mod', result: 'Equal', mod_revision: index.mod_revision });
          success.push({ request_delete_range: { key: index.key } });
          const data = current.responses[i]?.response_range.kvs[0];
          // The index entry and its tombstone share a revision while the tombstone is the key's newest write.
          if (data !== undefined && data.mod_revision === index.mod_revision) {
            compare.push({ key: data.key, target: 'Mod', result: 'Equal', mod_revision: data.mod_revision });
            success.push({ request_delete_range: { key: data.key } });
            removed++;
          }
        });
        // A key written again meanwhile fails the compares; the next round looks at it again.
        await this.kv.txn({ compare, success, failure: [] });
      }
    }
    return removed;
  }

  /** Removes commit status keys up to `safePoint`: a commit that may still ask for its own started at or after it. */
  private async collectStatuses(safePoint: bigint): Promise<number> {
    let removed = 0;
    for await (const page of this.pages(this.host.keyspace.statusRange())) {
      const due = page.filter((kv) => BigInt(kv.mod_revision) <= safePoint);
      removed += await this.deleteKeys(due.map((kv) => kv.key));
    }
    return removed;
  }

  /**
   * Removes chunk groups that the current value of their key does not name and that no snapshot at or above the
   * safe point can read: both the chunks and the key's latest write are at or below it.
   */
  private async collectChunks(safePoint: bigint): Promise<number> {
    const keyspace = this.host.keyspace;
    const groups = new Map<string, { group: Buffer; txnId: string; userKey: Buffer; isOld: boolean }>();
    for await (const page of this.pages(keyspace.chunkRange())) {
      for (const kv of page) {
        const parsed = keyspace.parseChunkKey(kv.key, TXN_ID_LENGTH);
        if (parsed === undefined) continue;
        const name = keyString(parsed.group);
        const isOld = BigInt(kv.create_revision) <= safePoint;
        const known = groups.get(name);
        groups.set(name, { ...parsed, isOld: isOld && (known?.isOld ?? true) });
      }
    }
    let removed = 0;
    for (const { group, txnId, userKey, isOld } of groups.values()) {
      if (!isOld) continue;
      const data = (await this.kv.range({ key: keyspace.dataKey(userKey) })).kvs[0];
      if (data !== undefined) {
        const stored = decodeStored(data.value);
        if (stored.kind === 'chunked' && stored.txnId === txnId) continue;
        if (BigInt(data.mod_revision) > safePoint) continue;
      }
      await this.kv.deleteRange({ key: group, range_end: prefixNext(group) ?? ZERO });
      removed++;
    }
    return removed;
  }

  private async deleteKeys(keys: readonly Buffer[]): Promise<number> {
    for (let at = 0; at < keys.length; at += DELETES_PER_TXN) {
      const success = keys.slice(at, at + DELETES_PER_TXN).map((key) => ({ request_delete_range: { key } }));
      await this.kv.txn({ compare: [], success, failure: [] });
    }
    return keys.length;
  }

  /** Pages of keys (without values) in `range`, in key order. */
  private async *pages(range: { key: Buffer; rangeEnd: Buffer }): AsyncGenerator<IKeyValue[]> {
    let key = range.key;
    for (;;) {
      const response = await this.kv.range({ key, range_end: range.rangeEnd, limit: PAGE, keys_only: true });
      if (response.kvs.length > 0) yield response.kvs;
      const last = response.kvs.at(-1);
      if (!response.more || last === undefined) return;
      key = Buffer.concat([asBuffer(last.key), ZERO]);
    }
  }

  private async compact(safePoint: bigint): Promise<void> {
    try {
      await this.kv.compact({ revision: safePoint.toString() });
    } catch (error) {
      // Another keyspace's GC (or etcd's own auto-compaction) may already have compacted further.
      if (classifyEtcdError(error) !== 'compacted') throw error;
    }
  }
}
