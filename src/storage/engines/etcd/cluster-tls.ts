// Loads `[security] cluster-ssl-ca/-cert/-key` (TiDB's names for its links to PD and TiKV) for mutual TLS to etcd.
import { expiryWarning, inspectCaFile, inspectTlsMaterial } from '../../../certificates/index.js';
import type { CertificateInfo } from '../../../certificates/index.js';
import { ConfigError } from '../../../config/index.js';

/** The configured files; '' means unset. */
export interface ClusterTlsFiles {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

/** What the etcd client needs, plus non-fatal findings (expiry) for the log. */
export interface ClusterCredentials {
  readonly rootCertificate: Buffer;
  readonly certChain?: Buffer;
  readonly privateKey?: Buffer;
  /** The client certificate (cluster-ssl-cert), for the log; absent when only the CA is set. */
  readonly certificate?: CertificateInfo;
  /** The certificates of cluster-ssl-ca, for expiry checks. */
  readonly caCertificates: readonly CertificateInfo[];
  readonly warnings: readonly string[];
}

/**
 * Reads and checks the files: undefined when none is set (plain connections). A client certificate needs its key
 * and the CA that signed etcd's certificate. Throws a one-line {@link ConfigError} naming the setting and the file:
 * missing or unreadable, not PEM, key not matching the certificate, encrypted key.
 */
export function loadClusterTls(files: ClusterTlsFiles, now: Date = new Date()): ClusterCredentials | undefined {
  const { ca, cert, key } = files;
  if (ca === '' && cert === '' && key === '') return undefined;
  if ((cert === '') !== (key === '')) {
    throw new ConfigError(
      cert === ''
        ? 'cluster-ssl-key is set but cluster-ssl-cert is not; set both'
        : 'cluster-ssl-cert is set but cluster-ssl-key is not; set both',
    );
  }
  if (ca === '')
    throw new ConfigError(
      "cluster-ssl-cert and cluster-ssl-key need cluster-ssl-ca: the CA that signed the etcd members' certificates",
    );
  if (cert === '') {
    const caFile = inspectCaFile(ca);
    if (!caFile.ok) throw problem(caFile.reason);
    const caCertificates = caFile.certificates;
    return {
      rootCertificate: caFile.buffer,
      caCertificates,
      warnings: expiryWarnings(undefined, caCertificates, files, now),
    };
  }
  const material = inspectTlsMaterial({ cert, key, ca });
  if (!material.ok) throw problem(material.reason);
  const { secureContextOptions } = material;
  return {
    rootCertificate: secureContextOptions.ca ?? Buffer.alloc(0),
    certChain: secureContextOptions.cert,
    privateKey: secureContextOptions.key,
    certificate: material.certificate,
    caCertificates: material.caCertificates,
    warnings: expiryWarnings(material.certificate, material.caCertificates, files, now),
  };
}

/** Rewords the server-side hints of the shared inspection for the cluster settings. */
function problem(reason: string): ConfigError {
  const text = reason
    .replace('are ssl-cert and ssl-key swapped?', 'are cluster-ssl-cert and cluster-ssl-key swapped?')
    .replace(/is encrypted: .*$/, 'is encrypted; cluster-ssl-key must be an unencrypted key');
  return new ConfigError(`cluster TLS: ${text}`);
}

/** Expiry findings about loaded credentials at `now`: as at load, for the periodic check of the set in force. */
export function clusterExpiryWarnings(credentials: ClusterCredentials, files: ClusterTlsFiles, now: Date): string[] {
  return expiryWarnings(credentials.certificate, credentials.caCertificates, files, now);
}

function expiryWarnings(
  certificate: CertificateInfo | undefined,
  caCertificates: readonly CertificateInfo[],
  files: ClusterTlsFiles,
  now: Date,
): string[] {
  const found: string[] = [];
  if (certificate !== undefined) {
    const own = expiryWarning(`cluster-ssl-cert ${files.cert}`, certificate, now, 'etcd will refuse this node');
    if (own !== undefined) found.push(own);
  }
  caCertificates.forEach((ca, index) => {
    const warning = expiryWarning(
      `certificate ${index + 1} of cluster-ssl-ca ${files.ca}`,
      ca,
      now,
      'etcd members it signed will be refused',
    );
    if (warning !== undefined) found.push(warning);
  });
  return found;
}
