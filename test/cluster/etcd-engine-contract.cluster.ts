// Runs the KvEngine contract against EtcdEngine on a real 3-member etcd cluster with mutual TLS.
import { EtcdClusterConnection, EtcdEngine } from '../../src/storage/index.js';
import type { KvEngine } from '../../src/storage/kv.js';
import { defineKvEngineContract } from '../unit/storage/kv-engine-contract.js';
import { startEtcdCluster } from './helpers/etcd-cluster.js';

const cluster = await startEtcdCluster();
const connection = await EtcdClusterConnection.open({
  endpoints: cluster.endpoints,
  tls: { ca: cluster.certificates.ca, cert: cluster.certificates.clientCert, key: cluster.certificates.clientKey },
});
let counter = 0;

defineKvEngineContract('etcd', {
  // Each engine gets its own keyspace, so tests never see each other's keys.
  create: () => EtcdEngine.open({ connection, keyspace: `contract-${counter++}`, gc: { intervalMs: 0 } }),
  reopen: async (engine: KvEngine) => {
    const keyspace = (engine as EtcdEngine).keyspace.name;
    await engine.close();
    return EtcdEngine.open({ connection, keyspace, gc: { intervalMs: 0 } });
  },
  cleanup: async () => {
    connection.close();
    await cluster.stop();
  },
});
