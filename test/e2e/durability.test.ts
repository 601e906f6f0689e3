// End-to-end: committed rows survive SIGTERM and `kill -9` right after COMMIT's OK; uncommitted rows do not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { connect } from './helpers/mysql2-client.js';
import { startTidal, tempDir } from './helpers/tidal-process.js';

describe('durability', () => {
  it('keeps rows committed before SIGTERM across a restart', async () => {
    const data = await tempDir('durable-term');
    try {
      const first = await startTidal({ dataDir: data.path });
      const db = await connect(first.port);
      await db.query('CREATE DATABASE d');
      await db.query('CREATE TABLE d.t (id BIGINT PRIMARY KEY, v VARCHAR(20), amount DECIMAL(12,4), at DATETIME)');
      await db.query("INSERT INTO d.t VALUES (1, 'one', 1.5, '2025-01-01 10:00:00'), (2, 'two', -2.25, NULL)");
      await db.end();
      assert.equal(await first.stop(), 0);

      const second = await startTidal({ dataDir: data.path });
      const again = await connect(second.port);
      const [rows] = await again.query<RowDataPacket[]>({ sql: 'SELECT * FROM d.t ORDER BY id', dateStrings: true });
      assert.deepEqual(rows.map((row) => ({ ...row })), [
        { id: 1, v: 'one', amount: '1.5000', at: '2025-01-01 10:00:00' },
        { id: 2, v: 'two', amount: '-2.2500', at: null },
      ]);
      await again.end();
      await second.stop();
    } finally {
      await data.remove();
    }
  });

  it('keeps a transaction acknowledged by COMMIT when the server is killed with SIGKILL right after', async () => {
    const data = await tempDir('durable-kill');
    try {
      const first = await startTidal({ dataDir: data.path });
      const db = await connect(first.port);
      await db.query('CREATE DATABASE k');
      await db.query('CREATE TABLE k.t (id INT AUTO_INCREMENT PRIMARY KEY, v INT)');
      await db.query('BEGIN');
      for (let i = 0; i < 50; i++) await db.query('INSERT INTO k.t (v) VALUES (?)', [i]);
      await db.query('COMMIT');
      // This one never commits: it must be gone after the crash.
      await db.query('BEGIN');
      await db.query('INSERT INTO k.t (v) VALUES (999)');
      await first.kill9();
      db.destroy();

      const second = await startTidal({ dataDir: data.path });
      const again = await connect(second.port);
      const [rows] = await again.query<RowDataPacket[]>('SELECT v FROM k.t ORDER BY id');
      assert.deepEqual(rows.map((row) => row.v as number), Array.from({ length: 50 }, (_, i) => i));
      const [inserted] = await again.query<ResultSetHeader>('INSERT INTO k.t (v) VALUES (50)');
      assert.ok(inserted.insertId > 50, 'AUTO_INCREMENT continues above the values used before the crash');
      await again.end();
      await second.stop();
    } finally {
      await data.remove();
    }
  });
});
