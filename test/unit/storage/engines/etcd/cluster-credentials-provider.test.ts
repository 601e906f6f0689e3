// Tests ClusterCredentialsProvider: gRPC's listeners get the set in force at once and every set put in force later.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ClusterCredentialsProvider } from '../../../../../src/storage/engines/etcd/cluster-credentials-provider.js';
import { loadClusterTls } from '../../../../../src/storage/engines/etcd/cluster-tls.js';
import { issueClientCertificate, makeClusterCertificates } from '../../../../cluster/helpers/cluster-certificates.js';

const dir = await mkdtemp(join(tmpdir(), 'tidal-cluster-provider-'));
after(() => rm(dir, { recursive: true, force: true }));
const certs = await makeClusterCertificates(dir);
const renewed = await issueClientCertificate(dir, 'renewed');

function load(cert: string, key: string): NonNullable<ReturnType<typeof loadClusterTls>> {
  const credentials = loadClusterTls({ ca: certs.ca, cert, key });
  if (credentials === undefined) throw new Error('no credentials');
  return credentials;
}

void describe('ClusterCredentialsProvider', () => {
  void it('tells each listener the credentials in force when it is added and after each update', () => {
    const first = load(certs.clientCert, certs.clientKey);
    const provider = new ClusterCredentialsProvider(first);
    const identities: Array<Buffer | undefined> = [];
    const cas: Buffer[] = [];
    const onIdentity = (update: { certificate: Buffer } | null): void => void identities.push(update?.certificate);
    const onCa = (update: { caCertificate: Buffer } | null): void => void (update && cas.push(update.caCertificate));
    provider.addIdentityCertificateListener(onIdentity);
    provider.addCaCertificateListener(onCa);
    const second = load(renewed.cert, renewed.key);
    provider.update(second);
    assert.deepEqual(identities, [first.certChain, second.certChain]);
    assert.deepEqual(cas, [first.rootCertificate, second.rootCertificate]);
    assert.equal(provider.current, second);
    provider.removeIdentityCertificateListener(onIdentity);
    provider.update(first);
    assert.equal(identities.length, 2);
  });

  void it('gives gRPC channel credentials that are secure', () => {
    const provider = new ClusterCredentialsProvider(load(certs.clientCert, certs.clientKey));
    assert.equal(provider.channelCredentials()._isSecure(), true);
  });
});
