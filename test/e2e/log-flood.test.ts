// End-to-end: failures a client can cause repeatedly (access denied, malformed handshakes) are logged at most 20
// times a minute per kind, then summed up in one "suppressed N similar messages" line.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawMysqlClient } from './helpers/raw-mysql-client.js';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const ATTEMPTS = 45;
const LIMIT_PER_MINUTE = 20;

describe('failure logging is rate limited per kind', () => {
  let server: TidalProcess;

  before(async () => {
    server = await startTidal();
  });

  after(async () => {
    await server.stop();
  });

  it('access denied and malformed handshakes each log at most 20 lines, then one summary', async () => {
    for (let i = 0; i < ATTEMPTS; i++) {
      await assert.rejects(connect(server.port, { user: 'nobody', password: 'wrong' }), { errno: 1045 });
      const { client } = await RawMysqlClient.open(server.port);
      client.send(1, Buffer.from('not a handshake response'));
      await client.closed;
    }
    await server.stop();
    const records = server.records();
    const denied = records.filter((r) => r.msg === 'login failed' && String(r.reason).startsWith('Access denied'));
    const malformed = records.filter((r) => r.msg === 'login failed' && String(r.reason).startsWith('Malformed'));
    assert.equal(denied.length, LIMIT_PER_MINUTE);
    assert.equal(malformed.length, LIMIT_PER_MINUTE);
    const summaries = records.filter((r) => String(r.msg).startsWith('suppressed'));
    assert.deepEqual(summaries.map((r) => r.msg).sort(), [`suppressed ${ATTEMPTS - LIMIT_PER_MINUTE} similar messages`, `suppressed ${ATTEMPTS - LIMIT_PER_MINUTE} similar messages`]);
  });
});
