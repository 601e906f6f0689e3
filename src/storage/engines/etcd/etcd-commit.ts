// One atomic, conflict-checked commit as one etcd Txn, with big values staged as chunks and lost answers resolved.
import type { ICompare, IRequestOp, ITxnResponse, KVClient } from 'etcd3';
import type { Bytes, CommitRequest, KvMutation } from '../../kv.js';
import { keyString, toHex } from '../../bytes.js';
import { ER_UNKNOWN_ERROR, mysqlError } from '../../../errors/index.js';
import { WriteConflictError } from '../../write-conflict-error.js';
import { decodeRevision, encodeRevision } from './etcd-keyspace.js';
import type { EtcdKeyspace } from './etcd-keyspace.js';
import { classifyEtcdError, gcTooEarly, storeTimeout, transactionTooLarge } from './etcd-errors.js';
import { encodeInline, encodeManifest, encodeTombstone, newTxnId } from './etcd-value.js';
import { retryTransient } from './retry-transient.js';

/** Size limits of a commit. */
export interface CommitLimits {
  /** Inline value bytes one commit Txn may carry; the biggest values beyond it are staged as chunks first. */
  readonly inlineBytes: number;
  /** Bytes per chunk (each chunk is one put request, below etcd's default 1.5 MiB request limit). */
  readonly chunkBytes: number;
  /** How long a commit whose answer was lost keeps trying to learn its outcome. */
  readonly resolveBudgetMs: number;
}

/** The status key's values: committed by the commit Txn itself, or aborted by the outcome resolver. */
const COMMITTED = Buffer.from('c');
const ABORTED = Buffer.from('a');
/** Chunk puts in flight at once per commit. */
const CHUNK_CONCURRENCY = 4;

/**
 * Writes transactions into one keyspace. The commit Txn compares the mod_revision of every written and every read
 * key against the start version (deletes are tombstones, so a concurrent delete is seen too), checks the GC safe
 * point, and creates the transaction's status key, which it requires to be absent. After a transport error the
 * outcome is learned by creating that key as "aborted" if it is still absent: then the commit can never apply.
 */
export class EtcdCommitter {
  constructor(
    private readonly kv: KVClient,
    private readonly keyspace: EtcdKeyspace,
    private readonly limits: CommitLimits,
  ) {}

  /**
   * Commits `request` and returns its commit version (the etcd revision of the Txn). An attempt whose answer was
   * lost and that is then known not to have applied (its status key now says "aborted") is made again, with a new
   * status key, until `resolveBudgetMs` is spent: a leader change costs the client latency, not an error.
   */
  async commit(given: CommitRequest): Promise<bigint> {
    const request = { ...given, mutations: lastWritePerKey(given.mutations) };
    const deadline = Date.now() + this.limits.resolveBudgetMs;
    // The chunks are named by the commit, the status key by each attempt (an aborted one stays aborted).
    const chunkTxnId = newTxnId();
    const { startVersion } = request;
    const chunked = this.chooseChunked(request.mutations);
    let isUndetermined = false;
    try {
      await this.stageChunks(chunkTxnId, chunked);
      for (;;) {
        const attemptId = newTxnId();
        const txn = this.buildTxn(attemptId, chunkTxnId, request, chunked);
        let response: ITxnResponse;
        try {
          response = await this.kv.txn(txn.request);
        } catch (error) {
          const failure = classifyEtcdError(error);
          if (failure === 'too-large') throw transactionTooLarge(txn.size, error);
          if (failure !== 'transport') throw error;
          isUndetermined = true;
          const outcome = await this.resolve(attemptId, error);
          isUndetermined = false;
          if (outcome !== undefined) return outcome;
          if (Date.now() > deadline) throw storeTimeout(error);
          continue;
        }
        if (response.succeeded) return txn.commitVersion(response);
        return this.explainFailure(response, txn.checkedKeys, startVersion);
      }
    } catch (error) {
      // Chunks of a commit that may still apply must stay; the GC removes them if it never does.
      if (chunked.size > 0 && !isUndetermined) this.dropChunks(chunkTxnId);
      throw error;
    }
  }

  /** The mutations whose values go to chunks: the biggest ones, until the rest fits in one request. */
  private chooseChunked(mutations: readonly KvMutation[]): Set<KvMutation> {
    const chunked = new Set<KvMutation>();
    let inline = 0;
    for (const { value } of mutations) inline += value?.byteLength ?? 0;
    if (inline <= this.limits.inlineBytes) return chunked;
    const bySize = mutations
      .filter((m) => m.value !== undefined)
      .sort((a, b) => (b.value?.byteLength ?? 0) - (a.value?.byteLength ?? 0));
    for (const mutation of bySize) {
      if (inline <= this.limits.inlineBytes) break;
      chunked.add(mutation);
      inline -= mutation.value?.byteLength ?? 0;
    }
    return chunked;
  }

  /** Puts the chunks of the staged values under keys only this transaction's manifests name. */
  private async stageChunks(txnId: string, chunked: ReadonlySet<KvMutation>): Promise<void> {
    const puts: (() => Promise<unknown>)[] = [];
    for (const { key, value } of chunked) {
      if (value === undefined) continue;
      const group = this.keyspace.chunkGroup(txnId, key);
      for (let seq = 0; seq * this.limits.chunkBytes < value.byteLength; seq++) {
        const chunk = value.subarray(seq * this.limits.chunkBytes, (seq + 1) * this.limits.chunkBytes);
        const chunkKey = this.keyspace.chunkKey(group, seq);
        // Repeating a put of the same bytes is harmless, so lost answers are simply retried.
        puts.push(() =>
          retryTransient(() => this.kv.put({ key: chunkKey, value: Buffer.from(chunk) }), this.limits.resolveBudgetMs),
        );
      }
    }
    for (let at = 0; at < puts.length; at += CHUNK_CONCURRENCY) {
      await Promise.all(puts.slice(at, at + CHUNK_CONCURRENCY).map((put) => put()));
    }
  }

  private buildTxn(txnId: string, chunkTxnId: string, request: CommitRequest, chunked: ReadonlySet<KvMutation>) {
    const { startVersion, mutations, readKeys } = request;
    const checked = new Map<string, Bytes>();
    for (const { key } of mutations) checked.set(keyString(key), key);
    for (const key of readKeys) checked.set(keyString(key), key);
    const checkedKeys = [...checked.values()];
    const notAfterStart = (startVersion + 1n).toString();
    const status = this.keyspace.statusKey(txnId);
    const compare: ICompare[] = checkedKeys.map((key) => ({
      key: this.keyspace.dataKey(key),
      target: 'Mod',
      result: 'Less',
      mod_revision: notAfterStart,
    }));
    compare.push({
      key: this.keyspace.safePointKey,
      target: 'Value',
      result: 'Less',
      value: encodeRevision(startVersion + 1n),
    });
    const failure: IRequestOp[] = checkedKeys.map((key) => ({
      request_range: { key: this.keyspace.dataKey(key), keys_only: true },
    }));
    failure.push({ request_range: { key: this.keyspace.safePointKey } });
    const success: IRequestOp[] = [];
    let size = 0;
    // Nothing to write: only the reads are validated, and the answer is the revision the check ran at.
    if (mutations.length > 0) {
      compare.push({ key: status, target: 'Version', result: 'Equal', version: 0 });
      failure.push({ request_range: { key: status } });
      for (const mutation of mutations) {
        const { key, value } = mutation;
        size += key.byteLength + (value?.byteLength ?? 0);
        let stored: Buffer;
        if (value === undefined) {
          stored = encodeTombstone();
          success.push({ request_put: { key: this.keyspace.tombstoneKey(key), value: EMPTY } });
        } else if (chunked.has(mutation)) {
          stored = encodeManifest(chunkTxnId, Math.ceil(value.byteLength / this.limits.chunkBytes), value.byteLength);
        } else {
          stored = encodeInline(value);
        }
        success.push({ request_put: { key: this.keyspace.dataKey(key), value: stored } });
      }
      success.push({ request_put: { key: status, value: COMMITTED } });
    }
    return {
      request: { compare, success, failure },
      checkedKeys,
      size,
      commitVersion: (response: ITxnResponse): bigint => BigInt(response.header.revision),
    };
  }

  /**
   * Why a commit Txn's compares failed: its own earlier attempt already committed (the client retried a request
   * whose answer was lost), the GC safe point passed the start version (9006), or a key changed (9007).
   */
  private explainFailure(response: ITxnResponse, checkedKeys: readonly Bytes[], startVersion: bigint): bigint {
    const ranges = response.responses.map((op) => op.response_range.kvs[0]);
    const statusKv = ranges[checkedKeys.length + 1];
    if (statusKv !== undefined && COMMITTED.equals(statusKv.value)) return BigInt(statusKv.mod_revision);
    const safePointKv = ranges[checkedKeys.length];
    const safePoint = safePointKv === undefined ? 0n : decodeRevision(safePointKv.value);
    if (safePoint > startVersion) throw gcTooEarly(startVersion, safePoint);
    for (const [index, key] of checkedKeys.entries()) {
      const modRevision = BigInt(ranges[index]?.mod_revision ?? '0');
      // The conflicting transaction's start version is not kept in etcd; 0 stands for it.
      if (modRevision > startVersion) throw new WriteConflictError(startVersion, 0n, modRevision, toHex(key));
    }
    throw new Error(
      `etcd refused a commit from version ${startVersion} without a changed key (is the keyspace's safe point key missing?)`,
    );
  }

  /**
   * Learns the outcome of a commit whose answer was lost: creates its status key as "aborted" unless it exists.
   * Returns the commit version when the commit had applied, undefined when it now never will.
   */
  private async resolve(txnId: string, lost: unknown): Promise<bigint | undefined> {
    const status = this.keyspace.statusKey(txnId);
    let response: ITxnResponse;
    try {
      response = await retryTransient(
        () =>
          this.kv.txn({
            compare: [{ key: status, target: 'Version', result: 'Equal', version: 0 }],
            success: [{ request_put: { key: status, value: ABORTED } }],
            failure: [{ request_range: { key: status } }],
          }),
        this.limits.resolveBudgetMs,
      );
    } catch (error) {
      // TiDB's words for a commit whose fate is unknown; the client must check for itself.
      const undetermined = mysqlError(ER_UNKNOWN_ERROR, 'result undetermined');
      undetermined.cause = { lost, resolving: error };
      throw undetermined;
    }
    if (response.succeeded) return undefined;
    const found = response.responses[0]?.response_range.kvs[0];
    return found !== undefined && COMMITTED.equals(found.value) ? BigInt(found.mod_revision) : undefined;
  }

  /** Removes the chunks of a transaction that did not commit; what this misses, the GC removes. */
  private dropChunks(txnId: string): void {
    const { key, rangeEnd } = this.keyspace.chunksOfTransaction(txnId);
    this.kv.deleteRange({ key, range_end: rangeEnd }).catch(() => undefined);
  }
}

const EMPTY = Buffer.alloc(0);

/** One mutation per key, the last one given (etcd refuses a Txn that writes a key twice). */
function lastWritePerKey(mutations: readonly KvMutation[]): readonly KvMutation[] {
  const byKey = new Map<string, KvMutation>();
  for (const mutation of mutations) byKey.set(keyString(mutation.key), mutation);
  return byKey.size === mutations.length ? mutations : [...byKey.values()];
}
