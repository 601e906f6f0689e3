// End-to-end: SHOW STATUS counters that count — Com_* per statement kind, Questions, Queries, Bytes_*, threads,
// Slow_queries — per session and server-wide as MySQL scopes them, read through mysql2 and mysqladmin.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** One counter as SHOW [GLOBAL|SESSION] STATUS shows it. */
async function counter(db: Connection, name: string, scope: 'GLOBAL' | 'SESSION' = 'SESSION'): Promise<number> {
  const [rows] = await db.query<RowDataPacket[]>(`SHOW ${scope} STATUS LIKE '${name}'`);
  assert.equal(rows.length, 1, `${name} is listed`);
  return Number(rows[0]!.Value);
}

/** Several session counters at once (one SHOW STATUS, so reading them counts only one Com_show_status). */
async function counters(db: Connection, names: readonly string[]): Promise<Map<string, number>> {
  const [rows] = await db.query<RowDataPacket[]>(`SHOW SESSION STATUS WHERE Variable_name IN (${names.map((n) => `'${n}'`).join(', ')})`);
  return new Map(rows.map((row) => [String(row.Variable_name), Number(row.Value)]));
}

function mysqladmin(port: number, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('mysqladmin', ['--no-defaults', '--protocol=TCP', '-h', '127.0.0.1', '-P', String(port), '-u', 'root', ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`mysqladmin ${args.join(' ')}: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

describe('status counters', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { multipleStatements: true });
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  it('counts each statement kind into its Com_* counter, for the session and the server', async () => {
    const names = [
      'Com_create_db', 'Com_change_db', 'Com_create_table', 'Com_insert', 'Com_insert_select', 'Com_replace', 'Com_update',
      'Com_delete', 'Com_select', 'Com_begin', 'Com_commit', 'Com_rollback', 'Com_set_option', 'Com_show_tables', 'Com_show_status',
      'Com_check', 'Com_drop_table',
    ];
    const before = await counters(db, names);
    const globalInsertBefore = await counter(db, 'Com_insert', 'GLOBAL');
    await db.query('CREATE DATABASE counted');
    await db.query('USE counted');
    await db.query('CREATE TABLE t (id INT PRIMARY KEY, v INT)');
    await db.query('INSERT INTO t VALUES (1, 1)');
    await db.query('INSERT INTO t VALUES (2, 2)');
    await db.query('INSERT INTO t SELECT id + 10, v FROM t');
    await db.query('REPLACE INTO t VALUES (1, 5)');
    await db.query('UPDATE t SET v = v + 1 WHERE id = 2');
    await db.query('DELETE FROM t WHERE id = 11');
    for (let i = 0; i < 3; i++) await db.query('SELECT COUNT(*) FROM t');
    await db.query('BEGIN');
    await db.query('COMMIT');
    await db.query('ROLLBACK');
    await db.query('SET @a = 1');
    await db.query('SHOW TABLES');
    await db.query('CHECK TABLE t');
    // A failed statement counts too, as in MySQL. (Com_show_status: the global read above and the read below.)
    await assert.rejects(db.query('DROP TABLE nosuch'));
    const after = await counters(db, names);
    const delta = (name: string): number => after.get(name)! - before.get(name)!;
    assert.deepEqual(
      Object.fromEntries(names.map((name) => [name, delta(name)])),
      {
        Com_create_db: 1, Com_change_db: 1, Com_create_table: 1, Com_insert: 2, Com_insert_select: 1, Com_replace: 1, Com_update: 1,
        Com_delete: 1, Com_select: 3, Com_begin: 1, Com_commit: 1, Com_rollback: 1, Com_set_option: 1, Com_show_tables: 1,
        Com_show_status: 2, Com_check: 1, Com_drop_table: 1,
      },
    );
    // Another session starts from zero; the server-wide count includes this session's inserts.
    const other = await connect(server.port);
    try {
      assert.equal(await counter(other, 'Com_insert'), 0);
      assert.equal(await counter(other, 'Com_insert', 'GLOBAL'), globalInsertBefore + 2);
    } finally {
      await other.end();
    }
  });

  it('counts prepared statements of both protocols and the statements they run', async () => {
    const names = ['Com_stmt_prepare', 'Com_stmt_execute', 'Com_stmt_close', 'Com_select', 'Com_prepare_sql', 'Com_execute_sql', 'Com_dealloc_sql'];
    const before = await counters(db, names);
    await db.execute('SELECT ? + 1', [1]);
    await db.execute('SELECT ? + 1', [2]);
    db.unprepare('SELECT ? + 1');
    await db.query("PREPARE p FROM 'SELECT 1'");
    await db.query('EXECUTE p');
    await db.query('DEALLOCATE PREPARE p');
    const after = await counters(db, names);
    const delta = Object.fromEntries(names.map((name) => [name, after.get(name)! - before.get(name)!]));
    // PREPARE … FROM counts as a prepare of the statement as well as the SQL statement itself, as in MySQL.
    assert.deepEqual(delta, { Com_stmt_prepare: 2, Com_stmt_execute: 3, Com_stmt_close: 2, Com_select: 3, Com_prepare_sql: 1, Com_execute_sql: 1, Com_dealloc_sql: 1 });
  });

  it('counts Questions and Queries per statement (each of a multi-statement query), and the bytes moved', async () => {
    const before = await counters(db, ['Questions', 'Queries', 'Bytes_received', 'Bytes_sent']);
    const text = 'SELECT 1; SELECT 2; SELECT 3';
    await db.query(text);
    await db.ping();
    const after = await counters(db, ['Questions', 'Queries', 'Bytes_received', 'Bytes_sent']);
    // Three statements, plus the SHOW STATUS that read the second figures; COM_PING is no question.
    assert.equal(after.get('Questions')! - before.get('Questions')!, 4);
    assert.equal(after.get('Queries')! - before.get('Queries')!, 4);
    const received = after.get('Bytes_received')! - before.get('Bytes_received')!;
    const sent = after.get('Bytes_sent')! - before.get('Bytes_sent')!;
    assert.ok(received >= text.length, `Bytes_received grew by ${received}`);
    assert.ok(sent > 0, `Bytes_sent grew by ${sent}`);
    assert.ok((await counter(db, 'Bytes_received', 'GLOBAL')) >= after.get('Bytes_received')!);
  });

  it('keeps the thread gauges, Connections, Max_used_connections and Uptime server-wide', async () => {
    const connectionsBefore = await counter(db, 'Connections', 'GLOBAL');
    const extra = await Promise.all([connect(server.port), connect(server.port), connect(server.port)]);
    try {
      assert.equal(await counter(db, 'Connections', 'GLOBAL'), connectionsBefore + 3);
      assert.ok((await counter(db, 'Threads_connected', 'GLOBAL')) >= 4);
      // SESSION scope shows the server's value for a global-only counter, as MySQL does.
      assert.equal(await counter(db, 'Threads_connected'), await counter(db, 'Threads_connected', 'GLOBAL'));
      assert.ok((await counter(db, 'Max_used_connections', 'GLOBAL')) >= 4);
      // The statement reading it is running.
      assert.ok((await counter(db, 'Threads_running', 'GLOBAL')) >= 1);
    } finally {
      await Promise.all(extra.map((connection) => connection.end()));
    }
    assert.ok((await counter(db, 'Max_used_connections', 'GLOBAL')) >= 4, 'the high-water mark stays');
    assert.ok(Number.isInteger(await counter(db, 'Uptime', 'GLOBAL')));
  });

  it('counts the statements the slow query log records (slower than tidb_slow_log_threshold) in Slow_queries', async () => {
    await db.query('SET GLOBAL tidb_slow_log_threshold = 50');
    try {
      const before = await counter(db, 'Slow_queries');
      await db.query('SELECT SLEEP(0.2)');
      assert.equal(await counter(db, 'Slow_queries'), before + 1);
      await db.query('SET GLOBAL tidb_slow_log_threshold = 300000');
      await db.query('SELECT 1');
      assert.equal(await counter(db, 'Slow_queries'), before + 1);
    } finally {
      await db.query('SET GLOBAL tidb_slow_log_threshold = DEFAULT');
    }
  });

  it('answers mysqladmin extended-status and status with the same figures', async () => {
    const insertsBefore = await counter(db, 'Com_insert', 'GLOBAL');
    const table = await mysqladmin(server.port, 'extended-status');
    const values = new Map<string, string>();
    for (const line of table.split('\n')) {
      const match = /^\| (\S+)\s+\| (.*?)\s*\|$/.exec(line);
      if (match) values.set(match[1]!, match[2]!);
    }
    assert.equal(values.get('Com_insert'), String(insertsBefore));
    for (const name of ['Questions', 'Queries', 'Bytes_received', 'Bytes_sent', 'Com_select', 'Uptime', 'Threads_connected', 'Connections', 'Slow_queries']) {
      assert.match(values.get(name) ?? '', /^\d+$/, `${name} in extended-status`);
    }
    assert.ok(Number(values.get('Com_select')) > 0);
    assert.match(await mysqladmin(server.port, 'status'), /^Uptime: \d+ {2}Threads: \d+ {2}Questions: \d+ {2}Slow queries: \d+/);
  });
});
