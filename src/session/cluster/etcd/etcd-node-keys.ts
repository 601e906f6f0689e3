// The etcd keys the SQL nodes of one keyspace coordinate through, beside the engine's (storage/engines/etcd/
// etcd-keyspace.ts), under `tidal/<keyspace>/`:
//
//   n/<node>/info           a live node: its instance name (host:port), lease-bound, so a dead node drops out
//   n/<node>/applied        the newest event revision the node has taken in (its acknowledgement), lease-bound
//   e/<node>/<seq>          an event the node published (ServerEvents), lease-bound, deleted once acknowledged
//   q/<node>/<seq>          a question the node asked the others (ServerPeers), lease-bound, deleted once answered
//   r/<node>/<seq>/<other>  another node's answer to it, lease-bound to the answering node
//   i/connection-ids        the next free block of connection ids
import { prefixNext } from '../../../storage/bytes.js';

/** Key builders for the node coordination area of one keyspace. */
export class EtcdNodeKeys {
  readonly nodes: Buffer;
  readonly events: Buffer;
  readonly questions: Buffer;
  readonly connectionIds: Buffer;

  /** `prefix` is the keyspace's `tidal/<keyspace>/`. */
  constructor(private readonly prefix: Buffer) {
    this.nodes = this.sub('n/');
    this.events = this.sub('e/');
    this.questions = this.sub('q/');
    this.connectionIds = this.sub('i/connection-ids');
  }

  info(node: string): Buffer {
    return this.sub(`n/${node}/info`);
  }

  applied(node: string): Buffer {
    return this.sub(`n/${node}/applied`);
  }

  event(node: string, seq: number): Buffer {
    return this.sub(`e/${node}/${seq}`);
  }

  question(node: string, seq: number): Buffer {
    return this.sub(`q/${node}/${seq}`);
  }

  /** Where the answers to one of `node`'s questions go. */
  answers(node: string, seq: number): Buffer {
    return this.sub(`r/${node}/${seq}/`);
  }

  /** Every answer to any of `node`'s questions. */
  answersTo(node: string): Buffer {
    return this.sub(`r/${node}/`);
  }

  answer(node: string, seq: number, from: string): Buffer {
    return this.sub(`r/${node}/${seq}/${from}`);
  }

  /** The part of `key` after `area` (one of this class's prefixes), split at '/'. */
  parts(area: Buffer, key: Buffer): string[] {
    return key.subarray(area.length).toString('latin1').split('/');
  }

  private sub(text: string): Buffer {
    return Buffer.concat([this.prefix, Buffer.from(text, 'latin1')]);
  }
}

/** The end of the range of keys starting with `prefix` (prefixes here end in '/', never 0xff). */
export function rangeEndOf(prefix: Buffer): Buffer {
  return prefixNext(prefix) ?? Buffer.from([0]);
}

/** JSON that keeps bigints (SET GLOBAL values, counters) as they were. */
export function encodeWire(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? { $bigint: item.toString() } : item)));
}

export function decodeWire<T>(bytes: Buffer | Uint8Array): T {
  return JSON.parse(Buffer.from(bytes).toString(), (_key, item: unknown) =>
    typeof item === 'object' && item !== null && typeof (item as { $bigint?: unknown }).$bigint === 'string' ? BigInt((item as { $bigint: string }).$bigint) : item,
  ) as T;
}
