// End-to-end: the first SQL slice through mysql2 over a real socket: DDL, DML, errors, transactions, variables.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';

describe('first SQL slice over mysql2', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { multipleStatements: true });
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  it('creates a database and a table and reads rows back with WHERE, ORDER BY and LIMIT', async () => {
    await db.query('CREATE DATABASE shop');
    await db.query('USE shop');
    await db.query(`CREATE TABLE items (
      id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(40) NOT NULL,
      price DECIMAL(10,2) NOT NULL DEFAULT 0,
      weight DOUBLE,
      stock BIGINT DEFAULT 5,
      notes TEXT,
      added DATETIME)`);
    const [insert] = await db.query<ResultSetHeader>(
      "INSERT INTO items (name, price, weight, notes, added) VALUES ('apple', 1.25, 0.2, 'red', '2024-01-02 03:04:05'), ('pear', 2.5, 0.25, NULL, NULL), ('fig', 10, 0.05, 'dry', '2024-05-06')",
    );
    assert.equal(insert.affectedRows, 3);
    assert.equal(insert.insertId, 1);
    // An explicit AUTO_INCREMENT value is the OK packet's insert id (ORMs read it back), but not LAST_INSERT_ID().
    const [explicit] = await db.query<ResultSetHeader>("INSERT INTO items (id, name) VALUES (40, 'kiwi'), (41, 'lime')");
    assert.equal(explicit.insertId, 41);
    const [[last]] = await db.query<RowDataPacket[]>('SELECT LAST_INSERT_ID() AS id');
    assert.equal(last?.id, 1);
    await db.query('DELETE FROM items WHERE id >= 40');
    const [rows] = await db.query<RowDataPacket[]>('SELECT id, name, price, weight, stock, notes FROM items WHERE price > 2 ORDER BY price DESC LIMIT 5');
    assert.deepEqual(rows.map((row) => ({ ...row })), [
      { id: 3, name: 'fig', price: '10.00', weight: 0.05, stock: 5, notes: 'dry' },
      { id: 2, name: 'pear', price: '2.50', weight: 0.25, stock: 5, notes: null },
    ]);
    const [dates] = await db.query<RowDataPacket[]>({ sql: 'SELECT added FROM items ORDER BY id', dateStrings: true });
    assert.deepEqual(dates.map((row) => row.added as unknown), ['2024-01-02 03:04:05', null, '2024-05-06 00:00:00']);
    const [limited] = await db.query<RowDataPacket[]>('SELECT name FROM items ORDER BY name LIMIT 1, 1');
    assert.deepEqual(limited.map((row) => row.name as unknown), ['fig']);
  });

  it('updates and deletes, reporting affected and matched rows as MySQL', async () => {
    const [update] = await db.query<ResultSetHeader>('UPDATE items SET stock = stock + 1 WHERE id IN (1, 2)');
    assert.equal(update.affectedRows, 2);
    assert.match(update.info, /Rows matched: 2 {2}Changed: 2/);
    const [same] = await db.query<ResultSetHeader>('UPDATE items SET stock = 6 WHERE id = 1');
    assert.equal(same.changedRows, 0);
    const [deleted] = await db.query<ResultSetHeader>("DELETE FROM items WHERE name = 'pear'");
    assert.equal(deleted.affectedRows, 1);
    const [rows] = await db.query<RowDataPacket[]>('SELECT id, stock FROM items ORDER BY id');
    assert.deepEqual(rows.map((row) => [row.id, row.stock] as unknown), [[1, 6], [3, 5]]);
  });

  it('answers errors with MySQL numbers and messages', async () => {
    await assertSqlError(db, 'USE nosuchdb', 1049, "Unknown database 'nosuchdb'");
    await assertSqlError(db, 'CREATE TABLE items (a INT)', 1050, "Table 'items' already exists");
    await assertSqlError(db, 'DROP TABLE nosuch', 1051, "Unknown table 'shop.nosuch'");
    await assertSqlError(db, 'SELECT nosuch FROM items', 1054, "Unknown column 'nosuch' in 'field list'");
    await assertSqlError(db, "INSERT INTO items (id, name) VALUES (1, 'dup')", 1062, "Duplicate entry '1' for key 'items.PRIMARY'");
    await assertSqlError(db, 'SELECT * FROM nosuch', 1146, "Table 'shop.nosuch' doesn't exist");
    await assertSqlError(db, 'SELEC 1', 1064, /^You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SELEC 1' at line 1$/);
    await assertSqlError(db, 'CREATE DATABASE shop', 1007, "Can't create database 'shop'; database exists");
    await assertSqlError(db, "INSERT INTO items (name) VALUES (NULL)", 1048, "Column 'name' cannot be null");
    await assertSqlError(db, 'SELECT nosuchfn(1)', 1305, 'FUNCTION shop.nosuchfn does not exist');
    await assertSqlError(db, "INSERT INTO items (name, stock) VALUES ('x', 'abc')", 1366, "Incorrect integer value: 'abc' for column 'stock' at row 1");
    await assertSqlError(db, "INSERT INTO items (name) VALUES ('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')", 1406, "Data too long for column 'name' at row 1");
  });

  it('enforces ONLY_FULL_GROUP_BY with MySQL 8 messages, and not once it is removed from sql_mode', async () => {
    await db.query('CREATE DATABASE gb; CREATE TABLE gb.t (id INT PRIMARY KEY, k INT, v VARCHAR(5))');
    await db.query("INSERT INTO gb.t VALUES (1, 1, 'a'), (2, 1, 'a'), (3, 2, 'b')");
    await assertSqlError(
      db,
      'SELECT k, v FROM gb.t GROUP BY k',
      1055,
      "Expression #2 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'gb.t.v' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by",
    );
    await assertSqlError(
      db,
      'SELECT v, COUNT(*) FROM gb.t',
      1140,
      "In aggregated query without GROUP BY, expression #1 of SELECT list contains nonaggregated column 'gb.t.v'; this is incompatible with sql_mode=only_full_group_by",
    );
    await db.query("SET SESSION sql_mode = 'STRICT_TRANS_TABLES'");
    try {
      const [rows] = await db.query<RowDataPacket[]>('SELECT k, v FROM gb.t GROUP BY k ORDER BY k');
      assert.deepEqual(rows.map((row) => [Number(row.k), String(row.v)]), [[1, 'a'], [2, 'b']]);
    } finally {
      await db.query('SET SESSION sql_mode = DEFAULT');
    }
  });

  it('lists databases and tables', async () => {
    const [databases] = await db.query<RowDataPacket[]>('SHOW DATABASES');
    const names = databases.map((row) => row.Database as string);
    for (const name of ['mysql', 'shop', 'test']) assert.ok(names.includes(name), `${name} in ${names.join(',')}`);
    const [tables] = await db.query<RowDataPacket[]>("SHOW TABLES LIKE 'it%'");
    assert.deepEqual(tables.map((row) => ({ ...row })), [{ 'Tables_in_shop (it%)': 'items' }]);
  });

  it('keeps uncommitted writes private and undoes them on ROLLBACK', async () => {
    const other = await connect(server.port, { database: 'shop' });
    try {
      await db.query('BEGIN');
      await db.query("INSERT INTO items (name) VALUES ('kiwi')");
      const [mine] = await db.query<RowDataPacket[]>("SELECT name FROM items WHERE name = 'kiwi'");
      assert.equal(mine.length, 1);
      const [theirs] = await other.query<RowDataPacket[]>("SELECT name FROM items WHERE name = 'kiwi'");
      assert.equal(theirs.length, 0);
      await db.query('ROLLBACK');
      const [afterRollback] = await db.query<RowDataPacket[]>("SELECT name FROM items WHERE name = 'kiwi'");
      assert.equal(afterRollback.length, 0);
      await db.query('START TRANSACTION');
      await db.query("INSERT INTO items (name) VALUES ('lime')");
      await db.query('COMMIT');
      const [committed] = await other.query<RowDataPacket[]>("SELECT name FROM items WHERE name = 'lime'");
      assert.equal(committed.length, 1);
    } finally {
      await other.end();
    }
  });

  it('treats autocommit=0 as one open transaction until COMMIT', async () => {
    await db.query('SET autocommit = 0');
    await db.query("INSERT INTO items (name) VALUES ('plum')");
    const [[flag]] = await db.query<RowDataPacket[]>('SELECT @@autocommit AS a');
    assert.equal(flag!.a, 0);
    await db.query('ROLLBACK');
    await db.query('SET autocommit = 1');
    const [rows] = await db.query<RowDataPacket[]>("SELECT name FROM items WHERE name = 'plum'");
    assert.equal(rows.length, 0);
  });

  it('answers what drivers send on connect', async () => {
    const [rows] = await db.query<RowDataPacket[]>(
      'SELECT @@version_comment AS c, DATABASE() AS d, USER() AS u, CURRENT_USER() AS cu, CONNECTION_ID() AS id, VERSION() AS v, @@max_allowed_packet AS m',
    );
    const row = rows[0]!;
    assert.match(String(row.c), /TidalDB/);
    assert.equal(row.d, 'shop');
    assert.equal(row.u, 'root@127.0.0.1');
    assert.equal(row.cu, 'root@%');
    assert.ok(Number(row.id) > 0);
    assert.match(String(row.v), /^8\.0\.11-TidalDB-/);
    assert.equal(row.m, 67108864);
    await db.query('SET NAMES utf8mb4');
    const [[charset]] = await db.query<RowDataPacket[]>('SELECT @@character_set_client AS c, @@session.sql_mode AS m');
    assert.equal(charset!.c, 'utf8mb4');
    assert.match(String(charset!.m), /STRICT_TRANS_TABLES/);
  });

  it('runs multi-statement queries with multiple results', async () => {
    const [results] = await db.query<RowDataPacket[][]>('SELECT 1 AS a; SELECT 2 AS b');
    assert.deepEqual(results.map((rows) => rows.map((row) => ({ ...row }))), [[{ a: 1 }], [{ b: 2 }]]);
  });

  it('shows and sets variables with SHOW VARIABLES and SET', async () => {
    const [rows] = await db.query<RowDataPacket[]>("SHOW VARIABLES LIKE 'tx_isolation'");
    assert.deepEqual(rows.map((row) => ({ ...row })), [{ Variable_name: 'tx_isolation', Value: 'REPEATABLE-READ' }]);
    await assertSqlError(db, 'SET @@nosuch = 1', 1193, "Unknown system variable 'nosuch'");
    await assertSqlError(db, 'SET have_ssl = 1', 1238, "Variable 'have_ssl' is a read only variable");
    await db.query('SET @greeting = CONCAT(\'hi\', \' there\')');
    const [[greeting]] = await db.query<RowDataPacket[]>('SELECT @greeting AS g');
    assert.equal(greeting!.g, 'hi there');
  });
});
