// End-to-end: TiDB's sequences (test/sql/sequence-cases.ts) through mysql2, values surviving a restart, and a
// sequence's life through the `mariadb` CLI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SEQUENCE_CASES, SEQUENCE_SETUP } from '../sql/sequence-cases.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { runSqlCases } from './helpers/sql-case-runner.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal, tempDir } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

runSqlCases('sequence cases', SEQUENCE_SETUP, SEQUENCE_CASES);

describe('sequences through the mariadb CLI', () => {
  let server: TidalProcess;

  before(async () => {
    server = await startTidal();
  });

  after(async () => {
    await server.stop();
  });

  it('creates a sequence, fills a table from it and shows it as TiDB does', async () => {
    const result = await mariadb(
      server.port,
      ['-N'],
      'CREATE DATABASE shop; USE shop; CREATE SEQUENCE order_no START WITH 1000 INCREMENT BY 5;\n' +
        'CREATE TABLE orders (id BIGINT PRIMARY KEY DEFAULT NEXT VALUE FOR order_no, item VARCHAR(10));\n' +
        "INSERT INTO orders (item) VALUES ('tea'), ('cake'); SELECT id, item FROM orders ORDER BY id; SELECT LASTVAL(order_no);\n" +
        'SHOW CREATE SEQUENCE order_no;',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      '1000\ttea\n1005\tcake\n1005\n' +
        'order_no\tCREATE SEQUENCE `order_no` start with 1000 minvalue 1 maxvalue 9223372036854775806 increment by 5 cache 1000 nocycle ENGINE=InnoDB\n',
    );
  });
});

describe('sequence privileges', () => {
  let server: TidalProcess;

  before(async () => {
    server = await startTidal();
  });

  after(async () => {
    await server.stop();
  });

  it('asks INSERT on the sequence for NEXTVAL and SETVAL and SELECT for LASTVAL, as TiDB', async () => {
    const root = await connect(server.port);
    await root.query("CREATE DATABASE p; CREATE SEQUENCE p.s; CREATE USER reader IDENTIFIED BY 'pw'; GRANT SELECT ON p.* TO reader");
    const reader = await connect(server.port, { user: 'reader', password: 'pw', database: 'p' });
    try {
      await assertSqlError(reader, 'SELECT NEXTVAL(s)', 1142, /INSERT command denied to user 'reader'@'[^']+' for table 's'/);
      await assertSqlError(reader, 'SELECT NEXT VALUE FOR s', 1142, /INSERT command denied/);
      await assertSqlError(reader, 'SELECT 1 FROM DUAL WHERE 2 > (SELECT SETVAL(s, 5))', 1142, /INSERT command denied/);
      await assertSqlError(reader, 'SET @v = NEXTVAL(s)', 1142, /INSERT command denied/);
      const [lastRows] = await reader.query('SELECT LASTVAL(s)');
      assert.deepEqual(lastRows, [{ 'LASTVAL(s)': null }]);
      await root.query('GRANT INSERT ON p.s TO reader');
      const [nextRows] = await reader.query('SELECT NEXTVAL(s) AS n');
      assert.deepEqual(nextRows, [{ n: 1 }]);
    } finally {
      await reader.end();
      await root.end();
    }
  });
});

describe('sequences across a restart', () => {
  it('continues after what the stopped server reserved (CACHE) or handed out (NOCACHE)', async () => {
    const data = await tempDir('sequence-restart');
    try {
      const first = await startTidal({ dataDir: data.path });
      try {
        const db = await connect(first.port, { rowsAsArray: true });
        await db.query('CREATE DATABASE s');
        await db.query('CREATE SEQUENCE s.cached CACHE 10');
        await db.query('CREATE SEQUENCE s.exact NOCACHE');
        const [rows] = await db.query('SELECT NEXTVAL(s.cached), NEXTVAL(s.exact), NEXTVAL(s.exact)');
        await db.end();
        assert.deepEqual(rows, [[1, 1, 2]]);
      } finally {
        await first.stop();
      }
      const second = await startTidal({ dataDir: data.path });
      try {
        const db = await connect(second.port, { rowsAsArray: true });
        const [rows] = await db.query('SELECT NEXTVAL(s.cached), NEXTVAL(s.exact), LASTVAL(s.exact)');
        await db.end();
        // The cached range 1..10 is skipped, as TiDB skips a restarted server's unused cache.
        assert.deepEqual(rows, [[11, 3, 3]]);
      } finally {
        await second.stop();
      }
    } finally {
      await data.remove();
    }
  });
});
