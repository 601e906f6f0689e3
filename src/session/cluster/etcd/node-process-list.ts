// NodeProcessList: PROCESSLIST and KILL on one SQL node of an etcd keyspace: PROCESSLIST is this node's connections
// (as in TiDB), CLUSTER_PROCESSLIST every node's, and KILL reaches whichever node owns the connection.
import type { ProcessInfo, ProcessList } from '../../session-host.js';
import type { EtcdServerPeers } from './etcd-server-peers.js';

export class NodeProcessList implements ProcessList {
  /** The other nodes' connections at the last refresh, with each node's name. */
  private others: Array<{ readonly instance: string; readonly process: ProcessInfo }> = [];

  /** `instance` names this node (host:port); answers the other nodes' questions about `local` too. */
  constructor(
    private readonly local: ProcessList,
    private readonly peers: EtcdServerPeers,
    private readonly instance: () => string,
  ) {
    peers.answer('processes', () => local.list());
    peers.answer('kill', ({ id, isQueryOnly }) => local.kill(id, isQueryOnly));
  }

  list(): ProcessInfo[] {
    return this.local.list();
  }

  /** A connection of this node, or of another as last refreshed (KILL checks its owner's account). */
  find(id: number): ProcessInfo | undefined {
    return this.local.find(id) ?? this.others.find((entry) => entry.process.id === id)?.process;
  }

  async kill(id: number, isQueryOnly: boolean): Promise<boolean> {
    if (await this.local.kill(id, isQueryOnly)) return true;
    return (await this.peers.askOwner(id, 'kill', { id, isQueryOnly })) === true;
  }

  async refresh(): Promise<void> {
    const answers = await this.peers.gatherByNode('processes', undefined);
    this.others = answers.flatMap(({ instance, answer }) => answer.map((process) => ({ instance, process })));
  }

  clusterList(): ReadonlyArray<{ readonly instance: string; readonly process: ProcessInfo }> {
    const instance = this.instance();
    return [...this.local.list().map((process) => ({ instance, process })), ...this.others];
  }
}
