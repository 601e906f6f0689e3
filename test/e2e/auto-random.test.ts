// End-to-end: TiDB's AUTO_RANDOM (test/sql/auto-random-cases.ts) through mysql2, the OK packet's insert id, and
// SHOW CREATE TABLE through the `mariadb` CLI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { AUTO_RANDOM_CASES, AUTO_RANDOM_SETUP } from '../sql/auto-random-cases.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect } from './helpers/mysql2-client.js';
import { runSqlCases } from './helpers/sql-case-runner.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

runSqlCases('auto_random cases', AUTO_RANDOM_SETUP, AUTO_RANDOM_CASES);

describe('AUTO_RANDOM through clients', () => {
  let server: TidalProcess;

  before(async () => {
    server = await startTidal();
  });

  after(async () => {
    await server.stop();
  });

  it('returns the generated key as the insert id (mysql2)', async () => {
    const db = await connect(server.port, { supportBigNumbers: true, bigNumberStrings: true });
    try {
      await db.query('CREATE DATABASE ar');
      await db.query('CREATE TABLE ar.t (id BIGINT PRIMARY KEY AUTO_RANDOM, v INT)');
      const [insert] = await db.query<ResultSetHeader>('INSERT INTO ar.t (v) VALUES (1)');
      const [rows] = await db.query<RowDataPacket[]>('SELECT CAST(id AS CHAR) AS id, CAST(LAST_INSERT_ID() AS CHAR) AS last FROM ar.t');
      assert.equal(String(insert.insertId), rows[0]?.id);
      assert.equal(rows[0]?.last, rows[0]?.id);
    } finally {
      await db.end();
    }
  });

  it('creates from a dump and shows the table as TiDB does (mariadb CLI, --comments keeps the feature comment)', async () => {
    const result = await mariadb(
      server.port,
      ['-N', '--comments'],
      'CREATE DATABASE dump; USE dump; CREATE TABLE t (id BIGINT NOT NULL /*T![auto_rand] AUTO_RANDOM(4) */, v INT, PRIMARY KEY (id));\n' +
        'INSERT INTO t (v) VALUES (7); SELECT COUNT(*), MAX(id & 0x7FFFFFFFFFFFFFF) FROM t; SHOW CREATE TABLE t;',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      '1\t1\nt\tCREATE TABLE `t` (\\n  `id` bigint NOT NULL /*T![auto_rand] AUTO_RANDOM(4) */,\\n  `v` int DEFAULT NULL,\\n  PRIMARY KEY (`id`)\\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci\n',
    );
  });
});
