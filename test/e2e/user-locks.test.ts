// End-to-end: user-level locks (GET_LOCK and its family) between real sessions, as migration tools take them:
// re-entrant holds, timeouts, waits for ever, MySQL's deadlock error, KILL, and release when a session ends.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

/** The single value a one-row, one-column query returns (numbers as numbers, NULL as null). */
async function value(db: Connection, sql: string, params: unknown[] = []): Promise<unknown> {
  const [rows] = await db.query<RowDataPacket[]>({ sql, rowsAsArray: true }, params);
  return (rows[0] as unknown[])[0];
}

describe('user-level locks', () => {
  let server: TidalProcess;
  let a: Connection;
  let b: Connection;

  before(async () => {
    server = await startTidal();
    a = await connect(server.port);
    b = await connect(server.port);
  });

  after(async () => {
    await a.end();
    await b.end();
    await server.stop();
  });

  it('are re-entrant and released as often as taken; names compare case-insensitively', async () => {
    assert.equal(await value(a, "SELECT GET_LOCK('Migrate', 0)"), 1);
    assert.equal(await value(a, "SELECT GET_LOCK('migrate', 0)"), 1);
    assert.equal(await value(a, "SELECT IS_USED_LOCK('MIGRATE') = CONNECTION_ID()"), 1);
    assert.equal(await value(b, "SELECT IS_USED_LOCK('migrate')"), a.threadId);
    assert.equal(await value(b, "SELECT IS_FREE_LOCK('migrate')"), 0);
    assert.equal(await value(b, "SELECT RELEASE_LOCK('migrate')"), 0, 'another session cannot release it');
    assert.equal(await value(a, "SELECT RELEASE_LOCK('migrate')"), 1);
    assert.equal(await value(b, "SELECT IS_FREE_LOCK('migrate')"), 0, 'still held once');
    assert.equal(await value(a, "SELECT RELEASE_LOCK('migrate')"), 1);
    assert.equal(await value(b, "SELECT IS_FREE_LOCK('migrate')"), 1);
    assert.equal(await value(a, "SELECT RELEASE_LOCK('migrate')"), null, 'nobody holds it');
    assert.equal(await value(a, "SELECT IS_USED_LOCK('migrate')"), null);
    assert.equal(await value(a, "SELECT GET_LOCK('one', 0) + GET_LOCK('two', 0) + GET_LOCK('two', 0)"), 3);
    assert.equal(await value(a, 'SELECT RELEASE_ALL_LOCKS()'), 3);
    assert.equal(await value(a, 'SELECT RELEASE_ALL_LOCKS()'), 0);
  });

  it('refuse empty, NULL and over-long names with 3057', async () => {
    await assertSqlError(a, "SELECT GET_LOCK('', 1)", 3057, "Incorrect user-level lock name ''.");
    await assertSqlError(a, 'SELECT GET_LOCK(NULL, 1)', 3057, "Incorrect user-level lock name 'NULL'.");
    await assertSqlError(a, `SELECT IS_FREE_LOCK('${'x'.repeat(65)}')`, 3057);
    assert.equal(await value(a, `SELECT IS_FREE_LOCK('${'x'.repeat(64)}')`), 1);
  });

  it('time out with 0, and a waiter gets the lock when its holder releases it or disconnects', async () => {
    assert.equal(await value(a, "SELECT GET_LOCK('job', 10)"), 1);
    assert.equal(await value(b, "SELECT GET_LOCK('job', 0)"), 0);
    assert.equal(await value(b, "SELECT GET_LOCK('job', 1)"), 0, 'a one-second wait times out');
    // A negative timeout waits for ever; the holder's release hands the lock over.
    const waiting = value(b, "SELECT GET_LOCK('job', -1)");
    await waitFor(async () => (await value(a, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '%GET_LOCK(''job'', _1)%'")) === 1, 'the waiter', 60_000);
    assert.equal(await value(a, "SELECT RELEASE_LOCK('job')"), 1);
    assert.equal(await waiting, 1);
    assert.equal(await value(a, "SELECT IS_USED_LOCK('job')"), b.threadId);
    // A session that ends releases what it holds.
    const holder = await connect(server.port);
    assert.equal(await value(holder, "SELECT GET_LOCK('temp', 0)"), 1);
    const next = value(a, "SELECT GET_LOCK('temp', 60)");
    await holder.end();
    assert.equal(await next, 1);
    assert.equal(await value(a, 'SELECT RELEASE_ALL_LOCKS()'), 1);
    assert.equal(await value(b, 'SELECT RELEASE_ALL_LOCKS()'), 1);
  });

  it('answer 3058 when a wait would close a cycle, and the other wait goes on', async () => {
    assert.equal(await value(a, "SELECT GET_LOCK('first', 0)"), 1);
    assert.equal(await value(b, "SELECT GET_LOCK('second', 0)"), 1);
    const aWaits = value(a, "SELECT GET_LOCK('second', 60)");
    await waitFor(async () => (await value(b, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '%GET_LOCK(''second''%'")) === 1, 'the waiter', 60_000);
    await assertSqlError(
      b,
      "SELECT GET_LOCK('first', 60)",
      3058,
      'Deadlock found when trying to get user-level lock; try rolling back transaction/releasing locks and restarting lock acquisition.',
    );
    assert.equal(await value(b, "SELECT RELEASE_LOCK('second')"), 1);
    assert.equal(await aWaits, 1);
    assert.equal(await value(a, 'SELECT RELEASE_ALL_LOCKS()'), 2);
  });

  it('end a wait on KILL QUERY (1317) and stay usable; prepared statements take them too', async () => {
    assert.equal(await value(a, "SELECT GET_LOCK('busy', 0)"), 1);
    const killed = b.query("SELECT GET_LOCK('busy', 60)");
    // The waiter's error may arrive before the KILL's OK: handled from the start, checked below.
    killed.catch(() => undefined);
    await waitFor(async () => (await value(a, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '%GET_LOCK(''busy'', 60)%'")) === 1, 'the waiter', 60_000);
    await a.query(`KILL QUERY ${b.threadId}`);
    await assert.rejects(killed, (error: unknown) => (error as { errno?: number }).errno === 1317);
    assert.equal(await value(b, "SELECT IS_USED_LOCK('busy')"), a.threadId);
    const [rows] = await b.execute<RowDataPacket[]>('SELECT GET_LOCK(?, ?) AS got', ['other', 0]);
    assert.equal(rows[0]!.got, 1);
    assert.equal(await value(a, 'SELECT RELEASE_ALL_LOCKS()'), 1);
    // COM_CHANGE_USER starts a new session: the old one's locks go.
    await b.changeUser({ user: 'root', password: '' });
    assert.equal(await value(a, "SELECT IS_FREE_LOCK('other')"), 1);
  });
});
