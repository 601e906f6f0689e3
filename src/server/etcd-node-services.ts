// The services a tidal-server process shares with the other SQL nodes of its etcd keyspace (store = "etcd"): node
// registration, ServerEvents (DDL, accounts, SET GLOBAL), ServerPeers (CLUSTER_PROCESSLIST, KILL) and connection ids.
import { hostname } from 'node:os';
import type { Logger } from '../logging/index.js';
import { EtcdEngine } from '../storage/index.js';
import type { KvEngine } from '../storage/kv.js';
import { EtcdConnectionIds } from '../session/cluster/etcd/etcd-connection-ids.js';
import { EtcdNode } from '../session/cluster/etcd/etcd-node.js';
import { EtcdServerEvents } from '../session/cluster/etcd/etcd-server-events.js';
import { EtcdServerPeers } from '../session/cluster/etcd/etcd-server-peers.js';
import { NodeProcessList } from '../session/cluster/etcd/node-process-list.js';
import type { ProcessList } from '../session/session-host.js';
import { applyEvent } from './cluster-worker.js';
import type { WorkerState } from './cluster-worker.js';

/** One node's share of the cluster, from joining (before SQL opens) to leaving (before the store closes). */
export class EtcdNodeServices {
  private instance = '';

  private constructor(
    private readonly node: EtcdNode,
    readonly events: EtcdServerEvents,
    readonly peers: EtcdServerPeers,
    readonly connectionIds: EtcdConnectionIds,
  ) {}

  /**
   * Joins the nodes of `engine`'s keyspace when it is an etcd store (undefined otherwise): takes a lease and a block
   * of connection ids and starts watching the other nodes' events and questions. Not listed as live before
   * {@link announce}.
   */
  static async join(engine: KvEngine, logger: Logger): Promise<EtcdNodeServices | undefined> {
    if (!(engine instanceof EtcdEngine)) return undefined;
    const client = engine.connection.client;
    const onError = (message: string, error: unknown): void => logger.warn(message, { err: error instanceof Error ? error : new Error(String(error)) });
    const node = await EtcdNode.open({ client, prefix: engine.keyspace.prefix, onError });
    try {
      const connectionIds = await EtcdConnectionIds.start(client, node.keys.connectionIds);
      const events = await EtcdServerEvents.start(node, (event, nodes) =>
        logger.warn('SQL nodes did not take in a change within twice their lease; going on without them', { event: event.kind, nodes: nodes.join(',') }),
      );
      const peers = await EtcdServerPeers.start(node, (id) => connectionIds.owns(id));
      return new EtcdNodeServices(node, events, peers, connectionIds);
    } catch (error) {
      await node.close();
      throw error;
    }
  }

  /**
   * Applies the other nodes' changes here, then re-reads the schema and accounts once: a change committed while this
   * node was starting, before it listened, is in the store.
   */
  async takeChanges(state: WorkerState): Promise<void> {
    this.events.subscribe((event) => (event.kind === 'tls-reload' ? undefined : applyEvent(event, state)));
    await state.sql.reloadSchema();
    await state.sql.accounts.reload();
  }

  /** This node's PROCESSLIST over `local`, with CLUSTER_PROCESSLIST and KILL reaching every node. */
  processList(local: ProcessList): ProcessList {
    return new NodeProcessList(local, this.peers, () => this.instance);
  }

  /** Lists the node as live (it now accepts connections on `host`:`port`). */
  async announce(host: string, port: number): Promise<void> {
    this.instance = `${host === '0.0.0.0' || host === '::' ? hostname() : host}:${port}`;
    await this.node.announce(this.instance);
  }

  /** Leaves: the node's keys go with its lease, and the other nodes stop waiting for it. */
  close(): Promise<void> {
    return this.node.close();
  }
}
