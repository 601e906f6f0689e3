// kill -9 under write load: every acknowledged commit survives a restart, and no transaction is half there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect } from '../e2e/helpers/mysql2-client.js';
import { startTidal, tempDir } from '../e2e/helpers/tidal-process.js';
import { report, scaled } from './reliability-scale.js';

const WRITERS = 3;

/** Writes pairs of rows (one group per transaction) until the connection breaks; returns the acknowledged groups. */
async function writeUntilKilled(db: Connection, writer: number, acknowledged: Set<number>): Promise<void> {
  for (let n = 0; ; n++) {
    const group = writer * 10_000_000 + Date.now() % 1_000_000 * 10 + (n % 10);
    try {
      await db.query('BEGIN');
      await db.query('INSERT INTO pairs VALUES (?, ?), (?, ?)', [group * 2, group, group * 2 + 1, group]);
      await db.query('COMMIT');
      acknowledged.add(group);
    } catch (error) {
      if ((error as { errno?: number }).errno === 1062) continue;
      return;
    }
  }
}

test('kill -9 loses no acknowledged commit and leaves no half transaction', { timeout: scaled(110_000, 1_800_000) }, async () => {
  const rounds = scaled(3, 30);
  const dir = await tempDir('kill9');
  let lost = 0;
  let halves = 0;
  let acknowledgedTotal = 0;
  try {
    let server = await startTidal({ dataDir: dir.path });
    const setup = await connect(server.port);
    await setup.query('CREATE DATABASE k');
    await setup.query('CREATE TABLE k.pairs (id BIGINT PRIMARY KEY, grp BIGINT NOT NULL)');
    await setup.end();
    for (let round = 0; round < rounds; round++) {
      const acknowledged = new Set<number>();
      const writers = await Promise.all(Array.from({ length: WRITERS }, () => connect(server.port, { database: 'k' })));
      const running = writers.map((db, i) => writeUntilKilled(db, i + 1, acknowledged));
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.floor(Math.random() * 600)));
      await server.kill9();
      await Promise.all(running);
      writers.forEach((db) => db.destroy());
      server = await startTidal({ dataDir: dir.path });
      const check = await connect(server.port, { database: 'k' });
      const [rows] = await check.query<RowDataPacket[]>('SELECT grp, COUNT(*) AS n FROM pairs GROUP BY grp');
      const present = new Map(rows.map((row) => [Number(row.grp), Number(row.n)]));
      for (const group of acknowledged) if (!present.has(group)) lost++;
      for (const count of present.values()) if (count !== 2) halves++;
      acknowledgedTotal += acknowledged.size;
      await check.query('DELETE FROM pairs');
      await check.end();
    }
    await server.stop();
  } finally {
    await dir.remove();
  }
  report('kill -9 rounds', rounds);
  report('acknowledged commits', acknowledgedTotal);
  report('lost commits', lost);
  report('half transactions', halves);
  assert.equal(lost, 0);
  assert.equal(halves, 0);
  assert.ok(acknowledgedTotal > 0, 'the writers committed something');
});
