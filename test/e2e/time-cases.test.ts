// End-to-end: MySQL's TIME type through mysql2 — the cases in test/sql/time-cases.ts, column metadata, typed reads.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { SETUP, TIME_CASES } from '../sql/time-cases.js';
import { connect } from './helpers/mysql2-client.js';
import { checkSqlCase } from './helpers/sql-case-runner.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const MYSQL_TYPE_TIME = 11;

describe('TIME type cases', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { rowsAsArray: true });
    await db.query('CREATE DATABASE time_cases');
    await db.query('USE time_cases');
    for (const sql of SETUP) await db.query(sql);
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  for (const testCase of TIME_CASES) {
    it(testCase.sql, () => checkSqlCase(db, testCase));
  }

  it('describes TIME columns and results as MYSQL_TYPE_TIME with their fsp', async () => {
    const [, fields] = await db.query<RowDataPacket[]>("SELECT t, u, TIME '1:00:00.12', CURTIME(6), SEC_TO_TIME(1), TIMEDIFF(t, u) FROM tt LIMIT 1");
    const described = fields.map((field) => [field.columnType, field.decimals]);
    assert.deepEqual(described, [[MYSQL_TYPE_TIME, 0], [MYSQL_TYPE_TIME, 3], [MYSQL_TYPE_TIME, 2], [MYSQL_TYPE_TIME, 6], [MYSQL_TYPE_TIME, 0], [MYSQL_TYPE_TIME, 3]]);
  });

  it('lets mysql2 read TIME values back as the strings MySQL sends', async () => {
    const typed = await connect(server.port);
    try {
      await typed.query('USE time_cases');
      const [rows] = await typed.query<RowDataPacket[]>('SELECT id, t, u FROM tt WHERE id IN (1, 2, 4) ORDER BY id');
      assert.deepEqual(
        rows.map((row): unknown[] => [row.id, row.t, row.u]),
        [[1, '08:30:00', '36:00:00.124'], [2, '-01:00:00', '00:00:01.500'], [4, '100:00:00', '-838:59:59.000']],
      );
    } finally {
      await typed.end();
    }
  });

  it('keeps TIME values across a restart', async () => {
    const [before] = await db.query<RowDataPacket[]>({ sql: 'SELECT id, t, u FROM tt ORDER BY t, id', typeCast: false });
    await db.end();
    await server.stop();
    server = await startTidal({ dataDir: server.dataDir });
    db = await connect(server.port, { rowsAsArray: true });
    await db.query('USE time_cases');
    const [afterRestart] = await db.query<RowDataPacket[]>({ sql: 'SELECT id, t, u FROM tt ORDER BY t, id', typeCast: false });
    assert.deepEqual(afterRestart, before);
    const [ranged] = await db.query<RowDataPacket[]>("SELECT id FROM tt WHERE t BETWEEN '-02:00' AND '09:00' ORDER BY id");
    assert.deepEqual(ranged, [[1], [2]]);
  });
});
