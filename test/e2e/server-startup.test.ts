// End-to-end: tidal-server's command line: configuration errors are one clear line and a non-zero exit.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { RowDataPacket } from 'mysql2/promise';
import { connect } from './helpers/mysql2-client.js';
import { SERVER_BIN, SERVER_START_GUARD_MS, startTidal, tempDir, withTestMaxProcs } from './helpers/tidal-process.js';
import { makeCertificates } from './helpers/certificates.js';

function runServer(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SERVER_BIN, ...withTestMaxProcs(args)], { timeout: SERVER_START_GUARD_MS }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The error is one plain line (after any JSON log records written before it), with no stack trace. */
function assertOneLineError(result: { code: number; stderr: string }, pattern: RegExp): void {
  assert.notEqual(result.code, 0);
  const lines = result.stderr.trim().split('\n').filter((line) => !line.startsWith('{'));
  assert.equal(lines.length, 1, `one line expected, got:\n${result.stderr}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
}

describe('tidal-server startup and configuration', () => {
  it('reports unparseable TOML with its line', async () => {
    const dir = await tempDir('cfg');
    try {
      const file = join(dir.path, 'tidal.toml');
      await writeFile(file, 'port = 4000\nhost = \n');
      assertOneLineError(await runServer(['--config', file]), /^tidal-server: config file .*tidal\.toml: line 2/);
    } finally {
      await dir.remove();
    }
  });

  it('names an unknown key and a wrongly typed value', async () => {
    const dir = await tempDir('cfg');
    try {
      const unknown = join(dir.path, 'unknown.toml');
      await writeFile(unknown, '[security]\nssl-certt = "x"\n');
      assertOneLineError(await runServer(['--config', unknown]), /unknown configuration key 'security\.ssl-certt'/);
      const wrongType = join(dir.path, 'type.toml');
      await writeFile(wrongType, 'port = "abc"\n');
      assertOneLineError(await runServer(['--config', wrongType]), /'port' must be an integer from 0 to 65535, got "abc"/);
    } finally {
      await dir.remove();
    }
  });

  it('refuses a port in use and a data directory that is not a directory', async () => {
    const running = await startTidal();
    const dir = await tempDir('cfg');
    try {
      // auto-tls off: generating keys first would only slow this check down.
      assertOneLineError(await runServer(['--port', String(running.port), '--path', join(dir.path, 'data'), '--auto-tls=false']), /cannot listen on 127\.0\.0\.1:\d+: address already in use/);
      const notADir = join(dir.path, 'file');
      await writeFile(notADir, 'x');
      assertOneLineError(await runServer(['--port', '0', '--path', notADir]), /data directory .* is not a directory/);
    } finally {
      await running.stop();
      await dir.remove();
    }
  });

  it('reads settings from the TOML file with certificate paths relative to it, and flags override the file', async () => {
    const certs = await makeCertificates('cfg');
    const dir = await tempDir('cfg');
    try {
      const file = join(certs.dir, 'tidal.toml');
      await writeFile(file, `port = 1\npath = "${join(dir.path, 'data')}"\n[security]\nssl-cert = "server-cert.pem"\nssl-key = "server-key.pem"\nssl-ca = "ca.pem"\n`);
      const server = await startTidal({ args: ['--config', file, '--port', '0'] });
      try {
        const db = await connect(server.port, { ssl: { rejectUnauthorized: false } });
        const [[row]] = await db.query<RowDataPacket[]>('SELECT @@ssl_cert AS c, @@have_ssl AS h');
        assert.deepEqual({ ...row }, { c: certs.serverCert, h: 'YES' });
        await db.end();
      } finally {
        await server.stop();
      }
    } finally {
      await certs.remove();
      await dir.remove();
    }
  });

  it('starts without TLS, with the reason logged, when the key does not match the certificate', async () => {
    const [a, b] = await Promise.all([makeCertificates('mismatch-a'), makeCertificates('mismatch-b')]);
    try {
      const server = await startTidal({ args: ['--ssl-cert', a.serverCert, '--ssl-key', b.serverKey] });
      try {
        assert.ok(server.logs.some((line) => line.includes('Secure connection is NOT ENABLED') && /does not match/.test(line)), server.logs.join('\n'));
        const db = await connect(server.port);
        const [[row]] = await db.query<RowDataPacket[]>('SELECT @@have_ssl AS h');
        assert.equal(row!.h, 'DISABLED');
        await db.end();
      } finally {
        await server.stop();
      }
    } finally {
      await Promise.all([a.remove(), b.remove()]);
    }
  });
});
