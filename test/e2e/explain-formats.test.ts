// End-to-end: EXPLAIN FORMAT=JSON and FORMAT=TREE print MySQL 8's documents (what ORMs such as Django parse), through
// mysql2 and the mariadb CLI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const SETUP = [
  'CREATE DATABASE d',
  'USE d',
  'CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(20), KEY ia (a))',
  'CREATE TABLE u (id INT PRIMARY KEY, tid INT, c INT)',
  "INSERT INTO t VALUES (1, 10, 'x'), (2, 20, 'y'), (3, 30, 'z')",
  'INSERT INTO u VALUES (1, 1, 5), (2, 1, 6), (3, 2, 7)',
];

type Json = { [key: string]: unknown };

/** Each `table` element of a document, depth first (a table before the subqueries it holds), in MySQL's order. */
function tables(node: unknown): Json[] {
  if (Array.isArray(node)) return node.flatMap(tables);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node as Json).flatMap(([key, value]) => (key === 'table' ? [value as Json, ...tables(value)] : tables(value)));
}

/** `table_name:access_type[:key]` of each table of a document. */
function accesses(document: Json): string[] {
  return tables(document).map((table) => [table.table_name, table.access_type, table.key].filter((part) => typeof part === 'string').join(':'));
}

/** SQL → the table accesses of its EXPLAIN FORMAT=JSON, and the wrappers (keys) its query block has. */
const JSON_CASES: readonly { sql: string; tables: string[]; blockKeys: string[] }[] = [
  { sql: 'SELECT * FROM t', tables: ['t:ALL'], blockKeys: ['select_id', 'cost_info', 'table'] },
  { sql: 'SELECT * FROM t WHERE id = 1', tables: ['t:const:PRIMARY'], blockKeys: ['select_id', 'cost_info', 'table'] },
  { sql: 'SELECT * FROM t WHERE a = 10', tables: ['t:ref:ia'], blockKeys: ['select_id', 'cost_info', 'table'] },
  { sql: 'SELECT * FROM t WHERE a > 10', tables: ['t:range:ia'], blockKeys: ['select_id', 'cost_info', 'table'] },
  { sql: 'SELECT * FROM t WHERE id BETWEEN 1 AND 2', tables: ['t:range:PRIMARY'], blockKeys: ['select_id', 'cost_info', 'table'] },
  { sql: 'SELECT * FROM t ORDER BY a LIMIT 2', tables: ['t:index:ia'], blockKeys: ['select_id', 'cost_info', 'table'] },
  { sql: 'SELECT * FROM t JOIN u ON t.id = u.tid', tables: ['t:ALL', 'u:ALL'], blockKeys: ['select_id', 'cost_info', 'nested_loop'] },
  { sql: 'SELECT t.b, u.c FROM t JOIN u ON u.id = t.a WHERE t.id = 1', tables: ['t:const:PRIMARY', 'u:eq_ref:PRIMARY'], blockKeys: ['select_id', 'cost_info', 'nested_loop'] },
  { sql: 'SELECT b, COUNT(*) FROM t GROUP BY b', tables: ['t:ALL'], blockKeys: ['select_id', 'cost_info', 'grouping_operation'] },
  { sql: 'SELECT * FROM t ORDER BY b', tables: ['t:ALL'], blockKeys: ['select_id', 'cost_info', 'ordering_operation'] },
  { sql: 'SELECT DISTINCT b FROM t', tables: ['t:ALL'], blockKeys: ['select_id', 'cost_info', 'duplicates_removal'] },
  { sql: 'SELECT id, RANK() OVER (ORDER BY a) FROM t', tables: ['t:ALL'], blockKeys: ['select_id', 'cost_info', 'windowing'] },
  { sql: 'SELECT id FROM t UNION SELECT id FROM u', tables: ['t:ALL', 'u:ALL'], blockKeys: ['union_result'] },
  { sql: 'SELECT 1', tables: [], blockKeys: ['select_id', 'message'] },
];

describe('EXPLAIN FORMAT=JSON / TREE', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port);
    for (const sql of SETUP) await db.query(sql);
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  /** The single `EXPLAIN` column of the single row. */
  const explain = async (sql: string): Promise<string> => {
    const [rows, fields] = await db.query<RowDataPacket[]>(sql);
    assert.deepEqual(fields.map((field) => field.name), ['EXPLAIN']);
    assert.equal(rows.length, 1);
    return String(rows[0]!.EXPLAIN);
  };
  const explainJson = async (sql: string): Promise<Json> => JSON.parse(await explain(`EXPLAIN FORMAT=JSON ${sql}`)) as Json;
  const block = (document: Json): Json => document.query_block as Json;

  for (const { sql, tables: expected, blockKeys } of JSON_CASES) {
    it(`FORMAT=JSON ${sql}`, async () => {
      const document = await explainJson(sql);
      assert.deepEqual(Object.keys(document), ['query_block']);
      assert.deepEqual(Object.keys(block(document)), blockKeys);
      assert.deepEqual(accesses(document), expected);
    });
  }

  it('a table element carries MySQL 8 fields: rows, filtered, keys, cost and the attached condition', async () => {
    const document = await explainJson('SELECT * FROM t WHERE a = 10 AND b = "x"');
    const table = block(document).table as Json;
    assert.deepEqual(Object.keys(table), [
      'table_name',
      'access_type',
      'possible_keys',
      'key',
      'used_key_parts',
      'rows_examined_per_scan',
      'rows_produced_per_join',
      'filtered',
      'cost_info',
      'used_columns',
      'attached_condition',
    ]);
    assert.deepEqual(table.possible_keys, ['ia']);
    assert.deepEqual(table.used_key_parts, ['a']);
    assert.equal(typeof table.rows_examined_per_scan, 'number');
    assert.match(String(table.filtered), /^\d+\.\d\d$/);
    assert.deepEqual(table.used_columns, ['id', 'a', 'b']);
    assert.match(String((block(document).cost_info as Json).query_cost), /^\d+\.\d\d$/);
  });

  it('the format name is case-insensitive and may be quoted', async () => {
    for (const sql of ["EXPLAIN FORMAT='json' SELECT * FROM t", 'explain format=Json select * from t', 'DESC FORMAT = JSON SELECT * FROM t']) {
      assert.deepEqual(accesses(JSON.parse(await explain(sql)) as Json), ['t:ALL']);
    }
  });

  it('GROUP BY and ORDER BY nest as MySQL nests them, around the join', async () => {
    const document = await explainJson('SELECT t.b, COUNT(*) FROM t JOIN u ON t.id = u.tid GROUP BY t.b ORDER BY t.b');
    const ordering = block(document).ordering_operation as Json;
    assert.equal(ordering.using_filesort, true);
    const grouping = ordering.grouping_operation as Json;
    assert.equal(grouping.using_temporary_table, true);
    assert.deepEqual(
      (grouping.nested_loop as Json[]).map((item) => (item.table as Json).table_name),
      ['t', 'u'],
    );
  });

  it('subqueries get their own query blocks, dependent when correlated', async () => {
    const document = await explainJson('SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.tid = t.id) AND a IN (SELECT c FROM u)');
    const subqueries = (block(document).table as Json).attached_subqueries as Json[];
    assert.deepEqual(
      subqueries.map((sub) => [sub.dependent, (sub.query_block as Json).select_id, ((sub.query_block as Json).table as Json).table_name]),
      [
        [true, 2, 'u'],
        [false, 3, 'u'],
      ],
    );
  });

  it('EXPLAIN FORMAT=JSON of UPDATE / DELETE / INSERT marks the written table, and writes nothing', async () => {
    const update = tables(await explainJson('UPDATE t SET a = 1 WHERE id = 2'));
    assert.deepEqual([update[0]!.update, update[0]!.table_name, update[0]!.access_type], [true, 't', 'const']);
    const remove = tables(await explainJson('DELETE FROM t WHERE a < 15'));
    assert.deepEqual([remove[0]!.delete, remove[0]!.table_name, remove[0]!.access_type], [true, 't', 'range']);
    const insert = await explainJson("INSERT INTO t VALUES (9, 9, 'q')");
    assert.deepEqual(block(insert).table, { insert: true, select_id: 1, table_name: 't', access_type: 'ALL' });
    const insertSelect = await explainJson('INSERT INTO u SELECT id + 10, a, 1 FROM t');
    assert.deepEqual(accesses(insertSelect), ['u:ALL', 't:ALL']);
    const [rows] = await db.query<RowDataPacket[]>('SELECT (SELECT COUNT(*) FROM t), (SELECT COUNT(*) FROM u), (SELECT a FROM t WHERE id = 2)');
    assert.deepEqual(Object.values(rows[0]!).map(String), ['3', '3', '20']);
  });

  it('FORMAT=TREE prints the iterator tree as one text row', async () => {
    const text = await explain("EXPLAIN FORMAT=TREE SELECT * FROM t WHERE a > 1 AND b = 'x'");
    assert.match(text, /^-> Filter: gt\(d\.t\.a, 1\), eq\(d\.t\.b, "x"\) {2}\(cost=[\d.]+ rows=[\d.]+\)\n {4}-> Index range scan on t using ia over \(1,\+inf\] {2}\(cost=[\d.]+ rows=[\d.]+\)\n$/);
    const join = await explain('EXPLAIN FORMAT=TREE SELECT * FROM t JOIN u ON t.id = u.tid');
    assert.deepEqual(
      join.trimEnd().split('\n').map((line) => line.replace(/ {2}\(cost=.*\)$/, '')),
      ['-> Inner hash join (equal:[eq(d.t.id, d.u.tid)])', '    -> Table scan on t', '    -> Hash', '        -> Table scan on u'],
    );
    const point = await explain('EXPLAIN FORMAT=TREE SELECT * FROM t WHERE id = 1');
    assert.match(point, /^-> Single-row index lookup on t using PRIMARY \(id=1\) {2}\(cost=[\d.]+ rows=1\)\n$/);
  });

  it('EXPLAIN ANALYZE FORMAT=TREE adds what each iterator did; ANALYZE with JSON is refused as in MySQL', async () => {
    const text = await explain('EXPLAIN ANALYZE FORMAT=TREE SELECT * FROM t WHERE a > 15');
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    for (const line of lines) assert.match(line, /\(actual time=[\d.]+\.\.[\d.]+ rows=2 loops=1\)$/);
    await assert.rejects(db.query('EXPLAIN ANALYZE FORMAT=JSON SELECT 1'), (error: { errno?: number; message?: string }) => {
      assert.equal(error.errno, 1235);
      assert.equal(error.message, "This version of MySQL doesn't yet support 'EXPLAIN ANALYZE with JSON format'");
      return true;
    });
  });

  it('FORMAT=TRADITIONAL keeps the row form', async () => {
    const [, fields] = await db.query<RowDataPacket[]>('EXPLAIN FORMAT=TRADITIONAL SELECT * FROM t');
    assert.deepEqual(fields.map((field) => field.name), ['id', 'estRows', 'task', 'access object', 'operator info']);
  });

  it('the mariadb CLI prints the JSON document and the tree', async () => {
    const result = await mariadb(server.port, ['--skip-ssl', '--batch', '--raw', '--skip-column-names', 'd'], 'EXPLAIN FORMAT=JSON SELECT * FROM t WHERE id = 1;\nEXPLAIN FORMAT=TREE SELECT * FROM t;\n');
    assert.equal(result.code, 0, result.stderr);
    const [json, tree] = result.stdout.split(/\n(?=-> )/);
    assert.equal(((JSON.parse(json!) as Json).query_block as { table: Json }).table.access_type, 'const');
    assert.match(tree!, /^-> Table scan on t {2}\(cost=[\d.]+ rows=10000\)\n/);
  });
});
