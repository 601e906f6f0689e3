// ClusterProcessList: PROCESSLIST and KILL over every process of the server: this process's connections, and the
// other processes' as they answered the last refresh (ServerPeers).
import type { ProcessInfo, ProcessList } from '../session-host.js';
import type { ServerPeers } from './server-peers.js';

export class ClusterProcessList implements ProcessList {
  /** The other processes' connections at the last refresh. */
  private others: ProcessInfo[] = [];

  /** Answers the other processes' questions about `local` too. */
  constructor(
    private readonly local: ProcessList,
    private readonly peers: ServerPeers,
  ) {
    peers.answer('processes', () => local.list());
    peers.answer('kill', ({ id, isQueryOnly }) => local.kill(id, isQueryOnly));
  }

  list(): ProcessInfo[] {
    return [...this.local.list(), ...this.others];
  }

  find(id: number): ProcessInfo | undefined {
    return this.local.find(id) ?? this.others.find((process) => process.id === id);
  }

  async kill(id: number, isQueryOnly: boolean): Promise<boolean> {
    if (await this.local.kill(id, isQueryOnly)) return true;
    return (await this.peers.askOwner(id, 'kill', { id, isQueryOnly })) === true;
  }

  async refresh(): Promise<void> {
    this.others = (await this.peers.gather('processes', undefined)).flat();
  }
}
