// The HTTPS status port follows its cluster-ssl-* files: a rotated certificate is served to new connections and shown
// by the not-after gauge, a bad file is refused with one error line and the old certificate stays.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import type { RowDataPacket } from 'mysql2/promise';
import { clusterSslFlags, makeCertificates } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { curl } from './helpers/curl.js';
import { connect } from './helpers/mysql2-client.js';
import { makeServerCert } from './helpers/openssl-ca.js';
import { sample } from './helpers/promtool.js';
import { startTidal, tempDir } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

/** File watch and settle time on a loaded machine. */
const CHANGE_TIMEOUT_MS = 60_000;

/** SHA-256 fingerprint of the certificate the status port presents to a new connection with the set's client pair. */
function servedFingerprint(port: number, set: CertificateSet): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect(
      {
        host: '127.0.0.1',
        port,
        ca: readFileSync(set.ca),
        cert: readFileSync(set.clientCert),
        key: readFileSync(set.clientKey),
        rejectUnauthorized: false,
      },
      () => {
        resolve(socket.getPeerCertificate().fingerprint256);
        socket.end();
      },
    );
    socket.once('error', reject);
  });
}

/** curl's flags for the set's client pair. */
function withClientCertificate(set: CertificateSet): string[] {
  return ['--cacert', set.ca, '--cert', set.clientCert, '--key', set.clientKey];
}

function fingerprintOf(file: string): string {
  return new X509Certificate(readFileSync(file)).fingerprint256;
}

void describe('status port HTTPS reload (cluster-ssl-*)', () => {
  let certs: CertificateSet;
  let home: { path: string; remove: () => Promise<void> };
  let server: TidalProcess;
  let files: { ca: string; cert: string; key: string };
  before(async () => {
    certs = await makeCertificates('cluster-reload', 2048);
    home = await tempDir('status-reload');
    const dir = join(home.path, 'cluster-tls');
    mkdirSync(dir);
    files = { ca: join(dir, 'ca.pem'), cert: join(dir, 'server.pem'), key: join(dir, 'server-key.pem') };
    copyFileSync(certs.ca, files.ca);
    copyFileSync(certs.serverCert, files.cert);
    copyFileSync(certs.serverKey, files.key);
    server = await startTidal({
      args: ['--ssl-expiry-check-interval', '1', ...clusterSslFlags(files)],
    });
  });
  after(async () => {
    await server.stop();
    await certs.remove();
    await home.remove();
  });

  /** Replaces files by rename, key first, within one settle period. */
  function install(contents: { readonly cert: Buffer | string; readonly key?: Buffer }): void {
    if (contents.key !== undefined) {
      writeFileSync(`${files.key}.new`, contents.key);
      renameSync(`${files.key}.new`, files.key);
    }
    writeFileSync(`${files.cert}.new`, contents.cert);
    renameSync(`${files.cert}.new`, files.cert);
  }

  void it('serves a rotated certificate to new connections, with its not-after in the gauge and its expiry warned', async () => {
    const port = server.statusPort ?? 0;
    assert.equal(await servedFingerprint(port, certs), fingerprintOf(certs.serverCert));
    const gauge = async (): Promise<number | undefined> => {
      const metrics = await curl(`https://127.0.0.1:${port}/metrics`, withClientCertificate(certs));
      return sample(metrics.body, 'tidal_tls_certificate_not_after_seconds', { role: 'cluster', file: files.cert });
    };
    const before = await gauge();
    // Valid five days: a different not-after, and within the 30 days that are warned about.
    const rotated = await makeServerCert(certs, 'rotated', 5);
    install({ key: readFileSync(rotated.key), cert: readFileSync(rotated.cert) });
    await waitFor(
      async () => (await servedFingerprint(port, certs)) === fingerprintOf(rotated.cert),
      'the rotated certificate served',
      CHANGE_TIMEOUT_MS,
    );
    const notAfter = new X509Certificate(readFileSync(rotated.cert)).validTo;
    assert.equal(await gauge(), Math.floor(Date.parse(notAfter) / 1000));
    assert.notEqual(await gauge(), before);
    const reloaded = server.records().find((record) => record.msg === 'cluster TLS material reloaded');
    assert.equal(reloaded?.trigger, 'file change');
    assert.equal(reloaded?.fingerprint256, fingerprintOf(rotated.cert));
    assert.ok(
      server.records().some((record) => record.level === 'warn' && /server\.pem expires in/.test(String(record.msg))),
      'the expiry warning',
    );
    // The periodic check (every second here) warns about the set in force, the rotated one.
    await waitFor(
      () =>
        server
          .records()
          .some(
            (r) =>
              r.check === 'periodic certificate expiry check' &&
              /cluster-ssl-cert \S+server\.pem expires in \d+ days/.test(String(r.msg)),
          ),
      'the periodic expiry warning',
      CHANGE_TIMEOUT_MS,
    );
  });

  void it('keeps the certificate in force when the new file is not usable, and says so once', async () => {
    const port = server.statusPort ?? 0;
    const inForce = await servedFingerprint(port, certs);
    install({ cert: 'not a certificate\n' });
    const refused = (): Array<Record<string, unknown>> =>
      server
        .records()
        .filter(
          (record) =>
            record.msg === 'cluster TLS files changed but are not usable; keeping the current cluster TLS material',
        );
    await waitFor(() => refused().length > 0, 'the refusal in the log', CHANGE_TIMEOUT_MS);
    assert.equal(refused()[0]?.level, 'error');
    assert.equal(await servedFingerprint(port, certs), inForce);
    const status = await curl(`https://127.0.0.1:${port}/status`, withClientCertificate(certs));
    assert.equal(status.status, 200, status.stderr);
    // Once per process (each worker of --max-procs watches the files itself).
    const pids = refused().map((record) => record.pid);
    assert.equal(new Set(pids).size, pids.length);
    // ALTER INSTANCE RELOAD TLS reloads the cluster files too (as TiDB): the refusal is the statement's warning.
    const db = await connect(server.port);
    try {
      await db.query('ALTER INSTANCE RELOAD TLS');
      const [warnings] = await db.query<RowDataPacket[]>('SHOW WARNINGS');
      assert.deepEqual(
        warnings.map((row) => Number(row.Code)),
        [3888],
      );
      assert.match(
        String(warnings[0]?.Message),
        /^Failed to set up SSL because of the following SSL library error: cluster TLS: .*server\.pem/,
      );
    } finally {
      await db.end();
    }
    assert.equal(await servedFingerprint(port, certs), inForce);
  });
});
