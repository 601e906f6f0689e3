// End-to-end: GRANT/REVOKE at global, database and table level, SHOW GRANTS, and checks on every statement.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { mariadbAs } from './helpers/mariadb-cli.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

async function grantsFor(db: Connection, user: string): Promise<string[]> {
  const [rows] = await db.query<RowDataPacket[]>(`SHOW GRANTS FOR ${user}`);
  return rows.map((row) => Object.values(row)[0] as string);
}

async function column(db: Connection, sql: string): Promise<unknown[]> {
  const [rows] = await db.query<RowDataPacket[]>(sql);
  return rows.map((row): unknown => Object.values(row)[0] as unknown);
}

describe('privileges', () => {
  let server: TidalProcess;
  let root: Connection;
  let user: Connection;

  before(async () => {
    server = await startTidal();
    root = await connect(server.port);
    await root.query('CREATE DATABASE app');
    await root.query('CREATE DATABASE secret');
    await root.query('CREATE TABLE app.t (id INT PRIMARY KEY, v INT)');
    await root.query('CREATE TABLE app.other (id INT PRIMARY KEY)');
    await root.query('CREATE TABLE secret.s (id INT PRIMARY KEY)');
    await root.query('INSERT INTO app.t VALUES (1, 10), (2, 20)');
    await root.query('INSERT INTO secret.s VALUES (7)');
    await root.query("CREATE USER 'u'@'%' IDENTIFIED WITH mysql_native_password BY 'u-pw'");
    user = await connect(server.port, { user: 'u', password: 'u-pw' });
  });

  after(async () => {
    await user.end();
    await root.end();
    await server.stop();
  });

  it('a new account has USAGE only: every statement on data is refused with 1142 / 1044 / 1227', async () => {
    assert.deepEqual(await grantsFor(root, "'u'@'%'"), ['GRANT USAGE ON *.* TO `u`@`%`']);
    await assertSqlError(user, 'SELECT * FROM app.t', 1142, "SELECT command denied to user 'u'@'127.0.0.1' for table 't'");
    await assertSqlError(user, 'INSERT INTO app.t VALUES (3, 30)', 1142, "INSERT command denied to user 'u'@'127.0.0.1' for table 't'");
    await assertSqlError(user, 'UPDATE app.t SET v = 0', 1142, /^UPDATE command denied/);
    await assertSqlError(user, 'DELETE FROM app.t', 1142, /^DELETE command denied/);
    await assertSqlError(user, 'CREATE TABLE app.n (id INT)', 1142, /^CREATE command denied/);
    await assertSqlError(user, 'DROP TABLE app.t', 1142, /^DROP command denied/);
    await assertSqlError(user, 'CREATE DATABASE mine', 1044, "Access denied for user 'u'@'127.0.0.1' to database 'mine'");
    await assertSqlError(user, 'USE secret', 1044, "Access denied for user 'u'@'127.0.0.1' to database 'secret'");
    await assertSqlError(user, "CREATE USER 'x'@'%'", 1227, 'Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation');
    await assertSqlError(user, 'SET GLOBAL max_connections = 5', 1227, /SUPER or SYSTEM_VARIABLES_ADMIN/);
    await assertSqlError(user, 'FLUSH PRIVILEGES', 1227, /RELOAD/);
    await assertSqlError(user, 'SELECT * FROM mysql.user', 1142, /^SELECT command denied/);
    // information_schema is every account's (its rows list only what the account may see), as in MySQL.
    assert.deepEqual(await column(user, 'SHOW DATABASES'), ['information_schema']);
    assert.deepEqual(await column(user, 'SELECT 1 + 1'), [2]);
  });

  it('table-level grants allow exactly that table; subqueries are checked too', async () => {
    await root.query("GRANT SELECT ON app.t TO 'u'@'%'");
    assert.deepEqual(await column(user, 'SELECT v FROM app.t ORDER BY id'), [10, 20]);
    await assertSqlError(user, 'SELECT * FROM app.other', 1142, /for table 'other'/);
    await assertSqlError(user, 'SELECT v FROM app.t WHERE id IN (SELECT id FROM app.other)', 1142, /for table 'other'/);
    await assertSqlError(user, 'INSERT INTO app.t VALUES (3, 30)', 1142, /^INSERT command denied/);
    assert.deepEqual(await column(user, 'SHOW DATABASES'), ['app', 'information_schema']);
    assert.deepEqual(await column(user, 'SHOW TABLES FROM app'), ['t']);
    assert.deepEqual(await column(root, "SELECT Table_priv FROM mysql.tables_priv WHERE User = 'u'"), ['Select']);
  });

  it('database-level grants cover every table of the database, and USE', async () => {
    await root.query("GRANT INSERT, UPDATE, DELETE ON app.* TO 'u'@'%'");
    await user.query('USE app');
    await user.query('INSERT INTO t VALUES (3, 30)');
    await user.query('UPDATE t SET v = 31 WHERE id = 3');
    await user.query('DELETE FROM t WHERE id = 3');
    await assertSqlError(user, 'SELECT * FROM other', 1142, /for table 'other'/);
    await assertSqlError(user, 'INSERT INTO secret.s VALUES (8)', 1142, /^INSERT command denied/);
    assert.deepEqual(await grantsFor(root, "'u'@'%'"), [
      'GRANT USAGE ON *.* TO `u`@`%`',
      'GRANT INSERT, UPDATE, DELETE ON `app`.* TO `u`@`%`',
      'GRANT SELECT ON `app`.`t` TO `u`@`%`',
    ]);
    assert.deepEqual(await column(root, "SELECT Insert_priv FROM mysql.db WHERE User = 'u' AND Db = 'app'"), ['Y']);
    // Without FOR, SHOW GRANTS is the current account's own, needing no privilege.
    assert.deepEqual((await column(user, 'SHOW GRANTS')).length, 3);
  });

  it('global grants cover everything; ALL PRIVILEGES and WITH GRANT OPTION as MySQL prints them', async () => {
    await root.query("CREATE USER 'admin'@'%' IDENTIFIED WITH mysql_native_password BY 'admin-pw'");
    await root.query("GRANT ALL ON *.* TO 'admin'@'%' WITH GRANT OPTION");
    assert.deepEqual(await grantsFor(root, 'admin'), ['GRANT ALL PRIVILEGES ON *.* TO `admin`@`%` WITH GRANT OPTION']);
    const admin = await connect(server.port, { user: 'admin', password: 'admin-pw' });
    try {
      assert.deepEqual(await column(admin, 'SELECT id FROM secret.s'), [7]);
      await admin.query("CREATE USER 'made_by_admin'@'%'");
      await admin.query("GRANT SELECT ON secret.* TO 'made_by_admin'@'%'");
      assert.deepEqual(await grantsFor(admin, 'made_by_admin'), ['GRANT USAGE ON *.* TO `made_by_admin`@`%`', 'GRANT SELECT ON `secret`.* TO `made_by_admin`@`%`']);
    } finally {
      await admin.end();
    }
    await root.query("GRANT SELECT, PROCESS ON *.* TO 'u'@'%'");
    assert.deepEqual((await grantsFor(root, "'u'@'%'"))[0], 'GRANT SELECT, PROCESS ON *.* TO `u`@`%`');
    assert.deepEqual(await column(user, 'SELECT id FROM secret.s'), [7]);
    await root.query("REVOKE SELECT, PROCESS ON *.* FROM 'u'@'%'");
    await assertSqlError(user, 'SELECT id FROM secret.s', 1142);
  });

  it('GRANT needs GRANT OPTION; REVOKE and the errors for what does not exist', async () => {
    await assertSqlError(user, "GRANT SELECT ON app.t TO 'u'@'%'", 1142, /^GRANT command denied/);
    await assertSqlError(user, "GRANT SELECT ON app.* TO 'u'@'%'", 1044);
    await assertSqlError(root, "GRANT SELECT ON app.t TO 'ghost'@'%'", 1410, 'You are not allowed to create a user with GRANT');
    await assertSqlError(root, "GRANT SELECT ON app.nosuch TO 'u'@'%'", 1146);
    await assertSqlError(root, "GRANT SUPER ON app.* TO 'u'@'%'", 1221, 'Incorrect usage of DB GRANT and GLOBAL PRIVILEGES');
    await assertSqlError(root, "GRANT EXECUTE ON app.t TO 'u'@'%'", 1144);
    await assertSqlError(root, "REVOKE SELECT ON app.other FROM 'u'@'%'", 1147, "There is no such grant defined for user 'u' on host '%' on table 'other'");
    await assertSqlError(root, "REVOKE SELECT ON secret.* FROM 'u'@'%'", 1141, "There is no such grant defined for user 'u' on host '%'");
    await root.query("REVOKE INSERT ON app.* FROM 'u'@'%'");
    await assertSqlError(user, 'INSERT INTO app.t VALUES (4, 40)', 1142);
    await user.query('UPDATE app.t SET v = v WHERE id = 1');
    await root.query("REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'u'@'%'");
    assert.deepEqual(await grantsFor(root, "'u'@'%'"), ['GRANT USAGE ON *.* TO `u`@`%`']);
    await assertSqlError(user, 'SELECT * FROM app.t', 1142);
  });

  it('grants follow RENAME USER and go with DROP USER', async () => {
    await root.query("CREATE USER 'tmp'@'%' IDENTIFIED WITH mysql_native_password BY 'tmp-pw'");
    await root.query("GRANT SELECT ON app.t TO 'tmp'@'%'");
    await root.query("RENAME USER 'tmp'@'%' TO 'tmp2'@'%'");
    assert.deepEqual(await grantsFor(root, 'tmp2'), ['GRANT USAGE ON *.* TO `tmp2`@`%`', 'GRANT SELECT ON `app`.`t` TO `tmp2`@`%`']);
    await root.query("DROP USER 'tmp2'@'%'");
    assert.deepEqual(await column(root, "SELECT COUNT(*) FROM mysql.tables_priv WHERE User LIKE 'tmp%'"), [0]);
    await assertSqlError(root, "SHOW GRANTS FOR 'tmp2'@'%'", 1141);
  });

  it('FLUSH PRIVILEGES applies direct edits of the grant tables', async () => {
    await root.query("UPDATE mysql.user SET Select_priv = 'Y' WHERE User = 'u'");
    await assertSqlError(user, 'SELECT id FROM secret.s', 1142);
    await root.query('FLUSH PRIVILEGES');
    assert.deepEqual(await column(user, 'SELECT id FROM secret.s'), [7]);
    await root.query("UPDATE mysql.user SET Select_priv = 'N' WHERE User = 'u'");
    await root.query('FLUSH PRIVILEGES');
    await assertSqlError(user, 'SELECT id FROM secret.s', 1142);
  });

  it('the mariadb CLI sees the same checks', async () => {
    await root.query("GRANT SELECT ON app.t TO 'u'@'%'");
    const ok = await mariadbAs(server.port, 'u', 'u-pw', ['-N', '-e', 'SELECT COUNT(*) FROM app.t']);
    assert.equal(ok.stdout.trim(), '2', ok.stderr);
    const denied = await mariadbAs(server.port, 'u', 'u-pw', ['-e', 'SELECT * FROM secret.s']);
    assert.match(denied.stderr, /ERROR 1142 \(42000\) at line 1: SELECT command denied to user 'u'@'127\.0\.0\.1' for table 's'/);
    const noDb = await mariadbAs(server.port, 'u', 'u-pw', ['-D', 'secret', '-e', 'SELECT 1']);
    assert.match(noDb.stderr, /ERROR 1044 \(42000\): Access denied for user 'u'@'127\.0\.0\.1' to database 'secret'/);
  });

  it('no failure changed rows written by root', async () => {
    assert.deepEqual(await column(root, 'SELECT v FROM app.t ORDER BY id'), [10, 20]);
    assert.deepEqual(await column(root, 'SELECT id FROM secret.s'), [7]);
  });
});
