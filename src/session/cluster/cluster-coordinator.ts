// ClusterCoordinator: what tidal-server's primary process keeps for all of its workers: commit admission for a
// shared LMDB directory, the one row-lock table and user-lock table, connection-id blocks, and the fan-out of
// events and peer questions. Workers reach it through RemoteRowLockManager & co. (see cluster-member.ts).
import { randomBytes } from 'node:crypto';
import type { LmdbEngine } from '../../storage/index.js';
import type { CommitRequest } from '../../storage/kv.js';
import { AccountUsageTable } from '../account-usage.js';
import type { LoginLimits, ResourceLimits } from '../account-usage.js';
import { LocalRowLockManager } from '../locks/local-row-lock-manager.js';
import { LocalUserLockManager } from '../locks/local-user-lock-manager.js';
import type { LockObserver, LockOwnerId, LockWaitResult } from '../locks/row-lock-manager.js';
import { CONNECTION_ID_BLOCK } from './block-connection-ids.js';
import { ClusterRpc, RpcClosedError } from './cluster-rpc.js';
import type { MessagePort } from './cluster-rpc.js';
import type { WireLockRequest } from './remote-row-lock-manager.js';
import type { ServerEvent } from './server-events.js';
import type { PeerQueryName } from './server-peers.js';
import { sharedClockMicros } from './shared-clock.js';

/** One worker process as the primary knows it. */
interface Member {
  readonly id: number;
  readonly rpc: ClusterRpc;
  /** The worker's row-lock owner ids → this table's. */
  readonly owners: Map<LockOwnerId, LockOwnerId>;
  /** Connection ids that have asked for user locks (released when the worker goes). */
  readonly userLockOwners: Set<number>;
  /** The worker's logged-in connections by account (released when the worker goes). */
  readonly accounts: Map<string, number>;
  /** Row-lock and user-lock requests still waiting, by the worker's request id. */
  readonly waits: Map<number, AbortController>;
  /** The worker's connections (open, and of those logged in), as it last reported them. */
  connections: { open: number; loggedIn: number };
}

export class ClusterCoordinator {
  private readonly members = new Map<number, Member>();
  private readonly locks: LocalRowLockManager;
  private readonly userLocks = new LocalUserLockManager();
  private readonly accountUsage = new AccountUsageTable();
  private lastOwner = 0;
  private nextBlockStart = 1;
  /** Which member each block of connection ids went to, by block number. */
  private readonly blockOwners = new Map<number, number>();
  /** TLS session ticket keys of every worker, so that a reconnect resumes whichever worker takes it. */
  private readonly ticketKeys = randomBytes(48);

  /** `engine` admits the workers' commits when the store is an LMDB directory (an etcd store admits its own). */
  constructor(private readonly engine: LmdbEngine | undefined) {
    // Lock waits are counted by a worker's metrics; the whole server's /metrics sums the workers'.
    const observer: LockObserver = {
      waitEnded: (result: LockWaitResult, waitedMs: number) => this.anyMember()?.rpc.notify('lock.observed', { result, waitedMs }),
      deadlockDetected: () => this.anyMember()?.rpc.notify('lock.observed', { isDeadlock: true }),
    };
    this.locks = new LocalRowLockManager(observer, sharedClockMicros);
  }

  /** The first block of connection ids for a worker about to start (handed over at fork). */
  allocateIdBlock(memberId: number): number {
    const start = this.nextBlockStart;
    this.nextBlockStart += CONNECTION_ID_BLOCK;
    this.blockOwners.set(Math.floor((start - 1) / CONNECTION_ID_BLOCK), memberId);
    return start;
  }

  /**
   * Starts serving a worker. Call in the same turn as the fork: its commit floor starts at the version visible now,
   * below every snapshot it can take.
   */
  addMember(memberId: number, port: MessagePort): void {
    const member: Member = { id: memberId, rpc: new ClusterRpc(port), owners: new Map(), userLockOwners: new Set(), accounts: new Map(), waits: new Map(), connections: { open: 0, loggedIn: 0 } };
    this.members.set(memberId, member);
    if (this.engine) this.engine.setMemberFloor(memberId, this.engine.visibleVersion);
    this.serve(member);
  }

  /** A worker exited: its locks go, its waits end, its commit floor no longer holds anything back. */
  removeMember(memberId: number): void {
    const member = this.members.get(memberId);
    if (!member) return;
    this.members.delete(memberId);
    member.rpc.close();
    for (const controller of member.waits.values()) controller.abort(new RpcClosedError('worker exited'));
    for (const owner of member.owners.values()) this.locks.releaseAll(owner);
    for (const owner of member.userLockOwners) void this.userLocks.releaseAll(owner);
    for (const [key, count] of member.accounts) for (let i = 0; i < count; i++) this.accountUsage.release(key);
    this.engine?.setMemberFloor(memberId, undefined);
    this.shareConnectionCounts();
  }

  /** How many members are connected. */
  get memberCount(): number {
    return this.members.size;
  }

  private anyMember(): Member | undefined {
    return this.members.values().next().value;
  }

  private serve(member: Member): void {
    const { rpc } = member;
    rpc.handle('kv.commit', ({ request, floor }: { request: CommitRequest; floor: bigint }) => {
      const engine = this.requireEngine();
      engine.setMemberFloor(member.id, floor);
      return engine.commit(request);
    });
    rpc.handle('kv.floor', ({ floor }: { floor: bigint }) => this.engine?.setMemberFloor(member.id, floor));
    rpc.handle('rowlock.acquire', (wire: WireLockRequest) => this.acquireRowLocks(member, wire));
    rpc.handle('rowlock.cancel', ({ requestId }: { requestId: number }) => member.waits.get(requestId)?.abort(new Error('lock wait cancelled')));
    rpc.handle('rowlock.acquireAvailable', (wire: WireLockRequest) =>
      this.locks.acquireAvailableNow({ owner: this.ownerOf(member, wire.owner), keys: wire.keys, mode: wire.mode, timeoutMs: 0, statement: wire.statement }),
    );
    rpc.handle('rowlock.tryAcquireAll', ({ owner, keys }: { owner: LockOwnerId; keys: Uint8Array[] }) => this.locks.tryAcquireAllNow(this.ownerOf(member, owner), keys) ?? null);
    rpc.handle('rowlock.releaseAll', ({ owner }: { owner: LockOwnerId }) => {
      const global = member.owners.get(owner);
      if (global === undefined) return;
      member.owners.delete(owner);
      this.locks.releaseAll(global);
    });
    rpc.handle('userlock.acquire', (args: { requestId: number; owner: number; name: string; timeoutMs: number | null }) => {
      member.userLockOwners.add(args.owner);
      const controller = new AbortController();
      member.waits.set(args.requestId, controller);
      return this.userLocks.acquire(args.owner, args.name, args.timeoutMs ?? undefined, controller.signal).finally(() => member.waits.delete(args.requestId));
    });
    rpc.handle('userlock.cancel', ({ requestId }: { requestId: number }) => member.waits.get(requestId)?.abort());
    rpc.handle('userlock.release', ({ owner, name }: { owner: number; name: string }) => this.userLocks.release(owner, name));
    rpc.handle('userlock.releaseAll', ({ owner }: { owner: number }) => this.userLocks.releaseAll(owner));
    rpc.handle('userlock.holderOf', async ({ name }: { name: string }) => (await this.userLocks.holderOf(name)) ?? null);
    rpc.handle('usage.admit', ({ key, limits }: { key: string; limits: LoginLimits }) => {
      const refusal = this.accountUsage.admit(key, limits);
      if (refusal === undefined) member.accounts.set(key, (member.accounts.get(key) ?? 0) + 1);
      return refusal ?? null;
    });
    rpc.handle('usage.release', ({ key }: { key: string }) => {
      const count = member.accounts.get(key) ?? 0;
      if (count === 0) return;
      if (count > 1) member.accounts.set(key, count - 1);
      else member.accounts.delete(key);
      this.accountUsage.release(key);
    });
    rpc.handle('usage.count', ({ key, limits, isUpdate }: { key: string; limits: ResourceLimits; isUpdate: boolean }) => this.accountUsage.countStatement(key, limits, isUpdate) ?? null);
    rpc.handle('ids.block', () => this.allocateIdBlock(member.id));
    rpc.handle('tls.ticketKeys', () => this.ticketKeys);
    rpc.handle('conn.count', (connections: { open: number; loggedIn: number }) => {
      member.connections = connections;
      this.shareConnectionCounts();
    });
    rpc.handle('cluster.publish', (event: ServerEvent) => this.fanOut(member, 'event', event));
    rpc.handle('cluster.gather', ({ query, args }: { query: PeerQueryName; args: unknown }) => this.fanOut(member, 'peer', { query, args }));
    rpc.handle('cluster.askOwner', async ({ connectionId, query, args }: { connectionId: number; query: PeerQueryName; args: unknown }) => {
      const owner = this.members.get(this.blockOwners.get(Math.floor((connectionId - 1) / CONNECTION_ID_BLOCK)) ?? -1);
      if (!owner || owner === member) return null;
      return ask(owner, 'peer', { query, args });
    });
  }

  private async acquireRowLocks(member: Member, wire: WireLockRequest): Promise<unknown> {
    const controller = new AbortController();
    member.waits.set(wire.requestId, controller);
    try {
      return await this.locks.acquire({ owner: this.ownerOf(member, wire.owner), keys: wire.keys, mode: wire.mode, timeoutMs: wire.timeoutMs, statement: wire.statement, signal: controller.signal });
    } finally {
      member.waits.delete(wire.requestId);
    }
  }

  /** Tells each worker how many connections the others hold (max_connections is the whole server's). */
  private shareConnectionCounts(): void {
    let open = 0;
    let loggedIn = 0;
    for (const member of this.members.values()) {
      open += member.connections.open;
      loggedIn += member.connections.loggedIn;
    }
    for (const member of this.members.values()) {
      member.rpc.notify('conn.others', { open: open - member.connections.open, loggedIn: loggedIn - member.connections.loggedIn });
    }
  }

  /** This table's owner id for a worker's owner id. */
  private ownerOf(member: Member, owner: LockOwnerId): LockOwnerId {
    let global = member.owners.get(owner);
    if (global === undefined) {
      global = ++this.lastOwner;
      member.owners.set(owner, global);
    }
    return global;
  }

  /** Asks every member but `from`; members that exit meanwhile are left out. */
  private async fanOut(from: Member, op: string, args: unknown): Promise<unknown[]> {
    const others = [...this.members.values()].filter((member) => member !== from);
    const answers = await Promise.all(others.map((member) => ask(member, op, args)));
    return answers.filter((answer) => answer !== undefined);
  }

  private requireEngine(): LmdbEngine {
    if (!this.engine) throw new Error('this store admits its own commits');
    return this.engine;
  }
}

/** One member's answer, or undefined when it went away before answering. */
async function ask(member: Member, op: string, args: unknown): Promise<unknown> {
  try {
    return await member.rpc.request(op, args);
  } catch (error) {
    if (error instanceof RpcClosedError) return undefined;
    throw error;
  }
}
