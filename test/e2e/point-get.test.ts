// End-to-end: the PointGet short path (`pk = ?`, `pk IN (…)`) gives the rows, values and column metadata the general
// plan gives, for every column type, through the text protocol (with and without the text plan cache) and through
// server-side prepared statements; FOR UPDATE point gets lock their rows; prepared and text results carry the
// column definitions of the table as it is after ALTER TABLE (the encoded definitions are cached per plan).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { resultShape } from './helpers/result-shape.js';
import type { ResultShape } from './helpers/result-shape.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const ALL_TYPES = `CREATE TABLE pg.all_types (
  id INT PRIMARY KEY, ti TINYINT, tu TINYINT UNSIGNED, si SMALLINT, mi MEDIUMINT, iu INT UNSIGNED, bi BIGINT,
  bu BIGINT UNSIGNED, f FLOAT, d DOUBLE, dec_ DECIMAL(20,6), ch CHAR(5), vc VARCHAR(30), tx TEXT, bn BINARY(3),
  vb VARBINARY(10), bl BLOB, dt DATE, dtm DATETIME(6), ts TIMESTAMP(3) NULL, tm TIME(6), yr YEAR,
  en ENUM('a', 'b'), st SET('x', 'y'))`;

const ROWS = [
  `(1, -128, 255, -32768, -8388608, 4294967295, -9223372036854775808, 18446744073709551615, 1.5, -2.25,
    -12345678901234.123456, 'abc', 'héllo wörld ✓', 'long text', X'000102', X'FF00', X'00FF807F', '2024-02-29',
    '2024-02-29 23:59:58.123456', '2038-01-19 03:14:07.999', '-800:01:02.000001', 2155, 'b', 'x,y')`,
  '(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)',
  `(3, 127, 0, 32767, 8388607, 0, 9223372036854775807, 0, -0.5, 1e300, 0.000001, '', '', '', X'', X'', X'',
    '1000-01-01', '1000-01-01 00:00:00', '1970-01-01 00:00:01', '838:59:59', 1901, 'a', '')`,
];

describe('point get short path', () => {
  let server: TidalProcess;
  let db: Connection;
  /** Text queries without the text plan cache: every one parsed and planned afresh. */
  let fresh: Connection;

  const options = { supportBigNumbers: true, bigNumberStrings: true, dateStrings: true, database: 'pg' } as const;
  const text = async (connection: Connection, sql: string): Promise<ResultShape> => {
    const [rows, fields] = await connection.query<RowDataPacket[]>(sql);
    return resultShape(rows, fields);
  };
  const binary = async (sql: string, params: (number | string)[]): Promise<ResultShape> => {
    const [rows, fields] = await db.execute<RowDataPacket[]>(sql, params);
    return resultShape(rows, fields);
  };

  before(async () => {
    server = await startTidal();
    const setup = await connect(server.port);
    await setup.query('CREATE DATABASE pg');
    await setup.query(ALL_TYPES);
    await setup.query(`INSERT INTO pg.all_types VALUES ${ROWS.join(', ')}`);
    await setup.end();
    db = await connect(server.port, options);
    fresh = await connect(server.port, options);
    await fresh.query('SET SESSION tidb_enable_non_prepared_plan_cache = OFF');
  });

  after(async () => {
    await db.end();
    await fresh.end();
    await server.stop();
  });

  it('reads every column type the same through the short path, the general plan and both protocols', async () => {
    for (const id of [1, 2, 3, 4]) {
      // `id + 0 = …` is no point get: the general plan (a full scan with a filter) is the reference.
      const reference = await text(fresh, `SELECT * FROM all_types WHERE id + 0 = ${id}`);
      assert.equal(reference.rows.length, id <= 3 ? 1 : 0);
      assert.deepEqual(await text(fresh, `SELECT * FROM all_types WHERE id = ${id}`), reference, `fresh text, id ${id}`);
      // The text plan cache plans the digest on its second sighting and reuses it from the third.
      for (let i = 0; i < 3; i++) assert.deepEqual(await text(db, `SELECT * FROM all_types WHERE id = ${id}`), reference, `cached text, id ${id}`);
      // The binary protocol has its own reference: it sends temporal values without their zero fractions.
      const binaryReference = await binary('SELECT * FROM all_types WHERE id + 0 = ?', [id]);
      assert.deepEqual(binaryReference.fields, reference.fields);
      for (let i = 0; i < 2; i++) assert.deepEqual(await binary('SELECT * FROM all_types WHERE id = ?', [id]), binaryReference, `prepared, id ${id}`);
    }
    const [[hit]] = await db.query<RowDataPacket[]>('SELECT @@last_plan_from_cache AS hit');
    assert.equal(Number(hit!.hit), 1);
  });

  it('reads IN lists (BatchPointGet) in handle order, with projections, filters and LIMIT', async () => {
    const cases = [
      'SELECT id, vc, ti + 1 AS next, CONCAT(ch, vc) AS joined FROM all_types WHERE id IN (3, 1, 9, 2)',
      "SELECT id, en FROM all_types WHERE id IN (1, 2, 3) AND (en = 'a' OR en IS NULL)",
      'SELECT id FROM all_types WHERE id IN (1, 2, 3) LIMIT 1, 1',
      'SELECT id FROM all_types WHERE id = 1 AND ti = -128',
      'SELECT id FROM all_types WHERE id = 1 AND ti = 0',
    ];
    for (const sql of cases) {
      const reference = await text(fresh, sql.replace(/WHERE id /, 'WHERE id + 0 '));
      assert.deepEqual((await text(fresh, sql)).rows, reference.rows, sql);
      for (let i = 0; i < 3; i++) assert.deepEqual((await text(db, sql)).rows, reference.rows, `cached: ${sql}`);
    }
    const prepared = 'SELECT id, vc FROM all_types WHERE id IN (?, ?, ?)';
    for (const ids of [[3, 1, 2], [2, 2, 7], [1, 3, 3]]) {
      const reference = await text(fresh, `SELECT id, vc FROM all_types WHERE id + 0 IN (${ids.join(', ')})`);
      assert.deepEqual(new Set((await binary(prepared, ids)).rows.map((row) => JSON.stringify(row))), new Set(reference.rows.map((row) => JSON.stringify(row))), `ids ${ids.join(',')}`);
    }
  });

  it('locks the rows of a FOR UPDATE point get until the transaction ends', async () => {
    const other = await connect(server.port, options);
    try {
      await db.query('BEGIN');
      assert.deepEqual((await text(db, 'SELECT id FROM all_types WHERE id IN (1, 2) FOR UPDATE')).rows, [{ id: 1 }, { id: 2 }]);
      await assertSqlError(other, 'SELECT id FROM all_types WHERE id = 2 FOR UPDATE NOWAIT', 3572);
      assert.deepEqual((await text(other, 'SELECT id FROM all_types WHERE id = 3 FOR UPDATE NOWAIT')).rows, [{ id: 3 }]);
      assert.deepEqual((await text(other, 'SELECT id FROM all_types WHERE id IN (1, 2, 3) FOR UPDATE SKIP LOCKED')).rows, [{ id: 3 }]);
      await db.query('COMMIT');
      assert.deepEqual((await text(other, 'SELECT id FROM all_types WHERE id = 2 FOR UPDATE NOWAIT')).rows, [{ id: 2 }]);
    } finally {
      await other.end();
    }
  });

  it('sends the column definitions of the table as ALTER TABLE left it, for cached prepared and text plans', async () => {
    await db.query('CREATE TABLE alt (id INT PRIMARY KEY, c VARCHAR(10))');
    await db.query("INSERT INTO alt VALUES (1, 'one')");
    const prepared = 'SELECT * FROM alt WHERE id = ?';
    const sql = 'SELECT * FROM alt WHERE id = 1';
    for (let i = 0; i < 3; i++) {
      await binary(prepared, [1]);
      await text(db, sql);
    }
    const before = await binary(prepared, [1]);
    assert.deepEqual(before.fields.map((field) => (field as { length: number }).length), [11, 40]);
    await db.query('ALTER TABLE alt MODIFY c VARCHAR(25) NOT NULL, ADD COLUMN n INT DEFAULT 7');
    for (const result of [await binary(prepared, [1]), await text(db, sql), await text(db, sql)]) {
      assert.deepEqual(result.rows, [{ id: 1, c: 'one', n: 7 }]);
      assert.deepEqual(result.fields.map((field) => (field as { name: string }).name), ['id', 'c', 'n']);
      assert.deepEqual(result.fields.map((field) => (field as { length: number }).length), [11, 100, 11]);
      // NOT NULL now shows in c's flags.
      assert.equal(((result.fields[1] as { flags: number }).flags & 1) !== 0, true);
    }
  });
});
