// EtcdNode: one SQL node's membership in the set of nodes serving an etcd keyspace: its lease, its keys, the live
// nodes, and the watches the node-wide services (events, peer questions) run on.
import { randomBytes } from 'node:crypto';
import type { Etcd3, IKeyValue, Lease, Watcher } from 'etcd3';
import { EtcdNodeKeys, decodeWire, encodeWire, rangeEndOf } from './etcd-node-keys.js';

/** How to join. */
export interface EtcdNodeOptions {
  readonly client: Etcd3;
  /** The keyspace's `tidal/<keyspace>/`. */
  readonly prefix: Buffer;
  /** TTL of the node's lease: a node that stops renewing it drops out this long after. Default 5 s. */
  readonly leaseTtlSeconds?: number;
  /** Where failures of background work (a lost lease, a failed acknowledgement) are reported. */
  readonly onError: (message: string, error: unknown) => void;
}

/** A live node as its keys tell. */
export interface LiveNode {
  readonly id: string;
  /** `host:port` of its MySQL listener (CLUSTER_PROCESSLIST's INSTANCE). */
  readonly instance: string;
  /** The newest event revision it has taken in (0 before the first). */
  readonly applied: bigint;
}

const DEFAULT_LEASE_TTL_SECONDS = 5;

export class EtcdNode {
  /** A random id, new at every start (a restarted node is another node). */
  readonly id = randomBytes(6).toString('hex');
  readonly keys: EtcdNodeKeys;
  readonly leaseTtlMs: number;
  private lease: Lease | undefined;
  private instance: string | undefined;
  private applied = 0n;
  private readonly watchers: Watcher[] = [];
  private isClosed = false;

  private constructor(
    readonly client: Etcd3,
    prefix: Buffer,
    private readonly ttlSeconds: number,
    private readonly onError: EtcdNodeOptions['onError'],
  ) {
    this.keys = new EtcdNodeKeys(prefix);
    this.leaseTtlMs = ttlSeconds * 1000;
  }

  /** Grants the node's lease; the node is not listed as live before {@link announce}. */
  static async open(options: EtcdNodeOptions): Promise<EtcdNode> {
    const node = new EtcdNode(options.client, options.prefix, options.leaseTtlSeconds ?? DEFAULT_LEASE_TTL_SECONDS, options.onError);
    await node.leaseId();
    return node;
  }

  /** Lists this node as live under `instance` (host:port), once it accepts connections. */
  async announce(instance: string): Promise<void> {
    this.instance = instance;
    await this.writeMembership(await this.leaseId());
  }

  /** Acknowledges every event up to `revision` (ServerEvents publishers wait for it). */
  async acknowledge(revision: bigint): Promise<void> {
    if (revision <= this.applied) return;
    this.applied = revision;
    if (this.instance === undefined) return;
    await this.client.kv.put({ key: this.keys.applied(this.id), value: Buffer.from(revision.toString()), lease: await this.leaseId() });
  }

  /** The nodes whose leases are alive and that have announced themselves, this one included. */
  async liveNodes(): Promise<LiveNode[]> {
    const response = await this.client.kv.range({ key: this.keys.nodes, range_end: rangeEndOf(this.keys.nodes) });
    const found = new Map<string, { instance?: string; applied: bigint }>();
    for (const kv of response.kvs) {
      const [id = '', kind] = this.keys.parts(this.keys.nodes, kv.key);
      const entry = found.get(id) ?? { applied: 0n };
      if (kind === 'info') entry.instance = decodeWire<{ instance: string }>(kv.value).instance;
      else if (kind === 'applied') entry.applied = BigInt(kv.value.toString());
      found.set(id, entry);
    }
    return [...found].flatMap(([id, entry]) => (entry.instance === undefined ? [] : [{ id, instance: entry.instance, applied: entry.applied }]));
  }

  /** etcd's current revision. */
  async currentRevision(): Promise<bigint> {
    const response = await this.client.kv.range({ key: this.keys.nodes, count_only: true });
    return BigInt(response.header.revision);
  }

  /** Writes `value` at `key`, bound to this node's lease; resolves with the revision of the write. */
  async putOwned(key: Buffer, value: unknown): Promise<bigint> {
    const response = await this.client.kv.put({ key, value: encodeWire(value), lease: await this.leaseId() });
    return BigInt(response.header.revision);
  }

  /** Deletes `key`, or every key under it with `isPrefix`; failures only leave lease-bound keys to expire. */
  async remove(key: Buffer, isPrefix = false): Promise<void> {
    await this.client.kv.deleteRange({ key, ...(isPrefix && { range_end: rangeEndOf(key) }) }).catch(() => undefined);
  }

  /**
   * Calls `onPut` for every key written under `prefix` from now on, one at a time in revision order. Resolves once
   * the watch is established. etcd3 resumes a broken stream after the last revision it delivered; when etcd cancels
   * the watch instead (that revision was compacted away), it is started again from now and `onGap` runs first, to
   * make up for what may have been missed.
   */
  async watch(prefix: Buffer, onPut: (kv: IKeyValue) => Promise<void> | void, onGap?: () => Promise<void>): Promise<void> {
    const watcher = await this.client.watch().prefix(prefix).create();
    this.watchers.push(watcher);
    let queue: Promise<void> = Promise.resolve();
    const run = (work: () => Promise<void> | void): void => {
      queue = queue.then(work).catch((error: unknown) => this.onError('an etcd watch handler failed', error));
    };
    watcher.on('put', (kv) => run(() => onPut(kv)));
    watcher.on('error', (error) => {
      this.onError('etcd cancelled a watch; watching again', error);
      if (this.isClosed) return;
      this.watch(prefix, onPut, onGap)
        .then(() => onGap !== undefined && run(onGap))
        .catch((cause: unknown) => this.onError('could not watch etcd again', cause));
    });
  }

  /** Stops the watches and revokes the lease: the node's keys go at once, as its questions and events do. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await Promise.allSettled(this.watchers.map((watcher) => watcher.cancel()));
    const lease = this.lease;
    this.lease = undefined;
    if (lease !== undefined) await lease.revoke().catch(() => undefined);
  }

  private async writeMembership(leaseId: string): Promise<void> {
    if (this.instance === undefined) return;
    await this.client.kv.txn({
      compare: [],
      success: [
        { request_put: { key: this.keys.info(this.id), value: encodeWire({ instance: this.instance }), lease: leaseId } },
        { request_put: { key: this.keys.applied(this.id), value: Buffer.from(this.applied.toString()), lease: leaseId } },
      ],
      failure: [],
    });
  }

  /** The lease, granted again (with the membership keys written again) after etcd let it expire. */
  private async leaseId(): Promise<string> {
    if (this.isClosed) throw new Error('this node has left the cluster');
    if (this.lease === undefined || this.lease.revoked()) {
      const lease = this.client.lease(this.ttlSeconds);
      lease.on('lost', (error) => {
        if (this.lease !== lease) return;
        this.lease = undefined;
        this.onError('the node lost its etcd lease; joining again', error);
        this.leaseId()
          .then((id) => this.writeMembership(id))
          .catch((cause: unknown) => this.onError('could not join the cluster again', cause));
      });
      this.lease = lease;
    }
    return this.lease.grant();
  }
}
