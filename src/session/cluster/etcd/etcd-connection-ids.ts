// EtcdConnectionIds: connection ids unique across the SQL nodes of one etcd keyspace, taken in blocks from one
// counter key, so that accepting a connection never waits for etcd.
import type { Etcd3 } from 'etcd3';
import { BlockConnectionIds, CONNECTION_ID_BLOCK } from '../block-connection-ids.js';
import type { ConnectionIds } from '../connection-ids.js';

/** Attempts at taking a block while other nodes take theirs at the same moment. */
const MAX_BLOCK_ATTEMPTS = 100;

/** This node's connection ids, and which blocks of them are its own (to route KILL to the owning node). */
export class EtcdConnectionIds implements ConnectionIds {
  private readonly blocks = new Set<number>();
  private readonly ids: BlockConnectionIds;

  private constructor(
    private readonly client: Etcd3,
    private readonly counterKey: Buffer,
    firstBlock: number,
  ) {
    this.blocks.add(blockOf(firstBlock));
    this.ids = new BlockConnectionIds(firstBlock, () => this.takeBlock());
  }

  /** Takes the node's first block. */
  static async start(client: Etcd3, counterKey: Buffer): Promise<EtcdConnectionIds> {
    const first = await takeBlock(client, counterKey);
    return new EtcdConnectionIds(client, counterKey, first);
  }

  next(): number {
    return this.ids.next();
  }

  /** Whether connection `id` was handed out by this node. */
  owns(id: number): boolean {
    return this.blocks.has(blockOf(id));
  }

  private async takeBlock(): Promise<number> {
    const start = await takeBlock(this.client, this.counterKey);
    this.blocks.add(blockOf(start));
    return start;
  }
}

function blockOf(id: number): number {
  return Math.floor((id - 1) / CONNECTION_ID_BLOCK);
}

/** Moves the counter one block on with a compare-and-swap; resolves with the start of the block taken. */
async function takeBlock(client: Etcd3, key: Buffer): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const current = await client.kv.range({ key });
    const kv = current.kvs[0];
    const start = kv === undefined ? 1 : Number(kv.value.toString());
    const response = await client.kv.txn({
      compare: [kv === undefined ? { key, target: 'Version', result: 'Equal', version: 0 } : { key, target: 'Mod', result: 'Equal', mod_revision: kv.mod_revision }],
      success: [{ request_put: { key, value: Buffer.from(String(start + CONNECTION_ID_BLOCK)) } }],
      failure: [],
    });
    if (response.succeeded) return start;
    if (attempt >= MAX_BLOCK_ATTEMPTS) throw new Error('could not take a block of connection ids from etcd: too many nodes took one at once');
  }
}
