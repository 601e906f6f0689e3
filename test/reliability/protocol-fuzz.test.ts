// Protocol fuzzing before and after authentication, connection floods and stalled handshakes: the server never
// crashes and keeps answering; memory per idle TLS connection is measured.
import assert from 'node:assert/strict';
import { connect as netConnect } from 'node:net';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Connection } from 'mysql2/promise';
import { RawMysqlClient } from '../e2e/helpers/raw-mysql-client.js';
import { connect } from '../e2e/helpers/mysql2-client.js';
import { startTidal } from '../e2e/helpers/tidal-process.js';
import type { TidalProcess } from '../e2e/helpers/tidal-process.js';
import { report, residentBytes, scaled } from './reliability-scale.js';

/** Waits for the server's answer or for it to close the connection, whichever comes first. */
async function settle(client: RawMysqlClient): Promise<void> {
  await Promise.race([client.next(2000).catch(() => undefined), client.closed]);
  client.close();
}

async function isAlive(server: TidalProcess): Promise<boolean> {
  if (server.child.exitCode !== null) return false;
  const db = await connect(server.port);
  await db.query('SELECT 1');
  await db.end();
  return true;
}

test('fuzzed packets before and after login never crash the server', { timeout: scaled(110_000, 1_800_000) }, async () => {
  const server = await startTidal();
  let inputs = 0;
  try {
    const preAuth = fc.uint8Array({ minLength: 0, maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(preAuth, fc.integer({ min: 0, max: 3 }), async (bytes, sequenceId) => {
        const { client } = await RawMysqlClient.open(server.port);
        client.send(sequenceId, Buffer.from(bytes));
        inputs++;
        await settle(client);
      }),
      { numRuns: scaled(150, 5000) },
    );
    const command = fc.tuple(fc.integer({ min: 0, max: 0x20 }), fc.uint8Array({ maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(command, async ([code, body]) => {
        const { client } = await RawMysqlClient.open(server.port);
        client.login('root', 'mysql_native_password', Buffer.alloc(0));
        await client.next();
        // COM_QUIT, COM_SHUTDOWN-like and COM_CHANGE_USER end the session; everything else must get an answer or a close.
        client.send(0, Buffer.concat([Buffer.from([code]), Buffer.from(body)]));
        inputs++;
        await settle(client);
      }),
      { numRuns: scaled(150, 5000) },
    );
    assert.equal(await isAlive(server), true);
  } finally {
    report('fuzzed inputs', inputs);
    report('crashes', server.child.exitCode === null ? 0 : 1);
    await server.stop();
  }
});

test('a flood of connections and stalled handshakes leaves the server answering', { timeout: scaled(110_000, 600_000) }, async () => {
  const stalledCount = scaled(100, 800);
  const idleCount = scaled(50, 300);
  // Connections still in their handshake count against max_connections, as in MySQL: room for both kinds.
  const server = await startTidal({ args: ['--max-connections', String(2 * (stalledCount + idleCount))] });
  const stalled = Array.from({ length: stalledCount }, () => netConnect(server.port, '127.0.0.1'));
  for (const socket of stalled) socket.on('error', () => undefined);
  const idle: Connection[] = [];
  try {
    assert.equal(await isAlive(server), true, 'answers while handshakes stall');
    const before = residentBytes(server.child.pid!);
    const count = idleCount;
    for (let i = 0; i < count; i++) idle.push(await connect(server.port, { ssl: { rejectUnauthorized: false } }));
    const perConnection = (residentBytes(server.child.pid!) - before) / count;
    report('memory per idle TLS connection', `${(perConnection / 1024).toFixed(0)} KiB (${count} connections)`);
    assert.equal(await isAlive(server), true);
  } finally {
    for (const socket of stalled) socket.destroy();
    await Promise.all(idle.map((db) => db.end().catch(() => undefined)));
    report('flood crashes', server.child.exitCode === null ? 0 : 1);
    await server.stop();
  }
});
