// Uses the openssl command as a small CA over a tidal-ssl-setup directory: revocation lists and intermediate CAs.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CertificateSet } from './certificates.js';

const run = promisify(execFile);

async function openssl(cwd: string, args: readonly string[]): Promise<void> {
  await run('openssl', args, { cwd });
}

/** Writes a minimal `openssl ca` configuration and an empty database into the set's folder. */
async function caConfig(set: CertificateSet): Promise<string> {
  const config = join(set.dir, 'openssl-ca.cnf');
  await writeFile(join(set.dir, 'index.txt'), '');
  await writeFile(
    config,
    '[ca]\ndefault_ca = tidal\n[tidal]\ndatabase = index.txt\ndefault_md = sha256\ndefault_crl_days = 30\n',
  );
  return config;
}

/**
 * Revokes `certificates` (paths) with the set's CA and writes a CRL (PEM) listing them; `isExpired` makes its
 * nextUpdate lie in the past. Returns the CRL's path.
 */
export async function makeCrl(set: CertificateSet, certificates: readonly string[], name: string, isExpired = false): Promise<string> {
  const config = await caConfig(set);
  const ca = ['-config', config, '-cert', set.ca, '-keyfile', join(set.dir, 'ca-key.pem')];
  for (const certificate of certificates) await openssl(set.dir, ['ca', ...ca, '-revoke', certificate]);
  const crl = join(set.dir, name);
  const dates = isExpired ? ['-crl_lastupdate', '20200101000000Z', '-crl_nextupdate', '20200201000000Z'] : [];
  await openssl(set.dir, ['ca', ...ca, '-gencrl', ...dates, '-out', crl]);
  return crl;
}

/** A client certificate issued by an intermediate CA that the set's CA signed: paths of the chain and key. */
export interface ChainedClient {
  /** Client certificate followed by the intermediate, as a client sends it. */
  readonly chain: string;
  readonly key: string;
}

/** Creates an intermediate CA under the set's CA and a client certificate under it (EC P-256 keys, quick). */
export async function makeChainedClient(set: CertificateSet): Promise<ChainedClient> {
  const dir = set.dir;
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await writeFile(join(dir, 'intermediate.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  await openssl(dir, ['req', '-new', ...ec, '-keyout', 'intermediate-key.pem', '-subj', '/CN=TidalDB test intermediate CA', '-out', 'intermediate.csr']);
  await openssl(dir, ['x509', '-req', '-in', 'intermediate.csr', '-CA', set.ca, '-CAkey', 'ca-key.pem', '-CAcreateserial', '-days', '30', '-extfile', 'intermediate.ext', '-out', 'intermediate.pem']);
  await openssl(dir, ['req', '-new', ...ec, '-keyout', 'chained-client-key.pem', '-subj', '/CN=TidalDB chained client', '-out', 'chained-client.csr']);
  await openssl(dir, ['x509', '-req', '-in', 'chained-client.csr', '-CA', 'intermediate.pem', '-CAkey', 'intermediate-key.pem', '-CAcreateserial', '-days', '30', '-out', 'chained-client.pem']);
  const chain = join(dir, 'chained-client-chain.pem');
  await writeFile(chain, Buffer.concat([await readFile(join(dir, 'chained-client.pem')), await readFile(join(dir, 'intermediate.pem'))]));
  return { chain, key: join(dir, 'chained-client-key.pem') };
}

/** A client certificate signed directly by the set's CA, with its own key (EC P-256): paths. */
export async function makeClient(set: CertificateSet, name: string): Promise<{ cert: string; key: string }> {
  const key = join(set.dir, `${name}-key.pem`);
  const cert = join(set.dir, `${name}-cert.pem`);
  await openssl(set.dir, ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-subj', `/CN=${name}`, '-out', `${name}.csr`]);
  await openssl(set.dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', set.ca, '-CAkey', 'ca-key.pem', '-CAcreateserial', '-days', '30', '-out', cert]);
  return { cert, key };
}

/**
 * A server certificate signed by the set's CA, valid for `days` from now, with the SANs clients check (127.0.0.1, localhost) and its own EC P-256 key: paths.
 */
export async function makeServerCert(set: CertificateSet, name: string, days: number): Promise<{ cert: string; key: string }> {
  const key = join(set.dir, `${name}-key.pem`);
  const cert = join(set.dir, `${name}-cert.pem`);
  await writeFile(join(set.dir, `${name}.ext`), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await openssl(set.dir, ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-subj', `/CN=${name}`, '-out', `${name}.csr`]);
  await openssl(set.dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', set.ca, '-CAkey', 'ca-key.pem', '-CAcreateserial', '-days', String(days), '-extfile', `${name}.ext`, '-out', cert]);
  return { cert, key };
}
