// End-to-end: every client TLS mode of TiDB's "Use Encrypted Connections" guide, through mysql2.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { makeCertificates, tlsFlags } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

async function sslStatus(db: Connection): Promise<Record<string, string>> {
  const [rows] = await db.query<RowDataPacket[]>("SHOW SESSION STATUS LIKE 'Ssl_%'");
  return Object.fromEntries(rows.map((row) => [row.Variable_name as string, row.Value as string]));
}

describe('TLS modes with mysql2', () => {
  let certs: CertificateSet;
  let otherCa: CertificateSet;
  let tlsServer: TidalProcess;
  let plainServer: TidalProcess;
  let ca: Buffer;

  before(async () => {
    [certs, otherCa] = await Promise.all([makeCertificates('main'), makeCertificates('other')]);
    ca = await readFile(certs.ca);
    // auto-tls = false: the guide's behaviour, no certificates means no TLS.
    [tlsServer, plainServer] = await Promise.all([startTidal({ args: tlsFlags(certs) }), startTidal({ args: ['--auto-tls=false'] })]);
  });

  after(async () => {
    await Promise.all([tlsServer.stop(), plainServer.stop()]);
    await Promise.all([certs.remove(), otherCa.remove()]);
  });

  it('logs that secure connections are enabled, or why not', () => {
    assert.ok(tlsServer.logs.some((line) => line.includes('Secure connection is enabled')));
    assert.ok(plainServer.logs.some((line) => line.includes('Secure connection is NOT ENABLED')));
  });

  it('connects without TLS when the client does not ask, with empty session Ssl_* values', async () => {
    const db = await connect(tlsServer.port);
    try {
      const status = await sslStatus(db);
      assert.equal(status.Ssl_cipher, '');
      assert.equal(status.Ssl_version, '');
      const [[row]] = await db.query<RowDataPacket[]>('SELECT @@have_ssl AS h, @@have_openssl AS o');
      assert.deepEqual({ ...row }, { h: 'YES', o: 'YES' });
    } finally {
      await db.end();
    }
  });

  it('encrypts without verifying the server when asked to', async () => {
    const db = await connect(tlsServer.port, { ssl: { rejectUnauthorized: false } });
    try {
      const status = await sslStatus(db);
      assert.equal(status.Ssl_version, 'TLSv1.3');
      assert.match(status.Ssl_cipher ?? '', /^TLS_(AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256|AES_128_GCM_SHA256)$/);
    } finally {
      await db.end();
    }
  });

  it('verifies the server certificate and host name against the CA', async () => {
    const db = await connect(tlsServer.port, { ssl: { ca, rejectUnauthorized: true } });
    try {
      assert.equal((await sslStatus(db)).Ssl_version, 'TLSv1.3');
    } finally {
      await db.end();
    }
    const byName = await connect(tlsServer.port, { host: 'localhost', ssl: { ca, rejectUnauthorized: true } });
    await byName.end();
  });

  it('accepts a client certificate signed by ssl-ca', async () => {
    const db = await connect(tlsServer.port, {
      ssl: { ca, cert: await readFile(certs.clientCert), key: await readFile(certs.clientKey), rejectUnauthorized: true },
    });
    try {
      const [[row]] = await db.query<RowDataPacket[]>('SELECT 1 + 1 AS two');
      assert.equal(row!.two, 2);
    } finally {
      await db.end();
    }
  });

  it('refuses a client certificate from another CA and logs the peer', async () => {
    await assert.rejects(
      connect(tlsServer.port, {
        ssl: { ca, cert: await readFile(otherCa.clientCert), key: await readFile(otherCa.clientKey), rejectUnauthorized: true },
        connectTimeout: 10_000,
      }),
      { errno: 1045, message: "Access denied for user 'root'@'127.0.0.1' (using password: NO)" },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(
      tlsServer.logs.some((line) => /TLS handshake with 127\.0\.0\.1:\d+ failed: client certificate .* refused/.test(line)),
      tlsServer.logs.slice(-5).join('\n'),
    );
  });

  it('rejects a server certificate from another CA on a verifying client', async () => {
    await assert.rejects(connect(tlsServer.port, { ssl: { ca: await readFile(otherCa.ca), rejectUnauthorized: true } }), /self-signed certificate in certificate chain/);
  });

  it('gives the client its own clear error when it requires TLS and the server has none', async () => {
    await assert.rejects(connect(plainServer.port, { ssl: { rejectUnauthorized: false } }), /does not support secure connection/);
    const db = await connect(plainServer.port);
    try {
      const [[row]] = await db.query<RowDataPacket[]>('SELECT @@have_ssl AS h');
      assert.equal(row!.h, 'DISABLED');
    } finally {
      await db.end();
    }
  });

  it('reports server certificate validity and counters in SHOW GLOBAL STATUS', async () => {
    const db = await connect(tlsServer.port, { ssl: { ca } });
    try {
      const [rows] = await db.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Ssl%'");
      const status = Object.fromEntries(rows.map((row) => [row.Variable_name as string, row.Value as string]));
      for (const name of ['Ssl_accepts', 'Ssl_finished_accepts', 'Ssl_sessions_reused', 'Ssl_cipher_list', 'Ssl_server_not_before', 'Ssl_server_not_after', 'Ssl_verify_mode', 'Ssl_verify_depth']) {
        assert.ok(name in status, `${name} missing`);
      }
      assert.match(status.Ssl_server_not_after ?? '', /^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4} GMT$/);
      assert.ok(Number(status.Ssl_accepts) >= 1);
      // Forward-secret AEAD only: TLS 1.3 suites and ECDHE with GCM or ChaCha20-Poly1305.
      for (const cipher of (status.Ssl_cipher_list ?? '').split(':')) {
        assert.match(cipher, /^(TLS_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256)|ECDHE-(RSA|ECDSA)-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305))$/);
      }
      const [[vars]] = await db.query<RowDataPacket[]>('SELECT @@ssl_cert AS c, @@ssl_key AS k, @@ssl_ca AS a, @@tls_version AS t, @@require_secure_transport AS r');
      assert.deepEqual({ ...vars }, { c: certs.serverCert, k: certs.serverKey, a: certs.ca, t: 'TLSv1.2,TLSv1.3', r: 0 });
    } finally {
      await db.end();
    }
  });
});
