// End-to-end: transactions from separate mysql2 connections: TiDB's pessimistic locking (waits, 1205, 1213,
// FOR UPDATE / FOR SHARE / NOWAIT), REPEATABLE READ snapshots with current reads for writes, optimistic mode,
// savepoints, and a concurrent money-transfer workload whose total must never change.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** Resolves with 'done' when `promise` settles within `ms`, else 'pending' (the statement is still waiting). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<'done' | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)));
  const done = promise.then(
    () => 'done' as const,
    () => 'done' as const,
  );
  const outcome = await Promise.race([done, pending]);
  clearTimeout(timer);
  return outcome;
}

async function value(connection: Connection, sql: string): Promise<unknown> {
  const [rows] = await connection.query<RowDataPacket[]>({ sql, rowsAsArray: true });
  return (rows[0] as unknown[] | undefined)?.[0];
}

describe('transactions across connections', () => {
  let server: TidalProcess;
  let a: Connection;
  let b: Connection;
  let c: Connection;

  before(async () => {
    server = await startTidal();
    a = await connect(server.port);
    await a.query('CREATE DATABASE bank');
    await a.query('USE bank');
    b = await connect(server.port, { database: 'bank' });
    c = await connect(server.port, { database: 'bank' });
  });

  after(async () => {
    await Promise.all([a.end(), b.end(), c.end()]);
    await server.stop();
  });

  beforeEach(async () => {
    for (const connection of [a, b, c]) await connection.query('ROLLBACK');
    await a.query('DROP TABLE IF EXISTS t');
    await a.query('CREATE TABLE t (id INT PRIMARY KEY, v INT, u INT, UNIQUE KEY u_key (u))');
    await a.query('INSERT INTO t VALUES (1, 10, 100), (2, 20, 200), (3, 30, 300)');
  });

  it('a second writer waits for the first and then updates the committed value', async () => {
    await a.query('BEGIN');
    await a.query('UPDATE t SET v = v + 1 WHERE id = 1');
    const waiting = b.query('UPDATE t SET v = v + 10 WHERE id = 1');
    assert.equal(await settlesWithin(waiting, 300), 'pending');
    await a.query('COMMIT');
    await waiting;
    assert.equal(await value(c, 'SELECT v FROM t WHERE id = 1'), 21);
  });

  it('a rolled-back holder lets the waiter update the original value', async () => {
    await a.query('BEGIN');
    await a.query('DELETE FROM t WHERE id = 2');
    const waiting = b.query('UPDATE t SET v = v * 2 WHERE id = 2');
    assert.equal(await settlesWithin(waiting, 200), 'pending');
    await a.query('ROLLBACK');
    await waiting;
    assert.equal(await value(c, 'SELECT v FROM t WHERE id = 2'), 40);
  });

  it('reads keep the snapshot (REPEATABLE READ) while writes see the newest row', async () => {
    await a.query('BEGIN');
    assert.equal(await value(a, 'SELECT v FROM t WHERE id = 3'), 30);
    await b.query('UPDATE t SET v = 35 WHERE id = 3');
    assert.equal(await value(a, 'SELECT v FROM t WHERE id = 3'), 30);
    await a.query('UPDATE t SET v = v + 1 WHERE id = 3');
    assert.equal(await value(a, 'SELECT v FROM t WHERE id = 3'), 36);
    await a.query('COMMIT');
    assert.equal(await value(c, 'SELECT v FROM t WHERE id = 3'), 36);
  });

  it('innodb_lock_wait_timeout ends a wait with 1205, rolls back only that statement, and keeps the transaction', async () => {
    await a.query('BEGIN');
    await a.query('UPDATE t SET v = 0 WHERE id = 1');
    await b.query('SET innodb_lock_wait_timeout = 1');
    await b.query('BEGIN');
    await b.query('UPDATE t SET v = 99 WHERE id = 2');
    const started = Date.now();
    await assertSqlError(b, 'UPDATE t SET v = 1 WHERE id = 1', 1205, 'Lock wait timeout exceeded; try restarting transaction');
    assert.ok(Date.now() - started >= 900, 'waited about a second');
    await a.query('COMMIT');
    await b.query('COMMIT');
    assert.deepEqual(
      (await c.query<RowDataPacket[]>({ sql: 'SELECT id, v FROM t ORDER BY id', rowsAsArray: true }))[0],
      [
        [1, 0],
        [2, 99],
        [3, 30],
      ],
    );
    await b.query('SET innodb_lock_wait_timeout = DEFAULT');
  });

  it('detects a deadlock, fails one side with 1213 and rolls its transaction back; the other proceeds', async () => {
    await a.query('BEGIN');
    await b.query('BEGIN');
    await a.query('UPDATE t SET v = v + 1 WHERE id = 1');
    await b.query('UPDATE t SET v = v + 1 WHERE id = 2');
    const aWaits = a.query('UPDATE t SET v = v + 1 WHERE id = 2');
    assert.equal(await settlesWithin(aWaits, 200), 'pending');
    await assertSqlError(b, 'UPDATE t SET v = v + 1 WHERE id = 1', 1213, 'Deadlock found when trying to get lock; try restarting transaction');
    await aWaits;
    await a.query('COMMIT');
    // b's whole transaction was rolled back: its first update is gone.
    await b.query('COMMIT');
    assert.deepEqual(
      (await c.query<RowDataPacket[]>({ sql: 'SELECT v FROM t ORDER BY id', rowsAsArray: true }))[0],
      [[11], [21], [30]],
    );
  });

  it('SELECT … FOR UPDATE locks rows; FOR SHARE shares with FOR SHARE but blocks writers; NOWAIT fails with 3572', async () => {
    await a.query('BEGIN');
    assert.equal(await value(a, 'SELECT v FROM t WHERE id = 1 FOR UPDATE'), 10);
    await b.query('BEGIN');
    await assertSqlError(b, 'SELECT v FROM t WHERE id = 1 FOR UPDATE NOWAIT', 3572);
    const blocked = b.query('SELECT v FROM t WHERE id = 1 FOR SHARE');
    assert.equal(await settlesWithin(blocked, 200), 'pending');
    await a.query('UPDATE t SET v = 15 WHERE id = 1');
    await a.query('COMMIT');
    const [rows] = (await blocked) as unknown as [RowDataPacket[]];
    assert.equal(rows[0]?.['v'], 15, 'the locking read returns the newest committed value');
    await c.query('BEGIN');
    assert.equal(await value(c, 'SELECT v FROM t WHERE id = 1 LOCK IN SHARE MODE'), 15);
    const writer = a.query('UPDATE t SET v = 16 WHERE id = 1');
    assert.equal(await settlesWithin(writer, 200), 'pending');
    await b.query('COMMIT');
    assert.equal(await settlesWithin(writer, 200), 'pending');
    await c.query('COMMIT');
    await writer;
    assert.equal(await value(b, 'SELECT v FROM t WHERE id = 1'), 16);
  });

  it('a concurrent INSERT of the same key waits, then gets 1062 after commit or succeeds after rollback', async () => {
    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES (4, 40, 400)');
    const duplicate = b.query('INSERT INTO t VALUES (4, 41, 401)');
    assert.equal(await settlesWithin(duplicate, 200), 'pending');
    await a.query('COMMIT');
    await assert.rejects(duplicate, (error: { errno?: number }) => error.errno === 1062);

    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES (5, 50, 500)');
    const sameUnique = b.query('INSERT INTO t VALUES (6, 60, 500)');
    assert.equal(await settlesWithin(sameUnique, 200), 'pending', 'the unique key is locked too');
    await a.query('ROLLBACK');
    await sameUnique;
    assert.equal(await value(c, 'SELECT id FROM t WHERE u = 500'), 6);
  });

  it("tidb_txn_mode = 'optimistic' does not wait and fails the later commit with 9007, applying nothing", async () => {
    await a.query("SET tidb_txn_mode = 'optimistic'");
    await a.query('BEGIN');
    await a.query('UPDATE t SET v = 1000 WHERE id = 1');
    await a.query('INSERT INTO t VALUES (7, 70, 700)');
    await b.query('UPDATE t SET v = 11 WHERE id = 1');
    await assertSqlError(a, 'COMMIT', 9007, /^Write conflict, txnStartTS=\d+/);
    assert.equal(await value(c, 'SELECT v FROM t WHERE id = 1'), 11);
    assert.equal(await value(c, 'SELECT COUNT(*) FROM t WHERE id = 7'), 0);

    await b.query('BEGIN');
    await b.query('UPDATE t SET v = 12 WHERE id = 1');
    await a.query('BEGIN');
    await a.query('UPDATE t SET v = 13 WHERE id = 1');
    await assertSqlError(a, 'COMMIT', 9007);
    await b.query('COMMIT');
    assert.equal(await value(c, 'SELECT v FROM t WHERE id = 1'), 12);
    await a.query("SET tidb_txn_mode = 'pessimistic'");
  });

  it('SAVEPOINT, ROLLBACK TO SAVEPOINT and RELEASE SAVEPOINT', async () => {
    await a.query('BEGIN');
    await a.query('UPDATE t SET v = 1 WHERE id = 1');
    await a.query('SAVEPOINT s1');
    await a.query('UPDATE t SET v = 2 WHERE id = 2');
    await a.query('SAVEPOINT s2');
    await a.query('DELETE FROM t WHERE id = 3');
    await a.query('ROLLBACK TO SAVEPOINT s2');
    assert.equal(await value(a, 'SELECT COUNT(*) FROM t'), 3);
    await a.query('ROLLBACK WORK TO s1');
    assert.equal(await value(a, 'SELECT v FROM t WHERE id = 2'), 20);
    await assertSqlError(a, 'ROLLBACK TO SAVEPOINT s2', 1305, 'SAVEPOINT s2 does not exist');
    await a.query('RELEASE SAVEPOINT s1');
    await assertSqlError(a, 'ROLLBACK TO s1', 1305);
    await a.query('COMMIT');
    assert.deepEqual(
      (await c.query<RowDataPacket[]>({ sql: 'SELECT v FROM t ORDER BY id', rowsAsArray: true }))[0],
      [[1], [20], [30]],
    );
  });

  it('a failed statement inside a transaction undoes only itself', async () => {
    await a.query('BEGIN');
    await a.query('UPDATE t SET v = 5 WHERE id = 1');
    await assertSqlError(a, 'INSERT INTO t VALUES (8, 80, 800), (1, 0, 0)', 1062);
    await a.query('COMMIT');
    assert.equal(await value(c, 'SELECT COUNT(*) FROM t WHERE id = 8'), 0);
    assert.equal(await value(c, 'SELECT v FROM t WHERE id = 1'), 5);
  });

  it('a disconnect while holding locks releases them', async () => {
    const d = await connect(server.port, { database: 'bank' });
    await d.query('BEGIN');
    await d.query('UPDATE t SET v = 0 WHERE id = 3');
    const waiting = a.query('UPDATE t SET v = v + 1 WHERE id = 3');
    assert.equal(await settlesWithin(waiting, 200), 'pending');
    d.destroy();
    await waiting;
    assert.equal(await value(c, 'SELECT v FROM t WHERE id = 3'), 31);
  });
});

describe('concurrent money transfers', () => {
  const ACCOUNTS = 10;
  const WORKERS = 6;
  const TRANSFERS_PER_WORKER = 40;
  let server: TidalProcess;

  before(async () => {
    server = await startTidal();
  });

  after(async () => {
    await server.stop();
  });

  it('never creates or loses money, with deadlocks retried as applications do', async () => {
    const setup = await connect(server.port);
    await setup.query('CREATE DATABASE money');
    await setup.query('USE money');
    await setup.query('CREATE TABLE account (id INT PRIMARY KEY, balance DECIMAL(12,2) NOT NULL)');
    const values = Array.from({ length: ACCOUNTS }, (_, i) => `(${i}, 1000.00)`).join(', ');
    await setup.query(`INSERT INTO account VALUES ${values}`);

    let deadlocks = 0;
    let committed = 0;
    const worker = async (seed: number): Promise<void> => {
      const connection = await connect(server.port, { database: 'money' });
      let state = seed;
      const random = (n: number): number => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state % n;
      };
      for (let i = 0; i < TRANSFERS_PER_WORKER; i++) {
        const from = random(ACCOUNTS);
        const to = (from + 1 + random(ACCOUNTS - 1)) % ACCOUNTS;
        const amount = (1 + random(5000)) / 100;
        for (;;) {
          try {
            await connection.query('BEGIN');
            const [rows] = await connection.query<RowDataPacket[]>('SELECT balance FROM account WHERE id = ? FOR UPDATE', [from]);
            if (Number(rows[0]?.['balance']) >= amount) {
              await connection.query('UPDATE account SET balance = balance - ? WHERE id = ?', [amount, from]);
              await connection.query('UPDATE account SET balance = balance + ? WHERE id = ?', [amount, to]);
            }
            await connection.query('COMMIT');
            committed++;
            break;
          } catch (error) {
            await connection.query('ROLLBACK');
            if ((error as { errno?: number }).errno !== 1213) throw error;
            deadlocks++;
          }
        }
      }
      await connection.end();
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i + 1)));

    const [rows] = await setup.query<RowDataPacket[]>('SELECT SUM(balance) AS total, MIN(balance) AS low FROM account');
    assert.equal(rows[0]?.['total'], (ACCOUNTS * 1000).toFixed(2));
    assert.ok(Number(rows[0]?.['low']) >= 0, 'no account went negative');
    assert.equal(committed, WORKERS * TRANSFERS_PER_WORKER);
    assert.ok(deadlocks < committed, `deadlocks (${deadlocks}) stay the exception`);
    await setup.end();
  });

  it('autocommit increments from many connections are all applied', async () => {
    const setup = await connect(server.port);
    await setup.query('CREATE TABLE money.counter (id INT PRIMARY KEY, n INT)');
    await setup.query('INSERT INTO money.counter VALUES (1, 0)');
    const connections = await Promise.all(Array.from({ length: 5 }, () => connect(server.port, { database: 'money' })));
    await Promise.all(
      connections.map(async (connection) => {
        for (let i = 0; i < 30; i++) await connection.query('UPDATE counter SET n = n + 1 WHERE id = 1');
      }),
    );
    assert.equal(await value(setup, 'SELECT n FROM money.counter'), 150);
    await Promise.all(connections.map((connection) => connection.end()));
    await setup.end();
  });
});
