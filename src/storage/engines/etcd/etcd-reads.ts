// Reads of the user keyspace as of one etcd revision: point gets, batched gets and batched range scans.
import type { IKeyValue, IRangeRequest, IRangeResponse, KVClient } from 'etcd3';
import type { Bytes, KeyRange, KvPair, ScanOptions } from '../../kv.js';
import { compareBytes, prefixNext, toHex } from '../../bytes.js';
import { resolveScanOptions } from '../scan-options.js';
import type { EtcdKeyspace } from './etcd-keyspace.js';
import { classifyEtcdError, gcTooEarly } from './etcd-errors.js';
import { decodeStored } from './etcd-value.js';
import { retryTransient } from './retry-transient.js';

/** Point reads per read-only etcd Txn, well under etcd's default of 128 operations. */
const BATCH_GET_KEYS = 100;

/**
 * Reads at a fixed revision. They are serializable (answered by whichever member is asked, without a Raft round):
 * the revision pins the answer, and a member that has not applied it yet says so, upon which the read is repeated
 * linearizably. A revision compacted away fails with TiDB's 9006.
 */
export class EtcdReads {
  constructor(
    private readonly kv: KVClient,
    private readonly keyspace: EtcdKeyspace,
    /** How long reads retry through elections before failing with 9002. */
    private readonly retryBudgetMs: number,
    /** The stored GC safe point, for the 9006 message. */
    private readonly safePoint: () => Promise<bigint | undefined>,
  ) {}

  async get(key: Bytes, revision: bigint): Promise<Buffer | undefined> {
    const response = await this.range({ key: this.keyspace.dataKey(key) }, revision);
    const found = response.kvs[0];
    return found === undefined ? undefined : this.valueOf(found, revision);
  }

  async batchGet(keys: readonly Bytes[], revision: bigint): Promise<Map<string, Bytes>> {
    const found = new Map<string, Bytes>();
    for (let at = 0; at < keys.length; at += BATCH_GET_KEYS) {
      const slice = keys.slice(at, at + BATCH_GET_KEYS);
      const response = await this.attempt(revision, (isLinearizable) => {
        const ranges = slice.map((key) => ({
          request_range: this.request({ key: this.keyspace.dataKey(key) }, revision, isLinearizable),
        }));
        return this.kv.txn({ compare: [], success: ranges, failure: [] });
      });
      for (const [index, op] of response.responses.entries()) {
        const kv = op.response_range.kvs[0];
        const key = slice[index];
        if (kv === undefined || key === undefined) continue;
        const value = await this.valueOf(kv, revision);
        if (value !== undefined) found.set(toHex(key), value);
      }
    }
    return found;
  }

  /** Batches of pairs in `range`, each one etcd range request of at most `batchSize` keys (tombstones dropped). */
  async *scan(
    range: KeyRange,
    options: ScanOptions | undefined,
    revision: bigint,
  ): AsyncGenerator<KvPair[], void, undefined> {
    const { reverse, limit, batchSize } = resolveScanOptions(options);
    if (limit === 0 || (range.end !== undefined && compareBytes(range.start, range.end) >= 0)) return;
    let { key: low, rangeEnd: high } = this.keyspace.dataRange(range.start, range.end);
    let remaining = limit;
    while (remaining > 0) {
      const want = Math.min(batchSize, remaining);
      // etcd sorts a descending range in memory after reading all of it: reverse scans cost the whole range.
      const order: Partial<IRangeRequest> = reverse ? { sort_order: 'Descend', sort_target: 'Key' } : {};
      const response = await this.range({ key: low, range_end: high, limit: want, ...order }, revision);
      const batch: KvPair[] = [];
      for (const kv of response.kvs) {
        const value = await this.valueOf(kv, revision);
        if (value !== undefined) batch.push({ key: this.keyspace.userKey(kv.key), value });
      }
      if (batch.length > 0) {
        remaining -= batch.length;
        yield batch;
      }
      const last = response.kvs.at(-1);
      if (!response.more || last === undefined) return;
      if (reverse) high = last.key;
      else low = Buffer.concat([last.key, ZERO]);
    }
  }

  /** The user value of a stored pair: undefined for a tombstone; a chunked value is put back together. */
  private async valueOf(kv: IKeyValue, revision: bigint): Promise<Buffer | undefined> {
    const stored = decodeStored(kv.value);
    switch (stored.kind) {
      case 'inline':
        return stored.value;
      case 'tombstone':
        return undefined;
      case 'chunked': {
        const group = this.keyspace.chunkGroup(stored.txnId, this.keyspace.userKey(kv.key));
        const chunks = await this.range({ key: group, range_end: prefixNext(group) ?? ZERO }, revision);
        const value = Buffer.concat(chunks.kvs.map((chunk) => chunk.value));
        if (chunks.kvs.length !== stored.chunks || value.length !== stored.length) {
          // Only the GC removes chunks, and only of values no snapshot above its safe point can see.
          throw gcTooEarly(revision, await this.safePoint());
        }
        return value;
      }
    }
  }

  private request(request: IRangeRequest, revision: bigint, isLinearizable: boolean): IRangeRequest {
    return { ...request, revision: revision.toString(), serializable: !isLinearizable };
  }

  private range(request: IRangeRequest, revision: bigint): Promise<IRangeResponse> {
    return this.attempt(revision, (isLinearizable) => this.kv.range(this.request(request, revision, isLinearizable)));
  }

  /**
   * Runs a read through elections; a member behind `revision` gets the read again linearizably (a linearizable read
   * waits until the member has applied everything committed), and a compacted revision becomes 9006.
   */
  private attempt<T>(revision: bigint, read: (isLinearizable: boolean) => Promise<T>): Promise<T> {
    return retryTransient(async () => {
      try {
        return await read(false);
      } catch (error) {
        const failure = classifyEtcdError(error);
        if (failure === 'future-revision') return await read(true);
        if (failure === 'compacted') throw gcTooEarly(revision, await this.safePoint());
        throw error;
      }
    }, this.retryBudgetMs);
  }
}

const ZERO = Buffer.from([0]);
