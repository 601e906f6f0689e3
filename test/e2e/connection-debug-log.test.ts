// End-to-end: a connection's debug records ("client logged in" with its id, peer and transport) are written at
// log-level debug and cost nothing below it: at info a login writes no connection record and works the same.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connect, connectionIdOf } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

void describe('connection debug records', () => {
  void it('at debug level logs each login with the connection id, the peer and whether it is TLS', async () => {
    const server = await startTidal();
    try {
      const overTls = await connect(server.port, { ssl: { rejectUnauthorized: false } });
      const plain = await connect(server.port);
      const tlsId = await connectionIdOf(overTls);
      const plainId = await connectionIdOf(plain);
      await Promise.all([overTls.end(), plain.end()]);
      const loginOf = (id: number): Record<string, unknown> | undefined =>
        server.records().find((record) => record.msg === 'client logged in' && record.conn === id);
      await waitFor(() => loginOf(tlsId) !== undefined && loginOf(plainId) !== undefined, 'both login records');
      assert.deepEqual(
        [loginOf(tlsId), loginOf(plainId)].map((record) => ({ user: record?.user, tls: record?.tls, isPeerLocal: String(record?.peer).startsWith('127.0.0.1:') })),
        [
          { user: 'root', tls: true, isPeerLocal: true },
          { user: 'root', tls: false, isPeerLocal: true },
        ],
      );
    } finally {
      await server.stop();
    }
  });

  void it('at info level writes no connection record for a login, which works as before', async () => {
    const server = await startTidal({ args: ['--log-level', 'info'] });
    try {
      const overTls = await connect(server.port, { ssl: { rejectUnauthorized: false } });
      assert.equal(await connectionIdOf(overTls) > 0, true);
      await overTls.end();
      const marker = await connect(server.port);
      await marker.query('SELECT 1');
      await marker.end();
      assert.deepEqual(server.records().filter((record) => record.conn !== undefined && record.level === 'debug'), []);
      assert.equal(server.records().some((record) => record.msg === 'client logged in'), false);
    } finally {
      await server.stop();
    }
  });
});
