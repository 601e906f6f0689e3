// End-to-end: mysqldump (Debian's mariadb-client) against TidalDB and restore through the `mariadb` CLI, with what
// mysqldump sends (LOCK TABLES, /*!…*/ comments, SET @OLD_… variables, SHOW TRIGGERS/EVENTS, FLUSH, SAVEPOINT under
// --single-transaction); a dump taken from MariaDB restored into TidalDB with identical data; and --all-databases
// (with the `mysql` database, whose general_log/slow_log mysqldump always dumps) restored into a fresh server.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { mariadb, mariadbAs } from './helpers/mariadb-cli.js';
import { mysqldump } from './helpers/mysqldump.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const FIXTURES = fileURLToPath(new URL('../../../test/e2e/fixtures/', import.meta.url));

/** Runs `sql` through the CLI and returns its batch output; fails on any error. */
async function cli(port: number, sql: string, args: readonly string[] = []): Promise<string> {
  const result = await mariadb(port, ['--batch', '--binary-mode', ...args], sql);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

/** Every row of every table and view of `db`, binary columns as hex, in a stable order. */
function contentQuery(db: string): string {
  return `SELECT id, ti, tu, si, mi, iu, bi, bu, f, d, dec_, ch, vc, tx, HEX(bn), HEX(vb), HEX(bl), dt, dtm, ts, tm, yr FROM ${db}.everything ORDER BY id;
    SELECT * FROM ${db}.orders ORDER BY id; SELECT * FROM ${db}.big_orders ORDER BY id;`;
}

const SCHEMA = `
  CREATE TABLE everything (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, ti TINYINT, tu TINYINT UNSIGNED, si SMALLINT, mi MEDIUMINT, iu INT UNSIGNED,
    bi BIGINT, bu BIGINT UNSIGNED, f FLOAT, d DOUBLE, dec_ DECIMAL(20,6), ch CHAR(5), vc VARCHAR(30) NOT NULL DEFAULT 'x',
    tx TEXT, bn BINARY(3), vb VARBINARY(10), bl BLOB, dt DATE, dtm DATETIME(6), ts TIMESTAMP NULL DEFAULT NULL, tm TIME(6), yr YEAR,
    UNIQUE KEY u_vc (vc), KEY k_dt (dt, ti)) COMMENT='every type';
  INSERT INTO everything VALUES
   (1, -128, 255, -32768, -8388608, 4294967295, -9223372036854775808, 18446744073709551615, 1.5, -2.25, '-12345678901234.123456',
    'abc', 'héllo ''quote'' \\\\ back ✓', 'long\\ntext\\twith tab', 0x000102, 0xC328FF, 0x00FF807F0A0D1A5C27, '2024-02-29',
    '2024-02-29 23:59:58.123456', '2038-01-19 03:14:07', '-800:01:02.000001', 2155),
   (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'y', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
   (3, 127, 0, 32767, 8388607, 0, 9223372036854775807, 0, -0.5, 1e300, '0.000001', '', '', '', '', '', '', '1000-01-01',
    '1000-01-01 00:00:00', '1970-01-01 00:00:01', '838:59:59', 1901);
  CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, item INT NOT NULL, qty SMALLINT NOT NULL DEFAULT 1,
    note VARCHAR(100) COLLATE utf8mb4_general_ci, KEY k_item (item));
  INSERT INTO orders VALUES (1, 1, 2, 'first'), (2, 3, 1, NULL), (3, 1, 5, 'Third ümlaut');
  CREATE TABLE labels (id INT PRIMARY KEY, size ENUM('small','medium','it''s big') NOT NULL, tags SET('a','b','c') DEFAULT 'a,b');
  INSERT INTO labels VALUES (1, 'small', 'c,a'), (2, 3, ''), (3, 'medium', NULL);
  CREATE VIEW big_orders AS SELECT id, item, qty FROM orders WHERE qty > 1;
  CREATE TABLE prefs (id INT PRIMARY KEY, doc JSON, note JSON NOT NULL);
  INSERT INTO prefs VALUES (1, '{"b": [1, 2.5, -3e100, 18446744073709551615], "a": {"q": "it''s \\\\"x\\\\" \\\\\\\\ ✓\\\\n"}, "c": null}', '[]'),
    (2, NULL, 'true'), (3, JSON_OBJECT('d', CAST('2024-01-02 03:04:05' AS DATETIME)), '"text"');`;

describe('mysqldump and restore', () => {
  let server: TidalProcess;

  before(async () => {
    server = await startTidal();
    await cli(server.port, `CREATE DATABASE source; USE source; ${SCHEMA}`);
  });

  after(async () => {
    await server.stop();
  });

  for (const options of [[], ['--single-transaction', '--flush-logs'], ['--hex-blob', '--routines', '--triggers', '--events', '--lock-all-tables']]) {
    const label = options.length === 0 ? 'default options' : options.join(' ');
    it(`round-trips a database with every type, indexes and a view (${label})`, async () => {
      const dump = await mysqldump(server.port, [...options, 'source']);
      assert.equal(dump.code, 0, dump.stderr);
      assert.match(dump.stdout, /LOCK TABLES `everything` WRITE;/);
      assert.match(dump.stdout, /\/\*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT \*\/;/);
      assert.match(dump.stdout, /CREATE TABLE `everything` \([\s\S]*UNIQUE KEY `u_vc` \(`vc`\),\n {2}KEY `k_dt` \(`dt`,`ti`\)/);
      assert.match(dump.stdout, /VIEW `big_orders` AS/);
      assert.match(dump.stdout, /`size` enum\('small','medium','it''s big'\) NOT NULL,\n {2}`tags` set\('a','b','c'\) DEFAULT 'a,b',/);
      assert.match(dump.stdout, /INSERT INTO `labels` VALUES\n\(1,'small','a,c'\),\n\(2,'it\\'s big',''\),\n\(3,'medium',NULL\);/);
      const target = `copy_${options.length}`;
      await cli(server.port, `CREATE DATABASE ${target}`);
      // The dump is bytes (raw BLOB bytes inside string literals), fed to the CLI exactly as mysqldump wrote them.
      const restored = await mariadb(server.port, ['--binary-mode', target], Buffer.from(dump.stdout, 'latin1'));
      assert.equal(restored.code, 0, restored.stderr);
      assert.equal(await cli(server.port, contentQuery(target)), await cli(server.port, contentQuery('source')));
      const labels = (db: string): string => `SELECT * FROM ${db}.labels ORDER BY id`;
      assert.equal(await cli(server.port, labels(target)), await cli(server.port, labels('source')));
      assert.match(dump.stdout, /`doc` json DEFAULT NULL,\n {2}`note` json NOT NULL,/);
      // A JSON DATETIME is dumped as its text and restored as a string, in MySQL too; numbers keep their types.
      const prefs = (db: string): string => `SELECT id, doc, note, JSON_TYPE(doc->'$.b[3]'), JSON_TYPE(doc->'$.b[2]') FROM ${db}.prefs ORDER BY id`;
      assert.equal(await cli(server.port, prefs(target)), await cli(server.port, prefs('source')));
      const again = await mysqldump(server.port, [...options, target]);
      assert.equal(again.code, 0, again.stderr);
      // Only the comments naming the database differ.
      const body = (text: string, db: string): string => text.replace(/^-- Host: .*$/m, '').replaceAll(`for database '${db}'`, '');
      assert.equal(body(again.stdout, target), body(dump.stdout, 'source'), 'a dump of the restored copy is byte-identical');
    });
  }

  it('restores a dump taken from MariaDB with identical data', async () => {
    const dump = await readFile(`${FIXTURES}mariadb-10.11-dump.sql`);
    const restored = await mariadb(server.port, ['--binary-mode'], dump);
    assert.equal(restored.code, 0, restored.stderr);
    const expected = await readFile(`${FIXTURES}mariadb-10.11-dump.expected.tsv`, 'utf8');
    assert.equal(await cli(server.port, contentQuery('frommaria')), expected);
  });
});

describe('mysqldump --all-databases', () => {
  let source: TidalProcess;
  let target: TidalProcess;

  before(async () => {
    [source, target] = await Promise.all([startTidal(), startTidal()]);
    await cli(source.port, `CREATE DATABASE shop; USE shop; ${SCHEMA};
      CREATE USER clerk IDENTIFIED BY 'pw'; GRANT SELECT ON shop.* TO clerk;`);
  });

  after(async () => {
    await Promise.all([source.stop(), target.stop()]);
  });

  it('dumps every database with the mysql log tables, and restores data and accounts into a fresh server', async () => {
    const dump = await mysqldump(source.port, ['--all-databases', '--flush-privileges']);
    assert.equal(dump.code, 0, dump.stderr);
    // As from MySQL: the log tables' structure only (never their rows), without dropping the target's own.
    assert.match(dump.stdout, /CREATE TABLE IF NOT EXISTS `general_log` \(\n {2}`event_time` timestamp\(6\) NOT NULL DEFAULT CURRENT_TIMESTAMP\(6\) ON UPDATE CURRENT_TIMESTAMP\(6\),/);
    assert.match(dump.stdout, /CREATE TABLE IF NOT EXISTS `slow_log` \(/);
    assert.doesNotMatch(dump.stdout, /INSERT INTO `(general|slow)_log`/);
    assert.match(dump.stdout, /-- Current Database: `mysql`[\s\S]*INSERT INTO `user` VALUES[\s\S]*-- Current Database: `shop`/);
    assert.equal(await cli(source.port, 'SELECT COUNT(*) FROM mysql.general_log; SELECT COUNT(*) FROM mysql.slow_log', ['--skip-column-names']), '0\n0\n');

    const restored = await mariadb(target.port, ['--binary-mode'], Buffer.from(dump.stdout, 'latin1'));
    assert.equal(restored.code, 0, restored.stderr);
    assert.equal(await cli(target.port, contentQuery('shop')), await cli(source.port, contentQuery('shop')));
    // The grant tables came along and FLUSH PRIVILEGES (from --flush-privileges) made them live.
    const clerk = await mariadbAs(target.port, 'clerk', 'pw', ['--batch', '--skip-column-names'], 'SELECT COUNT(*) FROM shop.orders');
    assert.equal(clerk.code, 0, clerk.stderr);
    assert.equal(clerk.stdout, '3\n');
    const again = await mysqldump(target.port, ['--all-databases', '--flush-privileges']);
    assert.equal(again.code, 0, again.stderr);
    const body = (text: string): string => text.replace(/^-- Host: .*$/m, '');
    assert.equal(body(again.stdout), body(dump.stdout), 'a dump of the restored server is byte-identical');
  });
});
