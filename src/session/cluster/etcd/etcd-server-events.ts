// EtcdServerEvents: ServerEvents between the SQL nodes of one etcd keyspace, as TiDB's schema syncer: an event is a
// key every node watches; the publisher waits until every live node has acknowledged its revision.
import type { ServerEvent, ServerEventListener, ServerEvents } from '../server-events.js';
import type { EtcdNode } from './etcd-node.js';
import { decodeWire } from './etcd-node-keys.js';

/** How often a publisher looks at the other nodes' acknowledgements while it waits. */
const ACK_POLL_MS = 20;

/** What the publisher reports when a live node did not acknowledge in time (it goes on, as TiDB after 2 × lease). */
export type SlowNodeReporter = (event: ServerEvent, nodes: readonly string[]) => void;

export class EtcdServerEvents implements ServerEvents {
  private readonly listeners = new Set<ServerEventListener>();
  private seq = 0;

  private constructor(
    private readonly node: EtcdNode,
    private readonly onSlowNodes: SlowNodeReporter,
  ) {}

  /**
   * Starts taking in the other nodes' events (those published from now on). `onSlowNodes` hears of live nodes that
   * did not acknowledge an event within twice the lease TTL.
   */
  static async start(node: EtcdNode, onSlowNodes: SlowNodeReporter): Promise<EtcdServerEvents> {
    const events = new EtcdServerEvents(node, onSlowNodes);
    await node.watch(node.keys.events, async (kv) => {
      const [publisher] = node.keys.parts(node.keys.events, kv.key);
      const revision = BigInt(kv.mod_revision);
      if (publisher !== node.id) {
        const event = decodeWire<ServerEvent>(kv.value);
        for (const listener of events.listeners) await listener(event);
      }
      await node.acknowledge(revision);
    }, async () => {
      // Events may have been missed: the schema and the accounts are in the store, so read them again (a missed SET
      // GLOBAL is not: globals are not persisted), then acknowledge everything up to before the reading.
      const revision = await node.currentRevision();
      for (const listener of events.listeners) {
        await listener({ kind: 'schema-changed' });
        await listener({ kind: 'accounts-changed' });
      }
      await node.acknowledge(revision);
    });
    return events;
  }

  /**
   * Writes the event and waits until every other live node has taken it in. A node that stays silent for twice the
   * lease TTL is reported and not waited for: its lease lapses (it is dead) or it is too slow to serve correctly.
   */
  async publish(event: ServerEvent): Promise<void> {
    const key = this.node.keys.event(this.node.id, ++this.seq);
    const revision = await this.node.putOwned(key, event);
    const deadline = Date.now() + 2 * this.node.leaseTtlMs;
    try {
      for (;;) {
        const behind = (await this.node.liveNodes()).filter((other) => other.id !== this.node.id && other.applied < revision);
        if (behind.length === 0) return;
        if (Date.now() >= deadline) {
          this.onSlowNodes(event, behind.map((other) => other.instance));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, ACK_POLL_MS));
      }
    } finally {
      await this.node.remove(key);
    }
  }

  subscribe(listener: ServerEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
