// EtcdRowLockManager on a real 3-member etcd cluster: the RowLockManager contract, and what only several nodes
// show: waits and deadlocks across nodes, stale grants after another node's commit, and a dead node's locks expiring.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { EtcdRowLockManager } from '../../src/session/locks/etcd-row-lock-manager.js';
import { EtcdClusterConnection, EtcdEngine, beginTransaction } from '../../src/storage/index.js';
import { startTcpProxy } from '../e2e/helpers/tcp-proxy.js';
import { k, request, rowLockManagerContract } from '../unit/session/locks/row-lock-manager-contract.js';
import { startEtcdCluster } from './helpers/etcd-cluster.js';

const cluster = await startEtcdCluster();
const tls = { ca: cluster.certificates.ca, cert: cluster.certificates.clientCert, key: cluster.certificates.clientKey };
const connection = await EtcdClusterConnection.open({ endpoints: cluster.endpoints, tls });
const engines: EtcdEngine[] = [];
let counter = 0;

after(async () => {
  for (const engine of engines) await engine.close();
  connection.close();
  await cluster.stop();
});

/** A node: an engine on `keyspace` (on its own connection when `on` is given) and its lock manager. */
async function openNode(keyspace: string, on = connection, leaseTtlSeconds?: number): Promise<{ engine: EtcdEngine; locks: EtcdRowLockManager }> {
  const engine = await EtcdEngine.open({ connection: on, keyspace, gc: { intervalMs: 0 } });
  engines.push(engine);
  return { engine, locks: new EtcdRowLockManager(engine.coordination, undefined, leaseTtlSeconds === undefined ? {} : { leaseTtlSeconds }) };
}

/** Two nodes on one fresh keyspace, each with its own connection (the second closes at the test's end). */
type Node = Awaited<ReturnType<typeof openNode>>;
async function openTwoNodes(): Promise<[Node, Node]> {
  const keyspace = `locks-${counter++}`;
  return [await openNode(keyspace), await openNode(keyspace, await EtcdClusterConnection.open({ endpoints: cluster.endpoints, tls }))];
}

const isDeadlock = (error: { code?: number }) => error.code === 1213;

void describe('EtcdRowLockManager', () => {
  void describe('contract', () => {
    rowLockManagerContract({ open: async () => (await openNode(`locks-${counter++}`)).locks, settleMs: 500 });
  });

  void it('makes a node wait for another node’s lock and wakes it when that is released', async () => {
    const [one, two] = await openTwoNodes();
    const [a, b] = [one.locks.newOwner(), two.locks.newOwner()];
    await one.locks.acquire(request(a, ['row']));
    await assert.rejects(two.locks.acquire(request(b, ['row'], 'exclusive', 0, 0)), (e: { code?: number }) => e.code === 3572);
    const waiting = two.locks.acquire(request(b, ['row']));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(two.locks.waitingCount, 1);
    one.locks.releaseAll(a);
    await waiting;
    assert.equal(two.locks.waitingCount, 0);
    two.locks.releaseAll(b);
    two.engine.connection.close();
  });

  void it('finds a deadlock whose cycle spans two nodes', async () => {
    const [one, two] = await openTwoNodes();
    const [a, b] = [one.locks.newOwner(), two.locks.newOwner()];
    await one.locks.acquire(request(a, ['x']));
    await two.locks.acquire(request(b, ['y']));
    const aWaits = one.locks.acquire(request(a, ['y']));
    while (one.locks.waitingCount === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await assert.rejects(two.locks.acquire(request(b, ['x'])), isDeadlock);
    two.locks.releaseAll(b);
    await aWaits;
    one.locks.releaseAll(a);
    two.engine.connection.close();
  });

  void it('marks a grant stale when the key was committed after the statement began, on any node', async () => {
    const [one, two] = await openTwoNodes();
    const before = one.locks.beginStatement();
    const txn = await beginTransaction(two.engine);
    txn.set(k('row'), k('changed'));
    await txn.commit();
    const owner = one.locks.newOwner();
    assert.deepEqual(await one.locks.acquire(request(owner, ['row'], 'exclusive', before)), { isStale: true });
    one.locks.releaseAll(owner);
    // A statement that begins after the commit was seen (its snapshot read it) gets a fresh grant.
    (await one.engine.snapshot()).close();
    const after = one.locks.beginStatement();
    const next = one.locks.newOwner();
    assert.deepEqual(await one.locks.acquire(request(next, ['row'], 'exclusive', after)), { isStale: false });
    one.locks.releaseAll(next);
    two.engine.connection.close();
  });

  void it('lets the locks of a node that vanished without releasing them go when its lease expires', async () => {
    const keyspace = `locks-${counter++}`;
    const ttl = 2;
    const survivor = await openNode(keyspace);
    // The doomed node reaches etcd through a proxy that can drop everything, as the network does for a killed host.
    let isDead = false;
    const proxy = await startTcpProxy(cluster.members[0]!.clientPort, () => ({
      fromClient: (chunk, forward) => {
        if (!isDead) forward(chunk);
      },
      fromServer: (chunk, forward) => {
        if (!isDead) forward(chunk);
      },
    }));
    const doomedConnection = await EtcdClusterConnection.open({ endpoints: [`127.0.0.1:${proxy.port}`], tls, connectTimeoutMs: 60_000 });
    const doomed = await openNode(keyspace, doomedConnection, ttl);
    await doomed.locks.acquire(request(doomed.locks.newOwner(), ['row', 'other']));
    isDead = true;
    const lost = Date.now();
    const owner = survivor.locks.newOwner();
    await survivor.locks.acquire(request(owner, ['row', 'other']));
    const tookMs = Date.now() - lost;
    // etcd expires a lease after its TTL, one more TTL when a leader is elected meanwhile; the rest is slack for load.
    assert.ok(tookMs < (2 * ttl + 20) * 1000, `the dead node's locks went after ${tookMs} ms`);
    survivor.locks.releaseAll(owner);
    doomedConnection.close();
    await proxy.close();
  });
});
