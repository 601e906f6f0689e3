// End-to-end: MySQL 8's roles (test/sql/role-cases.ts) through mysql2, several accounts' connections side by side,
// and a role's life through the `mariadb` CLI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLE_CASES, ROLE_SETUP } from '../sql/role-cases.js';
import { mariadb, mariadbAs } from './helpers/mariadb-cli.js';
import { runSqlCases } from './helpers/sql-case-runner.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

runSqlCases('role cases', ROLE_SETUP, ROLE_CASES);

describe('roles through the mariadb CLI', () => {
  let server: TidalProcess;

  before(async () => {
    server = await startTidal();
  });

  after(async () => {
    await server.stop();
  });

  it('creates a role, grants it, and the user activates it with SET ROLE', async () => {
    const setup = await mariadb(
      server.port,
      [],
      "CREATE DATABASE shop; CREATE TABLE shop.items (id INT PRIMARY KEY); INSERT INTO shop.items VALUES (1), (2);\n" +
        "CREATE ROLE reader; GRANT SELECT ON shop.* TO reader; CREATE USER dana IDENTIFIED BY 'pw'; GRANT reader TO dana;",
    );
    assert.equal(setup.code, 0, setup.stderr);
    const denied = await mariadbAs(server.port, 'dana', 'pw', ['-N'], 'SELECT COUNT(*) FROM shop.items;');
    assert.notEqual(denied.code, 0);
    assert.match(denied.stderr, /ERROR 1142/);
    const allowed = await mariadbAs(server.port, 'dana', 'pw', ['-N'], 'SET ROLE reader; SELECT CURRENT_ROLE(), COUNT(*) FROM shop.items;');
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.equal(allowed.stdout, '`reader`@`%`\t2\n');
  });
});
