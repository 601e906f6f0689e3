// End-to-end: tidal-server with --max-procs 2 (a primary and two worker processes over one data directory):
// row locks, deadlocks, DDL (and the cached plans it outdates), AUTO_INCREMENT, sequences, PROCESSLIST/KILL, SET GLOBAL
// and accounts span both workers.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect, connectionIdOf, firstValue } from './helpers/mysql2-client.js';
import { sClient } from './helpers/openssl-client.js';
import { startTidal, tempDir } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** Each worker hands out connection ids from its own blocks of this many (see block-connection-ids.ts). */
const ID_BLOCK = 4096;

const value = firstValue;
const idOf = connectionIdOf;

/** The errno `promise` fails with (start it right away, so the rejection is always handled). */
async function errnoOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { errno?: number }).errno;
  }
  assert.fail('the statement succeeded');
}

/** Waits until connection `id` shows `info` in PROCESSLIST, as `observer` (on the other worker) sees it. */
async function waitUntilRunning(observer: Connection, id: number, info: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await value(observer, `SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = ${id}`)) === info) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`connection ${id} never ran ${info}`);
}

describe('max-procs = 2', () => {
  let server: TidalProcess;
  /** Connections served by different workers (told apart by their connection id blocks). */
  let a: Connection;
  let b: Connection;
  const spare: Connection[] = [];

  /** A new connection to the worker that does not serve `other`. */
  async function connectToOtherWorker(other: Connection, database?: string): Promise<Connection> {
    const block = Math.floor(((await idOf(other)) - 1) / ID_BLOCK);
    for (let attempt = 0; attempt < 20; attempt++) {
      const connection = await connect(server.port, database === undefined ? {} : { database });
      if (Math.floor(((await idOf(connection)) - 1) / ID_BLOCK) !== block) return connection;
      spare.push(connection);
    }
    assert.fail('every connection went to one worker');
  }

  before(async () => {
    server = await startTidal({ args: ['--max-procs', '2'] });
    a = await connect(server.port);
    await a.query('CREATE DATABASE mp');
    await a.query('USE mp');
    b = await connectToOtherWorker(a, 'mp');
  });

  after(async () => {
    for (const connection of [a, b, ...spare]) await connection.end().catch(() => undefined);
    assert.equal(await server.stop(), 0);
  });

  it('serves connections on two worker processes that answer as one server', async () => {
    assert.notEqual(Math.floor(((await idOf(a)) - 1) / ID_BLOCK), Math.floor(((await idOf(b)) - 1) / ID_BLOCK));
    const pids = new Set(server.records().filter((record) => record.msg === 'worker is running MySQL protocol').map((record) => record.pid));
    assert.equal(pids.size, 2);
  });

  it('DDL on one worker is seen by the other before its next statement', async () => {
    await a.query('CREATE TABLE t (id INT PRIMARY KEY, v INT)');
    await b.query('INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)');
    await a.query('ALTER TABLE t ADD COLUMN w INT DEFAULT 7');
    assert.equal(await value(b, 'SELECT SUM(w) FROM t'), '21');
    await b.query('CREATE INDEX tv ON t (v)');
    assert.equal(await value(a, "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_NAME = 't' AND INDEX_NAME = 'tv'"), 1);
    assert.equal(await value(a, 'SELECT id FROM t WHERE v = 20'), 2);
  });

  it('cached plans (text plan cache, prepared point gets) are not reused after DDL on the other worker', async () => {
    const fromCache = async (connection: Connection): Promise<number> => Number(await value(connection, 'SELECT @@last_plan_from_cache'));
    await b.query('CREATE TABLE pc (id INT PRIMARY KEY, v INT)');
    await b.query('INSERT INTO pc VALUES (1, 10), (2, 20)');
    for (let i = 0; i < 3; i++) await a.query(`SELECT * FROM pc WHERE id = ${1 + (i % 2)}`);
    assert.equal(await fromCache(a), 1);
    for (let i = 0; i < 2; i++) await a.execute('SELECT * FROM pc WHERE id = ?', [1]);
    assert.equal(await fromCache(a), 1);
    await b.query('ALTER TABLE pc ADD COLUMN w INT DEFAULT 5');
    const [text] = await a.query<RowDataPacket[]>('SELECT * FROM pc WHERE id = 2');
    assert.equal(await fromCache(a), 0);
    assert.deepEqual({ ...text[0] }, { id: 2, v: 20, w: 5 });
    const [prepared] = await a.execute<RowDataPacket[]>('SELECT * FROM pc WHERE id = ?', [1]);
    assert.equal(await fromCache(a), 0);
    assert.deepEqual({ ...prepared[0] }, { id: 1, v: 10, w: 5 });
  });

  it('sequence values are unique across workers (each caches its own reserved block)', async () => {
    await a.query('CREATE SEQUENCE sq CACHE 5');
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      seen.push(Number(await value(a, 'SELECT NEXTVAL(sq)')));
      seen.push(Number(await value(b, 'SELECT NEXTVAL(sq)')));
    }
    assert.equal(new Set(seen).size, seen.length, `values ${seen.join(',')}`);
    await b.query('ALTER SEQUENCE sq RESTART WITH 1000');
    assert.equal(Number(await value(a, 'SELECT NEXTVAL(sq)')), 1000);
  });

  it('row locks span workers: NOWAIT, lock wait timeout, SKIP LOCKED, and a wait that ends at the commit', async () => {
    await a.query('BEGIN');
    await a.query('SELECT * FROM t WHERE id = 1 FOR UPDATE');
    assert.equal(await errnoOf(b.query('SELECT * FROM t WHERE id = 1 FOR UPDATE NOWAIT')), 3572);
    await b.query('SET innodb_lock_wait_timeout = 1');
    assert.equal(await errnoOf(b.query('UPDATE t SET v = 11 WHERE id = 1')), 1205);
    await b.query('BEGIN');
    const [skipped] = await b.query<RowDataPacket[]>({ sql: 'SELECT id FROM t ORDER BY id FOR UPDATE SKIP LOCKED', rowsAsArray: true });
    assert.deepEqual(skipped.map((row) => Number((row as unknown[])[0])), [2, 3]);
    await b.query('ROLLBACK');
    await b.query('SET innodb_lock_wait_timeout = 100');
    const bId = await idOf(b);
    const waiting = b.query('UPDATE t SET v = v + 1 WHERE id = 1');
    await waitUntilRunning(a, bId, 'UPDATE t SET v = v + 1 WHERE id = 1');
    await a.query('UPDATE t SET v = 100 WHERE id = 1');
    await a.query('COMMIT');
    await waiting;
    assert.equal(await value(a, 'SELECT v FROM t WHERE id = 1'), 101);
  });

  it('a deadlock across workers is detected: one transaction gets 1213, the other goes on', async () => {
    await a.query('BEGIN');
    await b.query('BEGIN');
    await a.query('SELECT * FROM t WHERE id = 2 FOR UPDATE');
    await b.query('SELECT * FROM t WHERE id = 3 FOR UPDATE');
    const aId = await idOf(a);
    const aWaits = a.query('UPDATE t SET v = 0 WHERE id = 3').then(() => undefined, (error: { errno?: number }) => error.errno);
    await waitUntilRunning(b, aId, 'UPDATE t SET v = 0 WHERE id = 3');
    const bOutcome = await b.query('UPDATE t SET v = 0 WHERE id = 2').then(() => undefined, (error: { errno?: number }) => error.errno);
    if (bOutcome === 1213) {
      await b.query('ROLLBACK');
      assert.equal(await aWaits, undefined);
      await a.query('COMMIT');
    } else {
      assert.equal(await aWaits, 1213);
      await a.query('ROLLBACK');
      await b.query('COMMIT');
    }
    assert.equal(await value(a, 'SELECT COUNT(*) FROM t WHERE v = 0'), 1);
  });

  it('AUTO_INCREMENT values are unique across workers', async () => {
    await a.query('CREATE TABLE seq (id BIGINT AUTO_INCREMENT PRIMARY KEY, origin CHAR(1))');
    for (let i = 0; i < 10; i++) {
      await a.query("INSERT INTO seq (origin) VALUES ('a'), ('a')");
      await b.query("INSERT INTO seq (origin) VALUES ('b')");
    }
    assert.equal(await value(b, 'SELECT COUNT(DISTINCT id) FROM seq'), 30);
    assert.equal(await value(b, 'SELECT COUNT(*) FROM seq'), 30);
  });

  it('PROCESSLIST lists both workers\' connections; KILL QUERY and KILL reach a connection on the other worker', async () => {
    const bId = await idOf(b);
    const aId = await idOf(a);
    const [rows] = await a.query<RowDataPacket[]>('SHOW PROCESSLIST');
    const ids = rows.map((row) => Number(row.Id));
    assert.ok(ids.includes(aId) && ids.includes(bId), `PROCESSLIST shows ${ids.join(',')}`);
    const sleeping = value(b, 'SELECT SLEEP(100)');
    await waitUntilRunning(a, bId, 'SELECT SLEEP(100)');
    await a.query(`KILL QUERY ${bId}`);
    assert.equal(await sleeping, 1);
    assert.equal(await value(b, 'SELECT 2'), 2);
    const victim = await connectToOtherWorker(a);
    victim.on('error', () => undefined);
    await a.query(`KILL ${await idOf(victim)}`);
    await assert.rejects(victim.query('SELECT 1'));
    assert.equal(await errnoOf(a.query('KILL 999999')), 1094);
  });

  it('SET GLOBAL and account changes on one worker hold on the other', async () => {
    await a.query('SET GLOBAL max_execution_time = 12345');
    assert.equal(await value(b, 'SELECT @@GLOBAL.max_execution_time'), 12345);
    await a.query('SET GLOBAL max_execution_time = DEFAULT');
    assert.equal(await value(b, 'SELECT @@GLOBAL.max_execution_time'), 0);
    await a.query("CREATE USER mpuser IDENTIFIED BY 'pw1'");
    await a.query('GRANT SELECT ON mp.* TO mpuser');
    assert.equal(await value(b, "SELECT COUNT(*) FROM mysql.user WHERE user = 'mpuser'"), 1);
    // Connections land on either worker: each of them knows the account and its grant.
    for (let i = 0; i < 4; i++) {
      const user = await connect(server.port, { user: 'mpuser', password: 'pw1', database: 'mp' });
      assert.equal(await value(user, 'SELECT COUNT(*) FROM t'), 3);
      await user.end();
    }
    await b.query('DROP USER mpuser');
    await assert.rejects(connect(server.port, { user: 'mpuser', password: 'pw1' }));
    await assert.rejects(connect(server.port, { user: 'mpuser', password: 'pw1' }));
  });

  it('SHOW GLOBAL STATUS sums the counters of both workers', async () => {
    const comDo = async (connection: Connection): Promise<number> => {
      const [rows] = await connection.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Com_do'");
      return Number(rows[0]?.Value);
    };
    const before = await comDo(a);
    for (let i = 0; i < 3; i++) await a.query('DO 1');
    for (let i = 0; i < 4; i++) await b.query('DO 1');
    assert.equal(await comDo(a), before + 7);
    assert.equal(await comDo(b), before + 7);
    assert.equal(await value(b, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'Com_do'"), String(before + 7));
    // /metrics, answered by either worker, adds up both workers' figures too.
    const metrics = await (await fetch(`http://127.0.0.1:${server.statusPort}/metrics`)).text();
    const doStatements = /^tidal_server_query_total\{type="Do",result="OK"\} (\d+)$/m.exec(metrics);
    assert.ok(Number(doStatements?.[1]) >= 7, metrics);
  });

  it('max_connections counts the connections of every worker', async () => {
    await a.query("CREATE USER mcuser IDENTIFIED BY 'pw2'");
    const [listed] = await a.query<RowDataPacket[]>('SHOW PROCESSLIST');
    await a.query(`SET GLOBAL max_connections = ${listed.length + 2}`);
    const admitted: Connection[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        admitted.push(await connect(server.port, { user: 'mcuser', password: 'pw2' }));
        // A round trip through both workers, after which each knows of the new connection.
        await a.query('SHOW PROCESSLIST');
        await b.query('SHOW PROCESSLIST');
      }
      // The two land on different workers, and each worker alone is far below the limit: only the sum refuses.
      await assert.rejects(connect(server.port, { user: 'mcuser', password: 'pw2' }), (error: { errno?: number }) => error.errno === 1040);
    } finally {
      for (const connection of admitted) await connection.end();
      await a.query('SET GLOBAL max_connections = DEFAULT');
      await a.query('DROP USER mcuser');
    }
  });

  it('per-account limits and the failed-login lockout count the logins of every worker', async () => {
    await a.query("CREATE USER lim IDENTIFIED BY 'pw3' WITH MAX_USER_CONNECTIONS 1");
    await a.query("CREATE USER guard IDENTIFIED BY 'pw4' FAILED_LOGIN_ATTEMPTS 2 PASSWORD_LOCK_TIME 1");
    try {
      const held = await connect(server.port, { user: 'lim', password: 'pw3' });
      // Connections go to the workers in turn, so one of these two reaches the worker that does not hold `held`.
      for (let i = 0; i < 2; i++) assert.equal(await errnoOf(connect(server.port, { user: 'lim', password: 'pw3' })), 1226);
      await held.end();
      for (let i = 0; i < 2; i++) assert.equal(await errnoOf(connect(server.port, { user: 'guard', password: 'wrong' })), i === 0 ? 1045 : 3955);
      for (let i = 0; i < 2; i++) assert.equal(await errnoOf(connect(server.port, { user: 'guard', password: 'pw4' })), 3955);
    } finally {
      await a.query('DROP USER lim, guard');
    }
  });

  it('FLUSH PRIVILEGES and FLUSH STATUS on one worker hold on the other', async () => {
    await a.query("CREATE USER fl IDENTIFIED BY 'pw5'");
    try {
      await a.query("UPDATE mysql.user SET Select_priv = 'Y' WHERE User = 'fl'");
      await a.query('FLUSH PRIVILEGES');
      for (let i = 0; i < 2; i++) {
        const user = await connect(server.port, { user: 'fl', password: 'pw5' });
        assert.equal(await value(user, 'SELECT COUNT(*) FROM mp.t'), 3);
        await user.end();
      }
    } finally {
      await a.query('DROP USER fl');
    }
    const sinceFlush = async (connection: Connection): Promise<number> => {
      const [rows] = await connection.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Uptime_since_flush_status'");
      return Number(rows[0]?.Value);
    };
    await waitFor(async () => (await sinceFlush(b)) >= 3, 'three seconds of uptime');
    const before = await sinceFlush(b);
    await a.query('FLUSH STATUS');
    assert.ok((await sinceFlush(b)) < before);
  });

  it('temporary tables of sessions on two workers share no row locks', async () => {
    await a.query('CREATE TEMPORARY TABLE tmp (id INT PRIMARY KEY, v INT)');
    await b.query('CREATE TEMPORARY TABLE tmp (id INT PRIMARY KEY, v INT)');
    await a.query('INSERT INTO tmp VALUES (1, 1)');
    await b.query('INSERT INTO tmp VALUES (1, 2)');
    await a.query('BEGIN');
    await a.query('UPDATE tmp SET v = 10 WHERE id = 1');
    await b.query('SET SESSION innodb_lock_wait_timeout = 1');
    await b.query('UPDATE tmp SET v = 20 WHERE id = 1');
    await a.query('COMMIT');
    assert.equal(await value(a, 'SELECT v FROM tmp'), 10);
    assert.equal(await value(b, 'SELECT v FROM tmp'), 20);
    await a.query('DROP TEMPORARY TABLE tmp');
    await b.query('DROP TEMPORARY TABLE tmp');
  });

  it('TLS sessions resume on either worker (the workers share their session ticket keys)', async () => {
    const dir = await tempDir('tickets');
    try {
      const session = join(dir.path, 'tls13.session');
      // s_client must stay until the TLS 1.3 ticket, which follows the handshake, has arrived and been written out.
      const first = await new Promise<string>((resolve) => {
        const child = execFile('openssl', ['s_client', '-starttls', 'mysql', '-connect', `127.0.0.1:${server.port}`, '-sess_out', session], { timeout: 120_000 }, (_error, stdout) => resolve(stdout));
        const end = (): void => void child.stdin?.end();
        waitFor(() => existsSync(session), 'the TLS 1.3 session ticket file', 100_000).then(end, end);
      });
      assert.match(first, /^New, TLSv1\.3/m);
      // Connections go to the workers in turn, so these reach both.
      for (let i = 0; i < 4; i++) {
        const resumed = await sClient(server.port, ['-sess_in', session]);
        assert.match(resumed.output, /^Reused, TLSv1\.3/m, `resumption ${i + 1}`);
      }
    } finally {
      await dir.remove();
    }
  });
});
