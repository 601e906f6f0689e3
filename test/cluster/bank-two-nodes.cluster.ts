// Two tidal-server nodes (one with two worker processes) on one etcd keyspace, mutual TLS on every link: row locks
// across nodes through mysql2, and bank transfers on both nodes through kill -9 of the etcd leader and of one node.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { DEFAULT_LOCK_LEASE_TTL_SECONDS } from '../../src/session/locks/etcd-row-lock-manager.js';
import { assertSqlError, connect } from '../e2e/helpers/mysql2-client.js';
import { startTidal, tempDir } from '../e2e/helpers/tidal-process.js';
import type { TidalProcess } from '../e2e/helpers/tidal-process.js';
import { waitFor } from '../e2e/helpers/wait-for.js';
import { startEtcdCluster } from './helpers/etcd-cluster.js';

const ACCOUNTS = 10;
const OPENING_BALANCE = 1000;
/** The members' election timeout (helpers/etcd-cluster.ts). */
const ELECTION_MS = 2000;
/** Room for a loaded 2-core machine on top of what etcd promises. */
const LOAD_SLACK_MS = 15_000;
/** Lock errors a client retries: deadlock, lock wait timeout, write conflict. */
const RETRIED = new Set([1213, 1205, 9007]);

const cluster = await startEtcdCluster({ extraArgs: ['--max-txn-ops=10000', '--max-request-bytes=10485760'] });
const certs = cluster.certificates;
const home = await tempDir('etcd-bank');
const nodeArgs = [
  ...['--store', 'etcd', '--path', cluster.endpoints.join(',')],
  ...['--cluster-ssl-ca', certs.ca, '--cluster-ssl-cert', certs.clientCert, '--cluster-ssl-key', certs.clientKey],
  // Both nodes share the auto-tls certificates in temp-dir, so one CA verifies either.
  ...['--temp-dir', home.path],
];
const nodes: TidalProcess[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A mysql2 connection over TLS, verifying the node against the auto-tls CA. */
async function connectTo(node: TidalProcess): Promise<Connection> {
  const db = await connect(node.port, { ssl: { ca: readFileSync(join(home.path, 'ca.pem')), rejectUnauthorized: true } });
  await db.query('SET SESSION innodb_lock_wait_timeout = 20');
  return db;
}

before(async () => {
  // Node A makes the schema, then node B joins (DDL between running nodes is sql-nodes.cluster.ts's subject).
  nodes.push(await startTidal({ dataDir: home.path, args: nodeArgs }));
  const setup = await connectTo(nodes[0]!);
  await setup.query('CREATE DATABASE bank');
  await setup.query('CREATE TABLE bank.accounts (id INT PRIMARY KEY, balance INT NOT NULL)');
  await setup.query('CREATE TABLE bank.transfers (id BIGINT PRIMARY KEY, src INT, dst INT, amount INT)');
  await setup.query('CREATE TABLE bank.probe (id INT PRIMARY KEY, v INT)');
  const rows = Array.from({ length: ACCOUNTS }, (_, i) => `(${i + 1}, ${OPENING_BALANCE})`).join(',');
  await setup.query(`INSERT INTO bank.accounts VALUES ${rows}`);
  await setup.query('INSERT INTO bank.probe VALUES (1, 0), (2, 0), (3, 0)');
  await setup.end();
  // Node B runs two worker processes: each takes its row locks in etcd as a node of its own.
  nodes.push(await startTidal({ dataDir: home.path, args: [...nodeArgs, '--max-procs', '2'] }));
});

after(async () => {
  for (const node of nodes) await node.kill9();
  await cluster.stop();
  await home.remove();
});

void describe('two tidal-server nodes on etcd', () => {
  void it('makes a FOR UPDATE on one node wait for the other; NOWAIT 3572, SKIP LOCKED and deadlocks 1213 across nodes', async () => {
    const [a, b] = [await connectTo(nodes[0]!), await connectTo(nodes[1]!)];
    await a.query('BEGIN');
    await a.query('SELECT v FROM bank.probe WHERE id = 1 FOR UPDATE');
    await b.query('BEGIN');
    await assertSqlError(b, 'SELECT v FROM bank.probe WHERE id = 1 FOR UPDATE NOWAIT', 3572);
    const [unlocked] = await b.query<RowDataPacket[]>('SELECT id FROM bank.probe ORDER BY id FOR UPDATE SKIP LOCKED');
    assert.deepEqual(unlocked.map((row) => row.id as number), [2, 3], 'SKIP LOCKED passes over the row node A holds');
    await b.query('ROLLBACK');
    await b.query('BEGIN');
    let isGranted = false;
    const waiting = b.query<RowDataPacket[]>('SELECT v FROM bank.probe WHERE id = 1 FOR UPDATE').then(([rows]) => {
      isGranted = true;
      return rows;
    });
    await sleep(1000);
    assert.equal(isGranted, false, 'node B waits while node A holds the row');
    await a.query('UPDATE bank.probe SET v = 7 WHERE id = 1');
    await a.query('COMMIT');
    const rows = await waiting;
    assert.equal(rows[0]?.v, 7, 'node B reads the row as node A committed it');
    await b.query('COMMIT');

    // A deadlock whose two halves are on different nodes: the one that closes the cycle is the victim.
    await a.query('BEGIN');
    await b.query('BEGIN');
    await a.query('SELECT v FROM bank.probe WHERE id = 2 FOR UPDATE');
    await b.query('SELECT v FROM bank.probe WHERE id = 3 FOR UPDATE');
    const aWaits = a.query('SELECT v FROM bank.probe WHERE id = 3 FOR UPDATE');
    await sleep(1000);
    await assertSqlError(b, 'SELECT v FROM bank.probe WHERE id = 2 FOR UPDATE', 1213);
    await aWaits;
    await a.query('COMMIT');
    await a.end();
    await b.end();
  });

  void it('shares GET_LOCK names between the nodes', async () => {
    const [a, b] = [await connectTo(nodes[0]!), await connectTo(nodes[1]!)];
    const value = async (db: Connection, sql: string): Promise<unknown> => {
      const [rows] = await db.query<RowDataPacket[]>({ sql, rowsAsArray: true });
      return (rows[0] as unknown[] | undefined)?.[0];
    };
    const aId = await value(a, 'SELECT CONNECTION_ID()');
    assert.equal(await value(a, "SELECT GET_LOCK('job', 0)"), 1);
    assert.equal(await value(a, "SELECT GET_LOCK('job', 0)"), 1, 'names are re-entrant');
    assert.equal(await value(b, "SELECT GET_LOCK('job', 0)"), 0, 'the other node sees the name taken');
    assert.equal(await value(b, "SELECT IS_USED_LOCK('job')"), aId);
    assert.equal(await value(b, "SELECT RELEASE_LOCK('job')"), 0, 'not the holder');
    const waiting = value(b, "SELECT GET_LOCK('job', 60)");
    assert.equal(await value(a, "SELECT RELEASE_LOCK('job')"), 1);
    assert.equal(await value(a, "SELECT RELEASE_LOCK('job')"), 1);
    assert.equal(await waiting, 1, 'the waiter on the other node gets the name once it is free');
    assert.equal(await value(a, "SELECT IS_FREE_LOCK('job')"), 0);
    assert.equal(await value(b, 'SELECT RELEASE_ALL_LOCKS()'), 1);
    assert.equal(await value(a, "SELECT IS_FREE_LOCK('job')"), 1);
    await a.end();
    await b.end();
  });

  void it('keeps the total and every acknowledged transfer through kill -9 of the etcd leader and of one node', async (t) => {
    const acknowledged = new Set<number>();
    const perNode = [0, 0];
    let errors = 0;
    let isRunning = true;
    /** One client: transfers on `nodeIndex` until stopped or its node is gone. */
    const client = async (nodeIndex: number, clientIndex: number): Promise<void> => {
      const node = nodes[nodeIndex]!;
      let db: Connection | undefined;
      let serial = 0;
      while (isRunning && node.child.exitCode === null && node.child.signalCode === null) {
        try {
          db ??= await connectTo(node);
          const id = (nodeIndex * 100 + clientIndex) * 1_000_000 + serial++;
          const [first, second] = pickTwo();
          const amount = 1 + Math.floor(Math.random() * 20);
          await db.query('BEGIN');
          // Both accounts locked in id order, as a bank does to keep clients from deadlocking each other.
          await db.query('SELECT balance FROM bank.accounts WHERE id = ? FOR UPDATE', [Math.min(first, second)]);
          await db.query('SELECT balance FROM bank.accounts WHERE id = ? FOR UPDATE', [Math.max(first, second)]);
          await db.query('UPDATE bank.accounts SET balance = balance - ? WHERE id = ?', [amount, first]);
          await db.query('UPDATE bank.accounts SET balance = balance + ? WHERE id = ?', [amount, second]);
          await db.query('INSERT INTO bank.transfers VALUES (?, ?, ?, ?)', [id, first, second, amount]);
          await db.query('COMMIT');
          acknowledged.add(id);
          perNode[nodeIndex]!++;
        } catch (error) {
          errors++;
          const { errno, fatal } = error as { errno?: number; fatal?: boolean };
          if (db !== undefined && fatal !== true && errno !== undefined) {
            await db.query('ROLLBACK').catch(() => undefined);
          } else {
            db?.destroy();
            db = undefined;
            if (!RETRIED.has(errno ?? 0)) await sleep(200);
          }
        }
      }
      db?.destroy();
    };
    const clients = [0, 1].flatMap((nodeIndex) => [0, 1, 2].map((clientIndex) => client(nodeIndex, clientIndex)));
    const startedAt = Date.now();
    const progress = async (what: string, nodeIndexes: readonly number[]): Promise<void> => {
      const start = [...perNode];
      await waitFor(() => nodeIndexes.every((n) => perNode[n]! >= start[n]! + 20), what, 120_000);
    };

    await progress('transfers on both nodes', [0, 1]);
    const steadyRate = (acknowledged.size * 1000) / (Date.now() - startedAt);
    const leader = await cluster.leader();
    await cluster.kill9(leader);
    await progress('transfers on both nodes after the etcd leader died', [0, 1]);
    await cluster.restart(leader);
    await progress('transfers on both nodes after the old leader came back', [0, 1]);

    // Node B dies holding a row lock (and whatever its clients held): node A gets them once B's lease is gone.
    const holder = await connectTo(nodes[1]!);
    await holder.query('BEGIN');
    await holder.query('SELECT v FROM bank.probe WHERE id = 1 FOR UPDATE');
    await nodes[1]!.kill9();
    const killedAt = Date.now();
    holder.destroy();
    const taker = await connectTo(nodes[0]!);
    await taker.query('SET SESSION innodb_lock_wait_timeout = 120');
    await taker.query('BEGIN');
    await taker.query('SELECT v FROM bank.probe WHERE id = 1 FOR UPDATE');
    const takeoverMs = Date.now() - killedAt;
    await taker.query('COMMIT');
    await progress('transfers on node A after node B died', [0]);
    isRunning = false;
    await Promise.all(clients);

    const [totals] = await taker.query<RowDataPacket[]>('SELECT SUM(balance) AS s FROM bank.accounts');
    assert.equal(Number(totals[0]?.s), ACCOUNTS * OPENING_BALANCE, 'the total never changed');
    const [transfers] = await taker.query<RowDataPacket[]>('SELECT id, src, dst, amount FROM bank.transfers');
    const present = new Set(transfers.map((row) => Number(row.id)));
    assert.deepEqual([...acknowledged].filter((id) => !present.has(id)), [], 'every acknowledged transfer is present');
    // Each balance is the opening balance moved by exactly the transfers present: no half transfer committed.
    const expected = new Map(Array.from({ length: ACCOUNTS }, (_, i) => [i + 1, OPENING_BALANCE]));
    for (const row of transfers) {
      expected.set(Number(row.src), expected.get(Number(row.src))! - Number(row.amount));
      expected.set(Number(row.dst), expected.get(Number(row.dst))! + Number(row.amount));
    }
    const [balances] = await taker.query<RowDataPacket[]>('SELECT id, balance FROM bank.accounts ORDER BY id');
    assert.deepEqual(new Map(balances.map((row) => [Number(row.id), Number(row.balance)])), expected);
    const bound = 2 * DEFAULT_LOCK_LEASE_TTL_SECONDS * 1000 + ELECTION_MS;
    assert.ok(takeoverMs <= bound + LOAD_SLACK_MS, `node A got node B's lock ${takeoverMs} ms after B died (bound ${bound} ms)`);
    t.diagnostic(
      `${acknowledged.size} transfers acknowledged (node A ${perNode[0]}, node B ${perNode[1]}; ${steadyRate.toFixed(1)}/s before the kills), ` +
        `${present.size} present, ` +
        `${errors} client errors; leader ${leader.name} killed and restarted; node B's lock taken over after ${takeoverMs} ms`,
    );
    await taker.end();
  });
});

/** Two different account ids, in random order (the transfer's direction). */
function pickTwo(): [number, number] {
  const first = 1 + Math.floor(Math.random() * ACCOUNTS);
  const second = 1 + ((first + Math.floor(Math.random() * (ACCOUNTS - 1))) % ACCOUNTS);
  return [first, second];
}
