// End-to-end: MySQL 8's expression defaults, DEFAULT in UPDATE and DEFAULT(col), and INVISIBLE columns (the cases of
// test/sql/column-default-cases.ts and invisible-column-cases.ts through mysql2), and that all of them — with a NOT
// ENFORCED CHECK, whose text also sits in a versioned comment — survive mysqldump and a restore through the
// `mariadb` CLI (SHOW CREATE TABLE writes them in /*!80016 … */ and /*!80023 … */ comments, which must be honoured).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { COLUMN_DEFAULT_CASES, COLUMN_DEFAULT_SETUP } from '../sql/column-default-cases.js';
import { INVISIBLE_COLUMN_CASES, INVISIBLE_COLUMN_SETUP } from '../sql/invisible-column-cases.js';
import { mariadb, mariadbBatch as cli } from './helpers/mariadb-cli.js';
import { mysqldump } from './helpers/mysqldump.js';
import { runSqlCases } from './helpers/sql-case-runner.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

runSqlCases('expression defaults and DEFAULT', COLUMN_DEFAULT_SETUP, COLUMN_DEFAULT_CASES);
runSqlCases('invisible columns', INVISIBLE_COLUMN_SETUP, INVISIBLE_COLUMN_CASES);

describe('8.0 column features through mysqldump', () => {
  let server: TidalProcess;

  before(async () => {
    server = await startTidal();
    await cli(
      server.port,
      `CREATE DATABASE src; USE src;
       CREATE TABLE t (id INT PRIMARY KEY, tag VARCHAR(8) INVISIBLE DEFAULT 'new', qty INT DEFAULT (id * 10),
         doc JSON DEFAULT (JSON_OBJECT('id', id)), CONSTRAINT qty_small CHECK (qty < 100) NOT ENFORCED);
       INSERT INTO t (id) VALUES (1), (2);
       INSERT INTO t (id, tag, qty) VALUES (20, 'old', 500);`,
    );
  });

  after(async () => {
    await server.stop();
  });

  it('restores the invisible column, its values, the expression defaults and the unenforced CHECK', async () => {
    const dump = await mysqldump(server.port, ['src']);
    assert.equal(dump.code, 0, dump.stderr);
    assert.match(dump.stdout, /`tag` varchar\(8\) DEFAULT 'new' \/\*!80023 INVISIBLE \*\//);
    assert.match(dump.stdout, /\/\*!80016 NOT ENFORCED \*\//);
    await cli(server.port, 'CREATE DATABASE copy');
    const restored = await mariadb(server.port, ['copy'], dump.stdout);
    assert.equal(restored.code, 0, restored.stderr);
    const describeTable = (db: string): Promise<string> => cli(server.port, `SHOW CREATE TABLE ${db}.t; SELECT id, tag, qty, doc FROM ${db}.t ORDER BY id; SELECT * FROM ${db}.t ORDER BY id`);
    const copy = await describeTable('copy');
    assert.equal(copy, await describeTable('src'));
    assert.match(copy, /20\told\t500/);
    // the restored table still computes its defaults and still leaves the CHECK unenforced
    await cli(server.port, 'INSERT INTO copy.t (id) VALUES (30)');
    assert.equal(await cli(server.port, 'SELECT id, tag, qty, doc FROM copy.t WHERE id = 30'), 'id\ttag\tqty\tdoc\n30\tnew\t300\t{"id": 30}\n');
  });
});
