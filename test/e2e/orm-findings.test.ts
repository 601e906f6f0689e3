// End-to-end: what Django's test suite found (issue 14) — the DDL cases of test/sql/orm-ddl-cases.ts, and the OK
// packet's insert id of an INSERT that gives its AUTO_INCREMENT value, as mysql2 reads it (checked against MariaDB).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { ORM_DDL_CASES, ORM_DDL_SETUP } from '../sql/orm-ddl-cases.js';
import { connect } from './helpers/mysql2-client.js';
import { runSqlCases } from './helpers/sql-case-runner.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

runSqlCases('ORM DDL cases', ORM_DDL_SETUP, ORM_DDL_CASES);

describe('insert id of explicit AUTO_INCREMENT values', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port);
    await db.query('CREATE DATABASE ids');
    await db.query('USE ids');
    await db.query('CREATE TABLE a (id INT AUTO_INCREMENT PRIMARY KEY, v INT)');
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  it('is the value given (the last one of several), a generated one wins, an ignored row gives none', async () => {
    const insertId = async (sql: string): Promise<number> => (await db.query<ResultSetHeader>(sql))[0].insertId;
    assert.equal(await insertId('INSERT INTO a VALUES (42, 1)'), 42);
    assert.equal(await insertId('INSERT INTO a VALUES (50, 1), (47, 1)'), 47);
    assert.equal(await insertId('INSERT INTO a VALUES (60, 1), (NULL, 1), (70, 1)'), 61);
    assert.equal(await insertId('INSERT IGNORE INTO a VALUES (70, 1)'), 0);
    // LAST_INSERT_ID() keeps the last generated value only.
    const [rows] = await db.query<RowDataPacket[]>({ sql: 'SELECT LAST_INSERT_ID()', rowsAsArray: true });
    assert.deepEqual(rows, [[61]]);
  });
});
