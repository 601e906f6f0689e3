// End-to-end: the text plan cache (TiDB's non-prepared plan cache). Text queries with the same digest share one
// parsed statement and plan, their literals bound as values; a digest is planned for reuse when it recurs.
// @@last_plan_from_cache says which query reused a plan. DDL, SET, USE and parameter types make a new plan;
// privileges are checked on every query; literals that mean more than a value keep a query out of the cache.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

describe('text plan cache', () => {
  let server: TidalProcess;
  let db: Connection;

  const fromCache = async (connection: Connection = db): Promise<number> => {
    const [rows] = await connection.query<RowDataPacket[]>('SELECT @@last_plan_from_cache AS hit');
    return Number(rows[0]!.hit);
  };
  const rows = async (sql: string, connection: Connection = db): Promise<unknown[]> =>
    (await connection.query<RowDataPacket[]>(sql))[0].map((row) => ({ ...row }));
  /** Runs `sql` (a function of a counter, so literals change) three times; returns whether each reused a plan. */
  const hits = async (sql: (i: number) => string, connection: Connection = db): Promise<number[]> => {
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      await connection.query(sql(i));
      seen.push(await fromCache(connection));
    }
    return seen;
  };

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { supportBigNumbers: true, bigNumberStrings: true });
    await db.query('CREATE DATABASE tpc');
    await db.query('USE tpc');
    await db.query('CREATE TABLE t (id INT PRIMARY KEY, k INT, c VARCHAR(20), d DECIMAL(6,2), INDEX k_idx (k))');
    await db.query("INSERT INTO t VALUES (1, 10, 'a', 1.50), (2, 20, 'b', 2.25), (3, 10, 'c', -3.00), (4, 30, '5', 4.00)");
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  it('plans a recurring digest once and reuses it with the new literals, giving the rows a fresh plan gives', async () => {
    const fresh = await connect(server.port, { supportBigNumbers: true, bigNumberStrings: true, database: 'tpc' });
    await fresh.query('SET SESSION tidb_enable_non_prepared_plan_cache = OFF');
    try {
      const queries: ((i: number) => string)[] = [
        (i) => `SELECT c FROM t WHERE id = ${i + 1}`,
        (i) => `SELECT id, c AS label FROM t WHERE k = ${10 * (i + 1)} ORDER BY id`,
        (i) => `SELECT COUNT(*) AS n, SUM(d) AS s FROM t WHERE id BETWEEN ${i} AND ${i + 2}`,
        (i) => `SELECT id FROM t WHERE c = '${'abc'[i]}' OR c = '5'`,
        (i) => `SELECT id FROM t WHERE d > ${i}.25 ORDER BY id`,
        (i) => `SELECT id FROM t WHERE id IN (${i + 1}, ${i + 2}) AND k <> -${i} ORDER BY id DESC LIMIT 1`,
      ];
      for (const query of queries) {
        const seen: number[] = [];
        for (let i = 0; i < 3; i++) {
          const got = await rows(query(i));
          seen.push(await fromCache());
          assert.deepEqual(got, await rows(query(i), fresh), query(i));
        }
        assert.deepEqual(seen.slice(1), [0, 1], `${query(0)}: planned on the second run, reused on the third`);
      }
      assert.deepEqual(await hits((i) => `SELECT c FROM t WHERE id = ${i}`, fresh), [0, 0, 0], 'the switch turns it off');
    } finally {
      await fresh.end();
    }
  });

  it('keeps out literals that mean more than a value, and several statements', async () => {
    const outside = [
      (i: number) => `SELECT ${i} AS n FROM t WHERE id = 1`,
      (i: number) => `SELECT c FROM t WHERE id > ${i} ORDER BY 1`,
      (i: number) => `SELECT CONCAT(c, '${i}') AS x FROM t WHERE id = 1`,
      (i: number) => `SELECT c FROM t WHERE id = ${i}; SELECT 1`,
      (i: number) => `SELECT c FROM t WHERE DATE_ADD('2024-01-01', INTERVAL ${i} DAY) > '2024-01-01' AND id = 1`,
    ];
    for (const query of outside) {
      await db.query('SELECT c FROM t WHERE id = 1');
      assert.deepEqual((await hits(query)).slice(1), [0, 0], query(0));
    }
    // The literals of LIMIT stay in the digest: another LIMIT is another digest.
    assert.deepEqual(await hits((i) => `SELECT c FROM t WHERE id > ${i} ORDER BY id LIMIT 2`), [0, 0, 1]);
    assert.deepEqual(await rows('SELECT c FROM t WHERE id > 0 ORDER BY id LIMIT 1'), [{ c: 'a' }]);
    // Column names made from the select list's text stay the query's own.
    assert.deepEqual(Object.keys((await rows('SELECT id + 1, c FROM t WHERE id = 2'))[0] as object), ['id + 1', 'c']);
  });

  it('plans again after DDL, SET, USE and a change of literal type; writes reuse their plans too', async () => {
    const select = (i: number): string => `SELECT * FROM t WHERE id = ${(i % 2) + 1}`;
    assert.deepEqual(await hits(select), [0, 0, 1]);
    await db.query('ALTER TABLE t ADD COLUMN e INT DEFAULT 9');
    assert.deepEqual(await rows(select(0)), [{ id: 1, k: 10, c: 'a', d: '1.50', e: 9 }], 'the new column shows at once');
    assert.equal(await fromCache(), 0);
    assert.equal((await hits(select))[0], 1);
    await db.query("SET SESSION sql_mode = 'STRICT_TRANS_TABLES'");
    await db.query(select(0));
    assert.equal(await fromCache(), 0, 'a session variable changed');
    assert.equal((await hits(select))[0], 1);
    await db.query("SELECT id FROM t WHERE id = '2'");
    assert.equal(await fromCache(), 0, 'a string where a number was: another digest, planned for itself');

    await db.query('CREATE DATABASE tpc2');
    await db.query('CREATE TABLE tpc2.t (id INT PRIMARY KEY, other VARCHAR(5))');
    await db.query("INSERT INTO tpc2.t VALUES (1, 'x')");
    await db.query('USE tpc2');
    assert.deepEqual(await rows(select(0)), [{ id: 1, other: 'x' }], 'the unqualified name now means tpc2.t');
    assert.equal(await fromCache(), 0);
    await db.query('USE tpc');

    assert.deepEqual(await hits((i) => `UPDATE t SET k = k + ${i} WHERE id = 4`), [0, 0, 1]);
    assert.deepEqual(await hits((i) => `INSERT INTO t (id, k, c) VALUES (${100 + i}, ${i}, 'n${i}')`), [0, 0, 1]);
    assert.deepEqual(await hits((i) => `DELETE FROM t WHERE id = ${100 + i}`), [0, 0, 1]);
    assert.deepEqual(await rows('SELECT k FROM t WHERE id = 4'), [{ k: 33 }]);
    assert.deepEqual(await rows('SELECT COUNT(*) AS n FROM t WHERE id >= 100'), [{ n: '0' }]);
  });

  it('checks privileges on every query, so a REVOKE applies to a cached plan at once', async () => {
    await db.query("CREATE USER 'reader'@'%' IDENTIFIED BY 'pw'");
    await db.query("GRANT SELECT ON tpc.t TO 'reader'@'%'");
    const reader = await connect(server.port, { user: 'reader', password: 'pw', database: 'tpc' });
    try {
      assert.deepEqual(await hits((i) => `SELECT c FROM t WHERE id = ${i + 1}`, reader), [0, 0, 1]);
      await db.query("REVOKE SELECT ON tpc.t FROM 'reader'@'%'");
      await assertSqlError(reader, 'SELECT c FROM t WHERE id = 2', 1142);
      await db.query("GRANT SELECT ON tpc.t TO 'reader'@'%'");
      assert.deepEqual(await rows('SELECT c FROM t WHERE id = 2', reader), [{ c: 'b' }]);
    } finally {
      await reader.end();
    }
  });

  it('counts a cached query as the statement it is', async () => {
    const status = async (name: string): Promise<number> => {
      const [[row]] = await db.query<RowDataPacket[]>(`SHOW SESSION STATUS LIKE '${name}'`);
      return Number(row!.Value);
    };
    for (let i = 0; i < 3; i++) await db.query(`SELECT c FROM t WHERE id = ${i}`);
    const before = { select: await status('Com_select'), questions: await status('Questions') };
    await db.query('SELECT c FROM t WHERE id = 9');
    assert.equal(await fromCache(), 1);
    // The two SHOW STATUS queries and the @@last_plan_from_cache SELECT count too.
    assert.equal(await status('Com_select'), before.select + 2);
    assert.equal(await status('Questions'), before.questions + 4);
  });
});
