// Two tidal-server nodes on one etcd keyspace: what they share (schema, accounts, SET GLOBAL, connection ids, the
// cluster process list, KILL, AUTO_INCREMENT), through mysql2 and the mariadb CLI.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { mariadb, mariadbAs } from '../e2e/helpers/mariadb-cli.js';
import { assertSqlError, connect, connectionIdOf, firstValue } from '../e2e/helpers/mysql2-client.js';
import { waitFor } from '../e2e/helpers/wait-for.js';
import { startTidal, tempDir } from '../e2e/helpers/tidal-process.js';
import type { TidalProcess } from '../e2e/helpers/tidal-process.js';
import { startEtcdCluster } from './helpers/etcd-cluster.js';

const cluster = await startEtcdCluster({ extraArgs: ['--max-txn-ops=10000', '--max-request-bytes=10485760'] });
const certs = cluster.certificates;
const home = await tempDir('sql-nodes');
const clusterArgs = [
  '--store', 'etcd', '--path', cluster.endpoints.join(','),
  '--cluster-ssl-ca', certs.ca, '--cluster-ssl-cert', certs.clientCert, '--cluster-ssl-key', certs.clientKey,
  '--temp-dir', home.path,
];
const nodes: TidalProcess[] = [];
const opened: Connection[] = [];

/** A mysql2 connection over TLS to `node`, closed after the tests. */
async function open(node: TidalProcess): Promise<Connection> {
  const db = await connect(node.port, { ssl: { ca: readFileSync(join(home.path, 'ca.pem')), rejectUnauthorized: true } });
  opened.push(db);
  return db;
}

/** The mariadb CLI on `node` over TLS: its output without column names. */
async function cli(node: TidalProcess, sql: string): Promise<string> {
  const result = await mariadb(node.port, ['--ssl-ca', join(home.path, 'ca.pem'), '--ssl-verify-server-cert', '-N', '-e', sql]);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

before(async () => {
  // One after the other: the first bootstraps the keyspace (system databases, root account).
  nodes.push(await startTidal({ dataDir: home.path, args: clusterArgs }));
  // The second as two worker processes: each is a node of the keyspace of its own.
  nodes.push(await startTidal({ dataDir: home.path, args: [...clusterArgs, '--max-procs', '2'] }));
});

after(async () => {
  for (const db of opened) db.destroy();
  for (const node of nodes) await node.stop();
  await cluster.stop();
  await home.remove();
});

const nodeA = (): TidalProcess => nodes[0]!;
const nodeB = (): TidalProcess => nodes[1]!;

void describe('two SQL nodes on one etcd keyspace', () => {
  void it('a DDL on one node is in force on the other by the time it answers', async () => {
    const a = await open(nodeA());
    const b = await open(nodeB());
    await a.query('CREATE DATABASE shared');
    await a.query('CREATE TABLE shared.items (id INT PRIMARY KEY, name VARCHAR(20))');
    await b.query("INSERT INTO shared.items VALUES (1, 'tea')");
    await a.query('ALTER TABLE shared.items ADD COLUMN price INT DEFAULT 7');
    const [rows] = await b.query<RowDataPacket[]>('SELECT id, name, price FROM shared.items');
    assert.deepEqual(rows.map((row) => ({ ...row })), [{ id: 1, name: 'tea', price: 7 }]);
    await a.query('DROP TABLE shared.items');
    await assertSqlError(b, 'SELECT * FROM shared.items', 1146);
    assert.equal(await cli(nodeB(), 'SHOW DATABASES LIKE "shared"'), 'shared\n');
  });

  void it('a transaction that wrote a table another node altered meanwhile fails with 8028', async () => {
    const a = await open(nodeA());
    const b = await open(nodeB());
    await a.query('CREATE TABLE shared.race (id INT PRIMARY KEY, v INT)');
    await a.query('CREATE TABLE shared.calm (id INT PRIMARY KEY)');
    await b.query('BEGIN');
    await b.query('INSERT INTO shared.race VALUES (1, 1)');
    await a.query('ALTER TABLE shared.race ADD COLUMN w INT');
    await assertSqlError(b, 'COMMIT', 8028, /^Information schema is changed during the execution of the statement/);
    assert.equal(await firstValue(a, 'SELECT COUNT(*) FROM shared.race'), 0);
    // A DDL on another table does not fail the transaction (TiDB checks the tables the transaction wrote).
    await b.query('BEGIN');
    await b.query('INSERT INTO shared.race VALUES (2, 2, 2)');
    await a.query('ALTER TABLE shared.calm ADD COLUMN c INT');
    await b.query('COMMIT');
    assert.equal(await firstValue(a, 'SELECT COUNT(*) FROM shared.race'), 1);
  });

  void it('hands out connection ids unique across the nodes', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(await connectionIdOf(await open(nodeA())));
      ids.push(await connectionIdOf(await open(nodeB())));
    }
    assert.equal(new Set(ids).size, ids.length, `ids ${ids.join(',')}`);
  });

  void it('lists every node in CLUSTER_PROCESSLIST and only its own in PROCESSLIST', async () => {
    const a = await open(nodeA());
    const b = await open(nodeB());
    const idB = await connectionIdOf(b);
    const idA = await connectionIdOf(a);
    const [clusterRows] = await a.query<RowDataPacket[]>('SELECT INSTANCE, ID FROM information_schema.CLUSTER_PROCESSLIST');
    const instanceOf = (id: number): unknown => clusterRows.find((row) => row.ID === id)?.INSTANCE;
    assert.equal(instanceOf(idA), `127.0.0.1:${nodeA().port}`);
    assert.equal(instanceOf(idB), `127.0.0.1:${nodeB().port}`);
    const [local] = await a.query<RowDataPacket[]>('SELECT ID FROM information_schema.PROCESSLIST');
    assert.ok(local.some((row) => row.ID === idA));
    assert.ok(!local.some((row) => row.ID === idB), 'PROCESSLIST shows this node only');
    const viaCli = await cli(nodeB(), 'SELECT INSTANCE FROM information_schema.CLUSTER_PROCESSLIST GROUP BY INSTANCE ORDER BY INSTANCE');
    assert.deepEqual(viaCli.trim().split('\n').sort(), [`127.0.0.1:${nodeA().port}`, `127.0.0.1:${nodeB().port}`].sort());
  });

  void it('KILL QUERY and KILL from one node reach a connection of the other', async () => {
    const a = await open(nodeA());
    const b = await open(nodeB());
    const idB = await connectionIdOf(b);
    const sleeping = b.query<RowDataPacket[]>('SELECT SLEEP(120) AS s');
    await waitFor(async () => {
      const [rows] = await a.query<RowDataPacket[]>('SELECT INFO FROM information_schema.CLUSTER_PROCESSLIST WHERE ID = ?', [idB]);
      return String(rows[0]?.INFO ?? '').includes('SLEEP');
    }, 'the other node to list the sleeping query', 60_000);
    await a.query(`KILL QUERY ${idB}`);
    // MySQL: a killed SLEEP() returns 1.
    const [slept] = await sleeping;
    assert.equal(Number(slept[0]?.s), 1);
    await a.query(`KILL ${idB}`);
    await assert.rejects(b.query('SELECT 1'));
    await assertSqlError(a, 'KILL 999999', 1094);
  });

  void it('an account created on one node logs in on the other; SET GLOBAL on one is seen by the other', async () => {
    const a = await open(nodeA());
    await a.query("CREATE USER 'nodeuser'@'%' IDENTIFIED BY 'pw-1'");
    await a.query("GRANT SELECT ON shared.* TO 'nodeuser'@'%'");
    const login = await mariadbAs(nodeB().port, 'nodeuser', 'pw-1', ['--ssl-ca', join(home.path, 'ca.pem'), '-N', '-e', 'SELECT CURRENT_USER()']);
    assert.equal(login.code, 0, login.stderr);
    assert.equal(login.stdout, 'nodeuser@%\n');
    await a.query("ALTER USER 'nodeuser'@'%' IDENTIFIED BY 'pw-2'");
    const old = await mariadbAs(nodeB().port, 'nodeuser', 'pw-1', ['--ssl-ca', join(home.path, 'ca.pem'), '-e', 'SELECT 1']);
    assert.match(old.stderr, /1045/);

    await a.query('SET GLOBAL max_execution_time = 4321');
    const b = await open(nodeB());
    assert.equal(Number(await firstValue(b, 'SELECT @@global.max_execution_time')), 4321);
    assert.equal(Number(await firstValue(b, 'SELECT @@session.max_execution_time')), 4321);
  });

  void it('leaves a node killed with SIGKILL out once its lease lapses: DDL goes on, CLUSTER_PROCESSLIST drops it', async () => {
    const doomed = await startTidal({ dataDir: home.path, args: clusterArgs });
    const a = await open(nodeA());
    const gone = await open(doomed);
    const goneId = await connectionIdOf(gone);
    const [before] = await a.query<RowDataPacket[]>('SELECT ID FROM information_schema.CLUSTER_PROCESSLIST');
    assert.ok(before.some((row) => row.ID === goneId));
    await doomed.kill9();
    // The DDL waits for the dead node only until its lease lapses (a few seconds), not for ever.
    await a.query('CREATE TABLE shared.after_death (id INT PRIMARY KEY)');
    await waitFor(async () => {
      const [rows] = await a.query<RowDataPacket[]>('SELECT INSTANCE FROM information_schema.CLUSTER_PROCESSLIST');
      return !rows.some((row) => row.INSTANCE === `127.0.0.1:${doomed.port}`);
    }, 'the dead node to leave CLUSTER_PROCESSLIST', 60_000);
    const b = await open(nodeB());
    await b.query('INSERT INTO shared.after_death VALUES (1)');
  });

  void it('AUTO_INCREMENT ids from both nodes inserting at once are unique', async () => {
    const a = await open(nodeA());
    await a.query('CREATE TABLE shared.auto (id BIGINT PRIMARY KEY AUTO_INCREMENT, node CHAR(1))');
    const writers = [nodeA(), nodeB(), nodeA(), nodeB()].map(async (node, i) => {
      const db = await open(node);
      for (let n = 0; n < 25; n++) await db.query('INSERT INTO shared.auto (node) VALUES (?)', [i % 2 === 0 ? 'a' : 'b']);
    });
    await Promise.all(writers);
    const [rows] = await a.query<RowDataPacket[]>('SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS ids, SUM(node = "a") AS fromA FROM shared.auto');
    assert.deepEqual({ n: Number(rows[0]?.n), ids: Number(rows[0]?.ids), fromA: Number(rows[0]?.fromA) }, { n: 100, ids: 100, fromA: 50 });
  });
});
