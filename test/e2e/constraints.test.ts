// End-to-end: generated columns, CHECK and FOREIGN KEY constraints across connections and tools: foreign keys inside
// transactions and under pessimistic locks (the parent row locked in share mode while a child is written, cascades
// locking the children), the `mariadb` CLI's report of a violation, and a mysqldump round trip of tables whose
// foreign keys point forward (the dump loads with FOREIGN_KEY_CHECKS=0 and enforces again afterwards).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { mariadb } from './helpers/mariadb-cli.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const SCHEMA = `
  CREATE TABLE z_customer (id INT PRIMARY KEY, email VARCHAR(40) NOT NULL UNIQUE, CONSTRAINT email_has_at CHECK (email LIKE '%@%'));
  CREATE TABLE a_order (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT NOT NULL, qty INT NOT NULL,
    price DECIMAL(8,2) NOT NULL, total DECIMAL(10,2) AS (qty * price) STORED, big TINYINT AS (qty > 10) VIRTUAL,
    CONSTRAINT a_order_customer FOREIGN KEY (customer_id) REFERENCES z_customer (id) ON DELETE CASCADE,
    CHECK (qty > 0), KEY (big));
  CREATE TABLE m_note (id INT PRIMARY KEY, order_id INT, body VARCHAR(20),
    FOREIGN KEY (order_id) REFERENCES a_order (id) ON DELETE SET NULL ON UPDATE CASCADE);
  INSERT INTO z_customer VALUES (1, 'ada@example.org'), (2, 'alan@example.org');
  INSERT INTO a_order (customer_id, qty, price) VALUES (1, 2, 2.50), (1, 20, 1.00), (2, 1, 9.99);
  INSERT INTO m_note VALUES (1, 1, 'gift'), (2, 3, NULL);`;

function mysqldump(port: number, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'mysqldump',
      ['--no-defaults', '--protocol=TCP', '-h', '127.0.0.1', '-P', String(port), '-u', 'root', '--skip-dump-date', ...args],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr }),
    );
  });
}

async function cli(port: number, sql: string): Promise<string> {
  const result = await mariadb(port, ['--batch'], sql);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

async function rows(db: Connection, sql: string): Promise<unknown[][]> {
  const [result] = await db.query<RowDataPacket[]>({ sql, rowsAsArray: true });
  return result as unknown as unknown[][];
}

describe('constraints end to end', () => {
  let server: TidalProcess;
  let a: Connection;
  let b: Connection;

  before(async () => {
    server = await startTidal();
    await cli(server.port, `CREATE DATABASE shop; USE shop; ${SCHEMA}`);
    a = await connect(server.port, { database: 'shop' });
    b = await connect(server.port, { database: 'shop' });
  });

  after(async () => {
    await a.end();
    await b.end();
    await server.stop();
  });

  it('reports a violation through the mariadb CLI with its number and SQLSTATE', async () => {
    const result = await mariadb(server.port, ['shop'], 'INSERT INTO a_order (customer_id, qty, price) VALUES (9, 1, 1);');
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /ERROR 1452 \(23000\) at line 1: Cannot add or update a child row: a foreign key constraint fails \(`shop`\.`a_order`, CONSTRAINT `a_order_customer` FOREIGN KEY \(`customer_id`\) REFERENCES `z_customer` \(`id`\) ON DELETE CASCADE\)/);
    const check = await mariadb(server.port, ['shop'], "UPDATE z_customer SET email = 'nobody' WHERE id = 1;");
    assert.match(check.stderr, /ERROR 3819 \(HY000\) at line 1: Check constraint 'email_has_at' is violated\./);
    const generated = await mariadb(server.port, ['shop'], 'INSERT INTO a_order (customer_id, qty, price, total) VALUES (1, 1, 1, 5);');
    assert.match(generated.stderr, /ERROR 3105 \(HY000\) at line 1: The value specified for generated column 'total' in table 'a_order' is not allowed\./);
  });

  it('shows generated columns and constraints through the mariadb CLI: SHOW CREATE TABLE and information_schema', async () => {
    const created = await cli(server.port, 'SHOW CREATE TABLE shop.a_order;');
    assert.match(created, /`total` decimal\(10,2\) GENERATED ALWAYS AS \(\(`qty` \* `price`\)\) STORED/);
    assert.match(created, /CONSTRAINT `a_order_customer` FOREIGN KEY \(`customer_id`\) REFERENCES `z_customer` \(`id`\) ON DELETE CASCADE/);
    assert.match(created, /CONSTRAINT `a_order_chk_1` CHECK \(\(`qty` > 0\)\)/);
    const keys = await cli(
      server.port,
      "SELECT CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE, REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = 'shop' ORDER BY CONSTRAINT_NAME;",
    );
    assert.equal(keys, 'CONSTRAINT_NAME\tUPDATE_RULE\tDELETE_RULE\tREFERENCED_TABLE_NAME\na_order_customer\tNO ACTION\tCASCADE\tz_customer\nm_note_ibfk_1\tCASCADE\tSET NULL\ta_order\n');
    const checks = await cli(server.port, "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = 'shop' ORDER BY CONSTRAINT_NAME;");
    assert.equal(checks, "CONSTRAINT_NAME\tCHECK_CLAUSE\na_order_chk_1\t(`qty` > 0)\nemail_has_at\t(`email` like _utf8mb4\\\\'%@%\\\\')\n");
  });

  it('cascades inside a transaction and rolls them back with it', async () => {
    await a.query('BEGIN');
    await a.query("INSERT INTO z_customer VALUES (3, 'grace@example.org')");
    await a.query('INSERT INTO a_order (customer_id, qty, price) VALUES (3, 1, 1)');
    assert.deepEqual(await rows(a, 'SELECT COUNT(*) FROM a_order WHERE customer_id = 3'), [[1]]);
    await a.query('DELETE FROM z_customer WHERE id = 3');
    assert.deepEqual(await rows(a, 'SELECT COUNT(*) FROM a_order WHERE customer_id = 3'), [[0]]);
    await a.query('ROLLBACK');
    assert.deepEqual(await rows(a, 'SELECT COUNT(*) FROM z_customer WHERE id = 3'), [[0]]);
    await a.query('BEGIN');
    await a.query('DELETE FROM z_customer WHERE id = 2');
    await a.query('ROLLBACK');
    assert.deepEqual(await rows(a, 'SELECT id, customer_id FROM a_order ORDER BY id'), [[1, 1], [2, 1], [3, 2]]);
  });

  it('locks the parent row in share mode while a child is written: deleting it waits, then sees the child', async () => {
    await a.query('BEGIN');
    await a.query('INSERT INTO a_order (customer_id, qty, price) VALUES (2, 3, 3)');
    await b.query('SET innodb_lock_wait_timeout = 1');
    await assertSqlError(b, 'DELETE FROM z_customer WHERE id = 2', 1205);
    // Share locks do not conflict: another transaction may reference the same parent meanwhile.
    await b.query('BEGIN');
    await b.query('INSERT INTO m_note VALUES (3, 3, NULL)');
    await b.query('ROLLBACK');
    await a.query('COMMIT');
    await b.query('SET foreign_key_checks = 1');
    assert.deepEqual(await rows(b, 'SELECT COUNT(*) FROM a_order WHERE customer_id = 2'), [[2]]);
    await b.query('SET innodb_lock_wait_timeout = DEFAULT');
  });

  it('locks the children a cascade changes, until the transaction ends', async () => {
    await a.query('BEGIN');
    await a.query('UPDATE a_order SET id = 30 WHERE id = 3');
    assert.deepEqual(await rows(a, 'SELECT order_id FROM m_note WHERE id = 2'), [[30]]);
    await b.query('SET innodb_lock_wait_timeout = 1');
    await assertSqlError(b, 'SELECT * FROM m_note WHERE id = 2 FOR UPDATE', 1205);
    await a.query('ROLLBACK');
    assert.deepEqual(await rows(b, 'SELECT order_id FROM m_note WHERE id = 2 FOR UPDATE'), [[3]]);
    await b.query('SET innodb_lock_wait_timeout = DEFAULT');
  });

  it('round-trips through mysqldump: tables created before the ones they reference, constraints kept and enforced', async () => {
    const dump = await mysqldump(server.port, ['shop']);
    assert.equal(dump.code, 0, dump.stderr);
    assert.match(dump.stdout, /\/\*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 \*\/;/);
    assert.match(dump.stdout, /`total` decimal\(10,2\) GENERATED ALWAYS AS \(\(`qty` \* `price`\)\) STORED/);
    assert.match(dump.stdout, /CONSTRAINT `a_order_customer` FOREIGN KEY \(`customer_id`\) REFERENCES `z_customer` \(`id`\) ON DELETE CASCADE/);
    // MariaDB's mysqldump writes the generated columns' values too; outside strict mode (the dump's SQL_MODE) they
    // are ignored with a warning on load, and computed again.
    assert.match(dump.stdout, /INSERT INTO `a_order` VALUES\n\(1,1,2,2\.50,5\.00,0\)/);
    await cli(server.port, 'CREATE DATABASE copy');
    const restore = await mariadb(server.port, ['copy'], dump.stdout);
    assert.equal(restore.code, 0, restore.stderr);
    for (const table of ['z_customer', 'a_order', 'm_note']) {
      const [original] = await rows(a, `SHOW CREATE TABLE shop.${table}`);
      const [copied] = await rows(a, `SHOW CREATE TABLE copy.${table}`);
      assert.equal(copied?.[1], original?.[1]);
      assert.deepEqual(await rows(a, `SELECT * FROM copy.${table} ORDER BY id`), await rows(a, `SELECT * FROM shop.${table} ORDER BY id`));
    }
    assert.deepEqual(await rows(a, 'SELECT total, big FROM copy.a_order ORDER BY id'), [['5.00', 0], ['20.00', 1], ['9.99', 0], ['9.00', 0]]);
    await assertSqlError(a, 'INSERT INTO copy.a_order (customer_id, qty, price) VALUES (7, 1, 1)', 1452);
    await assertSqlError(a, 'INSERT INTO copy.a_order (customer_id, qty, price) VALUES (1, 0, 1)', 3819);
    await a.query('DELETE FROM copy.z_customer WHERE id = 1');
    assert.deepEqual(await rows(a, 'SELECT id, order_id FROM copy.m_note ORDER BY id'), [[1, null], [2, 3]]);
  });
});
