// The status port over HTTPS with client-certificate authentication (TiDB's cluster-ssl-ca/cert/key and
// cluster-verify-cn), driven by curl with and without a client certificate.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCertificates } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { curl } from './helpers/curl.js';
import { promtoolProblems, sample } from './helpers/promtool.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

const CLIENT_CN = 'TidalDB_Auto_Generated_Client_Certificate';

function clusterFlags(set: CertificateSet, verifyCn?: string): string[] {
  return [
    '--cluster-ssl-ca', set.ca, '--cluster-ssl-cert', set.serverCert, '--cluster-ssl-key', set.serverKey,
    ...(verifyCn === undefined ? [] : ['--cluster-verify-cn', verifyCn]),
  ];
}

function withClientCertificate(set: CertificateSet, own: CertificateSet = set): string[] {
  return ['--cacert', set.ca, '--cert', own.clientCert, '--key', own.clientKey];
}

void describe('status port over HTTPS (cluster-ssl-*)', () => {
  let certs: CertificateSet;
  let stranger: CertificateSet;
  before(async () => {
    certs = await makeCertificates('cluster', 2048);
    stranger = await makeCertificates('cluster-stranger', 2048);
  });
  after(async () => {
    await certs.remove();
    await stranger.remove();
  });

  void describe('without cluster-verify-cn', () => {
    let server: TidalProcess;
    before(async () => {
      server = await startTidal({ args: clusterFlags(certs) });
    });
    after(async () => {
      await server.stop();
    });

    void it('serves /status, /metrics and /health to a client certificate signed by cluster-ssl-ca', async () => {
      const base = `https://127.0.0.1:${server.statusPort}`;
      const status = await curl(`${base}/status`, withClientCertificate(certs));
      assert.equal(status.status, 200, status.stderr);
      assert.match(status.body, /"version":"8\.0\.11-TidalDB-/);
      assert.equal((await curl(`${base}/health`, withClientCertificate(certs))).status, 200);
      const metrics = await curl(`${base}/metrics`, withClientCertificate(certs));
      assert.equal(metrics.status, 200);
      assert.deepEqual(await promtoolProblems(metrics.body), []);
      assert.notEqual(sample(metrics.body, 'tidal_tls_certificate_not_after_seconds', { role: 'cluster', file: certs.serverCert }), undefined);
      assert.notEqual(sample(metrics.body, 'tidal_tls_certificate_not_after_seconds', { role: 'cluster-ca', file: certs.ca }), undefined);
      assert.equal(server.records().find((line) => line.msg === 'status server is running')?.tls, true);
    });

    void it('refuses a client without a certificate, one signed by another CA, and plain HTTP', async () => {
      const base = `https://127.0.0.1:${server.statusPort}`;
      const anonymous = await curl(`${base}/status`, ['--cacert', certs.ca]);
      assert.notEqual(anonymous.code, 0);
      assert.equal(anonymous.status, 0);
      const foreign = await curl(`${base}/status`, withClientCertificate(certs, stranger));
      assert.notEqual(foreign.code, 0);
      assert.equal(foreign.status, 0);
      const plain = await curl(`http://127.0.0.1:${server.statusPort}/status`);
      assert.notEqual(plain.status, 200);
      await waitFor(() => server.records().some((line) => line.msg === 'status port TLS handshake failed'), 'the refused handshakes in the log');
    });
  });

  void it('accepts only the Common Names of cluster-verify-cn', async () => {
    const server = await startTidal({ args: clusterFlags(certs, 'tidb-server,other-tool') });
    const allowing = await startTidal({ args: clusterFlags(certs, `tidb-server,${CLIENT_CN}`) });
    try {
      const refused = await curl(`https://127.0.0.1:${server.statusPort}/status`, withClientCertificate(certs));
      assert.equal(refused.status, 0);
      assert.notEqual(refused.code, 0);
      await waitFor(() => server.records().some((line) => line.msg === 'status port refused a client certificate'), 'the refusal in the log');
      const record = server.records().find((line) => line.msg === 'status port refused a client certificate');
      assert.equal(record?.reason, `client certificate Common Name "${CLIENT_CN}" is not in cluster-verify-cn (tidb-server, other-tool)`);
      const accepted = await curl(`https://127.0.0.1:${allowing.statusPort}/status`, withClientCertificate(certs));
      assert.equal(accepted.status, 200, accepted.stderr);
    } finally {
      await server.stop();
      await allowing.stop();
    }
  });

  void it('does not start with only some of the cluster files, or with one that cannot be read', async () => {
    await assert.rejects(startTidal({ args: ['--cluster-ssl-ca', certs.ca] }), /tidal-server: cluster-ssl-ca, cluster-ssl-cert and cluster-ssl-key must be set together/);
    await assert.rejects(
      startTidal({ args: ['--cluster-ssl-ca', certs.ca, '--cluster-ssl-cert', `${certs.dir}/missing.pem`, '--cluster-ssl-key', certs.serverKey] }),
      /tidal-server: cluster-ssl-cert \S+missing\.pem cannot be read: ENOENT/,
    );
  });
});
