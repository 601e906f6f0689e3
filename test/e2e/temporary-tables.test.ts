// End-to-end: temporary tables between real sessions: the cases in test/sql/temporary-table-cases.ts, then what only
// several connections show: visibility to the creating session only, the end of a session (disconnect,
// COM_RESET_CONNECTION, COM_CHANGE_USER), prepared statements and their plan cache, privileges, the mariadb CLI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as mariadbConnector from 'mariadb';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { TEMPORARY_TABLE_CASES, TEMPORARY_TABLE_SETUP } from '../sql/temporary-table-cases.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { runSqlCases } from './helpers/sql-case-runner.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

runSqlCases('temporary table cases', TEMPORARY_TABLE_SETUP, TEMPORARY_TABLE_CASES);

/** The rows of `sql` as arrays. */
async function rows(db: Connection, sql: string, params: unknown[] = []): Promise<unknown[][]> {
  const [result] = await db.query<RowDataPacket[]>({ sql, rowsAsArray: true }, params);
  return result as unknown as unknown[][];
}

describe('temporary tables between sessions', () => {
  let server: TidalProcess;
  let a: Connection;
  let b: Connection;

  before(async () => {
    server = await startTidal();
    a = await connect(server.port);
    b = await connect(server.port);
    await a.query('CREATE DATABASE tt');
    await a.query('USE tt');
    await b.query('USE tt');
    await a.query('CREATE TABLE shared (id INT PRIMARY KEY, who VARCHAR(10))');
    await a.query("INSERT INTO shared VALUES (1, 'stored')");
  });

  after(async () => {
    await a.end();
    await b.end();
    await server.stop();
  });

  it('are seen only by the session that made them, each session its own under one name', async () => {
    await a.query('CREATE TEMPORARY TABLE shared (id INT PRIMARY KEY, who VARCHAR(10))');
    await a.query("INSERT INTO shared VALUES (1, 'a')");
    await b.query('CREATE TEMPORARY TABLE shared (id INT PRIMARY KEY, who VARCHAR(10))');
    await b.query("INSERT INTO shared VALUES (1, 'b')");
    assert.deepEqual(await rows(a, 'SELECT who FROM shared'), [['a']]);
    assert.deepEqual(await rows(b, 'SELECT who FROM shared'), [['b']]);
    // Both sessions write row 1 of "their" table at once: no lock is shared between them.
    await a.query('BEGIN');
    await a.query("UPDATE shared SET who = 'a2' WHERE id = 1");
    await b.query("UPDATE shared SET who = 'b2' WHERE id = 1");
    await a.query('COMMIT');
    assert.deepEqual(await rows(a, 'SELECT who FROM shared'), [['a2']]);
    assert.deepEqual(await rows(b, 'SELECT who FROM shared'), [['b2']]);
    await a.query('DROP TEMPORARY TABLE shared');
    assert.deepEqual(await rows(a, 'SELECT who FROM shared'), [['stored']]);
    assert.deepEqual(await rows(b, 'SELECT who FROM shared'), [['b2']]);
    await b.query('DROP TABLE shared');
    assert.deepEqual(await rows(b, 'SELECT who FROM shared'), [['stored']]);
    await a.query('CREATE TEMPORARY TABLE only_a (x INT)');
    await assertSqlError(b, 'SELECT * FROM tt.only_a', 1146);
    await assertSqlError(b, 'DROP TEMPORARY TABLE only_a', 1051);
    await a.query('DROP TEMPORARY TABLE only_a');
  });

  it('go when the session ends: disconnect, COM_RESET_CONNECTION and COM_CHANGE_USER', async () => {
    const short = await connect(server.port, { database: 'tt' });
    await short.query('CREATE TEMPORARY TABLE gone (a INT)');
    await short.query('INSERT INTO gone VALUES (1)');
    await short.end();
    await assertSqlError(a, 'SELECT * FROM gone', 1146);

    const pooled = await mariadbConnector.createConnection({ host: '127.0.0.1', port: server.port, user: 'root', database: 'tt' });
    try {
      await pooled.query('CREATE TEMPORARY TABLE gone (a INT)');
      assert.deepEqual(await pooled.query({ sql: 'SELECT COUNT(*) FROM gone', rowsAsArray: true }), [[0n]]);
      await pooled.reset();
      await assert.rejects(pooled.query('SELECT * FROM gone'), (error: { errno?: number }) => error.errno === 1146);
    } finally {
      await pooled.end();
    }

    const changing = await connect(server.port, { database: 'tt' });
    try {
      await changing.query('CREATE TEMPORARY TABLE gone (a INT)');
      await changing.changeUser({ user: 'root', password: '', database: 'tt' });
      await assertSqlError(changing, 'SELECT * FROM gone', 1146);
    } finally {
      await changing.end();
    }
  });

  it('serve prepared statements, and a kept plan never reads a table that appeared or went since', async () => {
    const [statement] = await a.execute<RowDataPacket[]>({ sql: 'SELECT who FROM shared WHERE id = ?', rowsAsArray: true }, [1]);
    assert.deepEqual(statement, [['stored']]);
    await a.query('CREATE TEMPORARY TABLE shared (id INT PRIMARY KEY, who VARCHAR(10))');
    await a.execute('INSERT INTO shared VALUES (?, ?)', [1, 'temp']);
    const [shadowed] = await a.execute<RowDataPacket[]>({ sql: 'SELECT who FROM shared WHERE id = ?', rowsAsArray: true }, [1]);
    assert.deepEqual(shadowed, [['temp']]);
    const [again] = await a.execute<RowDataPacket[]>({ sql: 'SELECT who FROM shared WHERE id = ?', rowsAsArray: true }, [1]);
    assert.deepEqual(again, [['temp']]);
    assert.deepEqual(await rows(a, 'SELECT @@last_plan_from_cache'), [[1]]);
    await a.query('DROP TEMPORARY TABLE shared');
    const [stored] = await a.execute<RowDataPacket[]>({ sql: 'SELECT who FROM shared WHERE id = ?', rowsAsArray: true }, [1]);
    assert.deepEqual(stored, [['stored']]);
    assert.deepEqual(await rows(a, 'SELECT @@last_plan_from_cache'), [[0]]);
  });

  it('need CREATE TEMPORARY TABLES, and no privilege on the table once made', async () => {
    await a.query("CREATE USER 'tmpuser'@'%' IDENTIFIED BY 'pw'");
    await a.query("GRANT SELECT ON tt.shared TO 'tmpuser'@'%'");
    const user = await connect(server.port, { user: 'tmpuser', password: 'pw', database: 'tt' });
    try {
      await assertSqlError(user, 'CREATE TEMPORARY TABLE mine (a INT)', 1044);
      await a.query("GRANT CREATE TEMPORARY TABLES ON tt.* TO 'tmpuser'@'%'");
      await user.query('CREATE TEMPORARY TABLE mine (a INT)');
      await user.query('INSERT INTO mine VALUES (1), (2)');
      await user.query('UPDATE mine SET a = a * 10');
      assert.deepEqual(await rows(user, 'SELECT SUM(a) FROM mine'), [['30']]);
      await user.query('DROP TEMPORARY TABLE mine');
      await assertSqlError(user, 'INSERT INTO shared VALUES (5, 5)', 1142);
    } finally {
      await user.end();
    }
  });

  it('work through the mariadb CLI', async () => {
    const sql = [
      'CREATE TEMPORARY TABLE cli_tmp (id INT PRIMARY KEY, n INT);',
      'INSERT INTO cli_tmp VALUES (1, 10), (2, 20);',
      'SELECT SUM(n) FROM cli_tmp;',
      'SHOW TABLES;',
    ].join('\n');
    const result = await mariadb(server.port, ['--batch', '--skip-column-names', '--skip-ssl', 'tt'], sql);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '30\nshared\n');
  });
});
