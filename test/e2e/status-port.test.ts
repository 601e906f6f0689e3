// The status port over plain HTTP with real clients: curl for /status, /health and /metrics (checked by promtool),
// mysql2 and openssl s_client producing the statements, connections, TLS handshakes and lock waits it counts.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { curl, statusJson } from './helpers/curl.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { sClient } from './helpers/openssl-client.js';
import { promtoolProblems, sample } from './helpers/promtool.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

async function metrics(server: TidalProcess): Promise<string> {
  const result = await curl(`http://127.0.0.1:${server.statusPort}/metrics`);
  assert.equal(result.status, 200, result.stderr);
  return result.body;
}

void describe('status port (HTTP)', () => {
  let server: TidalProcess;
  before(async () => {
    server = await startTidal();
  });
  after(async () => {
    await server.stop();
  });

  void it('answers /status and /health as TiDB does, on loopback by default', async () => {
    assert.ok(server.statusPort !== undefined && server.statusPort > 0);
    const status = await statusJson(server.statusPort, '/status');
    assert.equal(status.status, 200);
    assert.deepEqual(Object.keys(status.body).sort(), ['connections', 'git_hash', 'uptime', 'version']);
    assert.match(String(status.body.version), /^8\.0\.11-TidalDB-/);
    assert.match(String(status.body.git_hash), /^([0-9a-f]{40}|None)$/);
    assert.deepEqual(await statusJson(server.statusPort, '/health'), { status: 200, body: { status: 'ok' } });
    const record = server.records().find((line) => line.msg === 'status server is running');
    assert.equal(record?.host, '127.0.0.1');
    assert.equal(record?.tls, false);
    const missing = await curl(`http://127.0.0.1:${server.statusPort}/nothing-here`);
    assert.equal(missing.status, 404);
    const post = await curl(`http://127.0.0.1:${server.statusPort}/metrics`, ['-X', 'POST']);
    assert.equal(post.status, 405);
  });

  void it('exposes valid Prometheus text counting statements, latency, connections, TLS and the store', async () => {
    const ca = readFileSync(join(server.dataDir, 'ca.pem'));
    const tls = await connect(server.port, { ssl: { ca } });
    const plain = await connect(server.port);
    try {
      await tls.query('CREATE DATABASE m');
      await tls.query('CREATE TABLE m.t (id INT PRIMARY KEY, v VARCHAR(20))');
      await tls.query("INSERT INTO m.t VALUES (1, 'a'), (2, 'b')");
      for (let i = 0; i < 5; i++) await plain.execute('SELECT v FROM m.t WHERE id = ?', [1 + (i % 2)]);
      await assertSqlError(plain, 'SELECT * FROM m.missing', 1146);
      await plain.query('BEGIN');
      await plain.query("UPDATE m.t SET v = 'c' WHERE id = 1");
      await plain.query('COMMIT');
      await plain.query('BEGIN');
      await plain.query('ROLLBACK');
      const refused = await sClient(server.port, ['-tls1_2', '-cipher', 'AES128-SHA']);
      assert.equal(refused.protocol, undefined);

      const text = await metrics(server);
      assert.deepEqual(await promtoolProblems(text), []);
      assert.ok((sample(text, 'tidal_server_query_total', { type: 'Select', result: 'OK' }) ?? 0) >= 5);
      assert.equal(sample(text, 'tidal_server_query_total', { type: 'Insert', result: 'OK' }), 1);
      assert.equal(sample(text, 'tidal_server_query_total', { type: 'Select', result: 'Error' }), 1);
      assert.equal(sample(text, 'tidal_session_transaction_total', { type: 'commit' }), 1);
      assert.equal(sample(text, 'tidal_session_transaction_total', { type: 'rollback' }), 1);
      assert.equal(sample(text, 'tidal_server_handle_query_duration_seconds_count', { sql_type: 'Insert' }), 1);
      assert.ok((sample(text, 'tidal_server_handle_query_duration_seconds_bucket', { sql_type: 'Select', le: '+Inf' }) ?? 0) >= 6);
      assert.equal(sample(text, 'tidal_server_connections', { transport: 'plain', cipher: '' }), 1);
      assert.equal(sample(text, 'tidal_server_connections', { transport: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' }), 1);
      assert.ok((sample(text, 'tidal_tls_handshake_total', { result: 'finished' }) ?? 0) >= 1);
      assert.equal(sample(text, 'tidal_tls_handshake_failure_total', { kind: 'protocol', reason: 'no shared cipher' }), 1);
      assert.ok((sample(text, 'tidal_kv_read_keys_total') ?? 0) > 0);
      assert.ok((sample(text, 'tidal_kv_write_bytes_total') ?? 0) > 0);
      assert.ok((sample(text, 'tidal_kv_commit_total', { result: 'ok' }) ?? 0) >= 3);
      assert.ok((sample(text, 'process_resident_memory_bytes') ?? 0) > 0);
      assert.ok((sample(text, 'nodejs_heap_size_used_bytes') ?? 0) > 0);
      assert.notEqual(sample(text, 'nodejs_eventloop_lag_seconds'), undefined);
      assert.equal(sample(text, 'tidal_server_info', { version: '0.1.0' }), 1);
    } finally {
      await tls.end();
      await plain.end();
    }
  });

  void it('counts lock waits by outcome and deadlocks', async () => {
    const a = await connect(server.port);
    const b = await connect(server.port);
    try {
      await a.query('CREATE TABLE m.locks (id INT PRIMARY KEY, n INT)');
      await a.query('INSERT INTO m.locks VALUES (1, 0), (2, 0)');
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query('UPDATE m.locks SET n = n + 1 WHERE id = 1');
      await b.query('UPDATE m.locks SET n = n + 1 WHERE id = 2');
      const waiting = a.query('UPDATE m.locks SET n = n + 1 WHERE id = 2');
      // b now closes the cycle: it is the victim (1213) and its rollback lets a's wait end with the lock.
      await waitForSample(server, 'tidal_lock_waiting', {}, 1);
      await assertSqlError(b, 'UPDATE m.locks SET n = n + 1 WHERE id = 1', 1213);
      await waiting;
      await a.query('COMMIT');
      await b.query('SET innodb_lock_wait_timeout = 1');
      await a.query('BEGIN');
      await a.query('UPDATE m.locks SET n = n + 1 WHERE id = 1');
      await assertSqlError(b, 'UPDATE m.locks SET n = n + 1 WHERE id = 1', 1205);
      await a.query('ROLLBACK');

      const text = await metrics(server);
      assert.equal(sample(text, 'tidal_deadlock_total'), 1);
      assert.equal(sample(text, 'tidal_lock_wait_total', { result: 'granted' }), 1);
      assert.equal(sample(text, 'tidal_lock_wait_total', { result: 'timeout' }), 1);
      assert.equal(sample(text, 'tidal_lock_wait_duration_seconds_count'), 2);
      assert.equal(sample(text, 'tidal_lock_waiting'), 0);
    } finally {
      await a.end();
      await b.end();
    }
  });

  void it("reports each certificate's notAfter as a gauge", async () => {
    const certificate = new X509Certificate(readFileSync(join(server.dataDir, 'server-cert.pem')));
    const text = await metrics(server);
    const notAfter = sample(text, 'tidal_tls_certificate_not_after_seconds', { role: 'server', file: join(server.dataDir, 'server-cert.pem') });
    assert.equal(notAfter, Math.floor(new Date(certificate.validTo).getTime() / 1000));
    assert.notEqual(sample(text, 'tidal_tls_certificate_not_after_seconds', { role: 'ca' }), undefined);
  });
});

void describe('status port settings', () => {
  void it('serves nothing with --report-status=false', async () => {
    const server = await startTidal({ args: ['--report-status=false'] });
    try {
      assert.equal(server.statusPort, undefined);
      assert.equal(server.records().some((line) => line.msg === 'status server is running'), false);
    } finally {
      await server.stop();
    }
  });

  void it('refuses to start when the status port is taken, with one line', async () => {
    const first = await startTidal();
    try {
      await assert.rejects(startTidal({ args: ['--status-port', String(first.statusPort)] }), /tidal-server: cannot listen on status port 127\.0\.0\.1:\d+: address already in use/);
    } finally {
      await first.stop();
    }
  });
});

async function waitForSample(server: TidalProcess, name: string, labels: Record<string, string>, value: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (sample(await metrics(server), name, labels) !== value) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${name} = ${value}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
