// Bank transfers in pessimistic and optimistic mode with concurrent snapshot readers: the total never changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect } from '../e2e/helpers/mysql2-client.js';
import { startTidal } from '../e2e/helpers/tidal-process.js';
import { report, scaled } from './reliability-scale.js';

const ACCOUNTS = 8;
const START_BALANCE = 1000;
/** Conflicts a transfer retries: deadlock, lock wait timeout, optimistic write conflict. */
const RETRYABLE = new Set([1213, 1205, 9007, 8002, 8022]);

async function transfer(db: Connection, mode: 'pessimistic' | 'optimistic'): Promise<void> {
  const from = 1 + Math.floor(Math.random() * ACCOUNTS);
  const to = 1 + ((from + Math.floor(Math.random() * (ACCOUNTS - 1))) % ACCOUNTS);
  const amount = 1 + Math.floor(Math.random() * 50);
  for (;;) {
    try {
      await db.query('BEGIN');
      const lock = mode === 'pessimistic' ? ' FOR UPDATE' : '';
      await db.query(`SELECT balance FROM bank WHERE id IN (?, ?)${lock}`, [from, to]);
      await db.query('UPDATE bank SET balance = balance - ? WHERE id = ?', [amount, from]);
      await db.query('UPDATE bank SET balance = balance + ? WHERE id = ?', [amount, to]);
      await db.query('COMMIT');
      return;
    } catch (error) {
      await db.query('ROLLBACK');
      if (!RETRYABLE.has((error as { errno?: number }).errno ?? 0)) throw error;
    }
  }
}

for (const mode of ['pessimistic', 'optimistic'] as const) {
  test(`bank transfers (${mode}) keep the total for every snapshot reader`, { timeout: scaled(60_000, 600_000) }, async () => {
    const transfers = scaled(150, 1500);
    const server = await startTidal();
    const admin = await connect(server.port);
    await admin.query('CREATE DATABASE b');
    await admin.query('CREATE TABLE b.bank (id INT PRIMARY KEY, balance INT NOT NULL)');
    await admin.query(`INSERT INTO b.bank VALUES ${Array.from({ length: ACCOUNTS }, (_, i) => `(${i + 1}, ${START_BALANCE})`).join(', ')}`);
    const workers = await Promise.all(Array.from({ length: 4 }, () => connect(server.port, { database: 'b' })));
    const reader = await connect(server.port, { database: 'b' });
    for (const db of [...workers, reader]) await db.query(`SET SESSION tidb_txn_mode = '${mode}'`);
    let done = 0;
    let reads = 0;
    let anomalies = 0;
    const started = Date.now();
    const work = workers.map(async (db) => {
      while (done < transfers) {
        done++;
        await transfer(db, mode);
      }
    });
    const reading = (async () => {
      while (done < transfers) {
        await reader.query('BEGIN');
        const [first] = await reader.query<RowDataPacket[]>('SELECT SUM(balance) AS s FROM bank');
        const [second] = await reader.query<RowDataPacket[]>('SELECT balance FROM bank');
        await reader.query('COMMIT');
        const sum = second.reduce((total, row) => total + Number(row.balance), 0);
        if (Number(first[0]?.s) !== ACCOUNTS * START_BALANCE || sum !== ACCOUNTS * START_BALANCE) anomalies++;
        reads++;
      }
    })();
    await Promise.all([...work, reading]);
    const elapsed = (Date.now() - started) / 1000;
    const [total] = await admin.query<RowDataPacket[]>('SELECT SUM(balance) AS s FROM b.bank');
    for (const db of [...workers, reader, admin]) await db.end();
    await server.stop();
    report(`bank ${mode} transfers`, `${transfers} in ${elapsed.toFixed(1)} s (${(transfers / elapsed).toFixed(0)}/s)`);
    report(`bank ${mode} snapshot reads`, reads);
    report(`bank ${mode} anomalies`, anomalies);
    assert.equal(Number(total[0]?.s), ACCOUNTS * START_BALANCE);
    assert.equal(anomalies, 0);
  });
}
