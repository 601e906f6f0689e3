// End-to-end: sysbench oltp_read_write with server-side prepared statements (its default --db-ps-mode=auto): the
// C client (libmysqlclient/libmariadb) binds results by the metadata from COM_STMT_PREPARE and checks every
// COM_STMT_EXECUTE answer, so a clean run proves the binary protocol to a second, non-Node client.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

function sysbench(port: number, args: readonly string[]): Promise<{ code: number; output: string }> {
  const options = [
    '--db-driver=mysql', '--tables=1', '--table-size=200', '--mysql-host=127.0.0.1', `--mysql-port=${port}`,
    '--mysql-user=root', '--mysql-password=', '--mysql-db=sbtest', '--db-ps-mode=auto',
  ];
  return new Promise((resolve) => {
    execFile('sysbench', ['oltp_read_write', ...options, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? 1 : 0, output: stdout + stderr });
    });
  });
}

describe('sysbench with server-side prepared statements', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port);
    await db.query('CREATE DATABASE sbtest');
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  it('runs oltp_read_write clean with --db-ps-mode=auto', async () => {
    const prepare = await sysbench(server.port, ['prepare']);
    assert.equal(prepare.code, 0, prepare.output);
    const run = await sysbench(server.port, ['--threads=1', '--time=3', 'run']);
    assert.equal(run.code, 0, run.output);
    assert.doesNotMatch(run.output, /FATAL|ALERT/);
    const transactions = Number(/transactions:\s+(\d+)/.exec(run.output)?.[1] ?? 0);
    assert.ok(transactions > 0, run.output);
    assert.match(run.output, /ignored errors:\s+0 /);
    const [rows] = await db.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'");
    // Each transaction is 18 prepared statements (BEGIN and COMMIT included).
    assert.ok(Number(rows[0]!.Value) >= transactions * 18, `Com_stmt_execute ${String(rows[0]!.Value)} for ${transactions} transactions`);
    const [[count]] = await db.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM sbtest.sbtest1');
    assert.equal(Number(count!.n), 200, 'every DELETE was followed by its INSERT');
  });
});
