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

/** A client certificate under `intermediates` CAs below the set's CA: paths, and the intermediates' certificates. */
export interface ClientChain {
  /** Client certificate, then its issuer, up to the intermediate the set's CA signed: what a client sends. */
  readonly chain: string;
  /** The client certificate alone. */
  readonly cert: string;
  readonly key: string;
  /** The intermediate CA certificates, the set's CA's own child first. */
  readonly intermediates: readonly string[];
}

/**
 * Creates a chain root → intermediate 1 → … → intermediate `intermediates` → client certificate `name` (EC P-256
 * keys, quick); files are prefixed with `name` so several chains fit in one set.
 */
export async function makeClientChain(set: CertificateSet, name: string, intermediates: number): Promise<ClientChain> {
  const dir = set.dir;
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const caExt = join(dir, `${name}-ca.ext`);
  await writeFile(caExt, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  let issuer = { cert: set.ca, key: join(dir, 'ca-key.pem') };
  const made: string[] = [];
  for (let level = 1; level <= intermediates; level++) {
    const base = `${name}-intermediate-${level}`;
    await openssl(dir, ['req', '-new', ...ec, '-keyout', `${base}-key.pem`, '-subj', `/CN=${name} intermediate CA ${level}`, '-out', `${base}.csr`]);
    await openssl(dir, ['x509', '-req', '-in', `${base}.csr`, '-CA', issuer.cert, '-CAkey', issuer.key, '-CAcreateserial', '-days', '30', '-extfile', caExt, '-out', `${base}.pem`]);
    issuer = { cert: join(dir, `${base}.pem`), key: join(dir, `${base}-key.pem`) };
    made.push(issuer.cert);
  }
  const key = join(dir, `${name}-key.pem`);
  const cert = join(dir, `${name}-cert.pem`);
  await openssl(dir, ['req', '-new', ...ec, '-keyout', key, '-subj', `/CN=${name}`, '-out', `${name}.csr`]);
  await openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', issuer.cert, '-CAkey', issuer.key, '-CAcreateserial', '-days', '30', '-out', cert]);
  const chain = join(dir, `${name}-chain.pem`);
  const parts = [cert, ...[...made].reverse()];
  await writeFile(chain, Buffer.concat(await Promise.all(parts.map((part) => readFile(part)))));
  return { chain, cert, key, intermediates: made };
}
