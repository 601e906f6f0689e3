// Makes the certificates of a test cluster with openssl: one CA, one member certificate and one client certificate.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Paths of a cluster's PEM files. */
export interface ClusterCertificates {
  readonly dir: string;
  readonly ca: string;
  /** The etcd members' certificate (server and peer): SAN 127.0.0.1 and localhost, serverAuth and clientAuth. */
  readonly memberCert: string;
  readonly memberKey: string;
  /** The certificate tidal-server presents to etcd (clientAuth). */
  readonly clientCert: string;
  readonly clientKey: string;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

async function openssl(dir: string, args: readonly string[]): Promise<void> {
  await run('openssl', args, { cwd: dir });
}

/** Signs a new EC P-256 leaf `name` with the CA in `dir`, with the X.509v3 extensions in `extensions`. */
async function issue(dir: string, name: string, extensions: string): Promise<{ cert: string; key: string }> {
  const key = join(dir, `${name}-key.pem`);
  const cert = join(dir, `${name}.pem`);
  await writeFile(join(dir, `${name}.ext`), extensions);
  await openssl(dir, ['req', '-new', ...EC_KEY, '-keyout', key, '-subj', `/CN=${name}`, '-out', `${name}.csr`]);
  await openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca-key.pem',
    '-CAcreateserial',
    '-days',
    '365',
    '-extfile',
    `${name}.ext`,
    '-out',
    cert,
  ]);
  return { cert, key };
}

/** A further client certificate `name` (clientAuth, new key and serial) from the CA in `dir`: paths. */
export function issueClientCertificate(dir: string, name: string): Promise<{ cert: string; key: string }> {
  return issue(dir, name, 'extendedKeyUsage=clientAuth\n');
}

/** Writes a CA, a member certificate and a client certificate into `dir` (EC keys: fast to make). */
export async function makeClusterCertificates(dir: string): Promise<ClusterCertificates> {
  await openssl(dir, [
    'req',
    '-x509',
    ...EC_KEY,
    '-keyout',
    'ca-key.pem',
    '-subj',
    '/CN=tidal-test-cluster-ca',
    '-days',
    '365',
    '-out',
    'ca.pem',
  ]);
  const member = await issue(
    dir,
    'etcd-member',
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n',
  );
  const client = await issue(dir, 'tidal-client', 'extendedKeyUsage=clientAuth\n');
  return {
    dir,
    ca: join(dir, 'ca.pem'),
    memberCert: member.cert,
    memberKey: member.key,
    clientCert: client.cert,
    clientKey: client.key,
  };
}
