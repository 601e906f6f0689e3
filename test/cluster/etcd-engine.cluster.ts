// EtcdEngine beyond the shared contract: lost commit answers, size limits, chunked values, tombstones, GC and 9006.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EtcdClusterConnection, EtcdEngine, WriteConflictError, beginTransaction } from '../../src/storage/index.js';
import { startTcpProxy } from '../e2e/helpers/tcp-proxy.js';
import type { TcpProxy } from '../e2e/helpers/tcp-proxy.js';
import { waitFor } from '../e2e/helpers/wait-for.js';
import { startEtcdCluster } from './helpers/etcd-cluster.js';
import type { EtcdCluster } from './helpers/etcd-cluster.js';

const b = (text: string): Buffer => Buffer.from(text, 'latin1');

const cluster: EtcdCluster = await startEtcdCluster();
const tlsFiles = () => ({
  ca: cluster.certificates.ca,
  cert: cluster.certificates.clientCert,
  key: cluster.certificates.clientKey,
});
const connection = await EtcdClusterConnection.open({ endpoints: cluster.endpoints, tls: tlsFiles() });
let counter = 0;

after(async () => {
  connection.close();
  await cluster.stop();
});
const openEngine = (keyspace = `engine-${counter++}`, on = connection) =>
  EtcdEngine.open({ connection: on, keyspace, gc: { intervalMs: 0, lifeTimeMs: 0 } });

/** Whether `key` exists in etcd at all (any stored form), read directly. */
async function rawExists(key: Buffer): Promise<boolean> {
  return (await connection.kv.range({ key, count_only: true })).count !== '0';
}

async function put(engine: EtcdEngine, pairs: Record<string, string | undefined>): Promise<bigint> {
  const txn = await beginTransaction(engine);
  for (const [key, value] of Object.entries(pairs)) {
    if (value === undefined) txn.delete(b(key));
    else txn.set(b(key), b(value));
  }
  return (await txn.commit())!.commitVersion;
}

async function read(engine: EtcdEngine, key: string): Promise<string | undefined> {
  const snapshot = await engine.snapshot();
  try {
    const value = await snapshot.get(b(key));
    return value === undefined ? undefined : Buffer.from(value).toString('latin1');
  } finally {
    snapshot.close();
  }
}

void describe('EtcdEngine', () => {
  void it('keeps keyspaces apart', async () => {
    const one = await openEngine();
    const two = await openEngine();
    await put(one, { shared: 'one' });
    assert.equal(await read(two, 'shared'), undefined);
    await put(two, { shared: 'two' });
    assert.equal(await read(one, 'shared'), 'one');
    await one.close();
    await two.close();
  });

  void it('stores a delete as a tombstone that fails a writer from an older snapshot, then collects it', async () => {
    const engine = await openEngine();
    await put(engine, { gone: 'x' });
    const older = await beginTransaction(engine);
    await put(engine, { gone: undefined });
    assert.ok(await rawExists(engine.keyspace.dataKey(b('gone'))), 'the delete left a tombstone');
    assert.ok(await rawExists(engine.keyspace.tombstoneKey(b('gone'))));
    // The older transaction's snapshot holds the safe point below the delete: the tombstone stays.
    const held = await engine.runGc();
    assert.ok(held === undefined || held.safePoint <= older.startVersion);
    assert.ok(await rawExists(engine.keyspace.dataKey(b('gone'))));
    older.set(b('gone'), b('resurrected'));
    await assert.rejects(older.commit(), WriteConflictError);
    const report = await engine.runGc();
    assert.ok(
      report !== undefined && report.tombstones >= 1,
      `collected ${JSON.stringify(report, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`,
    );
    assert.equal(await rawExists(engine.keyspace.dataKey(b('gone'))), false);
    assert.equal(await rawExists(engine.keyspace.tombstoneKey(b('gone'))), false);
    assert.equal(await read(engine, 'gone'), undefined);
    await put(engine, { gone: 'back' });
    assert.equal(await read(engine, 'gone'), 'back');
    await engine.close();
  });

  void it('answers 9006 to a snapshot older than the GC safe point, for reads and for commits', async () => {
    const keyspace = `engine-${counter++}`;
    const stale = await openEngine(keyspace);
    const collector = await openEngine(keyspace);
    await put(stale, { k: 'v1' });
    const old = await beginTransaction(stale);
    await put(collector, { k: 'v2', other: 'x' });
    // `stale` never publishes its snapshots (no GC rounds), as a node that died or stalled longer than the GC life time.
    const report = await collector.runGc();
    assert.ok(report !== undefined && report.safePoint > old.startVersion);
    const nineThousandSix = (error: unknown): boolean => {
      assert.equal((error as { code?: number }).code, 9006);
      assert.match(
        (error as Error).message,
        /^GC life time is shorter than transaction duration, transaction starts at \d+, GC safe point is \d+$/,
      );
      return true;
    };
    // A member applies the compaction when Raft brings it there: a serializable read on a member that is behind
    // still answers (with the right data) for a moment.
    await waitFor(
      async () => {
        try {
          await old.get(b('k'));
          return false;
        } catch (error) {
          return nineThousandSix(error);
        }
      },
      'a read below the compacted revision to fail',
      30_000,
    );
    old.set(b('k'), b('from the past'));
    await assert.rejects(old.commit(), nineThousandSix);
    assert.equal(await read(collector, 'k'), 'v2');
    await stale.close();
    await collector.close();
  });

  void it('keeps an idle keyspace readable and writable after another keyspace compacted etcd past its last commit', async () => {
    const idle = await openEngine();
    const idleCommit = await put(idle, { k: 'idle' });
    const busy = await openEngine();
    await put(busy, { x: '1' });
    await put(busy, { x: '2' });
    const report = await busy.runGc();
    assert.ok(report !== undefined && report.safePoint > idleCommit);
    assert.equal(await read(idle, 'k'), 'idle');
    await put(idle, { k: 'again' });
    assert.equal(await read(idle, 'k'), 'again');
    await idle.close();
    await busy.close();
  });

  void it("refuses a transaction beyond etcd's 128 operations with TiDB's 8004", async () => {
    const engine = await openEngine();
    const txn = await beginTransaction(engine);
    for (let i = 0; i < 200; i++) txn.set(b(`many${String(i).padStart(3, '0')}`), b('v'));
    await assert.rejects(txn.commit(), (error: unknown) => {
      assert.equal((error as { code?: number }).code, 8004);
      assert.match((error as Error).message, /^Transaction is too large, size: \d+$/);
      return true;
    });
    assert.equal(await read(engine, 'many000'), undefined);
    await engine.close();
  });

  void it('stages values bigger than one etcd request as chunks, reads them back, and collects replaced ones', async () => {
    const engine = await openEngine();
    const big = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
    const txn = await beginTransaction(engine);
    txn.set(b('blob'), big);
    txn.set(b('small'), b('s'));
    await txn.commit();
    const snapshot = await engine.snapshot();
    assert.ok(Buffer.from((await snapshot.get(b('blob')))!).equals(big));
    const scanned = [];
    for await (const batch of snapshot.scan({ start: b('blob'), end: b('blob\x00') })) scanned.push(...batch);
    assert.equal(scanned.length, 1);
    assert.ok(Buffer.from(scanned[0]!.value).equals(big));
    snapshot.close();
    await put(engine, { blob: 'small now' });
    const { key, rangeEnd } = engine.keyspace.chunkRange();
    const chunkCount = async () =>
      Number((await connection.kv.range({ key, range_end: rangeEnd, count_only: true })).count);
    assert.equal(await chunkCount(), 4);
    const report = await engine.runGc();
    assert.equal(report?.chunkGroups, 1);
    assert.equal(await chunkCount(), 0);
    assert.equal(await read(engine, 'blob'), 'small now');
    await engine.close();
  });
});

void describe('EtcdEngine when a commit’s answer is lost', () => {
  let proxy: TcpProxy;
  let mode: 'pass' | 'drop-answers' | 'drop-requests' = 'pass';
  let proxied: EtcdClusterConnection;

  before(async () => {
    const target = cluster.members[0]!.clientPort;
    proxy = await startTcpProxy(target, () => ({
      fromClient: (chunk, forward) => {
        if (mode !== 'drop-requests') forward(chunk);
      },
      fromServer: (chunk, forward) => {
        if (mode !== 'drop-answers') forward(chunk);
      },
    }));
    proxied = await EtcdClusterConnection.open({
      endpoints: [`127.0.0.1:${proxy.port}`],
      tls: tlsFiles(),
      callTimeoutMs: 1000,
    });
  });
  after(async () => {
    proxied.close();
    await proxy.close();
  });

  /** Lets bytes through again: the connections that lost bytes are broken TLS streams, so they are cut first. */
  const heal = (): void => {
    proxy.cutConnections();
    mode = 'pass';
  };

  void it('learns that a commit whose answer was lost did apply, and reports its version', async () => {
    const engine = await EtcdEngine.open({ connection: proxied, keyspace: `lost-${counter++}`, gc: { intervalMs: 0 } });
    await put(engine, { warm: 'up' });
    const txn = await beginTransaction(engine);
    txn.set(b('landed'), b('yes'));
    mode = 'drop-answers';
    const committing = txn.commit();
    const dataKey = engine.keyspace.dataKey(b('landed'));
    await waitFor(() => rawExists(dataKey), 'the commit to reach etcd', 30_000);
    heal();
    const version = (await committing)!.commitVersion;
    const stored = (await connection.kv.range({ key: dataKey })).kvs[0];
    assert.equal(version, BigInt(stored!.mod_revision));
    assert.equal(await read(engine, 'landed'), 'yes');
    await engine.close();
  });

  void it('fences a commit attempt that never arrived (it can never apply later) and makes it again', async () => {
    const engine = await EtcdEngine.open({
      connection: proxied,
      keyspace: `lost-${counter++}`,
      gc: { intervalMs: 0 },
      retryBudgetMs: 60_000,
    });
    await put(engine, { warm: 'up' });
    const txn = await beginTransaction(engine);
    txn.set(b('once'), b('applied'));
    mode = 'drop-requests';
    const committing = txn.commit();
    // Long enough for the attempts (1 s deadline each, retried by the client) to give up and the outcome check to begin.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    assert.equal(await rawExists(engine.keyspace.dataKey(b('once'))), false);
    heal();
    const version = (await committing)!.commitVersion;
    assert.equal(await read(engine, 'once'), 'applied');
    const { key, rangeEnd } = engine.keyspace.statusRange();
    const statuses = (await connection.kv.range({ key, range_end: rangeEnd })).kvs;
    const byValue = (value: string) => statuses.filter((kv) => Buffer.from(kv.value).toString() === value);
    assert.equal(byValue('a').length, 1, 'the lost attempt was fenced off');
    assert.deepEqual(
      byValue('c')
        .map((kv) => BigInt(kv.mod_revision))
        .filter((revision) => revision === version),
      [version],
    );
    await engine.close();
  });
});
