// EtcdRowLockManager: the RowLockManager of TidalDB nodes sharing one etcd keyspace: lease-bound lock keys taken by
// one etcd transaction per batch, waits woken by an etcd watch, and deadlocks found over published wait-for edges.
import { randomBytes } from 'node:crypto';
import { EtcdLeaseInvalidError } from 'etcd3';
import type { IKeyValue, IRequestOp, ITxnResponse, Lease } from 'etcd3';
import { mysqlError, ER_LOCK_DEADLOCK, ER_LOCK_NOWAIT, ER_LOCK_WAIT_TIMEOUT } from '../../errors/index.js';
import type { LockMode } from '../../sql/index.js';
import { toHex } from '../../storage/index.js';
import type { EtcdCoordination } from '../../storage/index.js';
import { EtcdLockKeys, conflictsWith, leasedPut, rangeKvs } from './etcd-lock-keys.js';
import { LockReleaseWatch } from './etcd-lock-release-watch.js';
import type { ReleaseListener } from './etcd-lock-release-watch.js';
import type { LockGrant, LockObserver, LockOwnerId, LockRequest, LockWaitResult, RowLockManager } from './row-lock-manager.js';
import { closesWaitCycle } from './wait-for-cycle.js';

/** TTL of the lease every lock of a node is bound to: a node that dies loses its locks this long after (plus one
 * more TTL when etcd elects a leader meanwhile, since a new leader renews every lease). */
export const DEFAULT_LOCK_LEASE_TTL_SECONDS = 5;
/** An exclusive key costs four compares; etcd refuses more than 128 operations of a kind per transaction. */
const KEYS_PER_TXN = 30;
/** Deletes per release transaction (two per key). */
const DELETES_PER_TXN = 120;
/** A waiter re-reads its key this often even without a release event (a safety net, not the way waits end). */
const DEFAULT_RECHECK_MS = 5_000;

export interface EtcdRowLockOptions {
  readonly leaseTtlSeconds?: number;
  readonly recheckMs?: number;
}

/** A key still to lock: its bytes (for the data key) and its hex (for lock keys). */
interface PendingKey {
  readonly key: Uint8Array;
  readonly hex: string;
}

/** One transaction's answer: all of the batch granted, or who blocks each key (empty for the free ones). */
type Attempt =
  | { readonly kind: 'granted'; readonly isStale: boolean }
  | { readonly kind: 'conflict'; readonly blockers: readonly (readonly string[])[] };

/** A request's wait for one key, which may take several rounds of watch and re-check. */
interface WaitState {
  readonly hex: string;
  readonly deadline: number;
  readonly started: number;
  /** This owner's wait-for edge is published (the granting transaction deletes it). */
  hasEdge: boolean;
  /** Counted in waitingCount: the edge is out and the request sleeps (or slept) until a release. */
  isCounted: boolean;
  isDeadlock: boolean;
}

/**
 * Locks live in etcd under the keyspace as `l<hex key>/<x|s>/<node>.<owner>`, bound to this node's lease: a node
 * that dies loses them when the lease expires. A batch of keys is one etcd transaction whose compares say "no other
 * holder in a conflicting mode"; when it fails, the same transaction's reads name the holders. A waiter publishes a
 * wait-for edge (`w<holder>` → the holders it waits for) and reads every edge in one transaction: the waiter whose
 * edge closes a cycle is the victim (1213). Waits end on a release seen by one shared watch, a timeout (1205), KILL
 * (the signal) or the owner's releaseAll.
 *
 * Stale reads: a statement token is the newest etcd revision this node has seen, which its snapshot (taken after)
 * is at least; a grant is stale when the key's data was committed after the token, read in the granting transaction.
 */
export class EtcdRowLockManager implements RowLockManager {
  /** Names this process's holders; a restarted node is a new node. */
  readonly nodeId = randomBytes(6).toString('hex');
  private readonly keys: EtcdLockKeys;
  private readonly watch: LockReleaseWatch;
  private readonly held = new Map<LockOwnerId, Map<string, LockMode>>();
  /** Ends the pending wait of an owner (releaseAll). */
  private readonly cancels = new Map<LockOwnerId, (error: Error) => void>();
  /** Requests in flight per owner, and owners released meanwhile: what those requests still get is let go after. */
  private readonly active = new Map<LockOwnerId, number>();
  private readonly ended = new Set<LockOwnerId>();
  /** Releases in flight, by holder: a local waiter blocked only by them waits for these instead of a watch event. */
  private readonly releasing = new Map<string, Promise<void>>();
  private lease: Lease | undefined;
  private leaseId: Promise<string> | undefined;
  private newestSeen = 0n;
  private lastOwner = 0;
  private waiting = 0;
  private isClosed = false;

  constructor(
    private readonly etcd: EtcdCoordination,
    private readonly observer?: LockObserver,
    private readonly options: EtcdRowLockOptions = {},
  ) {
    this.keys = new EtcdLockKeys(etcd.prefix);
    this.watch = new LockReleaseWatch(etcd.client, this.keys);
    etcd.onClose(() => this.close());
  }

  get waitingCount(): number {
    return this.waiting;
  }

  newOwner(): LockOwnerId {
    return ++this.lastOwner;
  }

  beginStatement(): number {
    const engine = this.etcd.newestRevision();
    return Number(engine > this.newestSeen ? engine : this.newestSeen);
  }

  endStatement(): void {}

  acquire(request: LockRequest): Promise<LockGrant> {
    return this.tracked(request.owner, () => this.acquireTracked(request));
  }

  private async acquireTracked(request: LockRequest): Promise<LockGrant> {
    const me = this.holderOf(request.owner);
    const pending = this.notHeld(request.owner, request.keys, request.mode);
    let isStale = false;
    let at = 0;
    let limit = KEYS_PER_TXN;
    let wait: WaitState | undefined;
    try {
      while (at < pending.length) {
        if (this.ended.has(request.owner)) throw mysqlError(ER_LOCK_DEADLOCK);
        const batch = pending.slice(at, at + limit);
        const attempt = await this.tryLock(request.owner, batch, request.mode, request.statement, wait?.hasEdge === true);
        if (attempt.kind === 'granted') {
          if (wait !== undefined) this.endWait(wait, 'granted');
          wait = undefined;
          isStale ||= attempt.isStale;
          at += batch.length;
          limit = KEYS_PER_TXN;
          continue;
        }
        const index = attempt.blockers.findIndex((blockers) => blockers.length > 0);
        if (index !== 0) {
          // Lock the free keys before the first blocked one (or, if none is blocked any more, try again).
          limit = index < 0 ? batch.length : index;
          continue;
        }
        wait ??= this.startWait(request, batch[0]!.hex);
        await this.waitOnce(request, me, wait, attempt.blockers[0]!);
      }
      return { isStale };
    } catch (error) {
      if (wait !== undefined) {
        if (wait.hasEdge) await this.deleteKeys([this.keys.edgeKey(me)]).catch(() => undefined);
        this.endWait(wait, wait.isDeadlock ? undefined : waitResult(error, request));
      }
      throw error;
    }
  }

  acquireAvailable(request: LockRequest): Promise<{ readonly locked: readonly boolean[]; readonly isStale: boolean }> {
    return this.tracked(request.owner, () => this.acquireAvailableTracked(request));
  }

  private async acquireAvailableTracked(request: LockRequest): Promise<{ locked: boolean[]; isStale: boolean }> {
    const heldModes = this.held.get(request.owner);
    const isLocked = new Map<string, boolean>();
    let isStale = false;
    const pending: PendingKey[] = [];
    for (const key of request.keys) {
      const hex = toHex(key);
      if (isLocked.has(hex)) continue;
      const mode = heldModes?.get(hex);
      const isHeld = mode === 'exclusive' || mode === request.mode;
      isLocked.set(hex, isHeld);
      if (!isHeld) pending.push({ key, hex });
    }
    for (let at = 0; at < pending.length; at += KEYS_PER_TXN) {
      let candidates = pending.slice(at, at + KEYS_PER_TXN);
      // Keys freed or taken between the rounds make a round fail again; three rounds, then the rest are skipped.
      for (let round = 0; candidates.length > 0 && round < 3; round++) {
        const attempt = await this.tryLock(request.owner, candidates, request.mode, request.statement, false);
        if (attempt.kind === 'granted') {
          for (const candidate of candidates) isLocked.set(candidate.hex, true);
          isStale ||= attempt.isStale;
          break;
        }
        candidates = candidates.filter((_, i) => attempt.blockers[i]?.length === 0);
      }
    }
    return { locked: request.keys.map((key) => isLocked.get(toHex(key)) === true), isStale };
  }

  tryAcquireAll(owner: LockOwnerId, keys: readonly Uint8Array[]): Promise<Uint8Array | undefined> {
    return this.tracked(owner, () => this.tryAcquireAllTracked(owner, keys));
  }

  private async tryAcquireAllTracked(owner: LockOwnerId, keys: readonly Uint8Array[]): Promise<Uint8Array | undefined> {
    const pending = this.notHeld(owner, keys, 'exclusive');
    const before = new Map<string, LockMode>(this.held.get(owner) ?? []);
    const granted: PendingKey[] = [];
    for (let at = 0; at < pending.length; at += KEYS_PER_TXN) {
      const batch = pending.slice(at, at + KEYS_PER_TXN);
      const attempt = await this.tryLock(owner, batch, 'exclusive', Number.MAX_SAFE_INTEGER, false);
      if (attempt.kind === 'granted') {
        granted.push(...batch);
        continue;
      }
      // All or nothing: give back what this call took, then name the held key.
      const me = this.holderOf(owner);
      await this.deleteKeys(granted.map((key) => this.keys.lockKey(key.hex, 'exclusive', me)));
      const modes = this.held.get(owner);
      for (const key of granted) {
        const previous = before.get(key.hex);
        if (previous === undefined) modes?.delete(key.hex);
        else modes?.set(key.hex, previous);
      }
      const index = attempt.blockers.findIndex((blockers) => blockers.length > 0);
      return batch[Math.max(index, 0)]!.key;
    }
    return undefined;
  }

  releaseAll(owner: LockOwnerId): void {
    this.cancels.get(owner)?.(mysqlError(ER_LOCK_DEADLOCK));
    if (this.active.has(owner)) this.ended.add(owner);
    const modes = this.held.get(owner);
    this.held.delete(owner);
    if (modes === undefined || modes.size === 0) return;
    const me = this.holderOf(owner);
    const deletes: Buffer[] = [];
    for (const [hex, mode] of modes) {
      // An exclusive lock may have been an upgrade of a shared one: both keys go.
      deletes.push(this.keys.lockKey(hex, 'shared', me));
      if (mode === 'exclusive') deletes.push(this.keys.lockKey(hex, 'exclusive', me));
    }
    // A release that fails for good is done by the lease's expiry instead.
    const released = this.deleteKeys(deletes).catch(() => undefined);
    this.releasing.set(me, released);
    void released.then(() => {
      if (this.releasing.get(me) === released) this.releasing.delete(me);
    });
  }

  /** Resolves once the release releaseAll started for `owner` reached etcd (or gave up to the lease). */
  whenReleased(owner: LockOwnerId): Promise<void> {
    return this.releasing.get(this.holderOf(owner)) ?? Promise.resolve();
  }

  /** Releases some of `owner`'s keys (GET_LOCK's RELEASE_LOCK); resolves once etcd dropped them. */
  async releaseKeys(owner: LockOwnerId, keys: readonly Uint8Array[]): Promise<void> {
    const modes = this.held.get(owner);
    const me = this.holderOf(owner);
    const deletes: Buffer[] = [];
    for (const key of keys) {
      const hex = toHex(key);
      if (modes?.delete(hex) !== true) continue;
      deletes.push(this.keys.lockKey(hex, 'shared', me), this.keys.lockKey(hex, 'exclusive', me));
    }
    if (modes?.size === 0) this.held.delete(owner);
    await this.deleteKeys(deletes);
  }

  /** The owners (`<node>.<owner>`) holding `key` now, as etcd says. */
  async holdersOf(key: Uint8Array): Promise<string[]> {
    const range = this.keys.holdersRange(toHex(key));
    const answer = await this.etcd.retry(() => this.etcd.client.kv.range(range));
    return this.blockersIn(answer.kvs, 'exclusive', '');
  }

  /**
   * Runs a request of `owner`, counted: when releaseAll comes while requests are in flight, their etcd transactions
   * may still grant keys after it, so the owner is released once more when the last of them ends.
   */
  private async tracked<T>(owner: LockOwnerId, run: () => Promise<T>): Promise<T> {
    this.active.set(owner, (this.active.get(owner) ?? 0) + 1);
    try {
      return await run();
    } finally {
      const count = (this.active.get(owner) ?? 1) - 1;
      if (count > 0) {
        this.active.set(owner, count);
      } else {
        this.active.delete(owner);
        if (this.ended.delete(owner)) this.releaseAll(owner);
      }
    }
  }

  /** Lets go of everything: pending releases finish, then the lease goes with every lock still bound to it. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const cancel of [...this.cancels.values()]) cancel(new Error('the row-lock manager is closed'));
    await Promise.all(this.releasing.values());
    await this.watch.close();
    const lease = this.lease;
    this.lease = undefined;
    this.leaseId = undefined;
    if (lease !== undefined) await lease.revoke().catch(() => undefined);
  }

  /**
   * One etcd transaction: when no other holder conflicts on any key of `batch`, puts this holder's lock keys (and
   * reads each key's data revision for the stale check); otherwise reads every key's holders.
   */
  private async tryLock(owner: LockOwnerId, batch: readonly PendingKey[], mode: LockMode, statement: number, dropsEdge: boolean): Promise<Attempt> {
    if (this.isClosed) throw new Error('the row-lock manager is closed');
    const me = this.holderOf(owner);
    const answer = await this.withLease((lease) => {
      const success: IRequestOp[] = [];
      for (const { key, hex } of batch) {
        success.push(leasedPut(this.keys.lockKey(hex, mode, me), lease), { request_range: { key: this.etcd.dataKey(key), keys_only: true } });
      }
      if (dropsEdge) success.push({ request_delete_range: { key: this.keys.edgeKey(me) } });
      return this.etcd.client.kv.txn({
        compare: batch.flatMap(({ hex }) => this.keys.freeFor(hex, mode, me)),
        success,
        failure: batch.map(({ hex }) => ({ request_range: this.keys.holdersRange(hex) })),
      });
    });
    if (!answer.succeeded) {
      return { kind: 'conflict', blockers: batch.map((_, i) => this.blockersIn(rangeKvs(answer.responses[i]), mode, me)) };
    }
    let isStale = false;
    let modes = this.held.get(owner);
    if (modes === undefined) this.held.set(owner, (modes = new Map<string, LockMode>()));
    for (let i = 0; i < batch.length; i++) {
      const hex = batch[i]!.hex;
      if (modes.get(hex) !== 'exclusive') modes.set(hex, mode);
      const data = rangeKvs(answer.responses[2 * i + 1])[0];
      if (data !== undefined && Number(data.mod_revision) > statement) isStale = true;
    }
    return { kind: 'granted', isStale };
  }

  private startWait(request: LockRequest, hex: string): WaitState {
    if (request.timeoutMs <= 0) throw mysqlError(ER_LOCK_NOWAIT);
    if (request.signal?.aborted === true) throw abortReason(request.signal);
    return { hex, deadline: Date.now() + request.timeoutMs, started: performance.now(), hasEdge: false, isCounted: false, isDeadlock: false };
  }

  private endWait(wait: WaitState, result: LockWaitResult | undefined): void {
    if (wait.isCounted) this.waiting--;
    if (result !== undefined) this.observer?.waitEnded(result, performance.now() - wait.started);
  }

  /**
   * One round of waiting for `wait.hex`: publishes this owner's wait-for edge, re-reads the key's holders and every
   * edge in the same transaction, fails with 1213 when the edge closes a cycle, else sleeps until a release of the
   * key, the deadline, KILL or releaseAll. The caller then tries the key again.
   */
  private async waitOnce(request: LockRequest, me: string, wait: WaitState, blockers: readonly string[]): Promise<void> {
    const ownReleases = blockers.map((blocker) => this.releasing.get(blocker));
    if (ownReleases.every((release) => release !== undefined)) {
      // Only this node's finished transactions block it; their releases are on their way.
      await Promise.all(ownReleases);
      return;
    }
    await this.watch.ready();
    const listener = this.watch.listen(wait.hex);
    try {
      const answer = await this.withLease((lease) =>
        this.etcd.client.kv.txn({
          compare: [],
          success: [
            leasedPut(this.keys.edgeKey(me), lease, Buffer.from(JSON.stringify(blockers))),
            { request_range: this.keys.edgesRange() },
            { request_range: this.keys.holdersRange(wait.hex) },
          ],
          failure: [],
        }),
      );
      wait.hasEdge = true;
      const current = this.blockersIn(rangeKvs(answer.responses[2]), request.mode, me);
      if (current.length === 0) return;
      const edges = this.edgesIn(rangeKvs(answer.responses[1]));
      edges.set(me, current);
      if (closesWaitCycle(edges, me, current)) {
        wait.isDeadlock = true;
        this.observer?.deadlockDetected();
        throw mysqlError(ER_LOCK_DEADLOCK);
      }
      if (this.ended.has(request.owner)) throw mysqlError(ER_LOCK_DEADLOCK);
      if (!wait.isCounted) {
        wait.isCounted = true;
        this.waiting++;
      }
      await this.sleep(request, wait, listener);
    } finally {
      listener.stop();
    }
  }

  private sleep(request: LockRequest, wait: WaitState, listener: ReleaseListener): Promise<void> {
    const remaining = wait.deadline - Date.now();
    if (remaining <= 0) return Promise.reject(mysqlError(ER_LOCK_WAIT_TIMEOUT));
    const recheckMs = this.options.recheckMs ?? DEFAULT_RECHECK_MS;
    const signal = request.signal;
    return new Promise<void>((resolve, reject) => {
      let isSettled = false;
      const finish = (error?: Error): void => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (this.cancels.get(request.owner) === finish) this.cancels.delete(request.owner);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onAbort = (): void => finish(abortReason(signal!));
      const isLastRound = remaining <= recheckMs;
      const timer = setTimeout(() => finish(isLastRound ? mysqlError(ER_LOCK_WAIT_TIMEOUT) : undefined), Math.min(remaining, recheckMs));
      this.cancels.set(request.owner, finish);
      if (signal?.aborted === true) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      void listener.released.then(() => finish());
    });
  }

  /** Runs `call` with this node's lease id, granting a new lease when the old one was lost. */
  private async withLease(call: (lease: string) => Promise<ITxnResponse>): Promise<ITxnResponse> {
    for (let attempt = 0; ; attempt++) {
      const lease = await this.etcd.retry(() => this.currentLease());
      const leaseObject = this.lease;
      try {
        const answer = await this.etcd.retry(() => call(lease));
        const revision = BigInt(answer.header.revision);
        if (revision > this.newestSeen) this.newestSeen = revision;
        return answer;
      } catch (error) {
        // etcd forgot the lease (it expired while this node was cut off): the locks bound to it are gone too.
        if (!(error instanceof EtcdLeaseInvalidError) || attempt > 0) throw error;
        if (leaseObject !== undefined && this.lease === leaseObject) {
          leaseObject.release();
          this.lease = this.leaseId = undefined;
        }
      }
    }
  }

  private currentLease(): Promise<string> {
    if (this.leaseId !== undefined && this.lease?.revoked() !== true) return this.leaseId;
    const lease = this.etcd.client.lease(this.options.leaseTtlSeconds ?? DEFAULT_LOCK_LEASE_TTL_SECONDS);
    const id = lease.grant();
    this.lease = lease;
    this.leaseId = id;
    lease.on('lost', () => {
      if (this.lease === lease) this.lease = this.leaseId = undefined;
    });
    id.catch(() => {
      if (this.leaseId === id) this.lease = this.leaseId = undefined;
    });
    return id;
  }

  private async deleteKeys(keys: readonly Buffer[]): Promise<void> {
    for (let at = 0; at < keys.length; at += DELETES_PER_TXN) {
      const success = keys.slice(at, at + DELETES_PER_TXN).map((key) => ({ request_delete_range: { key } }));
      await this.etcd.retry(() => this.etcd.client.kv.txn({ compare: [], success, failure: [] }));
    }
  }

  /** The keys of `keys` (once each) that `owner` does not hold in `mode` or stronger. */
  private notHeld(owner: LockOwnerId, keys: readonly Uint8Array[], mode: LockMode): PendingKey[] {
    const modes = this.held.get(owner);
    const seen = new Set<string>();
    const pending: PendingKey[] = [];
    for (const key of keys) {
      const hex = toHex(key);
      if (seen.has(hex)) continue;
      seen.add(hex);
      const held = modes?.get(hex);
      if (held !== 'exclusive' && held !== mode) pending.push({ key, hex });
    }
    return pending;
  }

  private blockersIn(kvs: readonly IKeyValue[], mode: LockMode, me: string): string[] {
    const blockers: string[] = [];
    for (const kv of kvs) {
      const lock = this.keys.parseLock(kv.key);
      if (lock !== undefined && conflictsWith(lock, mode, me) && !blockers.includes(lock.holder)) blockers.push(lock.holder);
    }
    return blockers;
  }

  private edgesIn(kvs: readonly IKeyValue[]): Map<string, readonly string[]> {
    const edges = new Map<string, readonly string[]>();
    for (const kv of kvs) {
      const waiter = kv.key.toString('latin1', this.keys.edgeArea.length);
      try {
        const blockers: unknown = JSON.parse(kv.value.toString('utf8'));
        if (Array.isArray(blockers)) edges.set(waiter, blockers.filter((b): b is string => typeof b === 'string'));
      } catch {
        // Not an edge this code wrote; it cannot close a cycle.
      }
    }
    return edges;
  }

  private holderOf(owner: LockOwnerId): string {
    return `${this.nodeId}.${owner}`;
  }
}

/** How a wait that failed with `error` ended, for the observer. */
function waitResult(error: unknown, request: LockRequest): LockWaitResult {
  if (error instanceof Error && (error as { code?: unknown }).code === ER_LOCK_WAIT_TIMEOUT.code) return 'timeout';
  if (request.signal?.aborted === true) return 'killed';
  return 'aborted';
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('lock wait aborted');
}
