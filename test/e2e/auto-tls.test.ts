// End-to-end: auto-tls generates certificates in the data directory on first start, reuses them, and can be turned off.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { copyFile, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TLSSocket } from 'node:tls';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import type { CertificateSet } from './helpers/certificates.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect } from './helpers/mysql2-client.js';
import { makeServerCert } from './helpers/openssl-ca.js';
import { generateSslFiles } from '../../src/certificates/index.js';
import { startTidal, tempDir } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

/** The default RSA size, stated: the configuration tests check the default itself. */
const AUTO = ['--auto-tls=true', '--rsa-key-size', '2048'];

function record(logs: readonly string[], message: string): Record<string, unknown> | undefined {
  const line = logs.find((candidate) => candidate.includes(`"msg":"${message}"`));
  return line === undefined ? undefined : (JSON.parse(line) as Record<string, unknown>);
}

/** The certificate the server presented on a mysql2 connection, by SHA-256 fingerprint. */
function servedFingerprint(db: Connection): string | undefined {
  const stream = (db as unknown as { connection: { stream: TLSSocket } }).connection.stream;
  return stream.getPeerX509Certificate()?.fingerprint256;
}

/** A client that can only take the RSA certificate: TLS 1.2 with an ECDHE-RSA cipher. */
const RSA_ONLY = { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' } as const;

/**
 * Connects verifying the server against `ca` (as an RSA-only client when `isRsaOnly`); returns the served
 * fingerprint and Ssl_server_not_after.
 */
async function served(port: number, ca: Buffer, isRsaOnly = false): Promise<{ fingerprint: string | undefined; notAfter: string }> {
  const db = await connect(port, { ssl: { ca, rejectUnauthorized: true, ...(isRsaOnly ? RSA_ONLY : {}) } });
  try {
    const [[row]] = await db.query<RowDataPacket[]>("SHOW SESSION STATUS LIKE 'Ssl_server_not_after'");
    return { fingerprint: servedFingerprint(db), notAfter: String(row!.Value) };
  } finally {
    await db.end();
  }
}

describe('auto-tls', () => {
  it('generates a CA and server certificate on first start, logs fingerprints, and reuses them afterwards', async () => {
    const dir = await tempDir('auto-tls');
    try {
      const first = await startTidal({ dataDir: dir.path, args: AUTO });
      let fingerprint: string;
      try {
        const generated = record(first.logs, 'auto-tls generated certificates in the data directory');
        assert.ok(generated, first.logs.join('\n'));
        assert.deepEqual([...(generated.written as string[])].sort(), ['ca-key.pem', 'ca.pem', 'client-cert.pem', 'client-key.pem', 'private_key.pem', 'public_key.pem', 'server-cert.pem', 'server-ecdsa-cert.pem', 'server-ecdsa-key.pem', 'server-key.pem']);
        assert.equal(generated.rsaKeySize, 2048);
        const server = new X509Certificate(await readFile(join(dir.path, 'server-cert.pem')));
        fingerprint = server.fingerprint256;
        assert.equal(generated.serverFingerprint256, fingerprint);
        assert.equal(generated.caFingerprint256, new X509Certificate(await readFile(join(dir.path, 'ca.pem'))).fingerprint256);
        assert.equal(server.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
        assert.equal((await stat(join(dir.path, 'server-key.pem'))).mode & 0o777, 0o600);
        // The ECDSA P-256 pair from the same CA, served to clients that offer ECDSA; RSA stays for the others.
        const ecdsa = new X509Certificate(await readFile(join(dir.path, 'server-ecdsa-cert.pem')));
        assert.equal(ecdsa.publicKey.asymmetricKeyType, 'ec');
        assert.equal(ecdsa.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
        assert.equal(generated.ecdsaServerFingerprint256, ecdsa.fingerprint256);
        assert.equal((await stat(join(dir.path, 'server-ecdsa-key.pem'))).mode & 0o777, 0o600);
        const caPem = await readFile(join(dir.path, 'ca.pem'));
        assert.ok(ecdsa.verify(new X509Certificate(caPem).publicKey), 'signed by the generated CA');
        assert.equal((await served(first.port, caPem)).fingerprint, ecdsa.fingerprint256);
        assert.equal((await served(first.port, caPem, true)).fingerprint, fingerprint);
        assert.ok(first.logs.some((line) => line.includes('Secure connection is enabled')));

        const ca = await readFile(join(dir.path, 'ca.pem'));
        const db = await connect(first.port, { ssl: { ca, rejectUnauthorized: true } });
        const [[row]] = await db.query<RowDataPacket[]>('SELECT @@have_ssl AS h, @@ssl_cert AS c, @@ssl_ca AS a');
        assert.deepEqual({ ...row }, { h: 'YES', c: join(dir.path, 'server-cert.pem'), a: join(dir.path, 'ca.pem') });
        await db.end();
        const cli = await mariadb(first.port, ['--ssl-ca', join(dir.path, 'ca.pem'), '--ssl-verify-server-cert', '-e', "SHOW STATUS LIKE 'Ssl_version'"]);
        assert.equal(cli.code, 0, cli.stderr);
        assert.match(cli.stdout, /Ssl_version\tTLSv1\.3/);
      } finally {
        await first.stop();
      }

      const second = await startTidal({ dataDir: dir.path, args: AUTO });
      try {
        const reused = record(second.logs, 'auto-tls reuses the certificates in the data directory');
        assert.ok(reused, second.logs.join('\n'));
        assert.deepEqual(reused.written, []);
        assert.equal(reused.serverFingerprint256, fingerprint);
        const db = await connect(second.port, { ssl: { ca: await readFile(join(dir.path, 'ca.pem')), rejectUnauthorized: true } });
        await db.end();
      } finally {
        await second.stop();
      }

      // An incomplete set is not completed behind the operator's back: TLS stays off and the log says why.
      await rm(join(dir.path, 'server-key.pem'));
      const third = await startTidal({ dataDir: dir.path, args: AUTO });
      try {
        assert.ok(third.logs.some((line) => line.includes('auto-tls: SSL files incomplete') || /auto-tls: .*server-key\.pem.* missing/.test(line)), third.logs.join('\n'));
        assert.ok(third.logs.some((line) => line.includes('Secure connection is NOT ENABLED') && line.includes('server-key.pem')), third.logs.join('\n'));
        await assert.rejects(connect(third.port, { ssl: { rejectUnauthorized: false } }), /does not support secure connection/);
      } finally {
        await third.stop();
      }
    } finally {
      await dir.remove();
    }
  });

  it('gives a data directory made before the ECDSA pair one from its own CA, and serves it', async () => {
    const dir = await tempDir('auto-tls-upgrade');
    try {
      await generateSslFiles({ datadir: dir.path, rsaKeySize: 2048 });
      const server = await startTidal({ dataDir: dir.path, args: AUTO });
      try {
        const generated = record(server.logs, 'auto-tls generated certificates in the data directory');
        assert.ok(generated, server.logs.join('\n'));
        assert.deepEqual(generated.written, ['server-ecdsa-cert.pem', 'server-ecdsa-key.pem']);
        const ca = await readFile(join(dir.path, 'ca.pem'));
        const ecdsa = new X509Certificate(await readFile(join(dir.path, 'server-ecdsa-cert.pem')));
        assert.ok(ecdsa.verify(new X509Certificate(ca).publicKey));
        assert.equal((await served(server.port, ca)).fingerprint, ecdsa.fingerprint256);
      } finally {
        await server.stop();
      }
    } finally {
      await dir.remove();
    }
  });

  it('with auto-tls = false leaves TLS off and writes no files', async () => {
    const dir = await tempDir('auto-tls-off');
    try {
      const server = await startTidal({ dataDir: dir.path, args: ['--auto-tls=false'] });
      try {
        assert.ok(server.logs.some((line) => line.includes('Secure connection is NOT ENABLED: no ssl-cert and ssl-key configured')));
        assert.deepEqual((await readdir(dir.path)).filter((name) => name.endsWith('.pem')), []);
        const db = await connect(server.port);
        const [[row]] = await db.query<RowDataPacket[]>('SELECT @@have_ssl AS h');
        assert.equal(row!.h, 'DISABLED');
        await db.end();
      } finally {
        await server.stop();
      }
    } finally {
      await dir.remove();
    }
  });

  it('watches the generated files: replacing them on disk reloads them (validated first) without a restart', async () => {
    const server = await startTidal();
    const scratch = await tempDir('auto-tls-rotate');
    try {
      assert.ok(record(server.logs, 'auto-tls reuses the certificates in the data directory'), server.logs.join('\n'));
      // The ECDSA pair is the one current clients are served (the RSA pair is watched the same way).
      const certPath = join(server.dataDir, 'server-ecdsa-cert.pem');
      const keyPath = join(server.dataDir, 'server-ecdsa-key.pem');
      const ca = await readFile(join(server.dataDir, 'ca.pem'));
      const before = await served(server.port, ca);
      assert.equal(before.fingerprint, new X509Certificate(await readFile(certPath)).fingerprint256);

      // A new server certificate from the same generated CA, valid for 400 days instead of ten years.
      await Promise.all(['ca.pem', 'ca-key.pem'].map((name) => copyFile(join(server.dataDir, name), join(scratch.path, name))));
      const set: CertificateSet = { dir: scratch.path, ca: join(scratch.path, 'ca.pem'), serverCert: '', serverKey: '', clientCert: '', clientKey: '', remove: scratch.remove };
      const rotated = await makeServerCert(set, 'rotated', 400);
      const newCert = await readFile(rotated.cert);
      const expected = new X509Certificate(newCert).fingerprint256;

      // Written in place, key first and the certificate only half: never loaded, the old pair stays in use.
      const marker = server.logs.length;
      await writeFile(keyPath, await readFile(rotated.key));
      await writeFile(certPath, newCert.subarray(0, Math.floor(newCert.length / 2)));
      await waitFor(() => server.logs.slice(marker).some((line) => line.includes('TLS files changed but are not usable; keeping the current TLS material')), 'the refusal in the log');
      assert.equal((await served(server.port, ca)).fingerprint, before.fingerprint);

      await writeFile(certPath, newCert);
      await waitFor(async () => (await served(server.port, ca)).fingerprint === expected, 'the new certificate served');
      const after = await served(server.port, ca);
      assert.notEqual(after.notAfter, before.notAfter);
      assert.ok(Math.abs(Date.parse(after.notAfter) - (Date.now() + 400 * 86_400_000)) < 300_000, after.notAfter);
      const reloaded = server.records().filter((entry) => entry.msg === 'TLS material reloaded' && entry.trigger === 'file change');
      // Once in each process that serves connections (every worker watches the files when max-procs > 1).
      assert.ok(reloaded.length >= 1, server.logs.slice(marker).join('\n'));
      assert.equal(new Set(reloaded.map((entry) => entry.pid)).size, reloaded.length, server.logs.slice(marker).join('\n'));
      assert.ok((reloaded[0]!.changed as string[]).includes(certPath));
      assert.equal(reloaded[0]!.altFingerprint256, expected);
    } finally {
      await server.stop();
      await scratch.remove();
    }
  });
});
