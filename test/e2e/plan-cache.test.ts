// End-to-end: prepared statements are planned once and their plan reused (TiDB's prepared plan cache), through
// mysql2's execute() and SQL-level PREPARE/EXECUTE. Each reuse must give the same rows as a fresh plan: new
// parameter values choose new point gets and ranges, and a changed schema, database, session variable or parameter
// type makes a new plan. @@last_plan_from_cache says which execution reused one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const ROWS = 50;

describe('prepared plan cache', () => {
  let server: TidalProcess;
  let db: Connection;
  /** Text queries planned afresh each time (its text plan cache is off), to compare reused plans against. */
  let fresh: Connection;

  const fromCache = async (connection: Connection = db): Promise<number> => {
    const [rows] = await connection.query<RowDataPacket[]>('SELECT @@last_plan_from_cache AS hit');
    return Number(rows[0]!.hit);
  };
  const text = async (sql: string): Promise<unknown[]> => (await fresh.query<RowDataPacket[]>(sql))[0].map((row) => ({ ...row }));
  const binary = async (sql: string, params: (number | string | null)[]): Promise<unknown[]> =>
    (await db.execute<RowDataPacket[]>(sql, params))[0].map((row) => ({ ...row }));

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { supportBigNumbers: true, bigNumberStrings: true });
    await db.query('CREATE DATABASE pc');
    await db.query('USE pc');
    await db.query('CREATE TABLE t (id INT PRIMARY KEY, k INT, c VARCHAR(20), INDEX k_idx (k))');
    const values = Array.from({ length: ROWS }, (_, i) => `(${i + 1}, ${(i * 7) % 10}, 'c${i % 5}')`).join(',');
    await db.query(`INSERT INTO t VALUES ${values}`);
    fresh = await connect(server.port, { supportBigNumbers: true, bigNumberStrings: true, database: 'pc' });
    await fresh.query('SET SESSION tidb_enable_non_prepared_plan_cache = OFF');
  });

  after(async () => {
    await db.end();
    await fresh.end();
    await server.stop();
  });

  it('plans a point select once and reuses it for new ids, with the rows a fresh plan gives', async () => {
    const sql = 'SELECT id, k, c FROM t WHERE id = ?';
    const got = await binary(sql, [3]);
    assert.equal(await fromCache(), 0, 'the first execution builds the plan');
    assert.deepEqual(got, await text('SELECT id, k, c FROM t WHERE id = 3'));
    for (const id of [7, 50, 1, 51, 0, -4]) {
      const got = await binary(sql, [id]);
      assert.equal(await fromCache(), 1, `id ${id} reuses the plan`);
      assert.deepEqual(got, await text(`SELECT id, k, c FROM t WHERE id = ${id}`), `id ${id}`);
    }
  });

  it('reuses range, index, aggregate, DISTINCT and ORDER BY plans with new bounds', async () => {
    const cases: [string, (a: number, b: number) => string][] = [
      ['SELECT c FROM t WHERE id BETWEEN ? AND ?', (a, b) => `SELECT c FROM t WHERE id BETWEEN ${a} AND ${b}`],
      ['SELECT SUM(k) AS s FROM t WHERE id BETWEEN ? AND ?', (a, b) => `SELECT SUM(k) AS s FROM t WHERE id BETWEEN ${a} AND ${b}`],
      ['SELECT c FROM t WHERE id BETWEEN ? AND ? ORDER BY c, id', (a, b) => `SELECT c FROM t WHERE id BETWEEN ${a} AND ${b} ORDER BY c, id`],
      ['SELECT DISTINCT c FROM t WHERE id BETWEEN ? AND ? ORDER BY c', (a, b) => `SELECT DISTINCT c FROM t WHERE id BETWEEN ${a} AND ${b} ORDER BY c`],
      ['SELECT id FROM t WHERE id > ? AND id < ? ORDER BY id DESC LIMIT 3', (a, b) => `SELECT id FROM t WHERE id > ${a} AND id < ${b} ORDER BY id DESC LIMIT 3`],
      ['SELECT id FROM t WHERE k = ? AND id <= ? ORDER BY id', (a, b) => `SELECT id FROM t WHERE k = ${a} AND id <= ${b} ORDER BY id`],
      ['SELECT id FROM t WHERE id IN (?, ?) ORDER BY id', (a, b) => `SELECT id FROM t WHERE id IN (${a}, ${b}) ORDER BY id`],
      ['SELECT k, COUNT(*) AS n FROM t WHERE id >= ? AND k <> ? GROUP BY k ORDER BY k', (a, b) => `SELECT k, COUNT(*) AS n FROM t WHERE id >= ${a} AND k <> ${b} GROUP BY k ORDER BY k`],
    ];
    for (const [sql, literal] of cases) {
      const bounds: [number, number][] = [[1, 10], [5, 45], [3, 3], [9, 2], [40, 60]];
      for (const [i, [a, b]] of bounds.entries()) {
        const got = await binary(sql, [a, b]);
        assert.equal(await fromCache(), i === 0 ? 0 : 1, `${sql} execution ${i + 1}`);
        assert.deepEqual(got, await text(literal(a, b)), `${sql} with ${a}, ${b}`);
      }
    }
  });

  it('joins reuse their plan', async () => {
    await db.query('CREATE TABLE u (id INT PRIMARY KEY, t_id INT, note VARCHAR(10))');
    await db.query("INSERT INTO u VALUES (1, 2, 'a'), (2, 2, 'b'), (3, 9, 'c'), (4, 40, 'd')");
    const sql = 'SELECT t.id, u.note FROM t JOIN u ON u.t_id = t.id WHERE t.id = ? ORDER BY u.note';
    for (const [i, id] of [2, 9, 40, 41].entries()) {
      const got = await binary(sql, [id]);
      assert.equal(await fromCache(), i === 0 ? 0 : 1);
      assert.deepEqual(got, await text(sql.replace('?', String(id))));
    }
  });

  it('plans again when a parameter changes type, and keeps the rows right', async () => {
    const sql = 'SELECT id, c FROM t WHERE id = ?';
    await binary(sql, [4]);
    const five = await binary(sql, ['5']);
    assert.equal(await fromCache(), 0, 'string after number: new plan');
    assert.deepEqual(five, await text("SELECT id, c FROM t WHERE id = '5'"));
    const six = await binary(sql, ['6']);
    assert.equal(await fromCache(), 1, 'string again: reused');
    assert.deepEqual(six, await text("SELECT id, c FROM t WHERE id = '6'"));
    assert.deepEqual(await binary(sql, [null]), []);
    assert.equal(await fromCache(), 0, 'NULL: new plan');
  });

  it('plans again after DDL on the table, after USE and after SET', async () => {
    await db.query('CREATE TABLE ddl (id INT PRIMARY KEY, a INT)');
    await db.query('INSERT INTO ddl VALUES (1, 10), (2, 20)');
    const sql = 'SELECT * FROM ddl WHERE id = ?';
    assert.deepEqual(await binary(sql, [1]), [{ id: 1, a: 10 }]);
    await binary(sql, [1]);
    assert.equal(await fromCache(), 1);
    await db.query('ALTER TABLE ddl ADD COLUMN b INT DEFAULT 7');
    assert.deepEqual(await binary(sql, [2]), [{ id: 2, a: 20, b: 7 }], 'the new column shows at once');
    assert.equal(await fromCache(), 0);
    await db.query("SET SESSION sql_mode = 'ANSI_QUOTES'");
    await binary(sql, [2]);
    assert.equal(await fromCache(), 0, 'a session variable changed');
    await db.query('SET SESSION sql_mode = DEFAULT');
    await db.query('CREATE DATABASE pc2');
    await db.query('CREATE TABLE pc2.ddl (id INT PRIMARY KEY, other VARCHAR(5))');
    await db.query("INSERT INTO pc2.ddl VALUES (1, 'x')");
    await binary(sql, [1]);
    await db.query('USE pc2');
    assert.deepEqual(await binary(sql, [1]), [{ id: 1, other: 'x' }], 'the unqualified name now means pc2.ddl');
    assert.equal(await fromCache(), 0);
    await db.query('USE pc');
  });

  it('reuses UPDATE, DELETE and INSERT plans, each execution changing the right rows', async () => {
    await db.query('CREATE TABLE w (id INT PRIMARY KEY, v INT, s VARCHAR(10))');
    for (let id = 1; id <= 20; id++) {
      const [ok] = await db.execute<ResultSetHeader>('INSERT INTO w VALUES (?, ?, ?)', [id, id * 10, `s${id}`]);
      assert.equal(ok.affectedRows, 1);
      assert.equal(await fromCache(), id === 1 ? 0 : 1);
    }
    for (let id = 1; id <= 20; id += 3) {
      const [ok] = await db.execute<ResultSetHeader>('UPDATE w SET v = v + ? WHERE id = ?', [1000, id]);
      assert.equal(ok.affectedRows, 1);
    }
    assert.equal(await fromCache(), 1);
    const [moved] = await db.execute<ResultSetHeader>('UPDATE w SET s = ? WHERE id BETWEEN ? AND ?', ['r', 5, 8]);
    assert.equal(moved.affectedRows, 4);
    for (const id of [2, 3, 21]) await db.execute('DELETE FROM w WHERE id = ?', [id]);
    assert.equal(await fromCache(), 1);
    const [rows] = await db.query<RowDataPacket[]>('SELECT COUNT(*) AS n, SUM(v) AS total, SUM(s = \'r\') AS r FROM w');
    const expectedTotal = Array.from({ length: 20 }, (_, i) => i + 1)
      .filter((id) => id !== 2 && id !== 3)
      .reduce((sum, id) => sum + id * 10 + ((id - 1) % 3 === 0 ? 1000 : 0), 0);
    assert.deepEqual([Number(rows[0]!.n), Number(rows[0]!.total), Number(rows[0]!.r)], [18, expectedTotal, 4]);
    await assert.rejects(db.execute('INSERT INTO w VALUES (?, ?, ?)', [5, 1, 'dup']), (e: { errno?: number }) => e.errno === 1062);
    const [ok] = await db.execute<ResultSetHeader>('INSERT INTO w VALUES (?, ?, ?)', [99, 1, 'after']);
    assert.equal(ok.affectedRows, 1, 'the plan still works after a failed execution');
  });

  it('a reused plan reads each transaction’s own snapshot and writes', async () => {
    const other = await connect(server.port, { database: 'pc' });
    try {
      const sql = 'SELECT v FROM w WHERE id = ?';
      const before = await binary(sql, [10]);
      await db.query('BEGIN');
      await db.execute('UPDATE w SET v = ? WHERE id = ?', [-1, 10]);
      assert.deepEqual(await binary(sql, [10]), [{ v: -1 }], 'own write seen');
      assert.equal(await fromCache(), 1);
      const [seen] = await other.execute<RowDataPacket[]>(sql, [10]);
      assert.deepEqual(seen.map((row) => ({ ...row })), before, 'others do not see it before commit');
      await db.query('ROLLBACK');
      assert.deepEqual(await binary(sql, [10]), before, 'rolled back');
    } finally {
      await other.end();
    }
  });

  it('a cached plan sees DDL made by another connection, and locks rows FOR UPDATE on every execution', async () => {
    const other = await connect(server.port, { database: 'pc' });
    try {
      await db.query('CREATE TABLE shared (id INT PRIMARY KEY, v INT)');
      await db.query('INSERT INTO shared VALUES (1, 1), (2, 2), (3, 3)');
      const sql = 'SELECT * FROM shared WHERE id = ?';
      await binary(sql, [1]);
      await binary(sql, [2]);
      assert.equal(await fromCache(), 1);
      await other.query("ALTER TABLE shared ADD COLUMN note VARCHAR(5) DEFAULT 'n'");
      assert.deepEqual(await binary(sql, [3]), [{ id: 3, v: 3, note: 'n' }]);
      assert.equal(await fromCache(), 0, 'the schema version moved');
      const lock = 'SELECT v FROM shared WHERE id = ? FOR UPDATE';
      await db.query('BEGIN');
      await binary(lock, [1]);
      await binary(lock, [2]);
      assert.equal(await fromCache(), 1);
      for (const id of [1, 2]) {
        await assert.rejects(other.execute('SELECT v FROM shared WHERE id = ? FOR UPDATE NOWAIT', [id]), (e: { errno?: number }) => e.errno === 3572, `row ${id} is locked`);
      }
      const [free] = await other.execute<RowDataPacket[]>('SELECT v FROM shared WHERE id = ? FOR UPDATE NOWAIT', [3]);
      assert.equal(free.length, 1);
      await db.query('ROLLBACK');
      await other.query('DROP TABLE shared');
      await assert.rejects(binary(sql, [1]), (e: { errno?: number }) => e.errno === 1146);
    } finally {
      await other.end();
    }
  });

  it('does not cache statements whose plan depends on more than the parameters', async () => {
    const uncached = [
      ['SELECT ? AS v, NOW() AS n', [1]],
      ['SELECT id FROM t WHERE id IN (SELECT id FROM u WHERE t_id = ?)', [2]],
      ['SELECT id FROM t WHERE id > ? LIMIT ?', [45, 2]],
      ['SELECT @@autocommit, ?', [1]],
    ] as const;
    for (const [sql, params] of uncached) {
      await db.execute(sql, [...params]);
      await db.execute(sql, [...params]);
      assert.equal(await fromCache(), 0, sql);
    }
    const [limited] = await db.execute<RowDataPacket[]>('SELECT id FROM t WHERE id > ? ORDER BY id LIMIT ?', [45, 2]);
    assert.deepEqual(limited.map((row) => Number(row.id)), [46, 47]);
  });

  it('reuses plans of SQL-level PREPARE / EXECUTE, and none when tidb_enable_prepared_plan_cache is OFF', async () => {
    await db.query("PREPARE p FROM 'SELECT c FROM t WHERE id = ?'");
    await db.query('SET @id = 12');
    await db.query('EXECUTE p USING @id');
    await db.query('SET @id = 13');
    const [rows] = await db.query<RowDataPacket[]>('EXECUTE p USING @id');
    assert.deepEqual(rows.map((row) => String(row.c)), ['c2']);
    assert.equal(await fromCache(), 1);
    await db.query('DEALLOCATE PREPARE p');
    await db.query('SET GLOBAL tidb_enable_prepared_plan_cache = OFF');
    try {
      await binary('SELECT c FROM t WHERE id = ?', [12]);
      await binary('SELECT c FROM t WHERE id = ?', [12]);
      assert.equal(await fromCache(), 0);
    } finally {
      await db.query('SET GLOBAL tidb_enable_prepared_plan_cache = ON');
    }
    await assertSqlError(db, 'SET @@last_plan_from_cache = 1', 1238);
  });

  it('checks privileges on every execution of a cached plan', async () => {
    await db.query("CREATE USER 'reader'@'%' IDENTIFIED BY 'pw'");
    await db.query("GRANT SELECT ON pc.* TO 'reader'@'%'");
    const reader = await connect(server.port, { user: 'reader', password: 'pw', database: 'pc' });
    try {
      await reader.execute('SELECT c FROM t WHERE id = ?', [1]);
      await reader.execute('SELECT c FROM t WHERE id = ?', [2]);
      assert.equal(await fromCache(reader), 1);
      await db.query("REVOKE SELECT ON pc.* FROM 'reader'@'%'");
      await assert.rejects(reader.execute('SELECT c FROM t WHERE id = ?', [3]), (e: { errno?: number }) => e.errno === 1142);
    } finally {
      await reader.end();
    }
  });
});
