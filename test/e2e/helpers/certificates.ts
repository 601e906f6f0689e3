// Makes certificate sets with the real tidal-ssl-setup binary, for TLS end-to-end tests.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SSL_SETUP_BIN, tempDir } from './tidal-process.js';

const run = promisify(execFile);

/** Paths of one `tidal-ssl-setup` output directory. */
export interface CertificateSet {
  readonly dir: string;
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
  readonly remove: () => Promise<void>;
}

/**
 * Runs `tidal-ssl-setup --datadir=<fresh temp dir>` and returns the file paths. `rsaKeySize` (e.g. 2048) makes key
 * generation several times faster for tests that do not examine the keys themselves.
 */
export async function makeCertificates(name: string, rsaKeySize?: number): Promise<CertificateSet> {
  const dir = await tempDir(`certs-${name}`);
  await run(process.execPath, [SSL_SETUP_BIN, `--datadir=${dir.path}`, ...(rsaKeySize === undefined ? [] : [`--rsa-key-size=${rsaKeySize}`])]);
  return {
    dir: dir.path,
    ca: join(dir.path, 'ca.pem'),
    serverCert: join(dir.path, 'server-cert.pem'),
    serverKey: join(dir.path, 'server-key.pem'),
    clientCert: join(dir.path, 'client-cert.pem'),
    clientKey: join(dir.path, 'client-key.pem'),
    remove: dir.remove,
  };
}

/** Server flags for a certificate set; `withCa` adds --ssl-ca so client certificates are verified. */
export function tlsFlags(set: CertificateSet, withCa = true): string[] {
  return ['--ssl-cert', set.serverCert, '--ssl-key', set.serverKey, ...(withCa ? ['--ssl-ca', set.ca] : [])];
}

/** tidal-server's cluster-ssl-* flags for three files (the etcd link's mutual TLS and the HTTPS status port). */
export function clusterSslFlags(files: { readonly ca: string; readonly cert: string; readonly key: string }): string[] {
  return ['--cluster-ssl-ca', files.ca, '--cluster-ssl-cert', files.cert, '--cluster-ssl-key', files.key];
}
