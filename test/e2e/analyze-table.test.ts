// End-to-end: ANALYZE TABLE keeps statistics that survive a restart and drive EXPLAIN's estimates, through mysql2, the
// mariadb CLI and mysqlcheck --analyze.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { mariadb } from './helpers/mariadb-cli.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal, tempDir } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** 600 rows: `a` has 60 distinct values, `c` 4 and NULL in every tenth row, `b` 7. */
const SETUP = [
  'CREATE DATABASE d',
  'USE d',
  'CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(20), c INT, KEY ia (a), KEY ic (c), KEY iab (a, b))',
  "INSERT INTO t WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 600) SELECT n, n % 60, CONCAT('x', n % 7), IF(n % 10 = 0, NULL, n % 4) FROM s",
  'CREATE TABLE small (id INT PRIMARY KEY, tid INT)',
  'INSERT INTO small VALUES (1, 5), (2, 6)',
  'CREATE VIEW v AS SELECT id FROM t',
];

async function plan(db: Connection, sql: string): Promise<string[]> {
  const [rows] = await db.query<RowDataPacket[]>(`EXPLAIN ${sql}`);
  return rows.map((row) => `${String(row.id)} | ${String(row.estRows)} | ${String(row.accessObject ?? row['access object'])} | ${String(row['operator info'])}`);
}

async function rows(db: Connection, sql: string): Promise<unknown[][]> {
  const [result] = await db.query<RowDataPacket[]>({ sql, rowsAsArray: true });
  return result as unknown as unknown[][];
}

function mysqlcheck(port: number, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('mysqlcheck', ['--no-defaults', '--protocol=TCP', '-h', '127.0.0.1', '-P', String(port), '-u', 'root', ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('ANALYZE TABLE', () => {
  let server: TidalProcess;
  let db: Connection;
  let dataDir: { path: string; remove: () => Promise<void> };

  before(async () => {
    dataDir = await tempDir('analyze');
    server = await startTidal({ dataDir: dataDir.path });
    db = await connect(server.port, { multipleStatements: true });
    for (const sql of SETUP) await db.query(sql);
  });

  after(async () => {
    await db.end();
    await server.stop();
    await dataDir.remove();
  });

  it('estimates with pseudo statistics before ANALYZE', async () => {
    assert.deepEqual(await plan(db, 'SELECT * FROM t'), ['TableReader_2 | 10000.00 |  | data:TableFullScan', '└─TableFullScan_1 | 10000.00 | table:t | keep order:false, stats:pseudo']);
    assert.deepEqual(await rows(db, "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'd' AND TABLE_NAME = 't'"), [[0]]);
    assert.deepEqual(await rows(db, "SELECT CARDINALITY FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'd' AND TABLE_NAME = 't' AND INDEX_NAME = 'ia'"), [[0]]);
  });

  it("answers MySQL's result set, with error rows for a missing table and a view", async () => {
    const [result, fields] = await db.query<RowDataPacket[]>('ANALYZE TABLE t, nope, v');
    assert.deepEqual(fields.map((field) => field.name), ['Table', 'Op', 'Msg_type', 'Msg_text']);
    assert.deepEqual(result.map((row): unknown[] => [row.Table, row.Op, row.Msg_type, row.Msg_text]), [
      ['d.t', 'analyze', 'status', 'OK'],
      ['d.nope', 'analyze', 'Error', "Table 'd.nope' doesn't exist"],
      ['d.nope', 'analyze', 'status', 'Operation failed'],
      ['d.v', 'analyze', 'Error', "'d.v' is not BASE TABLE"],
      ['d.v', 'analyze', 'status', 'Operation failed'],
    ]);
    assert.deepEqual(await rows(db, 'ANALYZE NO_WRITE_TO_BINLOG TABLE small'), [['d.small', 'analyze', 'status', 'OK']]);
    assert.deepEqual(await rows(db, 'ANALYZE LOCAL TABLE d.small'), [['d.small', 'analyze', 'status', 'OK']]);
    assert.deepEqual(await rows(db, "SHOW SESSION STATUS LIKE 'Com_analyze'"), [['Com_analyze', '3']]);
  });

  it('shows row counts and NDVs in information_schema and SHOW INDEX', async () => {
    assert.deepEqual(await rows(db, "SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'd' AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1"), [
      ['small', 2],
      ['t', 600],
    ]);
    assert.deepEqual(
      await rows(db, "SELECT INDEX_NAME, SEQ_IN_INDEX, CARDINALITY FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'd' AND TABLE_NAME = 't' ORDER BY INDEX_NAME, SEQ_IN_INDEX"),
      [['ia', 1, 60], ['iab', 1, 60], ['iab', 2, 420], ['ic', 1, 4], ['PRIMARY', 1, 600]],
    );
    const [index] = await db.query<RowDataPacket[]>('SHOW INDEX FROM t');
    assert.deepEqual(index.map((row): unknown[] => [row.Key_name, Number(row.Cardinality)]), [['PRIMARY', 600], ['ia', 60], ['ic', 4], ['iab', 60], ['iab', 420]]);
  });

  it('estimates from the statistics and drops stats:pseudo', async () => {
    assert.deepEqual(await plan(db, 'SELECT * FROM t'), ['TableReader_2 | 600.00 |  | data:TableFullScan', '└─TableFullScan_1 | 600.00 | table:t | keep order:false']);
    // a = 7 reads 600 / 60 rows by the index; c = 1 keeps 0.9 / 4 of them (a tenth of c is NULL, 4 distinct values).
    assert.deepEqual(await plan(db, 'SELECT * FROM t WHERE a = 7 AND c = 1'), [
      'IndexLookUp_4 | 2.25 |  | ',
      '├─IndexRangeScan_1(Build) | 10.00 | table:t, index:ia(a) | range:[7,7], keep order:false',
      '└─Selection_3(Probe) | 2.25 |  | eq(d.t.a, 7), eq(d.t.c, 1)',
      '  └─TableRowIDScan_2 | 10.00 | table:t | keep order:false',
    ]);
    // With statistics the more selective index wins: c = 1 would read 135 rows, a = 7 only 10.
    assert.deepEqual((await plan(db, 'SELECT * FROM t WHERE c = 1 AND a = 7'))[1], '├─IndexRangeScan_1(Build) | 10.00 | table:t, index:ia(a) | range:[7,7], keep order:false');
    assert.deepEqual(await plan(db, 'SELECT * FROM t WHERE id BETWEEN 1 AND 100'), ['TableReader_2 | 100.00 |  | data:TableRangeScan', '└─TableRangeScan_1 | 100.00 | table:t | range:[1,100], keep order:false']);
    // With both tables analyzed the smaller one leads the join, small enough to probe t by its handle.
    assert.deepEqual(await plan(db, 'SELECT * FROM t, small WHERE t.id = small.tid'), [
      'IndexJoin_4 | 2.00 |  | inner join, inner:TableRangeScan, outer key:d.small.tid, equal cond:eq(d.t.id, d.small.tid)',
      '├─TableReader_2(Build) | 2.00 |  | data:TableFullScan',
      '│ └─TableFullScan_1 | 2.00 | table:small | keep order:false',
      '└─TableRangeScan_3(Probe) | 1.00 | table:t | range: decided by [eq(d.t.id, d.small.tid)], keep order:false',
    ]);
    assert.deepEqual(await rows(db, 'SELECT t.id, small.id FROM t, small WHERE t.id = small.tid ORDER BY 1'), [[5, 1], [6, 2]]);
    // No histograms are kept: an open range reads a third of the rows, as the pseudo estimate does of 10000.
    assert.deepEqual((await plan(db, 'SELECT * FROM t WHERE id > 100'))[1], '└─TableRangeScan_1 | 200.00 | table:t | range:[101,+inf], keep order:false');
  });

  it('keeps choosing the first index with pseudo statistics', async () => {
    await db.query('CREATE TABLE p (id INT PRIMARY KEY, a INT, c INT, KEY ic (c), KEY ia (a))');
    assert.deepEqual((await plan(db, 'SELECT * FROM p WHERE a = 7 AND c = 1'))[1], '├─IndexRangeScan_1(Build) | 10.00 | table:p, index:ic(c) | range:[1,1], keep order:false, stats:pseudo');
    await db.query('DROP TABLE p');
  });

  it("analyzes a session's temporary table from the session's own rows", async () => {
    await db.query('CREATE TEMPORARY TABLE tt (id INT PRIMARY KEY, a INT); INSERT INTO tt VALUES (1, 1), (2, 2), (3, 3)');
    assert.deepEqual(await rows(db, 'ANALYZE TABLE tt'), [['d.tt', 'analyze', 'status', 'OK']]);
    assert.deepEqual((await plan(db, 'SELECT * FROM tt'))[1], '└─TableFullScan_1 | 3.00 | table:tt | keep order:false');
    await db.query('DROP TEMPORARY TABLE tt');
  });

  it('makes a prepared statement plan again with the new statistics', async () => {
    await db.query('CREATE TABLE q (id INT PRIMARY KEY, a INT); INSERT INTO q VALUES (1, 1), (2, 2)');
    await db.query("PREPARE s FROM 'EXPLAIN SELECT * FROM q'");
    const explainRows = async (): Promise<unknown> => (await rows(db, 'EXECUTE s'))[1]?.[1];
    assert.equal(await explainRows(), '10000.00');
    await db.query('ANALYZE TABLE q');
    assert.equal(await explainRows(), '2.00');
    await db.query('DEALLOCATE PREPARE s; DROP TABLE q');
  });

  it('refuses an account without SELECT and INSERT on the table', async () => {
    await db.query("CREATE USER reader IDENTIFIED BY 'pw'; GRANT SELECT ON d.* TO reader");
    const reader = await connect(server.port, { user: 'reader', password: 'pw', database: 'd' });
    try {
      await assertSqlError(reader, 'ANALYZE TABLE t', 1142, /INSERT command denied to user 'reader'@'[^']+' for table 't'/);
    } finally {
      await reader.end();
      await db.query('DROP USER reader');
    }
  });

  it('keeps the statistics across a restart', async () => {
    await db.end();
    await server.stop();
    server = await startTidal({ dataDir: dataDir.path });
    db = await connect(server.port, { database: 'd', multipleStatements: true });
    assert.deepEqual(await plan(db, 'SELECT * FROM t'), ['TableReader_2 | 600.00 |  | data:TableFullScan', '└─TableFullScan_1 | 600.00 | table:t | keep order:false']);
    assert.deepEqual(await rows(db, "SELECT CARDINALITY FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'd' AND TABLE_NAME = 't' AND INDEX_NAME = 'ic'"), [[4]]);
  });

  it('drops the statistics with TRUNCATE and DROP TABLE', async () => {
    await db.query('TRUNCATE TABLE small');
    assert.deepEqual(await plan(db, 'SELECT * FROM small'), ['TableReader_2 | 10000.00 |  | data:TableFullScan', '└─TableFullScan_1 | 10000.00 | table:small | keep order:false, stats:pseudo']);
    assert.deepEqual(await rows(db, "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'd' AND TABLE_NAME = 'small'"), [[0]]);
    await db.query('ANALYZE TABLE small');
    assert.deepEqual((await plan(db, 'SELECT * FROM small'))[1], '└─TableFullScan_1 | 0.00 | table:small | keep order:false');
    await db.query('DROP TABLE small; CREATE TABLE small (id INT PRIMARY KEY, tid INT)');
    assert.deepEqual((await plan(db, 'SELECT * FROM small'))[1], '└─TableFullScan_1 | 10000.00 | table:small | keep order:false, stats:pseudo');
    // CREATE TABLE … LIKE copies the definition, not the statistics.
    await db.query('CREATE TABLE t2 LIKE t');
    assert.deepEqual((await plan(db, 'SELECT * FROM t2'))[1], '└─TableFullScan_1 | 10000.00 | table:t2 | keep order:false, stats:pseudo');
  });

  it('runs through the mariadb CLI', async () => {
    const result = await mariadb(server.port, ['d', '--batch'], 'ANALYZE TABLE t;\nEXPLAIN SELECT * FROM t;\n');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      'Table\tOp\tMsg_type\tMsg_text\nd.t\tanalyze\tstatus\tOK\n' +
        'id\testRows\ttask\taccess object\toperator info\nTableReader_2\t600.00\troot\t\tdata:TableFullScan\n└─TableFullScan_1\t600.00\troot\ttable:t\tkeep order:false\n',
    );
  });

  it('runs mysqlcheck --analyze over a database', async () => {
    await db.query('INSERT INTO t2 SELECT * FROM t WHERE id <= 30');
    const result = await mysqlcheck(server.port, '--analyze', 'd');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^d\.small\s+OK$/m);
    assert.match(result.stdout, /^d\.t\s+OK$/m);
    assert.match(result.stdout, /^d\.t2\s+OK$/m);
    assert.deepEqual(await rows(db, "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'd' AND TABLE_NAME = 't2'"), [[30]]);
  });
});
