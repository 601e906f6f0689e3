// End to end: tidal-server with store = "etcd" over mutual TLS, real clients, restarts, and the etcd leader killed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { mariadb } from '../e2e/helpers/mariadb-cli.js';
import { waitFor } from '../e2e/helpers/wait-for.js';
import { connect } from '../e2e/helpers/mysql2-client.js';
import { SERVER_BIN, startTidal, tempDir } from '../e2e/helpers/tidal-process.js';
import type { TidalProcess } from '../e2e/helpers/tidal-process.js';
import { startEtcdCluster } from './helpers/etcd-cluster.js';

/** etcd's limits raised as the README's "Run a cluster" starts it, so bulk statements fit one commit. */
const cluster = await startEtcdCluster({ extraArgs: ['--max-txn-ops=10000', '--max-request-bytes=10485760'] });
const certs = cluster.certificates;
const home = await tempDir('etcd-node');
const clusterArgs = [
  '--store',
  'etcd',
  '--path',
  cluster.endpoints.join(','),
  '--cluster-ssl-ca',
  certs.ca,
  '--cluster-ssl-cert',
  certs.clientCert,
  '--cluster-ssl-key',
  certs.clientKey,
  // auto-tls keeps the client-facing certificates in temp-dir with etcd; startTidal seeds its data directory.
  '--temp-dir',
  home.path,
];
const running = new Set<TidalProcess>();

after(async () => {
  for (const server of running) await server.kill9();
  await cluster.stop();
  await home.remove();
});

async function startNode(): Promise<TidalProcess> {
  const server = await startTidal({ dataDir: home.path, args: clusterArgs });
  running.add(server);
  return server;
}

async function stopNode(server: TidalProcess, how: 'stop' | 'kill9'): Promise<void> {
  if (how === 'stop') assert.equal(await server.stop(), 0);
  else await server.kill9();
  running.delete(server);
}

/** A mysql2 connection over TLS, verifying the server against the auto-tls CA. */
function connectTls(port: number): Promise<Connection> {
  return connect(port, { ssl: { ca: readFileSync(join(home.path, 'ca.pem')), rejectUnauthorized: true } });
}

/** Runs tidal-server expecting it to refuse to start; resolves with its exit code and stderr. */
function startFails(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER_BIN, '--port', '0', '--status-port', '0', ...clusterArgs, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

void describe('tidal-server on etcd', () => {
  void it('serves SQL to mysql2 and the mariadb CLI over TLS, and keeps it across a restart and a kill -9 of the node', async () => {
    let server = await startNode();
    const db = await connectTls(server.port);
    await db.query('CREATE DATABASE shop');
    await db.query(
      'CREATE TABLE shop.items (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(40), price DECIMAL(8,2), KEY (name))',
    );
    await db.query("INSERT INTO shop.items (name, price) VALUES ('tea', 3.50), ('coffee', 4.20), ('cake', 2.75)");
    await db.query('BEGIN');
    await db.query("UPDATE shop.items SET price = price + 1 WHERE name = 'tea'");
    await db.query("DELETE FROM shop.items WHERE name = 'cake'");
    await db.query('COMMIT');
    await db.query('BEGIN');
    await db.query("INSERT INTO shop.items (name, price) VALUES ('never', 0)");
    await db.query('ROLLBACK');
    const [rows] = await db.query<RowDataPacket[]>('SELECT id, name, price FROM shop.items ORDER BY id');
    assert.deepEqual(
      rows.map((row) => ({ ...row })),
      [
        { id: 1, name: 'tea', price: '4.50' },
        { id: 2, name: 'coffee', price: '4.20' },
      ],
    );
    const [[datadir]] = await db.query<RowDataPacket[]>('SELECT @@datadir AS d');
    assert.ok(String(datadir?.d).startsWith(cluster.endpoints.join(',')));
    await db.end();

    const cli = await mariadb(server.port, [
      '--ssl-ca',
      join(home.path, 'ca.pem'),
      '--ssl-verify-server-cert',
      '-N',
      '-e',
      "INSERT INTO shop.items (name, price) VALUES ('scone', 1.10); SELECT name FROM shop.items ORDER BY id; SHOW STATUS LIKE 'Ssl_version'",
    ]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /^tea\ncoffee\nscone\nSsl_version\tTLSv1\.[23]\n$/);

    await stopNode(server, 'stop');
    server = await startNode();
    const again = await connectTls(server.port);
    const [after] = await again.query<RowDataPacket[]>('SELECT name, price FROM shop.items ORDER BY id');
    assert.deepEqual(
      after.map((row) => `${row.name as string}=${row.price as string}`),
      ['tea=4.50', 'coffee=4.20', 'scone=1.10'],
    );
    await again.query("INSERT INTO shop.items (name, price) VALUES ('acknowledged', 9.99)");
    await stopNode(server, 'kill9');
    again.destroy();

    server = await startNode();
    const third = await connectTls(server.port);
    const [last] = await third.query<RowDataPacket[]>(
      "SELECT COUNT(*) AS n FROM shop.items WHERE name = 'acknowledged'",
    );
    assert.equal(last[0]?.n, 1);
    await third.end();
    await stopNode(server, 'stop');
  });

  void it('keeps every acknowledged commit when the etcd leader is killed with SIGKILL during writes', async (t) => {
    const server = await startNode();
    const setup = await connectTls(server.port);
    await setup.query('CREATE DATABASE bank');
    await setup.query('CREATE TABLE bank.moves (id INT PRIMARY KEY, writer INT, KEY (writer))');
    await setup.query('CREATE TABLE bank.counts (writer INT PRIMARY KEY, n INT)');
    const writerCount = 4;
    await setup.query(
      `INSERT INTO bank.counts VALUES ${Array.from({ length: writerCount }, (_, w) => `(${w}, 0)`).join(',')}`,
    );

    const acknowledged = new Set<number>();
    /** Commits that failed with an error saying they did not happen (anything but 1105 "result undetermined"). */
    const refused = new Map<number, number>();
    let undetermined = 0;
    let nextId = 0;
    let isRunning = true;
    const write = async (writer: number): Promise<void> => {
      let db = await connectTls(server.port);
      while (isRunning) {
        const id = nextId++;
        try {
          // Two keys in one transaction: the move and its writer's count, so atomicity can be checked after.
          await db.query('BEGIN');
          await db.query('INSERT INTO bank.moves VALUES (?, ?)', [id, writer]);
          await db.query('UPDATE bank.counts SET n = n + 1 WHERE writer = ?', [writer]);
          await db.query('COMMIT');
          acknowledged.add(id);
        } catch (error) {
          const { errno, fatal } = error as { errno?: number; fatal?: boolean };
          if (errno === 1105 || errno === undefined) undetermined++;
          else refused.set(id, errno);
          if (fatal === true || errno === undefined) {
            db.destroy();
            db = await connectTls(server.port);
          } else {
            await db.query('ROLLBACK');
          }
        }
      }
      await db.end();
    };
    const writers = Array.from({ length: writerCount }, (_, writer) => write(writer));
    await sleep(2000);
    const leader = await cluster.leader();
    await cluster.kill9(leader);
    const atKill = acknowledged.size;
    const killedAt = Date.now();
    // Writes go on once the two survivors have elected a leader (election timeout 2 s; longer on a loaded machine).
    await waitFor(() => acknowledged.size >= atKill + 50, 'writes to go on after the leader died', 90_000);
    const resumedMs = Date.now() - killedAt;
    await sleep(2000);
    const afterKill = acknowledged.size;
    await cluster.restart(leader);
    await sleep(2000);
    isRunning = false;
    await Promise.all(writers);

    const [moves] = await setup.query<RowDataPacket[]>('SELECT id, writer FROM bank.moves');
    const present = new Set(moves.map((row) => row.id as number));
    const missing = [...acknowledged].filter((id) => !present.has(id));
    assert.deepEqual(missing, [], 'every acknowledged commit is present');
    const refusedPresent = [...refused.keys()].filter((id) => present.has(id));
    assert.deepEqual(refusedPresent, [], 'no commit that was refused is present');
    const [counts] = await setup.query<RowDataPacket[]>('SELECT writer, n FROM bank.counts ORDER BY writer');
    for (const { writer, n } of counts) {
      const rows = moves.filter((row) => row.writer === writer).length;
      assert.equal(n, rows, `writer ${writer as number}: its count and its moves were committed together`);
    }
    assert.ok(
      atKill > 0 && afterKill > atKill,
      `writes went on after the leader died (${atKill} before, ${afterKill} after)`,
    );
    t.diagnostic(
      `leader ${leader.name} killed: ${acknowledged.size} acknowledged (${atKill} before the kill, 50 more within ${resumedMs} ms of it), ` +
        `${refused.size} refused (${[...new Set(refused.values())].join(',') || 'none'}), ${undetermined} undetermined`,
    );
    await setup.end();
    await stopNode(server, 'stop');
  });

  void it('refuses to start with one line when a cluster TLS file is wrong', async () => {
    const missing = join(home.path, 'no-such.pem');
    const notPem = join(home.path, 'not-pem.txt');
    writeFileSync(notPem, 'hello\n');
    const cases: [readonly string[], string][] = [
      [
        ['--cluster-ssl-cert', missing],
        `tidal-server: cluster TLS: cannot read certificate file ${missing}: no such file or directory (ENOENT)\n`,
      ],
      [
        ['--cluster-ssl-ca', notPem],
        `tidal-server: cluster TLS: CA file ${notPem} is not PEM (no "-----BEGIN …-----" block; convert DER files with openssl)\n`,
      ],
      [
        ['--cluster-ssl-key', certs.memberKey],
        `tidal-server: cluster TLS: private key ${certs.memberKey} does not match the certificate in ${certs.clientCert}\n`,
      ],
      [['--cluster-ssl-cert', ''], 'tidal-server: cluster-ssl-key is set but cluster-ssl-cert is not; set both\n'],
    ];
    for (const [args, stderr] of cases) {
      // The status port reads the same cluster-ssl-* files first (for its HTTPS) and words its refusal its own way
      // (test/e2e/status-port-tls.test.ts); without it the etcd link's check speaks.
      const result = await startFails(['--report-status=false', ...args]);
      assert.equal(result.code, 1);
      assert.equal(result.stderr.replace(/^\(node:\d+\) .*\n(\(Use .*\n)?/gm, ''), stderr);
    }
  });
});
