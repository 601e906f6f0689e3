// End-to-end: short primary-key ranges (`id BETWEEN ? AND ?`, sysbench's range reads), which are read in one
// synchronous step straight from LMDB's buffers, give the rows a full scan gives: every column type (BLOBs and JSON
// copied out of the reused buffer, a value larger than that buffer), both protocols, reverse order, aggregates,
// DISTINCT and ORDER BY, inside a transaction that wrote into the range (the merged scan), and NULL bitmaps of
// binary rows with many columns.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect } from './helpers/mysql2-client.js';
import { resultShape } from './helpers/result-shape.js';
import type { ResultShape } from './helpers/result-shape.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const ALL_TYPES = `CREATE TABLE rr.all_types (
  id INT PRIMARY KEY, ti TINYINT, bi BIGINT UNSIGNED, f FLOAT, d DOUBLE, dec_ DECIMAL(20,6), ch CHAR(5),
  vc VARCHAR(30), tx MEDIUMTEXT, bn BINARY(3), bl LONGBLOB, js JSON, dt DATE, dtm DATETIME(6), tm TIME(6), en ENUM('a', 'b'))`;

const ROWS = [
  `(1, -128, 18446744073709551615, 1.5, -2.25, -12345678901234.123456, 'abc', 'héllo wörld ✓', 'long text', X'000102',
    X'00FF807F', '{"a": [1, "x"]}', '2024-02-29', '2024-02-29 23:59:58.123456', '-800:01:02.000001', 'b')`,
  '(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)',
  `(3, 127, 0, -0.5, 1e300, 0.000001, '', '', '', X'', X'', '[]', '1000-01-01', '1000-01-01 00:00:00', '838:59:59', 'a')`,
  `(5, 1, 1, 1, 1, 1, 'x', 'y', 'z', X'FFFFFF', X'0A0B', '{"b": null}', '2000-01-01', '2000-01-01 01:01:01', '01:01:01', 'a')`,
  // A value larger than lmdb-js's reused read buffer, which it hands over in a buffer of its own.
  `(6, 2, 2, 2, 2, 2, 'l', 'large', REPEAT('t', 70000), X'010203', REPEAT(X'AB', 200000), '{}', '2001-01-01',
    '2001-01-01 00:00:00', '00:00:00', 'b')`,
];

describe('short primary-key range reads', () => {
  let server: TidalProcess;
  let db: Connection;

  const options = { supportBigNumbers: true, bigNumberStrings: true, dateStrings: true, database: 'rr' } as const;
  const text = async (sql: string): Promise<ResultShape> => {
    const [rows, fields] = await db.query<RowDataPacket[]>(sql);
    return resultShape(rows, fields);
  };
  const binary = async (sql: string, params: number[]): Promise<ResultShape> => {
    const [rows, fields] = await db.execute<RowDataPacket[]>(sql, params);
    return resultShape(rows, fields);
  };
  /** `id + 0` is no key condition: the general plan (a full scan with a filter) is the reference. */
  const unkeyed = (sql: string): string => sql.replaceAll('WHERE id ', 'WHERE id + 0 ');

  before(async () => {
    server = await startTidal();
    const setup = await connect(server.port);
    await setup.query('CREATE DATABASE rr');
    await setup.query(ALL_TYPES);
    await setup.query(`INSERT INTO rr.all_types VALUES ${ROWS.join(', ')}`);
    await setup.end();
    db = await connect(server.port, options);
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  it('reads every column type of a range as a full scan does, through both protocols, in either order', async () => {
    const queries = [
      'SELECT * FROM all_types WHERE id BETWEEN ? AND ?',
      'SELECT * FROM all_types WHERE id BETWEEN ? AND ? ORDER BY id DESC',
      'SELECT id, bl, js FROM all_types WHERE id BETWEEN ? AND ? ORDER BY vc',
      'SELECT id, LENGTH(tx), LENGTH(bl) FROM all_types WHERE id >= ? AND id <= ? AND ti IS NOT NULL',
    ];
    for (const sql of queries) {
      for (const [low, high] of [[1, 6], [2, 5], [4, 4], [6, 1], [0, 100]]) {
        const bounds = (query: string): string => query.replace('?', String(low)).replace('?', String(high));
        const reference = await text(bounds(unkeyed(sql)));
        assert.deepEqual(await text(bounds(sql)), reference, `text ${bounds(sql)}`);
        const binaryReference = await binary(unkeyed(sql), [low!, high!]);
        for (let i = 0; i < 2; i++) assert.deepEqual(await binary(sql, [low!, high!]), binaryReference, `prepared ${bounds(sql)}`);
      }
    }
    const [rows] = await db.execute<RowDataPacket[]>('SELECT id, bl FROM all_types WHERE id BETWEEN ? AND ?', [5, 6]);
    // Each BLOB is its own copy, not a view of a buffer the next row overwrote.
    assert.deepEqual(rows.map((row): unknown[] => [row['id'], (row['bl'] as Buffer).length, (row['bl'] as Buffer)[0]]), [[5, 2, 0x0a], [6, 200000, 0xab]]);
  });

  it('computes aggregates, DISTINCT and ORDER BY over a range as sysbench runs them', async () => {
    await db.query('CREATE TABLE sb (id INT PRIMARY KEY, k INT NOT NULL, c CHAR(20) NOT NULL)');
    const values = Array.from({ length: 300 }, (_, i) => `(${i + 1}, ${(i * 7) % 50}, 'c-${(i * 13) % 40}')`);
    await db.query(`INSERT INTO sb VALUES ${values.join(', ')}`);
    const queries = [
      'SELECT c FROM sb WHERE id BETWEEN ? AND ?',
      'SELECT SUM(k) FROM sb WHERE id BETWEEN ? AND ?',
      'SELECT c FROM sb WHERE id BETWEEN ? AND ? ORDER BY c',
      'SELECT DISTINCT c FROM sb WHERE id BETWEEN ? AND ? ORDER BY c',
      'SELECT COUNT(*), MIN(c), MAX(k) FROM sb WHERE id BETWEEN ? AND ?',
    ];
    for (const sql of queries) {
      for (const [low, high] of [[1, 100], [150, 249], [290, 400], [301, 400]]) {
        const reference = await binary(unkeyed(sql), [low!, high!]);
        assert.deepEqual(await binary(sql, [low!, high!]), reference, `${sql} ${low} ${high}`);
      }
    }
    const [[sum]] = await db.execute<RowDataPacket[]>('SELECT SUM(k) AS s FROM sb WHERE id BETWEEN ? AND ?', [1, 100]);
    const expected = Array.from({ length: 100 }, (_, i) => (i * 7) % 50).reduce((a, b) => a + b, 0);
    assert.equal(String(sum!['s']), String(expected));
  });

  it("sees the transaction's own writes in and beside the range", async () => {
    await db.query('CREATE TABLE own (id INT PRIMARY KEY, v VARCHAR(10))');
    await db.query("INSERT INTO own VALUES (1, 'a'), (2, 'b'), (3, 'c'), (10, 'j')");
    const sql = 'SELECT id, v FROM own WHERE id BETWEEN ? AND ?';
    await db.query('BEGIN');
    try {
      await db.query("INSERT INTO own VALUES (20, 't')");
      assert.deepEqual((await binary(sql, [1, 3])).rows, [{ id: 1, v: 'a' }, { id: 2, v: 'b' }, { id: 3, v: 'c' }]);
      await db.query("UPDATE own SET v = 'B' WHERE id = 2");
      await db.query('DELETE FROM own WHERE id = 3');
      await db.query("INSERT INTO own VALUES (4, 'd')");
      assert.deepEqual((await binary(sql, [1, 10])).rows, [{ id: 1, v: 'a' }, { id: 2, v: 'B' }, { id: 4, v: 'd' }, { id: 10, v: 'j' }]);
      assert.deepEqual((await text('SELECT id FROM own WHERE id BETWEEN 1 AND 30 ORDER BY id DESC')).rows.map((row) => (row as { id: number }).id), [20, 10, 4, 2, 1]);
    } finally {
      await db.query('ROLLBACK');
    }
    assert.deepEqual((await binary(sql, [1, 30])).rows.map((row) => (row as { id: number }).id), [1, 2, 3, 10]);
  });

  it('sends the NULL bitmap of binary rows with many columns', async () => {
    const columns = Array.from({ length: 17 }, (_, i) => `c${i} INT`).join(', ');
    await db.query(`CREATE TABLE wide (id INT PRIMARY KEY, ${columns})`);
    const rows = [1, 2, 3].map((id) => `(${id}, ${Array.from({ length: 17 }, (_, i) => ((i + id) % 3 === 0 ? 'NULL' : String(i))).join(', ')})`);
    await db.query(`INSERT INTO wide VALUES ${rows.join(', ')}`);
    assert.deepEqual(await binary('SELECT * FROM wide WHERE id BETWEEN ? AND ?', [1, 3]), await text('SELECT * FROM wide WHERE id BETWEEN 1 AND 3'));
  });
});
