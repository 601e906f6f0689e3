// End-to-end: max_connections (1040, with one connection kept for SUPER), max_user_connections (1203) and the
// per-account WITH MAX_… resource limits (1226), through mysql2.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const MAX_CONNECTIONS = 3;

async function refused(promise: Promise<Connection>, code: number, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: { errno?: number; message?: string }) => {
    assert.equal(error.errno, code, error.message);
    if (message) assert.match(error.message ?? '', message);
    return true;
  });
}

describe('connection limits', () => {
  let server: TidalProcess;
  let root: Connection;
  const open: Connection[] = [];
  const as = (user: string): Promise<Connection> => connect(server.port, { user, password: 'pw' });

  before(async () => {
    server = await startTidal({ args: ['--max-connections', String(MAX_CONNECTIONS)] });
    root = await connect(server.port);
    await root.query("CREATE USER app IDENTIFIED BY 'pw'");
    await root.query("CREATE USER lim IDENTIFIED BY 'pw' WITH MAX_USER_CONNECTIONS 1 MAX_QUERIES_PER_HOUR 4");
    await root.query("CREATE USER upd IDENTIFIED BY 'pw' WITH MAX_UPDATES_PER_HOUR 1 MAX_CONNECTIONS_PER_HOUR 2");
    await root.query('CREATE DATABASE lim_db');
    await root.query('CREATE TABLE lim_db.t (id INT PRIMARY KEY)');
    await root.query('GRANT ALL ON lim_db.* TO upd');
  });

  after(async () => {
    await Promise.all(open.map((connection) => connection.end().catch(() => undefined)));
    await root.end();
    await server.stop();
  });

  it('--max-connections sets @@max_connections, refuses the next account with 1040 and keeps one for SUPER', async () => {
    const [rows] = await root.query<RowDataPacket[]>('SELECT @@max_connections');
    assert.deepEqual(Object.values(rows[0] ?? {}), [MAX_CONNECTIONS]);
    for (let i = 1; i < MAX_CONNECTIONS; i++) open.push(await as('app'));
    await refused(as('app'), 1040, /^Too many connections$/);
    const admin = await connect(server.port);
    await refused(connect(server.port), 1040);
    await admin.end();
  });

  it('SET GLOBAL max_connections takes effect at once', async () => {
    await root.query('SET GLOBAL max_connections = 10');
    open.push(await as('app'));
    await root.query(`SET GLOBAL max_connections = ${MAX_CONNECTIONS}`);
    await refused(as('app'), 1040);
    await open.pop()?.end();
    await open.pop()?.end();
    await open.pop()?.end();
    await root.query('SET GLOBAL max_connections = 20');
  });

  it('max_user_connections refuses one connection too many with 1203', async () => {
    await root.query('SET GLOBAL max_user_connections = 2');
    open.push(await as('app'), await as('app'));
    await refused(as('app'), 1203, /^User app already has more than 'max_user_connections' active connections$/);
    await root.query('SET GLOBAL max_user_connections = 0');
    open.push(await as('app'));
  });

  it('MAX_USER_CONNECTIONS and MAX_QUERIES_PER_HOUR refuse with 1226', async () => {
    const lim = await as('lim');
    await refused(as('lim'), 1226, /^User 'lim' has exceeded the 'max_user_connections' resource \(current value: 1\)$/);
    for (let i = 0; i < 4; i++) await lim.query('SELECT 1');
    await assert.rejects(lim.query('SELECT 1'), (error: { errno?: number; message?: string }) => {
      assert.equal(error.errno, 1226);
      assert.equal(error.message, "User 'lim' has exceeded the 'max_questions' resource (current value: 4)");
      return true;
    });
    await lim.end();
  });

  it('MAX_UPDATES_PER_HOUR counts writes only, MAX_CONNECTIONS_PER_HOUR counts logins', async () => {
    const upd = await as('upd');
    await upd.query('INSERT INTO lim_db.t VALUES (1)');
    await upd.query('SELECT * FROM lim_db.t');
    await assert.rejects(upd.query('INSERT INTO lim_db.t VALUES (2)'), (error: { errno?: number; message?: string }) => {
      assert.equal(error.message, "User 'upd' has exceeded the 'max_updates' resource (current value: 1)");
      return true;
    });
    await upd.end();
    await (await as('upd')).end();
    await refused(as('upd'), 1226, /'max_connections_per_hour' resource \(current value: 2\)/);
  });

  it('the limits are stored in mysql.user, printed by SHOW CREATE USER and changed by ALTER USER', async () => {
    const [rows] = await root.query<RowDataPacket[]>("SELECT max_questions, max_updates, max_connections, max_user_connections FROM mysql.user WHERE User = 'lim'");
    assert.deepEqual(rows, [{ max_questions: 4, max_updates: 0, max_connections: 0, max_user_connections: 1 }]);
    await root.query('ALTER USER lim WITH MAX_QUERIES_PER_HOUR 0 MAX_UPDATES_PER_HOUR 7');
    const [shown] = await root.query<RowDataPacket[]>({ sql: 'SHOW CREATE USER lim', rowsAsArray: true });
    assert.match(String((shown as unknown as string[][])[0]?.[0]), / REQUIRE NONE WITH MAX_UPDATES_PER_HOUR 7 MAX_USER_CONNECTIONS 1 PASSWORD EXPIRE DEFAULT/);
  });
});
