// Graceful shutdown (SIGTERM with graceful-wait-before-shutdown), SIGHUP reopening the log files, and TiDB's text
// log layout, each on a real tidal-server process with mysql2 and curl.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { curl } from './helpers/curl.js';
import { connect } from './helpers/mysql2-client.js';
import { SERVER_BIN, SERVER_START_GUARD_MS, startTidal, tempDir, withTestMaxProcs } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

type Rows = Array<Record<string, unknown>>;

/** A server whose log goes somewhere startTidal cannot read (a file, or the text layout): spawned here. */
interface SpawnedServer {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  readonly stderr: () => string;
}

function spawnServer(dataDir: string, args: readonly string[]): SpawnedServer {
  const child = spawn(process.execPath, [SERVER_BIN, '--port', '0', '--status-port', '0', '--auto-tls=false', '--path', dataDir, ...withTestMaxProcs(args)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

void describe('graceful shutdown', () => {
  void it('on SIGTERM stops accepting, lets a running statement finish, rolls back open transactions, closes the store', async () => {
    const server = await startTidal({ args: ['--graceful-wait-before-shutdown', '60'] });
    const writer = await connect(server.port);
    const idle = await connect(server.port);
    const running = await connect(server.port);
    await writer.query('CREATE DATABASE g');
    await writer.query('CREATE TABLE g.t (id INT PRIMARY KEY)');
    await writer.query('INSERT INTO g.t VALUES (1)');
    await idle.query('BEGIN');
    await idle.query('INSERT INTO g.t VALUES (2)');
    const sleeping = running.query('SELECT SLEEP(2) AS s');
    await waitFor(async () => {
      const [rows] = (await writer.query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP%'")) as unknown as [Rows];
      return Number(rows[0]?.n) === 1;
    }, 'the sleeping statement in PROCESSLIST');
    await writer.end();
    const closedIdle = new Promise<void>((resolve) => idle.once('end', () => resolve()));
    idle.on('error', () => undefined);

    server.child.kill('SIGTERM');
    await waitFor(() => server.records().some((line) => line.msg === 'waiting for running statements to finish'), 'the graceful wait');
    const health = await curl(`http://127.0.0.1:${server.statusPort}/health`);
    assert.equal(health.status, 503);
    assert.equal(health.body.trim(), '{"status":"shutting down"}');
    await assert.rejects(connect(server.port));
    await closedIdle;
    const [rows] = (await sleeping) as unknown as [Rows];
    assert.equal(rows[0]?.s, 0);
    running.on('error', () => undefined);
    assert.equal(await server.stop(), 0, server.logs.slice(-8).join('\n'));
    assert.ok(server.records().some((line) => line.msg === 'server stopped'));

    const restarted = await startTidal({ dataDir: server.dataDir });
    try {
      const client = await connect(restarted.port);
      const [ids] = (await client.query('SELECT id FROM g.t ORDER BY id')) as unknown as [Rows];
      assert.deepEqual(ids.map((row) => row.id), [1]);
      await client.end();
    } finally {
      await restarted.stop();
    }
  });

  void it('without a graceful wait closes running statements at once', async () => {
    const server = await startTidal();
    const client = await connect(server.port);
    client.on('error', () => undefined);
    const sleeping = client.query('SELECT SLEEP(60)').then(() => undefined, (error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    assert.equal(await server.stop(), 0);
    assert.ok((await sleeping) instanceof Error);
    assert.ok(Date.now() - started < 30_000);
  });
});

void describe('log files', () => {
  void it('rotates with pino-roll and reopens the server log and the slow log on SIGHUP', async () => {
    const dir = await tempDir('sighup');
    const logFile = join(dir.path, 'tidal.log');
    const slowFile = join(dir.path, 'slow.log');
    const server = spawnServer(join(dir.path, 'data'), ['--log-file', logFile, '--log-slow-query', slowFile, '--slow-threshold', '0']);
    try {
      const live = join(dir.path, 'tidal.1.log');
      await waitFor(() => existsSync(live) && readFileSync(live, 'utf8').includes('server is running MySQL protocol'), 'the server log file', SERVER_START_GUARD_MS);
      const port = (JSON.parse(readFileSync(live, 'utf8').split('\n').find((line) => line.includes('MySQL protocol')) ?? '{}') as { port: number }).port;
      const client = await connect(port);
      await client.query('SELECT 1');
      renameSync(live, join(dir.path, 'moved.log'));
      renameSync(join(dir.path, 'slow.1.log'), join(dir.path, 'slow-moved.log'));
      server.child.kill('SIGHUP');
      await waitFor(() => existsSync(live) && readFileSync(live, 'utf8').includes('log files reopened'), 'the reopened server log');
      await client.query('SELECT 2');
      await waitFor(() => existsSync(join(dir.path, 'slow.1.log')) && readFileSync(join(dir.path, 'slow.1.log'), 'utf8').includes('SELECT 2;'), 'the reopened slow log');
      assert.match(readFileSync(join(dir.path, 'slow-moved.log'), 'utf8'), /SELECT 1;/);
      assert.doesNotMatch(readFileSync(join(dir.path, 'moved.log'), 'utf8'), /log files reopened/);
      await client.end();
    } finally {
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
      await dir.remove();
    }
  });

  void it("writes TiDB's text layout: [time] [LEVEL] [file:line] [\"message\"] [key=value]", async () => {
    const dir = await tempDir('text-log');
    const server = spawnServer(join(dir.path, 'data'), ['--log-format', 'text']);
    try {
      await waitFor(() => server.stderr().includes('server is running MySQL protocol'), 'the start line', SERVER_START_GUARD_MS);
      // With max-procs > 1 the primary says so once every worker listens, and how many there are.
      const line = server.stderr().split('\n').find((text) => text.includes('server is running MySQL protocol')) ?? '';
      assert.match(line, /^\[\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d\] \[INFO\] \[(?:tidal-server|cluster-primary)\.ts:\d+\] \["server is running MySQL protocol"\] \[host=127\.0\.0\.1\] \[port=\d+\] \[path=\S+\] \[version=8\.0\.11-TidalDB-\S+\](?: \[procs=\d+\])?$/);
      const warning = server.stderr().split('\n').find((text) => text.includes('Secure connection is NOT ENABLED')) ?? '';
      assert.match(warning, /^\[[^\]]+\] \[WARN\] \[[\w-]+\.ts:\d+\] \["Secure connection is NOT ENABLED: no ssl-cert and ssl-key configured"\]$/);
    } finally {
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
      await dir.remove();
    }
  });
});
