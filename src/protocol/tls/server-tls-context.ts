// ServerTlsContext: the loaded server certificate, key and CA as one OpenSSL context, plus what ssl_* variables report.
import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import type { SecureContext } from 'node:tls';
import { inspectCrl, inspectTlsMaterial } from '../../certificates/index.js';
import type { CertificateInfo, TlsMaterial } from '../../certificates/index.js';
import { DEFAULT_TLS_POLICY, cipherList, tlsPolicyOptions, tlsVersionList } from './tls-policy.js';
import type { TlsPolicy } from './tls-policy.js';

/** OpenSSL's SSL_VERIFY_* bits, which MySQL prints as Ssl_verify_mode. */
export const SslVerifyMode = {
  SSL_VERIFY_NONE: 0,
  SSL_VERIFY_PEER: 1,
  SSL_VERIFY_FAIL_IF_NO_PEER_CERT: 2,
  SSL_VERIFY_CLIENT_ONCE: 4,
} as const;

/**
 * Ssl_verify_depth as MySQL shows it: OpenSSL's "no limit set" (-1) printed as an unsigned long
 * (18446744073709551615); OpenSSL then applies its built-in limit.
 */
export const UNLIMITED_VERIFY_DEPTH = 18446744073709551615n;

/**
 * Binds TLS sessions (and so session tickets) to TidalDB servers; OpenSSL refuses to resume a session whose client
 * certificate was verified unless a session id context is set.
 */
const SESSION_ID_CONTEXT = 'tidaldb';

/** The TLS state new connections use; immutable, replaced whole on a reload. */
export interface ServerTlsContext {
  /** The OpenSSL context: certificate chain, key, trusted CAs, and the policy of tls-policy.ts. */
  readonly secureContext: SecureContext;
  /** The paths it was loaded from, for the ssl_cert, ssl_key and ssl_ca variables ('' when no CA). */
  readonly sslCert: string;
  readonly sslKey: string;
  readonly sslCa: string;
  /** The ssl-crl path ('' when none). */
  readonly sslCrl: string;
  /** The policy in force (versions, ciphers). */
  readonly policy: TlsPolicy;
  /** The server certificate. */
  readonly certificate: CertificateInfo;
  /** The second certificate (ssl-alt-cert), when one is configured. */
  readonly altCertificate: CertificateInfo | undefined;
  /** Its path ('' when none). */
  readonly sslAltCert: string;
  /** The certificates of ssl-ca (empty without one), for expiry checks. */
  readonly caCertificates: readonly CertificateInfo[];
  /** Whether ssl-key was encrypted and decrypted with the configured passphrase. */
  readonly isKeyEncrypted: boolean;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Ssl_server_not_before / Ssl_server_not_after, formatted as MySQL prints them (`Nov 24 12:00:00 2026 GMT`). */
  readonly serverNotBefore: string;
  readonly serverNotAfter: string;
  /**
   * Whether clients are asked for a certificate: only with a CA. A client may still connect without one (as with
   * TiDB and MySQL); one that presents a certificate not chaining to the CA is refused (see upgradeToTls).
   */
  readonly isClientCertificateRequested: boolean;
  /** Ssl_verify_mode: SSL_VERIFY_PEER | SSL_VERIFY_CLIENT_ONCE (5) with a CA, as MySQL; 0 without. */
  readonly verifyMode: number;
  /** Ssl_verify_depth. */
  readonly verifyDepth: bigint;
  /**
   * Most intermediate CA certificates a client chain may hold (OpenSSL's verify depth: 0 means the client
   * certificate is signed by a trusted CA directly); undefined for no limit of ours.
   */
  readonly maxIntermediates: number | undefined;
  /** The certificates of ssl-ca, for the verify-depth check. */
  readonly trustedCas: readonly X509Certificate[];
  /** The tls_version value, e.g. `TLSv1.2,TLSv1.3`. */
  readonly tlsVersion: string;
  /** Ssl_cipher_list. */
  readonly cipherList: string;
  /** Non-fatal findings about the material (expiry soon, missing serverAuth, …), one line each. */
  readonly warnings: readonly string[];
}

/** What to load: ssl-cert, ssl-key, ssl-ca and ssl-crl ('' or absent for none), the policy, the verify depth. */
export interface ServerTlsOptions {
  readonly cert: string;
  readonly key: string;
  readonly ca?: string | undefined;
  readonly crl?: string | undefined;
  /** ssl-alt-cert and ssl-alt-key: a second pair of the other key type ('' or absent for none). */
  readonly altCert?: string | undefined;
  readonly altKey?: string | undefined;
  /** ssl-key-password and ssl-key-password-file, for an encrypted key ('' or absent for none). */
  readonly keyPassword?: string | undefined;
  readonly keyPasswordFile?: string | undefined;
  /** DEFAULT_TLS_POLICY when absent. */
  readonly policy?: TlsPolicy | undefined;
  /** Client-certificate verify depth; absent or negative for OpenSSL's default (no limit of ours). */
  readonly verifyDepth?: number | undefined;
  /**
   * The 48 bytes that encrypt TLS session tickets; absent for keys of this context's own. Processes that share them
   * resume each other's sessions (the workers of one server).
   */
  readonly ticketKeys?: Buffer | undefined;
}

/** The result of {@link loadServerTlsContext}: a context, or why there is none (one line). */
export type ServerTlsContextLoad =
  { readonly ok: true; readonly context: ServerTlsContext } | { readonly ok: false; readonly reason: string };

/**
 * Reads and validates the files (inspectTlsMaterial), then builds the OpenSSL context with the TLS policy. Never
 * throws: a problem is `{ ok: false, reason }`, so the server can start without TLS and log why, as TiDB does.
 */
export function loadServerTlsContext(options: ServerTlsOptions, now: Date = new Date()): ServerTlsContextLoad {
  const material = inspectTlsMaterial(
    { cert: options.cert, key: options.key, ca: options.ca, keyPassword: options.keyPassword, keyPasswordFile: options.keyPasswordFile },
    now,
  );
  if (!material.ok) return material;
  let alt: TlsMaterial | undefined;
  if ((options.altCert ?? '') !== '' || (options.altKey ?? '') !== '') {
    const inspected = inspectTlsMaterial(
      { cert: options.altCert ?? '', key: options.altKey ?? '', keyPassword: options.keyPassword, keyPasswordFile: options.keyPasswordFile },
      now,
    );
    if (!inspected.ok) return { ok: false, reason: `ssl-alt-cert/ssl-alt-key: ${inspected.reason}` };
    if (inspected.certificate.keyType === material.certificate.keyType) {
      return {
        ok: false,
        reason: `ssl-alt-cert ${options.altCert ?? ''} has the same key type (${material.certificate.keyType}) as ssl-cert; the second pair must be of the other type (RSA and ECDSA side by side)`,
      };
    }
    alt = inspected;
  }
  let crl: Buffer | undefined;
  let crlWarnings: readonly string[] = [];
  if (options.crl !== undefined && options.crl !== '') {
    const inspected = inspectCrl(options.crl, material.caCertificates.map((ca) => ca.subject), now);
    if (!inspected.ok) return inspected;
    crl = inspected.buffer;
    crlWarnings = inspected.warnings;
  }
  try {
    const withCrl: TlsMaterial = {
      ...material,
      warnings: [...material.warnings, ...crlWarnings, ...(alt?.warnings ?? [])],
      secureContextOptions: { ...material.secureContextOptions, ...(crl ? { crl } : {}) },
    };
    return { ok: true, context: createServerTlsContext(withCrl, options, alt) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `the TLS library refused the certificate or key: ${message.split('\n')[0] ?? message}`,
    };
  }
}

/** Builds the context from already inspected material; throws what `tls.createSecureContext` throws. */
export function createServerTlsContext(material: TlsMaterial, options: ServerTlsOptions, alt?: TlsMaterial): ServerTlsContext {
  const hasCa = material.secureContextOptions.ca !== undefined;
  const policy = options.policy ?? DEFAULT_TLS_POLICY;
  const depth = options.verifyDepth !== undefined && options.verifyDepth >= 0 ? options.verifyDepth : undefined;
  const secureContext = createSecureContext({
    ...tlsPolicyOptions(policy),
    ...material.secureContextOptions,
    // OpenSSL keeps one certificate per key type and picks the one the client's signature algorithms allow.
    ...(alt
      ? {
          cert: [material.secureContextOptions.cert, alt.secureContextOptions.cert],
          key: [material.secureContextOptions.key, alt.secureContextOptions.key],
        }
      : {}),
    sessionIdContext: SESSION_ID_CONTEXT,
    ...(options.ticketKeys ? { ticketKeys: options.ticketKeys } : {}),
  });
  const { certificate } = material;
  return {
    secureContext,
    sslCert: options.cert,
    sslKey: options.key,
    sslCa: hasCa ? (options.ca ?? '') : '',
    sslCrl: material.secureContextOptions.crl !== undefined ? (options.crl ?? '') : '',
    policy,
    certificate,
    isKeyEncrypted: material.isKeyEncrypted,
    caCertificates: material.caCertificates,
    altCertificate: alt?.certificate,
    sslAltCert: alt ? (options.altCert ?? '') : '',
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    serverNotBefore: certificate.validFromText,
    serverNotAfter: certificate.validToText,
    isClientCertificateRequested: hasCa,
    verifyMode: hasCa
      ? SslVerifyMode.SSL_VERIFY_PEER | SslVerifyMode.SSL_VERIFY_CLIENT_ONCE
      : SslVerifyMode.SSL_VERIFY_NONE,
    verifyDepth: depth === undefined ? UNLIMITED_VERIFY_DEPTH : BigInt(depth),
    maxIntermediates: depth,
    trustedCas: material.caPem.map((pem) => new X509Certificate(pem)),
    tlsVersion: tlsVersionList(policy.versions),
    cipherList: cipherList(policy),
    warnings: material.warnings,
  };
}
