// runSqlCases: runs a table of SQL behaviour cases in order on one mysql2 connection to a fresh tidal-server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { SqlCase } from '../../sql/query-cases.js';
import { connect } from './mysql2-client.js';
import { startTidal } from './tidal-process.js';
import type { TidalProcess } from './tidal-process.js';

/**
 * One `describe` block: a new server and database `cases`, the SETUP statements, then each case as a test, in
 * order (later cases may depend on the writes of earlier ones).
 */
export function runSqlCases(title: string, setup: readonly string[], cases: readonly SqlCase[]): void {
  describe(title, () => {
    let server: TidalProcess;
    let db: Connection;
    /** Connections of other accounts (`as`), by name. */
    const others = new Map<string, Connection>();
    const connectionFor = async (as: string | undefined): Promise<Connection> => {
      if (as === undefined) return db;
      let connection = others.get(as);
      if (connection === undefined) {
        connection = await connect(server.port, { rowsAsArray: true, user: as.split('/')[0] ?? as });
        others.set(as, connection);
      }
      return connection;
    };

    before(async () => {
      server = await startTidal();
      db = await connect(server.port, { rowsAsArray: true });
      await db.query('CREATE DATABASE cases');
      await db.query('USE cases');
      for (const sql of setup) await db.query(sql);
    });

    after(async () => {
      for (const connection of others.values()) await connection.end();
      await db.end();
      await server.stop();
    });

    for (const testCase of cases) {
      it(testCase.as === undefined ? testCase.sql : `${testCase.sql} (as ${testCase.as})`, async () => {
        await checkSqlCase(await connectionFor(testCase.as), testCase);
      });
    }
  });
}

/** Runs one case on `db` and asserts its outcome: the error code, the affected rows (and info), or the exact cells. */
export async function checkSqlCase(db: Connection, testCase: SqlCase): Promise<void> {
  if (testCase.error !== undefined) {
    await assert.rejects(db.query(testCase.sql), (error: { errno?: number; message?: string }) => {
      assert.equal(error.errno, testCase.error, error.message);
      if (testCase.message !== undefined) assert.equal(error.message, testCase.message);
      return true;
    });
    return;
  }
  if (testCase.affectedRows !== undefined) {
    const [header] = await db.query<ResultSetHeader>(testCase.sql);
    assert.equal(header.affectedRows, testCase.affectedRows);
    if (testCase.info !== undefined) assert.equal(header.info, testCase.info);
    return;
  }
  // Raw text-protocol cells: exactly what the server sent, with NULL as null.
  const [rows] = await db.query<RowDataPacket[]>({ sql: testCase.sql, typeCast: false });
  const cells = (rows as unknown as (Buffer | null)[][]).map((row) => row.map((cell) => (cell === null ? null : cell.toString('utf8'))));
  assert.deepEqual(cells, testCase.rows);
}
