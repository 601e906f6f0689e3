// The storage layer's public surface: engines, transactions, codecs and the conflict error. Contracts are in kv.ts.
export type * from './kv.js';
export { WriteConflictError } from './write-conflict-error.js';
export { compareBytes, prefixNext, toHex } from './bytes.js';
export { MemoryEngine } from './engines/memory/memory-engine.js';
export { LmdbEngine } from './engines/lmdb/lmdb-engine.js';
export { LmdbMemberEngine } from './engines/lmdb/lmdb-member-engine.js';
export type { CommitAdmission } from './commit-admission.js';
export { EtcdEngine } from './engines/etcd/etcd-engine.js';
export type { EtcdEngineOptions } from './engines/etcd/etcd-engine.js';
export { EtcdClusterConnection } from './engines/etcd/etcd-cluster-connection.js';
export { etcdCoordinationOf } from './engines/etcd/etcd-coordination.js';
export type { EtcdCoordination } from './engines/etcd/etcd-coordination.js';
export { openKvEngine } from './open-kv-engine.js';
export type { EtcdConnectionOptions } from './engines/etcd/etcd-cluster-connection.js';
export { clusterExpiryWarnings, loadClusterTls } from './engines/etcd/cluster-tls.js';
export type { ClusterCredentials, ClusterTlsFiles } from './engines/etcd/cluster-tls.js';
export { KeyLimits } from './engines/key-limits.js';
export { beginTransaction } from './txn/begin-transaction.js';
export { setTxnTotalSizeLimit } from './txn/txn-size-limit.js';
export type { Datum } from './codec/datum.js';
export {
  DatumFlag,
  KeyReader,
  decodeKeyDatums,
  encodeBytes,
  encodeDecimal,
  encodeFloat64,
  encodeInt64,
  encodeKeyDatums,
  encodeUint64,
} from './codec/memcomparable.js';
export {
  KeyLength,
  KeyPrefix,
  decodeIndexKey,
  decodeIndexKeyHandle,
  decodeMetaKey,
  decodeRowKey,
  encodeIndexKey,
  encodeIndexPrefix,
  encodeMetaKey,
  encodeRecordPrefix,
  encodeRowKey,
  encodeTablePrefix,
  indexValuesRange,
  prefixRange,
  tableIndexRange,
  tableRange,
  tableRecordRange,
} from './codec/tablecodec.js';
export type { IndexKey, RowKey } from './codec/tablecodec.js';
export { decodeRow, decodeRowAll, encodeRow } from './codec/row-codec.js';
