// ClusterMember: a worker process's side of the cluster: the remote lock managers, commit admission, connection
// ids, events and peer questions, all over one channel to the primary (ClusterCoordinator).
import type { LockObserver, LockWaitResult } from '../locks/row-lock-manager.js';
import { BlockConnectionIds } from './block-connection-ids.js';
import { ClusterRpc } from './cluster-rpc.js';
import type { MessagePort } from './cluster-rpc.js';
import { RemoteAccountUsage } from './remote-account-usage.js';
import { RemoteCommitAdmission } from './remote-commit-admission.js';
import { RemoteRowLockManager } from './remote-row-lock-manager.js';
import { RemoteUserLockManager } from './remote-user-lock-manager.js';
import type { ServerEvent, ServerEventListener, ServerEvents } from './server-events.js';
import type { PeerAnswerer, PeerQueries, PeerQueryName, ServerPeers } from './server-peers.js';

export class ClusterMember {
  readonly rpc: ClusterRpc;
  readonly locks: RemoteRowLockManager;
  readonly userLocks: RemoteUserLockManager;
  readonly commits: RemoteCommitAdmission;
  readonly accountUsage: RemoteAccountUsage;
  readonly connectionIds: BlockConnectionIds;
  readonly events: ServerEvents;
  readonly peers: ServerPeers;
  private readonly listeners = new Set<ServerEventListener>();
  private readonly answerers = new Map<PeerQueryName, (args: unknown) => unknown>();
  private lockObserver: LockObserver | undefined;
  /** Connections the other workers hold, as the primary last told (for max_connections). */
  private others: { readonly open: number; readonly loggedIn: number } = { open: 0, loggedIn: 0 };

  /** `firstIdBlock` is the block of connection ids the primary gave this worker when it forked it. */
  constructor(port: MessagePort, firstIdBlock: number) {
    const rpc = new ClusterRpc(port);
    this.rpc = rpc;
    this.locks = new RemoteRowLockManager(rpc);
    this.userLocks = new RemoteUserLockManager(rpc);
    this.commits = new RemoteCommitAdmission(rpc);
    this.accountUsage = new RemoteAccountUsage(rpc);
    this.connectionIds = new BlockConnectionIds(firstIdBlock, () => rpc.request<number>('ids.block', null));
    const listeners = this.listeners;
    this.events = {
      publish: async (event: ServerEvent) => {
        await rpc.request('cluster.publish', event);
      },
      subscribe: (listener: ServerEventListener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const answerers = this.answerers;
    this.peers = {
      gather: <Q extends PeerQueryName>(query: Q, args: PeerQueries[Q]['args']) => rpc.request<Array<PeerQueries[Q]['answer']>>('cluster.gather', { query, args }),
      askOwner: async <Q extends PeerQueryName>(connectionId: number, query: Q, args: PeerQueries[Q]['args']) =>
        (await rpc.request<PeerQueries[Q]['answer'] | null>('cluster.askOwner', { connectionId, query, args })) ?? undefined,
      answer: <Q extends PeerQueryName>(query: Q, answerer: PeerAnswerer<Q>) => {
        answerers.set(query, answerer as (args: unknown) => unknown);
      },
    };
    rpc.handle('event', async (event: ServerEvent) => {
      for (const listener of listeners) await listener(event);
    });
    rpc.handle('peer', ({ query, args }: { query: PeerQueryName; args: unknown }) => {
      const answerer = answerers.get(query);
      if (!answerer) throw new Error(`this worker does not answer ${query}`);
      return answerer(args);
    });
    rpc.handle('conn.others', (others: { open: number; loggedIn: number }) => {
      this.others = others;
    });
    rpc.handle('lock.observed', (note: { result?: LockWaitResult; waitedMs?: number; isDeadlock?: boolean }) => {
      if (note.isDeadlock) this.lockObserver?.deadlockDetected();
      else if (note.result !== undefined) this.lockObserver?.waitEnded(note.result, note.waitedMs ?? 0);
    });
  }

  /** Where lock waits that the primary saw end are counted (this worker's metrics; /metrics sums all workers). */
  observeLocks(observer: LockObserver | undefined): void {
    this.lockObserver = observer;
  }

  /** Connections the other workers hold (open, and of those logged in), as last reported. */
  otherConnections(): { readonly open: number; readonly loggedIn: number } {
    return this.others;
  }

  /** Tells the other workers (through the primary) how many connections this one holds. */
  reportConnections(open: number, loggedIn: number): void {
    this.rpc.notify('conn.count', { open, loggedIn });
  }

  /** The TLS session ticket keys every worker of the server uses. */
  async ticketKeys(): Promise<Buffer> {
    return Buffer.from(await this.rpc.request<Uint8Array>('tls.ticketKeys', null));
  }

  /** The primary is gone: fail what waits for it. */
  close(): void {
    this.rpc.close();
  }
}
