// auto-tls: MySQL's auto_generate_certs under TiDB's key name: certificates generated in the data directory at first start.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { ECDSA_SERVER_FILE_NAMES, SSL_FILE_NAMES, SslSetupError, ensureEcdsaServerPair, generateSslFiles } from '../certificates/index.js';
import type { ServerConfig } from '../config/index.js';
import type { Logger } from '../logging/index.js';

/** The TLS files the server should load. */
export interface TlsFilePaths {
  readonly cert: string;
  readonly key: string;
  readonly ca: string;
  /** auto-tls's ECDSA server pair, served beside the RSA one (empty when configured files are used). */
  readonly altCert: string;
  readonly altKey: string;
  /** Whether they were generated (or reused) by auto-tls rather than configured. */
  readonly isAutomatic: boolean;
}

/**
 * Decides which files the server loads. Configured ssl-cert/ssl-key win. Otherwise, with auto-tls on (the default,
 * as MySQL's auto_generate_certs), the data directory gets the mysql_ssl_rsa_setup set (CA, server and client
 * certificates and keys, and the RSA key pair) on the first start, with `rsa-key-size` bits, plus an ECDSA P-256
 * server pair from the same CA that is served beside the RSA one (ECDSA handshakes are far cheaper; a data directory
 * from before gets the pair from its own CA); later starts reuse them.
 * Like MySQL, an incomplete set is never completed (that would mean a new CA behind the operator's back): the notes
 * are logged and loading then reports what is missing. With auto-tls off, nothing is configured and TLS stays off.
 * See https://dev.mysql.com/doc/refman/8.0/en/creating-ssl-rsa-files-using-mysql.html and TiDB's `auto-tls`.
 */
export async function tlsFilePaths(config: ServerConfig, logger: Logger): Promise<TlsFilePaths> {
  const { sslCert, sslKey, sslCa, autoTls, rsaKeySize } = config.security;
  if (sslCert !== '' || sslKey !== '' || !autoTls) return { cert: sslCert, key: sslKey, ca: sslCa, altCert: config.security.sslAltCert, altKey: config.security.sslAltKey, isAutomatic: false };
  const started = Date.now();
  let summary;
  try {
    // With etcd, `path` names the cluster: the node-local temp-dir keeps the files, as TiDB's auto-tls does.
    summary = await generateSslFiles({ datadir: config.store === 'etcd' ? config.tempDir : config.path, rsaKeySize });
  } catch (error) {
    if (!(error instanceof SslSetupError)) throw error;
    logger.warn(`auto-tls could not prepare certificates: ${error.message}`);
    return { cert: '', key: '', ca: '', altCert: '', altKey: '', isAutomatic: true };
  }
  for (const note of summary.notes) logger.warn(`auto-tls: ${note}`);
  const isSslSetComplete = summary.files.every((file) => file.action !== 'missing');
  const ecdsa = isSslSetComplete ? await ensureEcdsaServerPair(summary.datadir, hostname()) : undefined;
  if (ecdsa?.kind === 'none') logger.warn(`auto-tls: ${ecdsa.note}`);
  const hasEcdsa = ecdsa !== undefined && ecdsa.kind !== 'none';
  const paths = {
    cert: join(summary.datadir, SSL_FILE_NAMES.serverCert),
    key: join(summary.datadir, SSL_FILE_NAMES.serverKey),
    ca: join(summary.datadir, SSL_FILE_NAMES.caCert),
    altCert: hasEcdsa ? ecdsa.cert : '',
    altKey: hasEcdsa ? ecdsa.key : '',
    isAutomatic: true,
  };
  const written: string[] = summary.files.filter((file) => file.action === 'written').map((file) => file.name);
  if (ecdsa?.kind === 'written') written.push(ECDSA_SERVER_FILE_NAMES.cert, ECDSA_SERVER_FILE_NAMES.key);
  logger.info(written.length > 0 ? 'auto-tls generated certificates in the data directory' : 'auto-tls reuses the certificates in the data directory', {
    written,
    ...(written.length > 0 ? { rsaKeySize, elapsedMs: Date.now() - started } : {}),
    caFingerprint256: fingerprint(paths.ca),
    serverFingerprint256: fingerprint(paths.cert),
    ...(hasEcdsa ? { ecdsaServerFingerprint256: fingerprint(paths.altCert) } : {}),
    caFile: paths.ca,
  });
  return paths;
}

/** SHA-256 fingerprint of a certificate file, or why there is none (the load reports the details). */
function fingerprint(path: string): string {
  try {
    return new X509Certificate(readFileSync(path)).fingerprint256;
  } catch {
    return 'unreadable';
  }
}
