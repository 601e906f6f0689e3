// Contended bank transfers through mysql2, for the locking benchmark: each connection loops BEGIN; SELECT … FOR
// UPDATE of two accounts; two UPDATEs; COMMIT, retrying deadlocks and lock wait timeouts. Prints one JSON line
// ({ transfers, perSecond, retries, errors, isBalanced }). Usage:
//   node dist/bench/clients/bank-client.js --port P [--setup] --accounts 100 --connections 8 --seconds 10
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import type { Connection, RowDataPacket } from 'mysql2/promise';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    setup: { type: 'boolean', default: false },
    accounts: { type: 'string', default: '100' },
    connections: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '10' },
  },
});
const port = Number(values.port);
const accounts = Number(values.accounts);
const INITIAL_BALANCE = 1000;
/** ER_LOCK_DEADLOCK and ER_LOCK_WAIT_TIMEOUT: the transfer is tried again, as an application would. */
const RETRYABLE = new Set([1213, 1205]);

const open = (): Promise<Connection> => mysql.createConnection({ host: '127.0.0.1', port, user: 'root', password: '', database: 'bank' });

async function setup(): Promise<void> {
  const db = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', password: '' });
  await db.query('DROP DATABASE IF EXISTS bank');
  await db.query('CREATE DATABASE bank');
  await db.query('CREATE TABLE bank.accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL)');
  const rows = Array.from({ length: accounts }, (_, i) => `(${i + 1}, ${INITIAL_BALANCE})`).join(',');
  await db.query(`INSERT INTO bank.accounts VALUES ${rows}`);
  await db.end();
}

let transfers = 0;
let retries = 0;
let errors = 0;
let firstError: string | undefined;

async function transfer(db: Connection): Promise<void> {
  const from = 1 + Math.floor(Math.random() * accounts);
  let to = 1 + Math.floor(Math.random() * (accounts - 1));
  if (to >= from) to++;
  const amount = 1 + Math.floor(Math.random() * 10);
  await db.query('BEGIN');
  try {
    await db.query(`SELECT id, balance FROM accounts WHERE id IN (${from}, ${to}) FOR UPDATE`);
    await db.query(`UPDATE accounts SET balance = balance - ${amount} WHERE id = ${from}`);
    await db.query(`UPDATE accounts SET balance = balance + ${amount} WHERE id = ${to}`);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function worker(deadline: number): Promise<void> {
  const db = await open();
  try {
    while (Date.now() < deadline) {
      try {
        await transfer(db);
        transfers++;
      } catch (error) {
        const code = (error as { errno?: number }).errno;
        if (code !== undefined && RETRYABLE.has(code)) retries++;
        else {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }
  } finally {
    await db.end();
  }
}

if (values.setup) await setup();
const deadline = Date.now() + Number(values.seconds) * 1000;
const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: Number(values.connections) }, () => worker(deadline)));
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
const check = await open();
const [[sum]] = await check.query<RowDataPacket[]>('SELECT SUM(balance) AS total, COUNT(*) AS n FROM accounts');
await check.end();
const isBalanced = Number(sum!.total) === accounts * INITIAL_BALANCE && Number(sum!.n) === accounts;
process.stdout.write(`${JSON.stringify({ transfers, perSecond: transfers / elapsed, retries, errors, firstError, isBalanced })}\n`);
