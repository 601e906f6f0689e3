// Big values through both protocols (a _binary literal in statement text, a prepared statement's parameter), timed
// against MariaDB when one is reachable at 127.0.0.1:3306.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import mysql from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';
import { binaryLiteral, mariadbBinary, sqlBytes } from '../e2e/helpers/binary-literal.js';
import { startTidal } from '../e2e/helpers/tidal-process.js';
import { report, scaled } from './reliability-scale.js';

const MARIADB_PORT = 3306;

/** Seconds the text protocol (CLI) and the prepared protocol (mysql2) take to store `blob` on the server at `port`. */
async function timeBothProtocols(port: number, blob: Buffer, database: string): Promise<{ text: number; prepared: number }> {
  const md5 = createHash('md5').update(blob).digest('hex');
  let started = Date.now();
  const text = await mariadbBinary(port, sqlBytes(`CREATE DATABASE IF NOT EXISTS ${database}; USE ${database}; CREATE TABLE IF NOT EXISTS big (id INT PRIMARY KEY, b LONGBLOB); DELETE FROM big;\nINSERT INTO big VALUES (1, `, binaryLiteral(blob), ');\nSELECT MD5(b) FROM big;'));
  const textSeconds = (Date.now() - started) / 1000;
  assert.equal(text.code, 0, text.stderr);
  assert.equal(text.stdout.trim(), md5);
  const db = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', database, maxPreparedStatements: 4 });
  try {
    started = Date.now();
    await db.execute('INSERT INTO big VALUES (?, ?)', [2, blob]);
    const preparedSeconds = (Date.now() - started) / 1000;
    const [rows] = await db.query<RowDataPacket[]>('SELECT MD5(b) AS m FROM big WHERE id = 2');
    assert.equal(rows[0]?.m, md5);
    await db.query(`DROP DATABASE ${database}`);
    return { text: textSeconds, prepared: preparedSeconds };
  } finally {
    await db.end();
  }
}

async function isMariadbReachable(): Promise<boolean> {
  try {
    const db = await mysql.createConnection({ host: '127.0.0.1', port: MARIADB_PORT, user: 'root' });
    const [rows] = await db.query<RowDataPacket[]>('SELECT @@max_allowed_packet AS m');
    await db.end();
    return Number(rows[0]?.m) >= 64 * 1024 * 1024;
  } catch {
    return false;
  }
}

test('big values through the text and the prepared protocol', { timeout: scaled(110_000, 900_000) }, async () => {
  const mib = scaled(8, 48);
  const blob = randomBytes(mib * 1024 * 1024);
  const server = await startTidal({ args: ['--max-allowed-packet', String(1024 * 1024 * 1024)] });
  try {
    const tidal = await timeBothProtocols(server.port, blob, 'rel_big');
    report(`${mib} MiB value, TidalDB`, `text ${tidal.text.toFixed(1)} s, prepared ${tidal.prepared.toFixed(1)} s`);
    if (await isMariadbReachable()) {
      const maria = await timeBothProtocols(MARIADB_PORT, blob, 'rel_big_reference');
      report(`${mib} MiB value, MariaDB`, `text ${maria.text.toFixed(1)} s, prepared ${maria.prepared.toFixed(1)} s`);
    } else {
      report(`${mib} MiB value, MariaDB`, 'not compared (no MariaDB with max_allowed_packet >= 64 MiB at 127.0.0.1:3306)');
    }
  } finally {
    await server.stop();
  }
});
