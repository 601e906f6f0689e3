// End-to-end: EXPLAIN [ANALYZE] [FORMAT=…] prints the plan the executor runs, as TiDB draws it, through mysql2.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const SETUP = [
  'CREATE DATABASE d',
  'USE d',
  'CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(20), KEY ia (a))',
  'CREATE TABLE u (id INT PRIMARY KEY, tid INT, c INT)',
  'CREATE TABLE w (id INT PRIMARY KEY, uid INT)',
  "INSERT INTO t VALUES (1, 10, 'x'), (2, 20, 'y'), (3, 30, 'z')",
  'INSERT INTO u VALUES (1, 1, 5), (2, 1, 6), (3, 2, 7)',
  'INSERT INTO w VALUES (1, 1), (2, 3)',
  'CREATE VIEW v AS SELECT id, a FROM t WHERE a > 10',
];

/** Plans as `id | estRows | task | access object | operator info` lines. */
const PLANS: readonly { sql: string; plan: string[] }[] = [
  { sql: 'EXPLAIN SELECT * FROM t WHERE id = 1', plan: ['Point_Get_1 | 1.00 | root | table:t | handle:1'] },
  {
    sql: 'EXPLAIN SELECT * FROM t WHERE id IN (3, 1, 2)',
    plan: ['Batch_Point_Get_1 | 3.00 | root | table:t | handle:[1 2 3], keep order:false, desc:false'],
  },
  {
    sql: "EXPLAIN SELECT * FROM t WHERE id > 1 AND b = 'x'",
    plan: [
      'TableReader_3 | 2666.67 | root |  | data:Selection',
      '└─Selection_2 | 2666.67 | root |  | eq(d.t.b, "x")',
      '  └─TableRangeScan_1 | 3333.33 | root | table:t | range:[2,+inf], keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT * FROM t WHERE a = 10',
    plan: [
      'IndexLookUp_4 | 8.00 | root |  | ',
      '├─IndexRangeScan_1(Build) | 10.00 | root | table:t, index:ia(a) | range:[10,10], keep order:false, stats:pseudo',
      '└─Selection_3(Probe) | 8.00 | root |  | eq(d.t.a, 10)',
      '  └─TableRowIDScan_2 | 10.00 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: "EXPLAIN SELECT a + 1 FROM t WHERE b = 'x'",
    plan: [
      'Projection_4 | 8000.00 | root |  | plus(d.t.a, 1)',
      '└─TableReader_3 | 8000.00 | root |  | data:Selection',
      '  └─Selection_2 | 8000.00 | root |  | eq(d.t.b, "x")',
      '    └─TableFullScan_1 | 10000.00 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT * FROM t JOIN u ON t.id = u.tid',
    plan: [
      'HashJoin_5 | 10000.00 | root |  | inner join, equal:[eq(d.t.id, d.u.tid)]',
      '├─TableReader_2(Build) | 10000.00 | root |  | data:TableFullScan',
      '│ └─TableFullScan_1 | 10000.00 | root | table:u | keep order:false, stats:pseudo',
      '└─TableReader_4(Probe) | 10000.00 | root |  | data:TableFullScan',
      '  └─TableFullScan_3 | 10000.00 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT * FROM t, u, w WHERE t.id = u.tid AND u.id = w.uid AND t.a > 5',
    plan: [
      'HashJoin_10 | 10000.00 | root |  | inner join, equal:[eq(d.u.id, d.w.uid)]',
      '├─TableReader_2(Build) | 10000.00 | root |  | data:TableFullScan',
      '│ └─TableFullScan_1 | 10000.00 | root | table:w | keep order:false, stats:pseudo',
      '└─HashJoin_9(Probe) | 10000.00 | root |  | inner join, equal:[eq(d.t.id, d.u.tid)]',
      '  ├─TableReader_4(Build) | 10000.00 | root |  | data:TableFullScan',
      '  │ └─TableFullScan_3 | 10000.00 | root | table:u | keep order:false, stats:pseudo',
      '  └─IndexLookUp_8(Probe) | 2666.67 | root |  | ',
      '    ├─IndexRangeScan_5(Build) | 3333.33 | root | table:t, index:ia(a) | range:(5,+inf], keep order:false, stats:pseudo',
      '    └─Selection_7(Probe) | 2666.67 | root |  | gt(d.t.a, 5)',
      '      └─TableRowIDScan_6 | 3333.33 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT * FROM t LEFT JOIN u ON t.a < u.c',
    plan: [
      'NestedLoopJoin_5 | 80000000.00 | root |  | left outer join, other cond:lt(d.t.a, d.u.c)',
      '├─TableReader_2(Build) | 10000.00 | root |  | data:TableFullScan',
      '│ └─TableFullScan_1 | 10000.00 | root | table:u | keep order:false, stats:pseudo',
      '└─TableReader_4(Probe) | 10000.00 | root |  | data:TableFullScan',
      '  └─TableFullScan_3 | 10000.00 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT a, COUNT(*) FROM t GROUP BY a',
    plan: [
      'HashAgg_3 | 8000.00 | root |  | group by:d.t.a, funcs:count(1)->Column#0',
      '└─TableReader_2 | 10000.00 | root |  | data:TableFullScan',
      '  └─TableFullScan_1 | 10000.00 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT * FROM t ORDER BY b DESC LIMIT 2',
    plan: [
      'TopN_3 | 2.00 | root |  | d.t.b:desc, offset:0, count:2',
      '└─TableReader_2 | 10000.00 | root |  | data:TableFullScan',
      '  └─TableFullScan_1 | 10000.00 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT * FROM t ORDER BY a DESC LIMIT 2',
    plan: [
      'Limit_4 | 2.00 | root |  | offset:0, count:2',
      '└─IndexLookUp_3 | 3333.33 | root |  | ',
      '  ├─IndexRangeScan_1(Build) | 3333.33 | root | table:t, index:ia(a) | range:[NULL,+inf], keep order:true, desc, stats:pseudo',
      '  └─TableRowIDScan_2(Probe) | 3333.33 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT id FROM t WHERE id > 1 ORDER BY id DESC LIMIT 3',
    plan: [
      'Limit_3 | 3.00 | root |  | offset:0, count:3',
      '└─TableReader_2 | 3333.33 | root |  | data:TableRangeScan',
      '  └─TableRangeScan_1 | 3333.33 | root | table:t | range:[2,+inf], keep order:true, desc, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT t.b, u.c FROM t JOIN u ON u.id = t.a WHERE t.id = 1',
    plan: [
      'IndexJoin_3 | 1.00 | root |  | inner join, inner:TableRangeScan, outer key:d.t.a, equal cond:eq(d.u.id, d.t.a)',
      '├─Point_Get_1(Build) | 1.00 | root | table:t | handle:1',
      '└─TableRangeScan_2(Probe) | 10.00 | root | table:u | range: decided by [eq(d.u.id, d.t.a)], keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT id FROM t UNION SELECT id FROM u',
    plan: [
      'HashAgg_6 | 16000.00 | root |  | group by:Column#0',
      '└─Union_5 | 20000.00 | root |  | ',
      '  ├─TableReader_2 | 10000.00 | root |  | data:TableFullScan',
      '  │ └─TableFullScan_1 | 10000.00 | root | table:t | keep order:false, stats:pseudo',
      '  └─TableReader_4 | 10000.00 | root |  | data:TableFullScan',
      '    └─TableFullScan_3 | 10000.00 | root | table:u | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT * FROM t WHERE a IN (SELECT c FROM u)',
    plan: [
      'Selection_6 | 8000.00 | root |  | in(d.t.a, <subquery>)',
      '└─Apply_5 | 10000.00 | root |  | cache:per distinct outer row',
      '  ├─TableReader_2(Build) | 10000.00 | root |  | data:TableFullScan',
      '  │ └─TableFullScan_1 | 10000.00 | root | table:t | keep order:false, stats:pseudo',
      '  └─TableReader_4(Probe) | 10000.00 | root |  | data:TableFullScan',
      '    └─TableFullScan_3 | 10000.00 | root | table:u | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'DESC SELECT * FROM v',
    plan: [
      'IndexLookUp_4 | 2666.67 | root |  | ',
      '├─IndexRangeScan_1(Build) | 3333.33 | root | table:t, index:ia(a) | range:(10,+inf], keep order:false, stats:pseudo',
      '└─Selection_3(Probe) | 2666.67 | root |  | gt(d.t.a, 10)',
      '  └─TableRowIDScan_2 | 3333.33 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT * FROM (SELECT a FROM t WHERE id < 3) dt WHERE a > 1',
    plan: [
      'Selection_3 | 2666.67 | root |  | gt(dt.a, 1)',
      '└─TableReader_2 | 3333.33 | root |  | data:TableRangeScan',
      '  └─TableRangeScan_1 | 3333.33 | root | table:t | range:[-inf,2], keep order:false, stats:pseudo',
    ],
  },
  { sql: "EXPLAIN INSERT INTO t VALUES (9, 9, 'q')", plan: ['Insert_1 | N/A | root |  | N/A'] },
  {
    sql: 'EXPLAIN UPDATE t SET a = 1 WHERE id = 2',
    plan: ['Update_2 | N/A | root |  | N/A', '└─Point_Get_1 | 1.00 | root | table:t | handle:2'],
  },
  {
    sql: 'EXPLAIN DELETE FROM t WHERE a < 15 ORDER BY id LIMIT 1',
    plan: [
      'Delete_6 | N/A | root |  | N/A',
      '└─TopN_5 | 2666.67 | root |  | d.t.id, offset:0, count:1',
      '  └─IndexLookUp_4 | 2666.67 | root |  | ',
      '    ├─IndexRangeScan_1(Build) | 3333.33 | root | table:t, index:ia(a) | range:[-inf,15), keep order:false, stats:pseudo',
      '    └─Selection_3(Probe) | 2666.67 | root |  | lt(d.t.a, 15)',
      '      └─TableRowIDScan_2 | 3333.33 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT id, ROW_NUMBER() OVER w, SUM(a) OVER w, RANK() OVER w, AVG(a) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING) FROM t WINDOW w AS (PARTITION BY b ORDER BY a DESC)',
    plan: [
      'Window_8 | 10000.00 | root |  | avg(d.t.a)->Column#3 over(order by d.t.id rows between 1 preceding and 2 following)',
      '└─Sort_7 | 10000.00 | root |  | d.t.id',
      '  └─Window_6 | 10000.00 | root |  | rank()->Column#2 over(partition by d.t.b order by d.t.a desc)',
      '    └─Window_5 | 10000.00 | root |  | sum(d.t.a)->Column#1 over(partition by d.t.b order by d.t.a desc range between unbounded preceding and current row)',
      '      └─Window_4 | 10000.00 | root |  | row_number()->Column#0 over(partition by d.t.b order by d.t.a desc rows between current row and current row)',
      '        └─Sort_3 | 10000.00 | root |  | d.t.b, d.t.a:desc',
      '          └─TableReader_2 | 10000.00 | root |  | data:TableFullScan',
      '            └─TableFullScan_1 | 10000.00 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    sql: 'EXPLAIN SELECT b, SUM(a), RANK() OVER (ORDER BY SUM(a) DESC) FROM t GROUP BY b',
    plan: [
      'Window_5 | 8000.00 | root |  | rank()->Column#1 over(order by Column#0 desc)',
      '└─Sort_4 | 8000.00 | root |  | Column#0:desc',
      '  └─HashAgg_3 | 8000.00 | root |  | group by:d.t.b, funcs:sum(d.t.a)->Column#0',
      '    └─TableReader_2 | 10000.00 | root |  | data:TableFullScan',
      '      └─TableFullScan_1 | 10000.00 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
  {
    // The table is read in the window's order (its primary key), so neither the window nor ORDER BY sorts.
    sql: 'EXPLAIN SELECT id, LAG(a) OVER (ORDER BY id) + 1 FROM t ORDER BY id',
    plan: [
      'Projection_4 | 10000.00 | root |  | d.t.id, plus(Column#0, 1)',
      '└─Window_3 | 10000.00 | root |  | lag(d.t.a)->Column#0 over(order by d.t.id)',
      '  └─TableReader_2 | 10000.00 | root |  | data:TableFullScan',
      '    └─TableFullScan_1 | 10000.00 | root | table:t | keep order:true, stats:pseudo',
    ],
  },
  {
    sql: "EXPLAIN FORMAT = 'brief' SELECT * FROM t JOIN u ON t.id = u.tid",
    plan: [
      'HashJoin | 10000.00 | root |  | inner join, equal:[eq(d.t.id, d.u.tid)]',
      '├─TableReader(Build) | 10000.00 | root |  | data:TableFullScan',
      '│ └─TableFullScan | 10000.00 | root | table:u | keep order:false, stats:pseudo',
      '└─TableReader(Probe) | 10000.00 | root |  | data:TableFullScan',
      '  └─TableFullScan | 10000.00 | root | table:t | keep order:false, stats:pseudo',
    ],
  },
];

describe('EXPLAIN', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { rowsAsArray: true });
    for (const sql of SETUP) await db.query(sql);
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  const query = async (sql: string): Promise<{ names: string[]; rows: string[][] }> => {
    const [rows, fields] = await db.query<RowDataPacket[]>(sql);
    return { names: fields.map((field) => field.name), rows: rows as unknown as string[][] };
  };

  for (const { sql, plan } of PLANS) {
    it(sql, async () => {
      const result = await query(sql);
      assert.deepEqual(result.names, ['id', 'estRows', 'task', 'access object', 'operator info']);
      assert.deepEqual(
        result.rows.map((row) => row.join(' | ')),
        plan,
      );
    });
  }

  it('EXPLAIN of a write does not write', async () => {
    await query('EXPLAIN DELETE FROM t');
    const [rows] = await db.query<RowDataPacket[]>('SELECT COUNT(*) FROM t');
    assert.equal(String((rows as unknown as unknown[][])[0]![0]), '3');
  });

  it('EXPLAIN ANALYZE adds actRows and execution info for each operator', async () => {
    const result = await query('EXPLAIN ANALYZE SELECT * FROM t WHERE a > 15');
    assert.deepEqual(result.names, ['id', 'estRows', 'actRows', 'task', 'access object', 'execution info', 'operator info', 'memory', 'disk']);
    assert.deepEqual(
      result.rows.map((row) => [row[0], row[2]]),
      [
        ['IndexLookUp_4', '2'],
        ['├─IndexRangeScan_1(Build)', '2'],
        ['└─Selection_3(Probe)', '2'],
        ['  └─TableRowIDScan_2', '2'],
      ],
    );
    for (const row of result.rows) assert.match(row[5]!, /^time:[0-9.]+(µs|ms|s), loops:1$/);
  });

  it('EXPLAIN ANALYZE counts the rows of each subquery run and of filters', async () => {
    const result = await query('EXPLAIN ANALYZE SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.tid = t.id)');
    assert.deepEqual(
      result.rows.map((row) => [row[0], row[2]]),
      [
        ['Selection_8', '2'],
        ['└─Apply_7', '3'],
        ['  ├─TableReader_2(Build)', '3'],
        ['  │ └─TableFullScan_1', '3'],
        ['  └─Projection_6(Probe)', '3'],
        ['    └─Selection_5', '3'],
        ['      └─TableReader_4', '9'],
        ['        └─TableFullScan_3', '9'],
      ],
    );
    assert.match(result.rows[6]![5]!, /loops:3$/);
  });

  it('EXPLAIN ANALYZE counts the rows each Sort and Window operator handed on', async () => {
    const result = await query('EXPLAIN ANALYZE SELECT id, RANK() OVER (PARTITION BY b ORDER BY a) FROM t');
    assert.deepEqual(
      result.rows.map((row) => [row[0], row[2]]),
      [
        ['Window_4', '3'],
        ['└─Sort_3', '3'],
        ['  └─TableReader_2', '3'],
        ['    └─TableFullScan_1', '3'],
      ],
    );
    for (const row of result.rows) assert.match(row[5]!, /^time:[0-9.]+(µs|ms|s), loops:1$/);
  });

  it('EXPLAIN ANALYZE of a write really writes', async () => {
    const result = await query("EXPLAIN ANALYZE INSERT INTO w SELECT id + 10, tid FROM u WHERE c > 5");
    assert.deepEqual(
      result.rows.map((row) => [row[0], row[2]]),
      [
        ['Insert_5', '0'],
        ['└─Projection_4', '2'],
        ['  └─TableReader_3', '2'],
        ['    └─Selection_2', '2'],
        ['      └─TableFullScan_1', '3'],
      ],
    );
    const [rows] = await db.query<RowDataPacket[]>('SELECT id FROM w ORDER BY id');
    assert.deepEqual((rows as unknown as unknown[][]).map((row) => String(row[0])), ['1', '2', '12', '13']);
  });

  it('rejects formats it does not print', async () => {
    await assert.rejects(query("EXPLAIN FORMAT = 'xyz' SELECT 1"), (error: { errno?: number; message?: string }) => {
      assert.equal(error.errno, 1791);
      assert.equal(error.message, "Unknown EXPLAIN format name: 'XYZ'");
      return true;
    });
    await assert.rejects(query("EXPLAIN FORMAT = 'tidb_json' SELECT 1"), (error: { errno?: number }) => error.errno === 1235);
  });
});
