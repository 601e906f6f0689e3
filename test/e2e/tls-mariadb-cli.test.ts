// End-to-end: the TLS modes of TiDB's guide through the real `mariadb` command-line client, including `\s`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCertificates, tlsFlags } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

describe('TLS modes with the mariadb CLI', () => {
  let certs: CertificateSet;
  let otherCa: CertificateSet;
  let tlsServer: TidalProcess;
  let plainServer: TidalProcess;

  before(async () => {
    [certs, otherCa] = await Promise.all([makeCertificates('cli'), makeCertificates('cli-other')]);
    // auto-tls = false: the guide's behaviour, no certificates means no TLS.
    [tlsServer, plainServer] = await Promise.all([startTidal({ args: tlsFlags(certs) }), startTidal({ args: ['--auto-tls=false'] })]);
  });

  after(async () => {
    await Promise.all([tlsServer.stop(), plainServer.stop()]);
    await Promise.all([certs.remove(), otherCa.remove()]);
  });

  it('shows "Not in use" in \\s without TLS', async () => {
    const result = await mariadb(tlsServer.port, ['--skip-ssl', '-e', '\\s']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /SSL:\s+Not in use/);
  });

  it('shows the cipher in \\s with TLS and no verification', async () => {
    const result = await mariadb(tlsServer.port, ['--ssl', '--skip-ssl-verify-server-cert', '-e', '\\s']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /SSL:\s+Cipher in use is TLS_AES_256_GCM_SHA384/);
  });

  it('verifies the server against the CA and its host name', async () => {
    const result = await mariadb(tlsServer.port, ['--ssl-ca', certs.ca, '--ssl-verify-server-cert', '-N', '-e', "SHOW STATUS LIKE 'Ssl_version'"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Ssl_version\tTLSv1\.3/);
  });

  it('connects with a client certificate signed by ssl-ca', async () => {
    const result = await mariadb(tlsServer.port, ['--ssl-ca', certs.ca, '--ssl-cert', certs.clientCert, '--ssl-key', certs.clientKey, '--ssl-verify-server-cert', '-N', '-e', 'SELECT 40 + 2']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim(), '42');
  });

  it('fails with a client certificate from another CA: 1045 for the client, the reason in the log', async () => {
    const result = await mariadb(tlsServer.port, ['--ssl-ca', certs.ca, '--ssl-cert', otherCa.clientCert, '--ssl-key', otherCa.clientKey, '-e', 'SELECT 1']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /^ERROR 1045 \(28000\): Access denied for user 'root'@'127\.0\.0\.1' \(using password: NO\)$/m);
    await waitFor(() => tlsServer.logs.some((line) => /client certificate .* refused: unable to verify the first certificate/.test(line)), 'the reason in the log');
  });

  it('rejects a server certificate from another CA when verifying', async () => {
    const result = await mariadb(tlsServer.port, ['--ssl-ca', otherCa.ca, '--ssl-verify-server-cert', '-e', 'SELECT 1']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /ERROR 2026/);
  });

  it('gives the client its own error when it requires TLS and the server has none', async () => {
    // The MariaDB 10.11 client treats --ssl as "if available"; verifying the server makes TLS mandatory.
    const result = await mariadb(plainServer.port, ['--ssl-verify-server-cert', '-e', 'SELECT 1']);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /ERROR 2026 \(HY000\): TLS\/SSL error: SSL is required, but the server does not support it/);
    const plain = await mariadb(plainServer.port, ['--skip-ssl', '-N', '-e', 'SELECT @@have_ssl']);
    assert.equal(plain.stdout.trim(), 'DISABLED');
  });

  it('runs SQL from stdin like a user would, over TLS', async () => {
    const script = 'CREATE DATABASE cli;\nUSE cli;\nCREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10));\nINSERT INTO t VALUES (1, "a"), (2, NULL);\nSELECT * FROM t ORDER BY id;\n';
    const result = await mariadb(tlsServer.port, ['--ssl-ca', certs.ca, '--ssl-verify-server-cert', '--table'], script);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\| id \| v {4}\|/);
    assert.match(result.stdout, /\| {2}2 \| NULL \|/);
  });
});
