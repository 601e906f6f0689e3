// EtcdCoordination: the narrow view of an etcd-backed engine that coordination services kept in etcd (row locks) use.
import type { Etcd3 } from 'etcd3';
import type { Bytes, KvEngine } from '../../kv.js';
import { EtcdEngine } from './etcd-engine.js';

/**
 * What a service that keeps shared state next to the data needs: the node's one client, the keyspace's key prefix,
 * where a user key's data lives (to read its last-modified revision) and the newest revision this engine has seen.
 * Services own the key areas the keyspace layout reserves for them (see etcd-keyspace.ts).
 */
export interface EtcdCoordination {
  readonly client: Etcd3;
  /** `tidal/<keyspace>/`. */
  readonly prefix: Buffer;
  /** The etcd key holding `key`'s committed value. */
  dataKey(key: Bytes): Buffer;
  /**
   * The newest etcd revision this engine has read or committed at. Any snapshot taken after this call reads at a
   * revision at least this high (snapshots read the cluster's current revision, never an earlier shared answer).
   */
  newestRevision(): bigint;
  /** Runs an idempotent etcd call, retrying through elections (as the engine does); 9002 when etcd stays away. */
  retry<T>(operation: () => Promise<T>): Promise<T>;
  /** Runs `close` when the engine closes, before its connection goes (to revoke leases, stop watches). */
  onClose(close: () => Promise<void>): void;
}

/** The coordination view of `engine` when it keeps its data in etcd, else undefined. */
export function etcdCoordinationOf(engine: KvEngine): EtcdCoordination | undefined {
  return engine instanceof EtcdEngine ? engine.coordination : undefined;
}
