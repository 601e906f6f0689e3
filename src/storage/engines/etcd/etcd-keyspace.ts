// The etcd key layout of one TidalDB keyspace: every key lives under `tidal/<keyspace>/`, then one letter per kind.
//
//   d<user key>            the user keyspace: values tagged by etcd-value.ts (inline, tombstone or chunk manifest)
//   t<user key>            tombstone index: written with each delete, so GC finds tombstones without a full scan
//   s<txn id>              commit status of one transaction: "c" committed, "a" aborted by the outcome resolver
//   c<txn id><len><user key><seq>   chunks of a value too big for one etcd request
//   g/safe-point           GC safe point (20 decimal digits); commits from older snapshots are refused
//   g/leader               the engine that runs GC now (lease-bound)
//   g/min-start/<engine>   the oldest live snapshot of each engine (lease-bound)
//   l<hex key>/<x|s>/<holder>   row locks of pessimistic transactions (lease-bound; session/locks/etcd-lock-keys.ts)
//   w<holder>              wait-for edges of row-lock waiters, for deadlock detection (lease-bound)
import type { Bytes } from '../../kv.js';
import { asBuffer, prefixNext } from '../../bytes.js';
import { KEYSPACE_NAME_PATTERN } from '../../../config/index.js';

/** Digits of a revision written as text, so that etcd's byte-wise value comparison orders revisions. */
const REVISION_DIGITS = 20;

/** The name used when `keyspace-name` is empty. */
export const DEFAULT_KEYSPACE = 'default';

/** Key builders for one keyspace; every method returns a fresh Buffer. */
export class EtcdKeyspace {
  /** `tidal/<name>/` */
  readonly prefix: Buffer;
  private readonly data: Buffer;
  private readonly tombstones: Buffer;
  private readonly statuses: Buffer;
  private readonly chunks: Buffer;
  readonly safePointKey: Buffer;
  readonly gcLeaderKey: Buffer;
  private readonly minStarts: Buffer;

  /** Throws a RangeError naming the rule when `name` cannot be a keyspace name. */
  constructor(readonly name: string) {
    if (!KEYSPACE_NAME_PATTERN.test(name)) {
      throw new RangeError(`keyspace name ${JSON.stringify(name)} must be 1 to 64 letters, digits, '_', '-' or '.'`);
    }
    this.prefix = Buffer.from(`tidal/${name}/`, 'latin1');
    const sub = (text: string): Buffer => Buffer.concat([this.prefix, Buffer.from(text, 'latin1')]);
    this.data = sub('d');
    this.tombstones = sub('t');
    this.statuses = sub('s');
    this.chunks = sub('c');
    this.safePointKey = sub('g/safe-point');
    this.gcLeaderKey = sub('g/leader');
    this.minStarts = sub('g/min-start/');
  }

  dataKey(key: Bytes): Buffer {
    return Buffer.concat([this.data, key]);
  }

  /** The user key of a data key read back from etcd. */
  userKey(dataKey: Bytes): Buffer {
    return asBuffer(dataKey).subarray(this.data.length);
  }

  /** The etcd range `[start, end)` holding the user range `[start, end)`; an open end stops at the data area's end. */
  dataRange(start: Bytes, end: Bytes | undefined): { key: Buffer; rangeEnd: Buffer } {
    return { key: this.dataKey(start), rangeEnd: end === undefined ? prefixEnd(this.data) : this.dataKey(end) };
  }

  tombstoneKey(key: Bytes): Buffer {
    return Buffer.concat([this.tombstones, key]);
  }

  /** The user key of a tombstone index key. */
  userKeyOfTombstone(tombstoneKey: Bytes): Buffer {
    return asBuffer(tombstoneKey).subarray(this.tombstones.length);
  }

  tombstoneRange(): { key: Buffer; rangeEnd: Buffer } {
    return { key: Buffer.from(this.tombstones), rangeEnd: prefixEnd(this.tombstones) };
  }

  statusKey(txnId: string): Buffer {
    return Buffer.concat([this.statuses, Buffer.from(txnId, 'latin1')]);
  }

  statusRange(): { key: Buffer; rangeEnd: Buffer } {
    return { key: Buffer.from(this.statuses), rangeEnd: prefixEnd(this.statuses) };
  }

  /** The common prefix of the chunks of `key`'s value written by transaction `txnId`. */
  chunkGroup(txnId: string, key: Bytes): Buffer {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(key.byteLength);
    return Buffer.concat([this.chunks, Buffer.from(txnId, 'latin1'), length, key]);
  }

  chunkKey(group: Bytes, seq: number): Buffer {
    const suffix = Buffer.alloc(4);
    suffix.writeUInt32BE(seq);
    return Buffer.concat([group, suffix]);
  }

  /** Every chunk of transaction `txnId` (for cleanup after it failed). */
  chunksOfTransaction(txnId: string): { key: Buffer; rangeEnd: Buffer } {
    const start = Buffer.concat([this.chunks, Buffer.from(txnId, 'latin1')]);
    return { key: start, rangeEnd: prefixEnd(start) };
  }

  chunkRange(): { key: Buffer; rangeEnd: Buffer } {
    return { key: Buffer.from(this.chunks), rangeEnd: prefixEnd(this.chunks) };
  }

  /** Splits a chunk key into its group (transaction and user key) and what the GC needs to judge it. */
  parseChunkKey(chunkKey: Bytes, txnIdLength: number): { group: Buffer; txnId: string; userKey: Buffer } | undefined {
    const bytes = asBuffer(chunkKey);
    const at = this.chunks.length;
    const lengthAt = at + txnIdLength;
    if (bytes.length < lengthAt + 2) return undefined;
    const keyLength = bytes.readUInt16BE(lengthAt);
    const keyEnd = lengthAt + 2 + keyLength;
    if (bytes.length !== keyEnd + 4) return undefined;
    return {
      group: bytes.subarray(0, keyEnd),
      txnId: bytes.toString('latin1', at, lengthAt),
      userKey: bytes.subarray(lengthAt + 2, keyEnd),
    };
  }

  minStartKey(engineId: string): Buffer {
    return Buffer.concat([this.minStarts, Buffer.from(engineId, 'latin1')]);
  }

  minStartRange(): { key: Buffer; rangeEnd: Buffer } {
    return { key: Buffer.from(this.minStarts), rangeEnd: prefixEnd(this.minStarts) };
  }
}

/** A revision as fixed-width decimal text: byte order equals numeric order, so etcd can compare it as a value. */
export function encodeRevision(revision: bigint): Buffer {
  return Buffer.from(revision.toString().padStart(REVISION_DIGITS, '0'), 'latin1');
}

export function decodeRevision(bytes: Bytes): bigint {
  const text = asBuffer(bytes).toString('latin1');
  if (!/^\d+$/.test(text)) throw new Error(`corrupt revision ${JSON.stringify(text)} in etcd`);
  return BigInt(text);
}

function prefixEnd(prefix: Buffer): Buffer {
  // Prefixes here end in an ASCII letter or '/', never 0xff, so there always is a next key.
  return prefixNext(prefix) ?? Buffer.from([0]);
}
