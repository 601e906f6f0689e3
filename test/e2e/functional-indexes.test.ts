// End-to-end: functional key parts (the cases of test/sql/functional-index-cases.ts through mysql2), and a table
// with them through mysqldump and a restore by the `mariadb` CLI (SHOW CREATE TABLE's `((expr))` parts re-create them).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FUNCTIONAL_INDEX_CASES, FUNCTIONAL_INDEX_SETUP } from '../sql/functional-index-cases.js';
import { mariadb, mariadbBatch as cli } from './helpers/mariadb-cli.js';
import { mysqldump } from './helpers/mysqldump.js';
import { runSqlCases } from './helpers/sql-case-runner.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

runSqlCases('functional key parts', FUNCTIONAL_INDEX_SETUP, FUNCTIONAL_INDEX_CASES);

describe('functional indexes through mysqldump', () => {
  let server: TidalProcess;

  before(async () => {
    server = await startTidal();
    await cli(server.port, `CREATE DATABASE src; USE src;
      CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(60), UNIQUE KEY email_ci ((LOWER(email))), KEY ((id * 2) DESC));
      INSERT INTO users VALUES (1, 'Ann@Example.com'), (2, 'bob@example.com');`);
  });

  after(async () => {
    await server.stop();
  });

  it('restores the indexes, which keep serving and enforcing', async () => {
    const dump = await mysqldump(server.port, ['src']);
    assert.equal(dump.code, 0, dump.stderr);
    assert.match(dump.stdout, /UNIQUE KEY `email_ci` \(\(lower\(`email`\)\)\)/);
    assert.match(dump.stdout, /INSERT INTO `users` VALUES\s*\(1,'Ann@Example.com'\),\s*\(2,'bob@example.com'\);/);
    await cli(server.port, 'CREATE DATABASE copy');
    const restored = await mariadb(server.port, ['copy'], dump.stdout);
    assert.equal(restored.code, 0, restored.stderr);
    assert.equal(await cli(server.port, 'SHOW CREATE TABLE copy.users'), (await cli(server.port, 'SHOW CREATE TABLE src.users')));
    assert.equal(await cli(server.port, "SELECT id FROM copy.users WHERE LOWER(email) = 'ann@example.com'"), 'id\n1\n');
    const duplicate = await mariadb(server.port, ['--batch'], "INSERT INTO copy.users VALUES (3, 'BOB@example.com')");
    assert.match(duplicate.stderr, /ERROR 1062 .*Duplicate entry 'bob@example.com' for key 'users.email_ci'/);
  });
});
