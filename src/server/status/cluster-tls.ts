// The status port's TLS: TiDB's [security] cluster-ssl-ca / cluster-ssl-cert / cluster-ssl-key and
// cluster-verify-cn. With them the port speaks HTTPS only and every client must present a certificate the CA signed,
// whose Common Name is one of cluster-verify-cn when that list is not empty.
// https://docs.pingcap.com/tidb/stable/enable-tls-between-components/
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PeerCertificate } from 'node:tls';
import { describeCertificate } from '../../certificates/index.js';
import type { CertificateInfo } from '../../certificates/index.js';
import { findPemBlocks } from '../../certificates/pem.js';
import type { CertificateInForce } from '../../observability/server-metrics.js';
import { StartupError } from '../startup-error.js';

/** The files and names of the [security] cluster-* keys. */
export interface ClusterTlsSettings {
  readonly clusterSslCa: string;
  readonly clusterSslCert: string;
  readonly clusterSslKey: string;
  /** Comma-separated Common Names; '' accepts any certificate the CA signed. */
  readonly clusterVerifyCn: string;
}

/** Loaded cluster TLS material for an HTTPS server that requires client certificates. */
export interface ClusterTls {
  readonly ca: Buffer;
  readonly cert: Buffer;
  readonly key: Buffer;
  /** Common Names accepted; empty accepts any. */
  readonly verifyCn: readonly string[];
  /** The status port's certificate and its CAs, for the not-after gauge and the dashboard. */
  readonly certificates: readonly CertificateInForce[];
}

/**
 * Reads the cluster TLS files, or returns undefined when none is configured. All three files must be given
 * together, and each must load: a status port that was asked to be private must not start in the clear.
 */
export function loadClusterTls(settings: ClusterTlsSettings): ClusterTls | undefined {
  const files = [settings.clusterSslCa, settings.clusterSslCert, settings.clusterSslKey];
  if (files.every((file) => file === '')) return undefined;
  if (files.some((file) => file === '')) {
    throw new StartupError('cluster-ssl-ca, cluster-ssl-cert and cluster-ssl-key must be set together to serve the status port over HTTPS');
  }
  const ca = readTlsFile(settings.clusterSslCa, 'cluster-ssl-ca');
  const cert = readTlsFile(settings.clusterSslCert, 'cluster-ssl-cert');
  const key = readTlsFile(settings.clusterSslKey, 'cluster-ssl-key');
  const certificates = [
    ...certificatesIn(cert, settings.clusterSslCert, 'cluster-ssl-cert').slice(0, 1).map((info) => inForce('cluster', settings.clusterSslCert, info)),
    ...certificatesIn(ca, settings.clusterSslCa, 'cluster-ssl-ca').map((info) => inForce('cluster-ca', settings.clusterSslCa, info)),
  ];
  const verifyCn = settings.clusterVerifyCn === '' ? [] : settings.clusterVerifyCn.split(',');
  return { ca, cert, key, verifyCn, certificates };
}

/**
 * Why a verified client certificate is still refused, or undefined when it is accepted: TiDB compares the subject's
 * Common Name exactly with each cluster-verify-cn entry.
 */
export function refusedCommonName(peer: PeerCertificate | undefined, verifyCn: readonly string[]): string | undefined {
  if (verifyCn.length === 0) return undefined;
  const commonName = peer?.subject?.CN;
  const names = Array.isArray(commonName) ? commonName : commonName === undefined ? [] : [commonName];
  if (names.some((name) => verifyCn.includes(name))) return undefined;
  return `client certificate Common Name ${JSON.stringify(names.join(','))} is not in cluster-verify-cn (${verifyCn.join(', ')})`;
}

function readTlsFile(file: string, key: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new StartupError(`${key} ${file} cannot be read: ${(error as Error).message}`);
  }
}

function certificatesIn(pem: Buffer, file: string, key: string): CertificateInfo[] {
  const blocks = findPemBlocks(pem.toString('utf8')).filter((block) => block.label === 'CERTIFICATE');
  if (blocks.length === 0) throw new StartupError(`${key} ${file} holds no PEM certificate`);
  try {
    return blocks.map((block) => describeCertificate(new X509Certificate(block.text)));
  } catch (error) {
    throw new StartupError(`${key} ${file} is not a valid certificate: ${(error as Error).message}`);
  }
}

function inForce(role: string, file: string, info: CertificateInfo): CertificateInForce {
  return { role, file, subject: info.subject, notAfter: info.notAfter };
}
