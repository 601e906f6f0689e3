// End-to-end: tls-version, ssl-cipher, tls-ciphersuites and ssl-crl, with real clients and openssl (verify depth: tls-verify-depth.test.ts).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { makeCertificates, tlsFlags } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect } from './helpers/mysql2-client.js';
import { makeClient, makeCrl } from './helpers/openssl-ca.js';
import { sClient } from './helpers/openssl-client.js';
import { SERVER_BIN, SERVER_START_GUARD_MS, startTidal, tempDir, withTestMaxProcs } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

const DEFAULT_TLS12 = 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256';
const DEFAULT_TLS13 = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256';

/** Runs tidal-server expecting it to refuse to start; returns its non-JSON stderr lines. */
async function refusedStart(args: readonly string[]): Promise<string[]> {
  const dir = await tempDir('policy-refused');
  try {
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [SERVER_BIN, '--port', '0', '--status-port', '0', '--path', dir.path, ...withTestMaxProcs(args)], { timeout: SERVER_START_GUARD_MS }, (error, _stdout, text) => {
        resolve({ code: error ? 1 : 0, stderr: text });
      });
    });
    assert.notEqual(code, 0);
    assert.doesNotMatch(stderr, /\n\s+at /);
    return stderr.trim().split('\n').filter((line) => !line.startsWith('{'));
  } finally {
    await dir.remove();
  }
}

async function status(db: Connection, scope: 'SESSION' | 'GLOBAL' = 'SESSION'): Promise<Record<string, string>> {
  const [rows] = await db.query<RowDataPacket[]>(`SHOW ${scope} STATUS LIKE 'Ssl_%'`);
  return Object.fromEntries(rows.map((row) => [row.Variable_name as string, String(row.Value)]));
}

describe('TLS policy options', () => {
  let certs: CertificateSet;
  let defaults: TidalProcess;
  let tls12Only: TidalProcess;
  let tls13Suites: TidalProcess;
  let legacy: TidalProcess;

  before(async () => {
    certs = await makeCertificates('policy');
    const flags = tlsFlags(certs);
    [defaults, tls12Only, tls13Suites, legacy] = await Promise.all([
      startTidal({ args: flags }),
      startTidal({ args: [...flags, '--tls-version', 'TLSv1.2', '--ssl-cipher', 'ECDHE-RSA-AES128-GCM-SHA256:ecdhe-rsa-aes256-gcm-sha384'] }),
      startTidal({ args: [...flags, '--tls-ciphersuites', 'TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256'] }),
      startTidal({ args: [...flags, '--tls-version', 'TLSv1.1,TLSv1.2,TLSv1.3'] }),
    ]);
  });

  after(async () => {
    await Promise.all([defaults, tls12Only, tls13Suites, legacy].map((server) => server.stop()));
    await certs.remove();
  });

  it('refuses to start on an unknown cipher, suite or version, in one line naming the setting', async () => {
    assert.deepEqual(await refusedStart(['--ssl-cipher', 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES512-GCM-SHA384']), [
      'tidal-server: ssl-cipher: unknown cipher "ECDHE-RSA-AES512-GCM-SHA384" (did you mean "ECDHE-RSA-AES256-GCM-SHA384"?); use OpenSSL\'s names, colon-separated, e.g. ECDHE-RSA-AES256-GCM-SHA384',
    ]);
    assert.deepEqual(await refusedStart(['--tls-ciphersuites', 'TLS_AES_512_GCM_SHA384']), [
      'tidal-server: tls-ciphersuites: unknown cipher "TLS_AES_512_GCM_SHA384" (did you mean "TLS_AES_256_GCM_SHA384"?); use OpenSSL\'s names, colon-separated, e.g. TLS_AES_256_GCM_SHA384',
    ]);
    assert.deepEqual(await refusedStart(['--ssl-cipher', 'TLS_AES_128_GCM_SHA256']), [
      'tidal-server: ssl-cipher: "TLS_AES_128_GCM_SHA256" belongs in tls-ciphersuites',
    ]);
    assert.deepEqual(await refusedStart(['--tls-version', 'TLSv1.1,TLSv1.3']), [
      'tidal-server: tls-version: "TLSv1.1,TLSv1.3" leaves out TLSv1.2; the TLS library can only allow a contiguous range of versions',
    ]);
  });

  it('by default allows TLSv1.2 and TLSv1.3 with forward-secret AEAD ciphers, and says so in the variables', async () => {
    const db = await connect(defaults.port, { ssl: { rejectUnauthorized: false } });
    try {
      const [[row]] = await db.query<RowDataPacket[]>('SELECT @@tls_version AS v, @@ssl_cipher AS c, @@tls_ciphersuites AS s, @@ssl_crl AS r');
      assert.deepEqual({ ...row }, { v: 'TLSv1.2,TLSv1.3', c: DEFAULT_TLS12, s: DEFAULT_TLS13, r: '' });
      assert.equal((await status(db, 'GLOBAL')).Ssl_cipher_list, `${DEFAULT_TLS13}:${DEFAULT_TLS12}`);
    } finally {
      await db.end();
    }
  });

  it('refuses a TLSv1.1 client by default (openssl, the mariadb CLI and mysql2) and logs peer and reason', async () => {
    const old = await sClient(defaults.port, ['-tls1_1', '-cipher', 'DEFAULT@SECLEVEL=0']);
    assert.equal(old.cipher, undefined, old.output);
    assert.match(old.output, /alert protocol version/);
    const cli = await mariadb(defaults.port, ['--ssl', '--ssl-verify-server-cert=0', '--tls-version=TLSv1.1', '-e', 'SELECT 1']);
    assert.notEqual(cli.code, 0);
    assert.match(cli.stderr, /ERROR 2026|SSL|TLS/);
    await assert.rejects(
      connect(defaults.port, { ssl: { rejectUnauthorized: false, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' } }),
      // mysql2 reports HANDSHAKE_SSL_ERROR with OpenSSL's line: the server's protocol_version alert (70).
      /tlsv1 alert protocol version.*SSL alert number 70/,
    );
    await waitFor(
      () => defaults.logs.some((line) => /TLS handshake with 127\.0\.0\.1:\d+ failed: the client offered only protocol versions this server does not allow/.test(line)),
      'the refusal in the log',
    );
    const modern = await sClient(defaults.port, ['-tls1_2']);
    assert.equal(modern.protocol, 'TLSv1.2');
    assert.match(modern.cipher ?? '', /^ECDHE-(RSA|ECDSA)-(AES256-GCM-SHA384|CHACHA20-POLY1305|AES128-GCM-SHA256)$/);
  });

  it('uses only the listed TLS 1.2 ciphers, in the server\'s order, and refuses TLS 1.3 when tls-version says TLSv1.2', async () => {
    const db = await connect(tls12Only.port, { ssl: { rejectUnauthorized: false } });
    try {
      const session = await status(db);
      assert.equal(session.Ssl_version, 'TLSv1.2');
      assert.equal(session.Ssl_cipher, 'ECDHE-RSA-AES128-GCM-SHA256');
      const [[row]] = await db.query<RowDataPacket[]>('SELECT @@tls_version AS v, @@ssl_cipher AS c');
      assert.deepEqual({ ...row }, { v: 'TLSv1.2', c: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384' });
      assert.equal((await status(db, 'GLOBAL')).Ssl_cipher_list, 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384');
    } finally {
      await db.end();
    }
    assert.equal((await sClient(tls12Only.port, ['-tls1_3'])).cipher, undefined);
    const unlisted = await sClient(tls12Only.port, ['-tls1_2', '-cipher', 'ECDHE-RSA-CHACHA20-POLY1305']);
    assert.equal(unlisted.cipher, undefined, unlisted.output);
    await waitFor(() => tls12Only.logs.some((line) => line.includes('no shared cipher')), 'no shared cipher in the log');
  });

  it('refuses TLS 1.2 clients that offer only ciphers outside the policy (static RSA, CBC): mysql2, mariadb CLI, openssl', async () => {
    const legacyCipher = 'AES128-SHA';
    await assert.rejects(
      connect(defaults.port, { ssl: { rejectUnauthorized: false, maxVersion: 'TLSv1.2', ciphers: `${legacyCipher}:@SECLEVEL=0` } }),
      /alert handshake failure.*SSL alert number 40/,
    );
    const cli = await mariadb(defaults.port, ['--ssl', '--ssl-verify-server-cert=0', '--tls-version=TLSv1.2', `--ssl-cipher=${legacyCipher}`, '-e', 'SELECT 1']);
    assert.notEqual(cli.code, 0);
    assert.match(cli.stderr, /ERROR 2026 \(HY000\)/);
    const openssl = await sClient(defaults.port, ['-tls1_2', '-cipher', `${legacyCipher}:@SECLEVEL=0`]);
    assert.equal(openssl.cipher, undefined, openssl.output);
    await waitFor(() => defaults.logs.some((line) => line.includes('the client offered none of the allowed cipher suites (no shared cipher)')), 'the refusal in the log');
  });

  it('uses only the listed TLS 1.3 suites', async () => {
    const db = await connect(tls13Suites.port, { ssl: { rejectUnauthorized: false } });
    try {
      const session = await status(db);
      assert.equal(session.Ssl_version, 'TLSv1.3');
      assert.equal(session.Ssl_cipher, 'TLS_CHACHA20_POLY1305_SHA256');
      const [[row]] = await db.query<RowDataPacket[]>('SELECT @@tls_ciphersuites AS s');
      assert.equal(row!.s, 'TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256');
    } finally {
      await db.end();
    }
    assert.equal((await sClient(tls13Suites.port, ['-tls1_3', '-ciphersuites', 'TLS_AES_256_GCM_SHA384'])).cipher, undefined);
  });

  it('allows TLSv1.1 only when listed, with a warning at start', async () => {
    assert.ok(legacy.logs.some((line) => line.includes('"level":"warn"') && line.includes('tls-version enables TLSv1.1')), legacy.logs.join('\n'));
    const old = await sClient(legacy.port, ['-tls1_1', '-cipher', 'DEFAULT@SECLEVEL=0']);
    assert.equal(old.protocol, 'TLSv1.1', old.output);
    assert.match(old.cipher ?? '', /^ECDHE-RSA-AES(128|256)-SHA$/);
    const db = await connect(legacy.port, { ssl: { rejectUnauthorized: false } });
    const [[row]] = await db.query<RowDataPacket[]>('SELECT @@tls_version AS v');
    assert.equal(row!.v, 'TLSv1.1,TLSv1.2,TLSv1.3');
    await db.end();
  });
});

describe('client certificate revocation (ssl-crl)', () => {
  let certs: CertificateSet;
  let crlServer: TidalProcess;
  let expiredCrlServer: TidalProcess;
  let crl: string;
  let good: { cert: string; key: string };

  before(async () => {
    certs = await makeCertificates('crl');
    good = await makeClient(certs, 'good-client');
    crl = await makeCrl(certs, [certs.clientCert], 'crl.pem');
    const expired = await makeCrl(certs, [], 'expired-crl.pem', true);
    const flags = tlsFlags(certs);
    [crlServer, expiredCrlServer] = await Promise.all([
      startTidal({ args: [...flags, '--ssl-crl', crl] }),
      startTidal({ args: [...flags, '--ssl-crl', expired] }),
    ]);
  });

  after(async () => {
    await Promise.all([crlServer, expiredCrlServer].map((server) => server.stop()));
    await certs.remove();
  });

  it('refuses a revoked client certificate and accepts others and clients without one', async () => {
    const ca = await readFile(certs.ca);
    await assert.rejects(
      connect(crlServer.port, { ssl: { ca, cert: await readFile(certs.clientCert), key: await readFile(certs.clientKey) } }),
      { errno: 1045, message: "Access denied for user 'root'@'127.0.0.1' (using password: NO)" },
    );
    await waitFor(() => crlServer.logs.some((line) => /client certificate .* refused: certificate revoked/.test(line)), 'revocation in the log');
    const accepted = await connect(crlServer.port, { ssl: { ca, cert: await readFile(good.cert), key: await readFile(good.key) } });
    const [[row]] = await accepted.query<RowDataPacket[]>('SELECT @@ssl_crl AS r');
    assert.equal(row!.r, crl);
    await accepted.end();
    const anonymous = await connect(crlServer.port, { ssl: { ca } });
    await anonymous.end();
    const cli = await mariadb(crlServer.port, ['--ssl-ca', certs.ca, '--ssl-cert', certs.clientCert, '--ssl-key', certs.clientKey, '-e', 'SELECT 1']);
    assert.notEqual(cli.code, 0);
    assert.match(cli.stderr, /ERROR 1045 \(28000\)/);
  });

  it('warns at start about an expired revocation list', () => {
    assert.ok(expiredCrlServer.logs.some((line) => /CRL 1 of .*expired-crl\.pem .* expired on 2020-02-01/.test(line)), expiredCrlServer.logs.join('\n'));
  });
});
