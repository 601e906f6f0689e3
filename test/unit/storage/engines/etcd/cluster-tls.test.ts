// Tests loadClusterTls: the cluster-ssl-* files for etcd, their one-line errors and their expiry warnings.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError } from '../../../../../src/config/index.js';
import { loadClusterTls } from '../../../../../src/storage/engines/etcd/cluster-tls.js';
import { makeClusterCertificates } from '../../../../cluster/helpers/cluster-certificates.js';

const dir = await mkdtemp(join(tmpdir(), 'tidal-cluster-tls-'));
after(() => rm(dir, { recursive: true, force: true }));
const certs = await makeClusterCertificates(dir);
const notPem = join(dir, 'not-pem.txt');
await writeFile(notPem, 'hello\n');

function assertProblem(files: { ca: string; cert: string; key: string }, message: string): void {
  assert.throws(
    () => loadClusterTls(files),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError, String(error));
      assert.equal(error.message, message);
      return true;
    },
  );
}

void describe('loadClusterTls', () => {
  void it('means plain connections when nothing is set', () => {
    assert.equal(loadClusterTls({ ca: '', cert: '', key: '' }), undefined);
  });

  void it('loads a CA alone, or a CA with a client certificate and key', () => {
    const caOnly = loadClusterTls({ ca: certs.ca, cert: '', key: '' });
    assert.ok(caOnly !== undefined && caOnly.rootCertificate.length > 0);
    assert.equal(caOnly.certChain, undefined);
    const mutual = loadClusterTls({ ca: certs.ca, cert: certs.clientCert, key: certs.clientKey });
    assert.ok(mutual?.certChain !== undefined && mutual.privateKey !== undefined);
    assert.deepEqual(mutual.warnings, []);
  });

  void it('warns about certificates that expire within 30 days', () => {
    const soon = new Date(Date.now() + 360 * 86_400_000);
    const loaded = loadClusterTls({ ca: certs.ca, cert: certs.clientCert, key: certs.clientKey }, soon);
    assert.equal(loaded?.warnings.length, 2);
    assert.match(
      loaded?.warnings[0] ?? '',
      new RegExp(`^cluster-ssl-cert ${certs.clientCert} expires in \\d+ days, on `),
    );
    assert.match(
      loaded?.warnings[1] ?? '',
      new RegExp(`^certificate 1 of cluster-ssl-ca ${certs.ca} expires in \\d+ days, on `),
    );
  });

  void it('names the setting and the file in one line for each problem', () => {
    const missing = join(dir, 'missing.pem');
    assertProblem(
      { ca: certs.ca, cert: certs.clientCert, key: '' },
      'cluster-ssl-cert is set but cluster-ssl-key is not; set both',
    );
    assertProblem(
      { ca: certs.ca, cert: '', key: certs.clientKey },
      'cluster-ssl-key is set but cluster-ssl-cert is not; set both',
    );
    assertProblem(
      { ca: '', cert: certs.clientCert, key: certs.clientKey },
      "cluster-ssl-cert and cluster-ssl-key need cluster-ssl-ca: the CA that signed the etcd members' certificates",
    );
    assertProblem(
      { ca: missing, cert: '', key: '' },
      `cluster TLS: cannot read CA file ${missing}: no such file or directory (ENOENT)`,
    );
    assertProblem(
      { ca: certs.ca, cert: notPem, key: certs.clientKey },
      `cluster TLS: certificate file ${notPem} is not PEM (no "-----BEGIN …-----" block; convert DER files with openssl)`,
    );
    assertProblem(
      { ca: certs.ca, cert: certs.clientCert, key: certs.memberKey },
      `cluster TLS: private key ${certs.memberKey} does not match the certificate in ${certs.clientCert}`,
    );
    assertProblem(
      { ca: certs.ca, cert: certs.clientKey, key: certs.clientCert },
      `cluster TLS: certificate file ${certs.clientKey} holds no certificate (found "PRIVATE KEY"); are cluster-ssl-cert and cluster-ssl-key swapped?`,
    );
  });
});
