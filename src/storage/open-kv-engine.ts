// Opens the store the configuration names: the embedded LMDB engine, or the etcd engine over a cluster connection.
import type { StoreLocation } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import type { KvEngine } from './kv.js';
import { EtcdClusterConnection } from './engines/etcd/etcd-cluster-connection.js';
import { EtcdEngine } from './engines/etcd/etcd-engine.js';
import { DEFAULT_KEYSPACE } from './engines/etcd/etcd-keyspace.js';
import { LmdbEngine } from './engines/lmdb/lmdb-engine.js';

/**
 * Opens `location`. For etcd the engine owns its connection (closed with the engine), checks the cluster TLS
 * files (one-line ConfigError), logs their expiry warnings and its GC failures, and fails when no member answers.
 */
export async function openKvEngine(location: StoreLocation, logger: Logger): Promise<KvEngine> {
  if (location.kind === 'lmdb') return LmdbEngine.open(location.directory);
  const connection = await EtcdClusterConnection.open({ endpoints: location.endpoints, tls: location.tls });
  for (const warning of connection.warnings) logger.warn(warning);
  const keyspace = location.keyspace === '' ? DEFAULT_KEYSPACE : location.keyspace;
  const engine = await EtcdEngine.open({
    connection,
    keyspace,
    ownsConnection: true,
    onGcError: (error) =>
      logger.warn('etcd GC round failed; it runs again later', {
        err: error instanceof Error ? error : new Error(String(error)),
      }),
  });
  logger.info('storage: etcd', { endpoints: location.endpoints.join(','), keyspace, tls: connection.isTls });
  return engine;
}
