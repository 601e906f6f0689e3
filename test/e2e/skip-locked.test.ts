// End-to-end: SELECT … FOR UPDATE | FOR SHARE SKIP LOCKED (MySQL 8): rows another transaction has locked are left
// out of the result at once instead of waited for, and the rows returned are locked; the job-queue pattern works.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

async function ids(connection: Connection, sql: string): Promise<number[]> {
  const [rows] = await connection.query<RowDataPacket[]>({ sql, rowsAsArray: true });
  return (rows as unknown as unknown[][]).map((row) => Number(row[0]));
}

describe('SKIP LOCKED', () => {
  let server: TidalProcess;
  let a: Connection;
  let b: Connection;

  before(async () => {
    server = await startTidal();
    a = await connect(server.port);
    await a.query('CREATE DATABASE q');
    await a.query('USE q');
    await a.query('CREATE TABLE jobs (id INT PRIMARY KEY, state VARCHAR(10), KEY by_state (state))');
    await a.query("INSERT INTO jobs VALUES (1, 'new'), (2, 'new'), (3, 'new'), (4, 'new'), (5, 'done')");
    b = await connect(server.port, { database: 'q' });
    // Long enough that a wait instead of a skip would fail the timing checks below.
    await b.query('SET innodb_lock_wait_timeout = 20');
  });

  after(async () => {
    await a.end();
    await b.end();
    await server.stop();
  });

  it('FOR UPDATE SKIP LOCKED returns only the rows nobody holds, at once, and locks them', async () => {
    await a.query('BEGIN');
    assert.deepEqual(await ids(a, 'SELECT id FROM jobs WHERE id IN (1, 2) ORDER BY id FOR UPDATE'), [1, 2]);
    await b.query('BEGIN');
    const started = Date.now();
    assert.deepEqual(await ids(b, "SELECT id FROM jobs WHERE state = 'new' ORDER BY id FOR UPDATE SKIP LOCKED"), [3, 4]);
    assert.deepEqual(await ids(b, 'SELECT id FROM jobs FOR UPDATE SKIP LOCKED'), [3, 4, 5]);
    // A point read of a held row gives nothing instead of waiting; of a free one, the row.
    assert.deepEqual(await ids(b, 'SELECT id FROM jobs WHERE id = 1 FOR UPDATE SKIP LOCKED'), []);
    // Waiting would take the 20 s lock wait timeout; half of it leaves room for a loaded machine.
    assert.ok(Date.now() - started < 10_000, `SKIP LOCKED waited ${Date.now() - started} ms`);
    // B now holds 3, 4 and 5: A skips them in turn, and NOWAIT on them fails.
    assert.deepEqual(await ids(a, 'SELECT id FROM jobs FOR UPDATE SKIP LOCKED'), [1, 2]);
    await assert.rejects(a.query('SELECT id FROM jobs WHERE id = 3 FOR UPDATE NOWAIT'), (e: { errno?: number }) => e.errno === 3572);
    await b.query("UPDATE jobs SET state = 'taken' WHERE id IN (3, 4)");
    await b.query('COMMIT');
    await a.query('COMMIT');
    assert.deepEqual(await ids(a, "SELECT id FROM jobs WHERE state = 'taken' ORDER BY id"), [3, 4]);
  });

  it('a job queue: LIMIT 1 FOR UPDATE locks only the row it returns, so each SKIP LOCKED worker gets the next one', async () => {
    await a.query("UPDATE jobs SET state = 'new' WHERE id <= 4");
    const c = await connect(server.port, { database: 'q' });
    try {
      const next = "SELECT id FROM jobs WHERE state = 'new' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED";
      for (const connection of [a, b, c]) await connection.query('BEGIN');
      assert.deepEqual(await ids(a, "SELECT id FROM jobs WHERE state = 'new' ORDER BY id LIMIT 1 FOR UPDATE"), [1]);
      assert.deepEqual(await ids(b, next), [2]);
      assert.deepEqual(await ids(c, next), [3]);
      assert.deepEqual(await ids(a, next), [1], 'A still holds its own row');
      await b.query('ROLLBACK');
      assert.deepEqual(await ids(c, "SELECT id FROM jobs WHERE state = 'new' ORDER BY id LIMIT 2 FOR UPDATE SKIP LOCKED"), [2, 3]);
    } finally {
      for (const connection of [a, b, c]) await connection.query('ROLLBACK');
      await c.end();
    }
  });

  it('FOR SHARE SKIP LOCKED skips rows locked exclusively but shares rows locked for share', async () => {
    await a.query('BEGIN');
    await a.query('SELECT id FROM jobs WHERE id = 1 FOR UPDATE');
    await a.query('SELECT id FROM jobs WHERE id = 2 FOR SHARE');
    await b.query('BEGIN');
    assert.deepEqual(await ids(b, 'SELECT id FROM jobs WHERE id <= 3 ORDER BY id FOR SHARE SKIP LOCKED'), [2, 3]);
    assert.deepEqual(await ids(b, 'SELECT id FROM jobs WHERE id <= 3 ORDER BY id FOR UPDATE SKIP LOCKED'), [3]);
    await b.query('ROLLBACK');
    await a.query('ROLLBACK');
    // With every lock released, SKIP LOCKED sees everything.
    assert.deepEqual(await ids(b, 'SELECT id FROM jobs ORDER BY id FOR UPDATE SKIP LOCKED'), [1, 2, 3, 4, 5]);
  });
});
