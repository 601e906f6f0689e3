// The LMDB environment settings and layout shared by every process that opens a TidalDB data directory.
import { open } from 'lmdb';
import type { Database, RootDatabase, RootDatabaseOptions, Transaction } from 'lmdb';
import type { Bytes } from '../../kv.js';
import { asBuffer } from '../../bytes.js';
import { pooledValueCodec } from './pooled-value-codec.js';

/**
 * LMDB environment settings. `overlappingSync` commits a transaction (visible to readers) before its fsync, and
 * `separateFlushed` gives each write promise a `flushed` promise for the fsync. lmdb-js 3.5.6 still resolves a batch
 * only after that fsync (its writer marks the batch committed once the commit call, sync included, returns), so the
 * engine learns of visibility from its own snapshots instead (LmdbEngine.revealThrough) and row locks can go before
 * the flush (CommitRequest.onVisible); the commit resolves once durable. After a process crash lmdb-js keeps the
 * last committed transaction (the OS still has it); after an OS crash, the last flushed one, which is the last one
 * any client was told about;
 * 8 KiB pages allow keys up to 4026 bytes (TiDB's index keys go up to 3072 bytes of values); every open snapshot
 * generation takes a reader slot (the table is shared by all processes of the directory), so allow far more than
 * connections. Every commit is its own explicit batch, so `eventTurnBatching` (lmdb-js grouping loose writes per
 * event turn) is off: its internal promise, which nobody can await, was rejected when a write failed (a full disk)
 * and surfaced as an unhandled rejection.
 */
export const EnvironmentOptions = {
  overlappingSync: true,
  separateFlushed: true,
  eventTurnBatching: false,
  pageSize: 8192,
  maxDbs: 4,
  maxReaders: 1024,
} as const;

/** The named databases and meta keys of the environment. */
export const Layout = {
  dataDb: 'data',
  metaDb: 'meta',
  commitVersionKey: Buffer.from('commit-version', 'latin1'),
  versionBytes: 8,
} as const;

/** The store as LMDB holds it: raw byte keys and values. */
export type LmdbByteStore = Database<Buffer, Bytes>;

/**
 * The data database opened twice more for reading values without keys: `copied` copies each value into a shared
 * slab (batched scans keep values), `borrowed` hands out lmdb-js's own reused buffer (KvReader.visitValues, whose
 * caller decodes each value before the next is read).
 */
export interface LmdbValueStores {
  readonly copied: LmdbByteStore;
  readonly borrowed: LmdbByteStore;
}

/** One opened environment: the root and its two databases. */
export interface LmdbStores {
  readonly root: RootDatabase;
  readonly data: LmdbByteStore;
  /** The data database again, for scans that read values only: its keys read as empty, so none is copied. */
  readonly dataValues: LmdbValueStores;
  readonly meta: Database<Buffer, Bytes>;
  /** The largest key LMDB accepts in this environment. */
  readonly maxKeyBytes: number;
}

/** Opens the environment in `directory` (which must exist) with TidalDB's settings and databases. */
export function openLmdbStores(directory: string, maxKeyBytesLimit: number): LmdbStores {
  const root = open(directory, { ...EnvironmentOptions });
  // Values read are copied into shared slabs rather than each into a new buffer (pooled-value-codec.ts).
  // lmdb-js reads `encoder` per database although its types list it with the root's options.
  const dataOptions: RootDatabaseOptions = { keyEncoding: 'binary', encoding: 'binary', encoder: pooledValueCodec() };
  const data = root.openDB<Buffer, Bytes>(Layout.dataDb, dataOptions);
  // No keyEncoding: lmdb-js would take 'binary' over the keyEncoder and copy every key again.
  const valueOptions: RootDatabaseOptions = { encoding: 'binary', encoder: pooledValueCodec(), keyEncoder: valueOnlyKeys };
  const copied = root.openDB<Buffer, Bytes>(Layout.dataDb, valueOptions);
  const borrowedOptions: RootDatabaseOptions = { encoding: 'binary', encoder: borrowedValueCodec, keyEncoder: valueOnlyKeys };
  const dataValues = { copied, borrowed: root.openDB<Buffer, Bytes>(Layout.dataDb, borrowedOptions) };
  const meta = root.openDB<Buffer, Bytes>(Layout.metaDb, { keyEncoding: 'binary', encoding: 'binary' });
  const reported = (root as unknown as { maxKeySize?: unknown }).maxKeySize;
  const maxKeyBytes = typeof reported === 'number' ? Math.min(reported, maxKeyBytesLimit) : maxKeyBytesLimit;
  return { root, data, dataValues, meta, maxKeyBytes };
}

const NO_KEY = Buffer.alloc(0);

/**
 * Values as lmdb-js reads them into its reused buffer (whose `length` it sets to the value's size), not copied: valid
 * until the next read, so only for a caller that decodes each value at once (LmdbSnapshot.visitValues).
 */
const borrowedValueCodec = {
  needsStableBuffer: false,
  encode: (value: Bytes): Bytes => value,
  decode: (bytes: Buffer): Buffer => bytes,
} as const;

/**
 * Keys as raw bytes (what the 'binary' key encoding writes) that read back as one shared empty buffer: lmdb-js
 * otherwise copies every key of a range into a new buffer, which a scan of values alone throws away.
 */
const valueOnlyKeys = {
  writeKey(key: Buffer, target: Uint8Array, start: number): number {
    target.set(key, start);
    return start + key.length;
  },
  readKey(): Buffer {
    return NO_KEY;
  },
};

/**
 * Opens a read transaction and reads the commit version inside it, so that the version is exactly that of what the
 * transaction sees.
 */
export function openReadTransaction(data: LmdbByteStore, meta: Database<Buffer, Bytes>): { readonly txn: Transaction; readonly version: bigint } {
  const txn = data.useReadTransaction();
  const stored = meta.get(Layout.commitVersionKey, { transaction: txn });
  return { txn, version: stored === undefined ? 0n : decodeVersion(stored) };
}

export function encodeVersion(version: bigint): Buffer {
  const bytes = Buffer.alloc(Layout.versionBytes);
  bytes.writeBigUInt64BE(version);
  return bytes;
}

export function decodeVersion(bytes: Bytes): bigint {
  if (bytes.byteLength !== Layout.versionBytes) throw new Error('corrupt commit version in the LMDB meta database');
  return asBuffer(bytes).readBigUInt64BE();
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
