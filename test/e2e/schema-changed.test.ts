// End-to-end: a transaction that wrote a table which a DDL changed after the transaction began fails at COMMIT with
// TiDB's 8028 and leaves nothing behind; a DDL of another table does not disturb it. On one process and on two
// worker processes (where the DDL and the transaction may run in different processes).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { assertSqlError, connect, firstValue } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const INFO_SCHEMA_CHANGED = /^Information schema is changed during the execution of the statement\(for example, table definition may be updated by other DDL ran in parallel\)\. If you see this error often, try increasing `tidb_max_delta_schema_count`\. \[try again later\]$/;

const servers: TidalProcess[] = [];
after(async () => {
  for (const server of servers) await server.stop();
});

for (const procs of [1, 2]) {
  void describe(`8028 with max-procs ${procs}`, () => {
    void it('fails the commit of a transaction whose written table was altered or dropped meanwhile', async () => {
      const server = await startTidal({ args: ['--max-procs', String(procs)] });
      servers.push(server);
      const ddl = await connect(server.port);
      const dml = await connect(server.port);
      await ddl.query('CREATE DATABASE racing');
      await ddl.query('CREATE TABLE racing.t (id INT PRIMARY KEY, v INT)');
      await ddl.query('CREATE TABLE racing.other (id INT PRIMARY KEY)');

      for (const change of ['ALTER TABLE racing.t ADD COLUMN w INT', 'ALTER TABLE racing.t ADD INDEX (v)', 'RENAME TABLE racing.t TO racing.t2, racing.t2 TO racing.t']) {
        await dml.query('BEGIN');
        await dml.query('INSERT INTO racing.t (id, v) VALUES (1, 1)');
        await ddl.query(change);
        await assertSqlError(dml, 'COMMIT', 8028, INFO_SCHEMA_CHANGED);
        assert.equal(await firstValue(ddl, 'SELECT COUNT(*) FROM racing.t'), 0, change);
      }

      // Optimistic transactions and UPDATE/DELETE are checked the same way.
      await ddl.query('INSERT INTO racing.t (id, v) VALUES (5, 5)');
      await dml.query("SET SESSION tidb_txn_mode = 'optimistic'");
      await dml.query('BEGIN');
      await dml.query('UPDATE racing.t SET v = 6 WHERE id = 5');
      await ddl.query('ALTER TABLE racing.t ADD COLUMN x INT');
      await assertSqlError(dml, 'COMMIT', 8028, INFO_SCHEMA_CHANGED);
      assert.equal(await firstValue(ddl, 'SELECT v FROM racing.t WHERE id = 5'), 5);
      await dml.query("SET SESSION tidb_txn_mode = 'pessimistic'");

      // A DDL of another table, or a transaction that only read the altered table, commits.
      await dml.query('BEGIN');
      await dml.query('SELECT * FROM racing.t');
      await dml.query('INSERT INTO racing.t (id, v) VALUES (2, 2)');
      await ddl.query('ALTER TABLE racing.other ADD COLUMN c INT');
      await dml.query('COMMIT');
      await dml.query('BEGIN');
      await dml.query('SELECT * FROM racing.other');
      await dml.query('INSERT INTO racing.t (id, v) VALUES (3, 3)');
      await ddl.query('DROP TABLE racing.other');
      await dml.query('COMMIT');
      assert.equal(await firstValue(ddl, 'SELECT COUNT(*) FROM racing.t'), 3);

      // The failed transaction is over: the next statement starts a new one on the new schema.
      await dml.query('BEGIN');
      await dml.query('INSERT INTO racing.t (id, v) VALUES (4, 4)');
      await ddl.query('DROP TABLE racing.t');
      await assertSqlError(dml, 'COMMIT', 8028, INFO_SCHEMA_CHANGED);
      await dml.end();
      await ddl.end();
    });
  });
}
