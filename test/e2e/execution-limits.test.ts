// End-to-end: max_execution_time and the MAX_EXECUTION_TIME(n) hint end a long SELECT with 3024 (writes are not
// limited); txn-total-size-limit ends a transaction that buffers too much with 8004; tidb_mem_quota_query ends a
// query that holds too much with 8175.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** 27,000,000 rows: far more than any loaded machine streams within the limits below. */
const ENDLESS_SELECT = 'SELECT x.v, y.v, z.v FROM n300 x, n300 y, n300 z';
/** A small txn-total-size-limit, so the test writes little. */
const TXN_LIMIT = 1024 * 1024;
const TIMEOUT_MESSAGE = 'Query execution was interrupted, maximum statement execution time exceeded';

async function timedOut(db: Connection, sql: string): Promise<void> {
  await assert.rejects(db.query(sql), (error: { errno?: number; message?: string }) => {
    assert.equal(error.errno, 3024, error.message);
    assert.equal(error.message, TIMEOUT_MESSAGE);
    return true;
  });
}

describe('statement execution time limits', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal({ args: ['--txn-total-size-limit', String(TXN_LIMIT)] });
    db = await connect(server.port);
    await db.query('CREATE DATABASE lim');
    await db.query('USE lim');
    await db.query('CREATE TABLE n300 (v INT)');
    await db.query('INSERT INTO n300 WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 300) SELECT n FROM s');
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  it('the MAX_EXECUTION_TIME hint ends a SELECT with 3024', async () => {
    await timedOut(db, ENDLESS_SELECT.replace('SELECT', 'SELECT /*+ MAX_EXECUTION_TIME(300) */'));
    const [rows] = await db.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM n300');
    assert.equal(rows[0]?.n, 300);
  });

  it('@@max_execution_time limits SELECTs of the session, and the hint overrides it', async () => {
    await db.query('SET SESSION max_execution_time = 300');
    await timedOut(db, ENDLESS_SELECT);
    const [rows] = await db.query<RowDataPacket[]>('SELECT /*+ MAX_EXECUTION_TIME(0) */ COUNT(*) AS n FROM n300 WHERE SLEEP(0.002) = 0');
    assert.equal(rows[0]?.n, 300, 'a hint of 0 lifts the limit for a statement that runs past it');
    await db.query('INSERT INTO n300 SELECT v FROM n300 WHERE SLEEP(0.002) = 0');
    await db.query('SET SESSION max_execution_time = 0');
    const [after] = await db.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM n300');
    assert.equal(after[0]?.n, 600, 'INSERT … SELECT is not limited, as in MySQL');
  });

  it('a transaction writing more than txn-total-size-limit fails with 8004, and the one before it is intact', async () => {
    await db.query('CREATE TABLE blobs (id INT PRIMARY KEY, b LONGBLOB)');
    await db.query('BEGIN');
    await db.query("INSERT INTO blobs VALUES (1, REPEAT('a', 600000))");
    await assert.rejects(db.query("INSERT INTO blobs VALUES (2, REPEAT('b', 600000))"), (error: { errno?: number; message?: string }) => {
      assert.equal(error.errno, 8004, error.message);
      assert.match(error.message ?? '', /^Transaction is too large, size: \d+$/);
      return true;
    });
    await db.query('COMMIT');
    const [rows] = await db.query<RowDataPacket[]>('SELECT id, LENGTH(b) AS n FROM blobs');
    assert.deepEqual(rows.map((row): unknown[] => [row.id, row.n]), [[1, 600000]]);
    await db.query("INSERT INTO blobs VALUES (3, REPEAT('c', 600000))");
  });

  it('a query holding more than tidb_mem_quota_query fails with 8175, and runs within the default quota', async () => {
    // 90,000 groups of about 150 bytes each: some 20 MB held by the aggregation.
    const grouped = "SELECT CONCAT(x.v, '-', y.v, REPEAT('p', 100)) AS s, COUNT(*) AS n FROM n300 x, n300 y GROUP BY s ORDER BY n DESC LIMIT 1";
    await db.query('SET SESSION tidb_mem_quota_query = 4194304');
    await assert.rejects(db.query(grouped), (error: { errno?: number; message?: string }) => {
      assert.equal(error.errno, 8175, error.message);
      assert.match(error.message ?? '', /^Your query has been cancelled due to exceeding the allowed memory limit for a single SQL query\. Please try narrowing your query scope or increase the tidb_mem_quota_query limit and try again\.\[conn=\d+\]$/);
      return true;
    });
    await db.query('SET SESSION tidb_mem_quota_query = DEFAULT');
    const [rows] = await db.query<RowDataPacket[]>(grouped);
    assert.equal(rows.length, 1);
  });
});
