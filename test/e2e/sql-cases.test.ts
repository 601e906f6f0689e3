// End-to-end: the SQL behaviour table in test/sql/query-cases.ts, through mysql2's text protocol.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { QUERY_CASES, SETUP } from '../sql/query-cases.js';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

describe('SQL behaviour cases', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { rowsAsArray: true });
    await db.query('CREATE DATABASE cases');
    await db.query('USE cases');
    for (const sql of SETUP) await db.query(sql);
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  for (const testCase of QUERY_CASES) {
    it(testCase.sql, async () => {
      if (testCase.error !== undefined) {
        await assert.rejects(db.query(testCase.sql), (error: { errno?: number; message?: string }) => {
          assert.equal(error.errno, testCase.error, error.message);
          return true;
        });
        return;
      }
      if (testCase.affectedRows !== undefined) {
        const [header] = await db.query<ResultSetHeader>(testCase.sql);
        assert.equal(header.affectedRows, testCase.affectedRows);
        return;
      }
      // Raw text-protocol cells: exactly what the server sent, with NULL as null.
      const [rows] = await db.query<RowDataPacket[]>({ sql: testCase.sql, typeCast: false });
      const cells = (rows as unknown as (Buffer | null)[][]).map((row) => row.map((cell) => (cell === null ? null : cell.toString('utf8'))));
      assert.deepEqual(cells, testCase.rows);
    });
  }
});
