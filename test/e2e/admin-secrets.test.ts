// End-to-end: ALTER INSTANCE RELOAD TLS needs SUPER, and SHOW PROCESSLIST never shows a password-bearing statement's strings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

describe('administrative privileges and secrets', () => {
  let server: TidalProcess;
  let root: Connection;

  before(async () => {
    server = await startTidal();
    root = await connect(server.port);
    await root.query("CREATE USER 'ops'@'%' IDENTIFIED WITH mysql_native_password BY 'ops-pw'");
  });

  after(async () => {
    await root.end();
    await server.stop();
  });

  it('refuses ALTER INSTANCE RELOAD TLS without SUPER (1227) and allows it with', async () => {
    const ops = await connect(server.port, { user: 'ops', password: 'ops-pw' });
    try {
      await assertSqlError(ops, 'ALTER INSTANCE RELOAD TLS', 1227, /SUPER/);
      await root.query("GRANT SUPER ON *.* TO 'ops'@'%'");
      await ops.query('ALTER INSTANCE RELOAD TLS');
    } finally {
      await ops.end();
    }
  });

  it('hides quoted strings of statements that may carry a password in the process list', async () => {
    const [rows] = await root.query<RowDataPacket[]>("SELECT 'hunter2' AS password, INFO FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()");
    const info = String(rows[0]?.['INFO'] ?? rows[0]?.['info']);
    assert.doesNotMatch(info, /hunter2/);
    assert.match(info, /'<secret>' AS password/);
    const [plain] = await root.query<RowDataPacket[]>("SELECT 'visible' AS v, INFO FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()");
    assert.match(String(plain[0]?.['INFO'] ?? plain[0]?.['info']), /'visible'/);
  });
});
