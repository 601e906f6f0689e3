// EtcdServerPeers: ServerPeers between the SQL nodes of one etcd keyspace: a question is a key every node watches,
// each answer a key the asker watches; both are lease-bound and deleted once the question is done.
import type { PeerAnswerer, PeerQueries, PeerQueryName, ServerPeers } from '../server-peers.js';
import type { EtcdNode } from './etcd-node.js';
import { decodeWire } from './etcd-node-keys.js';

/** How long a question waits for the nodes alive when it was asked; one that has not answered by then is left out. */
const QUESTION_TIMEOUT_MS = 5000;

/** A question as it travels. `owner` limits the answer to the node that owns that connection id. */
interface WireQuestion {
  readonly query: PeerQueryName;
  readonly args: unknown;
  readonly owner?: number;
}

/** An answer as it travels: the answerer's value, or why it failed. */
type WireAnswer = { readonly answer: unknown } | { readonly error: string } | { readonly isNotOwner: true };

/** One node's answer, with which node gave it. */
export interface NodeAnswer<T> {
  /** `host:port` of the node that answered. */
  readonly instance: string;
  readonly answer: T;
}

/** A question of this node waiting for answers. */
interface Pending {
  readonly expected: Set<string>;
  readonly answers: Map<string, unknown>;
  readonly isFirstEnough: boolean;
  readonly done: () => void;
}

export class EtcdServerPeers implements ServerPeers {
  private readonly answerers = new Map<PeerQueryName, (args: unknown) => unknown>();
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  private constructor(
    private readonly node: EtcdNode,
    private readonly ownsConnection: (id: number) => boolean,
  ) {}

  /** Starts answering the other nodes' questions; `ownsConnection` tells whether a connection id is this node's. */
  static async start(node: EtcdNode, ownsConnection: (id: number) => boolean): Promise<EtcdServerPeers> {
    const peers = new EtcdServerPeers(node, ownsConnection);
    const { keys } = node;
    await node.watch(keys.answersTo(node.id), (kv) => {
      const [seq = '', from = ''] = keys.parts(keys.answersTo(node.id), kv.key);
      peers.take(Number(seq), from, decodeWire<WireAnswer>(kv.value));
    });
    await node.watch(keys.questions, (kv) => {
      const [asker = '', seq = ''] = keys.parts(keys.questions, kv.key);
      // Answered without waiting, so that one slow answer does not hold up the next question.
      if (asker !== node.id) void peers.reply(asker, Number(seq), decodeWire<WireQuestion>(kv.value));
    });
    return peers;
  }

  async gather<Q extends PeerQueryName>(query: Q, args: PeerQueries[Q]['args']): Promise<Array<PeerQueries[Q]['answer']>> {
    return (await this.gatherByNode(query, args)).map((entry) => entry.answer);
  }

  /** Asks every other live node, telling which node gave each answer. */
  async gatherByNode<Q extends PeerQueryName>(query: Q, args: PeerQueries[Q]['args']): Promise<Array<NodeAnswer<PeerQueries[Q]['answer']>>> {
    return this.ask({ query, args }, false);
  }

  async askOwner<Q extends PeerQueryName>(connectionId: number, query: Q, args: PeerQueries[Q]['args']): Promise<PeerQueries[Q]['answer'] | undefined> {
    if (this.ownsConnection(connectionId)) return undefined;
    const [first] = await this.ask({ query, args, owner: connectionId }, true);
    return first?.answer;
  }

  answer<Q extends PeerQueryName>(query: Q, answerer: PeerAnswerer<Q>): void {
    this.answerers.set(query, answerer as (args: unknown) => unknown);
  }

  private async ask(question: WireQuestion, isFirstEnough: boolean): Promise<Array<NodeAnswer<unknown>>> {
    const others = (await this.node.liveNodes()).filter((other) => other.id !== this.node.id);
    if (others.length === 0) return [];
    const instances = new Map(others.map((other) => [other.id, other.instance]));
    const seq = ++this.seq;
    let timer: NodeJS.Timeout | undefined;
    let done = (): void => undefined;
    const finished = new Promise<void>((resolve) => {
      done = resolve;
      timer = setTimeout(resolve, QUESTION_TIMEOUT_MS);
    });
    const pending: Pending = { expected: new Set(instances.keys()), answers: new Map(), isFirstEnough, done };
    this.pending.set(seq, pending);
    const key = this.node.keys.question(this.node.id, seq);
    try {
      await this.node.putOwned(key, question);
      await finished;
    } finally {
      clearTimeout(timer);
      this.pending.delete(seq);
      await this.node.remove(key);
      await this.node.remove(this.node.keys.answers(this.node.id, seq), true);
    }
    return [...pending.answers].map(([id, answer]) => ({ instance: instances.get(id) ?? id, answer }));
  }

  /** An answer to one of this node's questions arrived. */
  private take(seq: number, from: string, wire: WireAnswer): void {
    const pending = this.pending.get(seq);
    if (pending === undefined) return;
    if ('answer' in wire) pending.answers.set(from, wire.answer);
    pending.expected.delete(from);
    if (pending.expected.size === 0 || (pending.isFirstEnough && pending.answers.size > 0)) pending.done();
  }

  /** Answers another node's question (a node that does not own the connection asked about says only that). */
  private async reply(asker: string, seq: number, question: WireQuestion): Promise<void> {
    let wire: WireAnswer;
    try {
      if (question.owner !== undefined && !this.ownsConnection(question.owner)) throw new NotOwner();
      const answerer = this.answerers.get(question.query);
      if (!answerer) throw new Error(`this node does not answer ${question.query}`);
      wire = { answer: await answerer(question.args) };
    } catch (error) {
      wire = error instanceof NotOwner ? { isNotOwner: true } : { error: error instanceof Error ? error.message : String(error) };
    }
    await this.node.putOwned(this.node.keys.answer(asker, seq, this.node.id), wire).catch(() => undefined);
  }
}

/** This node does not own the connection a question is about. */
class NotOwner extends Error {}
