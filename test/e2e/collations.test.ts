// End-to-end collations: the greeting's collation id, each client's connection collation, a UNIQUE index under a
// _ci collation through mysql2 and the `mariadb` CLI, and index entries that outlive a restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { mariadb } from './helpers/mariadb-cli.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { RawMysqlClient } from './helpers/raw-mysql-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** The character set byte of a HandshakeV10 payload: after the version string, thread id, scramble, filler, flags. */
function greetingCollation(greeting: Buffer): number {
  const versionEnd = greeting.indexOf(0, 1);
  return greeting[versionEnd + 1 + 4 + 8 + 1 + 2]!;
}

async function rows(db: Connection, sql: string): Promise<RowDataPacket[]> {
  const [result] = await db.query<RowDataPacket[]>(sql);
  return result;
}

void describe('collations through real clients', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port);
    await db.query('CREATE DATABASE shop');
    await db.query('USE shop');
    await db.query('CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40) COLLATE utf8mb4_0900_ai_ci, city VARCHAR(40), UNIQUE KEY u_name (name))');
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  void it('greets with MySQL 8’s default collation, utf8mb4_0900_ai_ci (255)', async () => {
    const { client, greeting } = await RawMysqlClient.open(server.port);
    client.close();
    assert.equal(greetingCollation(greeting), 255);
  });

  void it('takes the collation a client names in its handshake as the connection collation', async () => {
    assert.deepEqual(await rows(db, 'SELECT @@collation_connection AS c, @@character_set_client AS s'), [{ c: 'utf8mb4_unicode_ci', s: 'utf8mb4' }]);
    const general = await connect(server.port, { charset: 'UTF8MB4_GENERAL_CI' });
    try {
      assert.deepEqual(await rows(general, "SELECT @@collation_connection AS c, 'ß' = 's' AS eq"), [{ c: 'utf8mb4_general_ci', eq: 1 }]);
    } finally {
      await general.end();
    }
    const cli = await mariadb(server.port, ['--default-character-set=utf8mb4', '-N', '-B'], 'SELECT @@collation_connection;');
    assert.equal(cli.stdout.trim(), 'utf8mb4_general_ci');
  });

  void it('refuses a duplicate under utf8mb4_0900_ai_ci through mysql2 and finds rows case- and accent-insensitively', async () => {
    await db.query("INSERT INTO customers VALUES (1, 'Straße', 'Köln'), (2, 'José', 'Madrid')");
    await assertSqlError(db, "INSERT INTO customers VALUES (3, 'STRASSE', 'x')", 1062, "Duplicate entry 'STRASSE' for key 'customers.u_name'");
    await assertSqlError(db, "INSERT INTO customers VALUES (3, 'jose', 'x')", 1062);
    const [found] = await db.execute<RowDataPacket[]>('SELECT id FROM customers WHERE name = ?', ['strasse']);
    assert.deepEqual(found, [{ id: 1 }]);
    assert.deepEqual(await rows(db, "SELECT id FROM customers WHERE city = 'KOLN'"), [{ id: 1 }]);
    const [plan] = await db.query<RowDataPacket[]>({ sql: "EXPLAIN SELECT id FROM customers WHERE name = 'JOSE'", rowsAsArray: true });
    assert.match(JSON.stringify(plan), /IndexRangeScan.*u_name/);
    const [ordered] = await db.query<RowDataPacket[]>({ sql: 'EXPLAIN SELECT name FROM customers ORDER BY name LIMIT 2', rowsAsArray: true });
    assert.match(JSON.stringify(ordered), /keep order:true/);
    assert.doesNotMatch(JSON.stringify(ordered), /TopN|Sort/);
  });

  void it('describes each text column with its own collation id, as MySQL', async () => {
    const [, fields] = await db.query("SELECT name, 'x' AS literal, name COLLATE utf8mb4_general_ci AS general FROM customers LIMIT 1");
    assert.deepEqual(fields.map((field) => field.characterSet), [255, 224, 45]);
  });

  void it('refuses a duplicate under a _ci collation through the mariadb CLI', async () => {
    const sql = "USE shop;\nINSERT INTO customers VALUES (4, 'Ana', 'Lima');\nINSERT INTO customers VALUES (5, 'ANA', 'Quito');\n";
    const result = await mariadb(server.port, ['--default-character-set=utf8mb4'], sql);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /ERROR 1062 \(23000\) at line 3: Duplicate entry 'ANA' for key 'customers.u_name'/);
    const read = await mariadb(server.port, ['--default-character-set=utf8mb4', '-N', '-B', 'shop'], "SELECT id, name FROM customers WHERE name = 'ána';");
    assert.equal(read.stdout, '4\tAna\n');
  });

  void it('keeps index entries findable after a restart', async () => {
    await db.end();
    await server.stop();
    server = await startTidal({ dataDir: server.dataDir });
    db = await connect(server.port, { database: 'shop' });
    assert.deepEqual(await rows(db, "SELECT id FROM customers WHERE name IN ('STRASSE', 'ANA') ORDER BY id"), [{ id: 1 }, { id: 4 }]);
    await assertSqlError(db, "INSERT INTO customers VALUES (6, 'JOSÉ', 'x')", 1062);
  });
});
