// End-to-end: information_schema as queryable tables (filters, joins, USE information_schema), the SHOW forms tools
// read (FULL COLUMNS, INDEX, TABLE STATUS, CREATE DATABASE, ENGINES, CHARSET, COLLATION, [FULL] PROCESSLIST with
// each connection's TLS state), and KILL [QUERY].
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { makeCertificates, tlsFlags } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

async function rows(db: Connection, sql: string): Promise<Record<string, unknown>[]> {
  const [result] = await db.query<RowDataPacket[]>(sql);
  return result.map((row) => ({ ...row }));
}

describe('information_schema and SHOW', () => {
  let certs: CertificateSet;
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    certs = await makeCertificates('infoschema');
    server = await startTidal({ args: tlsFlags(certs) });
    db = await connect(server.port, { supportBigNumbers: true, bigNumberStrings: true });
    await db.query('CREATE DATABASE shop');
    await db.query('USE shop');
    await db.query(`CREATE TABLE items (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, sku VARCHAR(32) NOT NULL DEFAULT 'none', name VARCHAR(100) COLLATE utf8mb4_general_ci,
      price DECIMAL(10,2) DEFAULT NULL, added DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3), photo BLOB,
      UNIQUE KEY sku_key (sku), KEY name_price (name, price)) COMMENT='catalog items'`);
    await db.query('CREATE TABLE orders (id BIGINT PRIMARY KEY, item_id INT UNSIGNED NOT NULL, qty SMALLINT NOT NULL)');
    await db.query('CREATE VIEW cheap AS SELECT id, name FROM items WHERE price < 10');
  });

  after(async () => {
    await db.end();
    await server.stop();
    await certs.remove();
  });

  it('lists schemata and tables with filters', async () => {
    const schemata = await rows(db, "SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN ('shop', 'information_schema') ORDER BY SCHEMA_NAME");
    assert.deepEqual(schemata, [
      { SCHEMA_NAME: 'information_schema', DEFAULT_CHARACTER_SET_NAME: 'utf8mb3' },
      { SCHEMA_NAME: 'shop', DEFAULT_CHARACTER_SET_NAME: 'utf8mb4' },
    ]);
    const tables = await rows(db, "SELECT table_name, table_type, engine, table_comment FROM information_schema.tables WHERE table_schema = 'shop' ORDER BY table_name");
    assert.deepEqual(tables, [
      { table_name: 'cheap', table_type: 'VIEW', engine: null, table_comment: 'VIEW' },
      { table_name: 'items', table_type: 'BASE TABLE', engine: 'InnoDB', table_comment: 'catalog items' },
      { table_name: 'orders', table_type: 'BASE TABLE', engine: 'InnoDB', table_comment: '' },
    ]);
    const [[system]] = await db.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'information_schema' AND TABLE_TYPE = 'SYSTEM VIEW'");
    assert.ok(Number(system!.n) >= 21);
  });

  it('describes columns as MySQL does, and joins them with TABLES', async () => {
    const columns = await rows(db, `
      SELECT c.COLUMN_NAME, c.ORDINAL_POSITION, c.COLUMN_DEFAULT, c.IS_NULLABLE, c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH,
             c.NUMERIC_PRECISION, c.NUMERIC_SCALE, c.DATETIME_PRECISION, c.COLLATION_NAME, c.COLUMN_TYPE, c.COLUMN_KEY, c.EXTRA
      FROM information_schema.COLUMNS c JOIN information_schema.TABLES t
        ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
      WHERE t.TABLE_TYPE = 'BASE TABLE' AND c.TABLE_SCHEMA = 'shop' AND c.TABLE_NAME = 'items'
      ORDER BY c.ORDINAL_POSITION`);
    assert.deepEqual(columns.map((c) => [c.COLUMN_NAME, c.ORDINAL_POSITION, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_KEY, c.EXTRA]), [
      ['id', '1', 'int unsigned', 'NO', 'PRI', 'auto_increment'],
      ['sku', '2', 'varchar(32)', 'NO', 'UNI', ''],
      ['name', '3', 'varchar(100)', 'YES', 'MUL', ''],
      ['price', '4', 'decimal(10,2)', 'YES', '', ''],
      ['added', '5', 'datetime(3)', 'YES', '', 'DEFAULT_GENERATED'],
      ['photo', '6', 'blob', 'YES', '', ''],
    ]);
    const byName = Object.fromEntries(columns.map((c) => [c.COLUMN_NAME as string, c]));
    assert.deepEqual([byName.sku!.DATA_TYPE, byName.sku!.CHARACTER_MAXIMUM_LENGTH, byName.sku!.COLLATION_NAME, byName.sku!.COLUMN_DEFAULT], ['varchar', '32', 'utf8mb4_0900_ai_ci', 'none']);
    assert.equal(byName.name!.COLLATION_NAME, 'utf8mb4_general_ci');
    assert.deepEqual([byName.price!.NUMERIC_PRECISION, byName.price!.NUMERIC_SCALE, byName.price!.COLUMN_DEFAULT], ['10', '2', null]);
    assert.deepEqual([byName.added!.DATETIME_PRECISION, byName.photo!.CHARACTER_MAXIMUM_LENGTH, byName.photo!.COLLATION_NAME], ['3', '65535', null]);
    // MySQL names the default with the column's fractional precision (TypeORM compares this text with its model).
    assert.equal(byName.added!.COLUMN_DEFAULT, 'CURRENT_TIMESTAMP(3)');
  });

  it('lists indexes, key columns and constraints', async () => {
    const statistics = await rows(db, "SELECT INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'items' ORDER BY INDEX_NAME, SEQ_IN_INDEX");
    assert.deepEqual(statistics.map((s) => [s.INDEX_NAME, s.NON_UNIQUE, s.SEQ_IN_INDEX, s.COLUMN_NAME]), [
      ['name_price', '1', '1', 'name'],
      ['name_price', '1', '2', 'price'],
      ['PRIMARY', '0', '1', 'id'],
      ['sku_key', '0', '1', 'sku'],
    ]);
    const keys = await rows(db, "SELECT k.CONSTRAINT_NAME, k.TABLE_NAME, k.COLUMN_NAME, c.CONSTRAINT_TYPE FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.TABLE_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME WHERE k.TABLE_SCHEMA = 'shop' ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME");
    assert.deepEqual(keys.map((k) => [k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.CONSTRAINT_TYPE]), [
      ['items', 'PRIMARY', 'id', 'PRIMARY KEY'],
      ['items', 'sku_key', 'sku', 'UNIQUE'],
      ['orders', 'PRIMARY', 'id', 'PRIMARY KEY'],
    ]);
    assert.deepEqual(await rows(db, "SELECT * FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = 'shop'"), []);
    assert.deepEqual(await rows(db, 'SELECT * FROM information_schema.ROUTINES'), []);
    const partitions = await rows(db, "SELECT TABLE_NAME, PARTITION_NAME FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = 'shop' ORDER BY TABLE_NAME");
    assert.deepEqual(partitions, [{ TABLE_NAME: 'items', PARTITION_NAME: null }, { TABLE_NAME: 'orders', PARTITION_NAME: null }]);
  });

  it('shows views, engines, character sets, collations, variables and status', async () => {
    const [view] = await rows(db, "SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, IS_UPDATABLE FROM information_schema.VIEWS WHERE TABLE_SCHEMA = 'shop'");
    assert.equal(view!.TABLE_NAME, 'cheap');
    assert.match(view!.VIEW_DEFINITION as string, /SELECT id, name FROM items WHERE price < 10/i);
    assert.deepEqual([view!.CHECK_OPTION, view!.IS_UPDATABLE], ['NONE', 'YES']);
    assert.deepEqual(await rows(db, 'SELECT ENGINE, SUPPORT, TRANSACTIONS FROM information_schema.ENGINES'), [{ ENGINE: 'InnoDB', SUPPORT: 'DEFAULT', TRANSACTIONS: 'YES' }]);
    const collations = await rows(db, "SELECT c.COLLATION_NAME, c.ID, s.MAXLEN FROM information_schema.COLLATIONS c JOIN information_schema.CHARACTER_SETS s ON s.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME WHERE c.CHARACTER_SET_NAME = 'utf8mb4' ORDER BY c.ID");
    assert.deepEqual(
      collations.map((row) => [row.COLLATION_NAME, row.ID, row.MAXLEN]),
      [
        ['utf8mb4_general_ci', '45', '4'], ['utf8mb4_bin', '46', '4'], ['utf8mb4_unicode_ci', '224', '4'], ['utf8mb4_swedish_ci', '232', '4'],
        ['utf8mb4_esperanto_ci', '241', '4'], ['utf8mb4_unicode_520_ci', '246', '4'],
        ['utf8mb4_0900_ai_ci', '255', '4'], ['utf8mb4_0900_as_cs', '278', '4'], ['utf8mb4_0900_as_ci', '305', '4'], ['utf8mb4_0900_bin', '309', '4'],
      ],
    );
    await db.query('SET SESSION sql_mode = ANSI_QUOTES');
    const variables = await rows(db, "SELECT s.VARIABLE_VALUE AS mine, g.VARIABLE_VALUE AS global FROM information_schema.SESSION_VARIABLES s JOIN information_schema.GLOBAL_VARIABLES g USING (VARIABLE_NAME) WHERE s.VARIABLE_NAME = 'sql_mode'");
    await db.query('SET SESSION sql_mode = DEFAULT');
    assert.equal(variables[0]!.mine, 'ANSI_QUOTES');
    assert.notEqual(variables[0]!.global, 'ANSI_QUOTES');
    const [status] = await rows(db, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'Uptime'");
    assert.ok(Number(status!.VARIABLE_VALUE) >= 0);
    assert.equal((await rows(db, "SELECT * FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'Ssl_cipher'")).length, 1);
  });

  it('works as the current database, and names a missing table as MySQL does', async () => {
    await db.query('USE information_schema');
    try {
      const [[count]] = await db.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM TABLES WHERE TABLE_SCHEMA = 'shop'");
      assert.equal(Number(count!.n), 3);
      const tables = await rows(db, "SHOW TABLES LIKE 'COLL%'");
      assert.deepEqual(tables.map((row) => Object.values(row)[0]), ['COLLATIONS', 'COLLATION_CHARACTER_SET_APPLICABILITY']);
      await assertSqlError(db, 'SELECT * FROM nosuch', 1146, "Table 'information_schema.nosuch' doesn't exist");
    } finally {
      await db.query('USE shop');
    }
    const databases = await rows(db, "SHOW DATABASES LIKE 'info%'");
    assert.deepEqual(databases, [{ 'Database (info%)': 'information_schema' }]);
  });

  it('answers SHOW FULL COLUMNS, SHOW INDEX, SHOW TABLE STATUS and SHOW CREATE DATABASE', async () => {
    const full = await rows(db, "SHOW FULL COLUMNS FROM items LIKE 'name'");
    assert.deepEqual(full, [{ Field: 'name', Type: 'varchar(100)', Collation: 'utf8mb4_general_ci', Null: 'YES', Key: 'MUL', Default: null, Extra: '', Privileges: 'select,insert,update,references', Comment: '' }]);
    assert.equal((await rows(db, 'SHOW INDEX FROM items')).length, 4);
    const status = await rows(db, "SHOW TABLE STATUS LIKE 'it%'");
    assert.equal(status.length, 1);
    assert.deepEqual([status[0]!.Name, status[0]!.Engine, status[0]!.Collation, status[0]!.Comment], ['items', 'InnoDB', 'utf8mb4_0900_ai_ci', 'catalog items']);
    const views = await rows(db, "SHOW TABLE STATUS FROM shop WHERE Comment = 'VIEW'");
    assert.deepEqual(views.map((row) => row.Name), ['cheap']);
    assert.deepEqual(await rows(db, 'SHOW CREATE DATABASE shop'), [
      { Database: 'shop', 'Create Database': "CREATE DATABASE `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */" },
    ]);
    const ifNotExists = await rows(db, 'SHOW CREATE DATABASE IF NOT EXISTS shop');
    assert.match(ifNotExists[0]!['Create Database'] as string, /^CREATE DATABASE \/\*!32312 IF NOT EXISTS\*\/ `shop`/);
    await assertSqlError(db, 'SHOW CREATE DATABASE nosuch', 1049);
  });

  it('answers SHOW ENGINES, SHOW CHARSET and SHOW COLLATION with LIKE and WHERE', async () => {
    assert.deepEqual((await rows(db, 'SHOW ENGINES')).map((row) => [row.Engine, row.Support]), [['InnoDB', 'DEFAULT']]);
    assert.deepEqual(await rows(db, "SHOW CHARSET LIKE 'utf8%'"), [
      { Charset: 'utf8', Description: 'UTF-8 Unicode', 'Default collation': 'utf8_general_ci', Maxlen: '3' },
      { Charset: 'utf8mb4', Description: 'UTF-8 Unicode', 'Default collation': 'utf8mb4_0900_ai_ci', Maxlen: '4' },
    ]);
    assert.deepEqual((await rows(db, "SHOW COLLATION WHERE Charset = 'utf8mb4' AND `Default` = 'Yes'")).map((row) => row.Collation), ['utf8mb4_0900_ai_ci']);
    assert.deepEqual(await rows(db, "SHOW TRIGGERS LIKE 'items'"), []);
  });

  it('lists every connection in PROCESSLIST with its TLS state, and KILL ends one', async () => {
    const secure = await connect(server.port, { ssl: { ca: await readFile(certs.ca), rejectUnauthorized: true } });
    const plain = await connect(server.port);
    try {
      const [[ids]] = await secure.query<RowDataPacket[]>('SELECT CONNECTION_ID() AS id');
      const secureId = Number(ids!.id);
      const [[plainIds]] = await plain.query<RowDataPacket[]>('SELECT CONNECTION_ID() AS id');
      const plainId = Number(plainIds!.id);
      const list = await rows(db, 'SHOW FULL PROCESSLIST');
      const byId = new Map(list.map((row) => [Number(row.Id), row]));
      assert.match(byId.get(secureId)!.Tls as string, /^TLSv1\.3 TLS_/);
      assert.equal(byId.get(plainId)!.Tls, '');
      assert.equal(byId.get(plainId)!.Command, 'Sleep');
      const [me] = await rows(db, 'SELECT ID, COMMAND, INFO FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()');
      assert.deepEqual([me!.COMMAND, me!.INFO], ['Query', 'SELECT ID, COMMAND, INFO FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()']);

      await db.query(`KILL ${plainId}`);
      await assert.rejects(plain.query('SELECT 1'));
      for (let i = 0; i < 50 && (await rows(db, `SELECT ID FROM information_schema.PROCESSLIST WHERE ID = ${plainId}`)).length > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.deepEqual(await rows(db, `SELECT ID FROM information_schema.PROCESSLIST WHERE ID = ${plainId}`), []);
      await assertSqlError(db, 'KILL 999999', 1094, 'Unknown thread id: 999999');
    } finally {
      await secure.end();
      plain.destroy();
    }
  });

  it('KILL QUERY stops the running statement with 1317 and keeps the connection', async () => {
    await db.query('CREATE TABLE nums (n INT PRIMARY KEY)');
    await db.query(`INSERT INTO nums VALUES ${Array.from({ length: 1000 }, (_, i) => `(${i})`).join(',')}`);
    // The mariadb CLI streams a million wide rows to /dev/null: seconds of work, far longer than the KILL takes.
    const child = spawn('mariadb', ['--no-defaults', '--protocol=TCP', '-h', '127.0.0.1', '-P', String(server.port), '-u', 'root', '-N', '-e',
      "SELECT 'worker'; SELECT a.n, b.n, REPEAT('x', 100) FROM shop.nums a, shop.nums b; SELECT 'still connected'"], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let sawStill = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (sawStill ||= chunk.includes('still connected')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let id: unknown;
    for (let i = 0; i < 100 && id === undefined; i++) {
      const [running] = await rows(db, "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE '%REPEAT%' AND ID <> CONNECTION_ID()");
      id = running?.ID;
      if (id === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.notEqual(id, undefined, 'the worker query shows in PROCESSLIST');
    await db.query(`KILL QUERY ${String(id)}`);
    assert.equal(await exited, 1);
    assert.match(stderr, /ERROR 1317 \(70100\).*Query execution was interrupted/);
    assert.equal(sawStill, false, 'the CLI stops at the first error');
    // The killed connection is still there: only its statement ended.
    const [still] = await rows(db, `SELECT COMMAND FROM information_schema.PROCESSLIST WHERE ID = ${String(id)}`);
    assert.ok(still === undefined || still.COMMAND === 'Sleep');
  });
});
