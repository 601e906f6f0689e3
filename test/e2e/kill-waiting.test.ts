// End-to-end: KILL QUERY and KILL CONNECTION reach a statement that waits (for a row lock, or in SLEEP()), not only
// one that streams rows: the waiter fails with 1317 at once (or its connection closes), and everyone else goes on.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'mysql2/promise';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect, connectionIdOf, firstValue } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/**
 * "At once": well under the 50 s lock wait and the 100 s SLEEP the statements would otherwise take, and wide enough
 * for a heavily loaded 2-core machine, where a timer or a socket event can be seconds late.
 */
const PROMPT_MS = 10_000;

const value = firstValue;
const idOf = connectionIdOf;

/** Waits until connection `id` shows `info` in PROCESSLIST (its statement has reached the server and runs). */
async function waitUntilRunning(observer: Connection, id: number, info: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await value(observer, `SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = ${id}`)) === info) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`connection ${id} never ran ${info}`);
}

/** The error `promise` rejects with, and when (start it right away, so the rejection is always handled). */
async function failure(promise: Promise<unknown>): Promise<{ errno?: number; code?: string; message?: string; at: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { errno?: number; code?: string; message?: string };
    return { at: Date.now(), ...(e.errno === undefined ? {} : { errno: e.errno }), ...(e.code === undefined ? {} : { code: e.code }), ...(e.message === undefined ? {} : { message: e.message }) };
  }
  assert.fail('the statement succeeded');
}

describe('KILL of a waiting statement', () => {
  let server: TidalProcess;
  let a: Connection;
  let c: Connection;

  before(async () => {
    server = await startTidal();
    a = await connect(server.port);
    await a.query('CREATE DATABASE k');
    await a.query('USE k');
    await a.query('CREATE TABLE t (id INT PRIMARY KEY, v INT)');
    await a.query('INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)');
    c = await connect(server.port, { database: 'k' });
  });

  after(async () => {
    await a.end();
    await c.end();
    await server.stop();
  });

  it('KILL QUERY ends a row-lock wait with 1317 at once; the connection and its transaction stay', async () => {
    const b = await connect(server.port, { database: 'k' });
    try {
      await a.query('BEGIN');
      await a.query('SELECT * FROM t WHERE id = 1 FOR UPDATE');
      await b.query('SET innodb_lock_wait_timeout = 50');
      await b.query('BEGIN');
      await b.query('UPDATE t SET v = 21 WHERE id = 2');
      const bId = await idOf(b);
      const waiting = failure(b.query('SELECT * FROM t WHERE id = 1 FOR UPDATE'));
      await waitUntilRunning(c, bId, 'SELECT * FROM t WHERE id = 1 FOR UPDATE');
      const killedAt = Date.now();
      await c.query(`KILL QUERY ${bId}`);
      const error = await waiting;
      assert.equal(error.errno, 1317);
      assert.equal(error.message, 'Query execution was interrupted');
      assert.ok(error.at - killedAt < PROMPT_MS, `1317 took ${error.at - killedAt} ms`);
      // B is usable, still inside its transaction (its own update is visible to it and still locked), and A's lock
      // is untouched: B cannot take row 1 while A holds it.
      assert.equal(await value(b, 'SELECT v FROM t WHERE id = 2'), 21);
      await assert.rejects(c.query('SELECT v FROM t WHERE id = 2 FOR UPDATE NOWAIT'), (e: { errno?: number }) => e.errno === 3572);
      await b.query('SET innodb_lock_wait_timeout = 1');
      await assert.rejects(b.query('SELECT * FROM t WHERE id = 1 FOR UPDATE'), (e: { errno?: number }) => e.errno === 1205);
      await a.query('UPDATE t SET v = 11 WHERE id = 1');
      await a.query('COMMIT');
      assert.equal(await value(b, 'SELECT v FROM t WHERE id = 1 FOR UPDATE'), 11);
      await b.query('COMMIT');
      assert.deepEqual(await value(a, 'SELECT GROUP_CONCAT(v ORDER BY id) FROM t'), '11,21,30');
    } finally {
      await b.end();
    }
  });

  it('KILL CONNECTION of a lock waiter closes its connection and releases its locks; the holder is unaffected', async () => {
    const b = await connect(server.port, { database: 'k' });
    b.on('error', () => undefined);
    await a.query('BEGIN');
    await a.query('SELECT * FROM t WHERE id = 1 FOR UPDATE');
    await b.query('SET innodb_lock_wait_timeout = 50');
    await b.query('BEGIN');
    await b.query('UPDATE t SET v = 99 WHERE id = 3');
    const bId = await idOf(b);
    const waiting = failure(b.query('UPDATE t SET v = 98 WHERE id = 1'));
    await waitUntilRunning(c, bId, 'UPDATE t SET v = 98 WHERE id = 1');
    const killedAt = Date.now();
    const [ok] = await c.query(`KILL ${bId}`);
    assert.equal((ok as { affectedRows: number }).affectedRows, 0);
    const error = await waiting;
    assert.ok(error.at - killedAt < PROMPT_MS, `the close took ${error.at - killedAt} ms`);
    assert.equal(error.code, 'PROTOCOL_CONNECTION_LOST');
    assert.notEqual(error.errno, 1205);
    await assert.rejects(b.query('SELECT 1'));
    // B's transaction was rolled back and its lock on row 3 released: C takes it without waiting.
    await c.query('SET innodb_lock_wait_timeout = 1');
    await c.query('BEGIN');
    assert.equal(await value(c, 'SELECT v FROM t WHERE id = 3 FOR UPDATE'), 30);
    await c.query('ROLLBACK');
    // A still holds row 1 and commits normally.
    await a.query('UPDATE t SET v = 12 WHERE id = 1');
    await a.query('COMMIT');
    assert.deepEqual(await value(a, 'SELECT GROUP_CONCAT(v ORDER BY id) FROM t'), '12,21,30');
  });

  it('SELECT SLEEP(n) returns 1 at once on KILL QUERY (0 when it sleeps to the end); SLEEP in a table query fails with 1317', async () => {
    const b = await connect(server.port, { database: 'k' });
    try {
      assert.equal(await value(b, 'SELECT SLEEP(0.05)'), 0);
      const bId = await idOf(b);
      const sleeping = value(b, 'SELECT SLEEP(100)');
      await waitUntilRunning(c, bId, 'SELECT SLEEP(100)');
      const killedAt = Date.now();
      await c.query(`KILL QUERY ${bId}`);
      assert.equal(await sleeping, 1);
      assert.ok(Date.now() - killedAt < PROMPT_MS);

      const scanning = failure(b.query('SELECT id, SLEEP(100) FROM t'));
      await waitUntilRunning(c, bId, 'SELECT id, SLEEP(100) FROM t');
      await c.query(`KILL QUERY ${bId}`);
      const error = await scanning;
      assert.equal(error.errno, 1317, error.message);
      assert.equal(await value(b, 'SELECT 1'), 1);
    } finally {
      await b.end();
    }
  });

  it('the mariadb CLI sees SLEEP() return 1 when another client kills its query', async () => {
    const cli = mariadb(server.port, ['-N', '-e', "SELECT 'start'; SELECT SLEEP(100); SELECT 'after'"]);
    let id: number | undefined;
    for (let i = 0; i < 200 && id === undefined; i++) {
      const found = await value(c, "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO = 'SELECT SLEEP(100)'");
      if (found !== undefined) id = Number(found);
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(id !== undefined, 'the CLI never started sleeping');
    await c.query(`KILL QUERY ${id}`);
    const result = await cli;
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.trim().split('\n'), ['start', '1', 'after']);
  });
});
