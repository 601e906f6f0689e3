// ServerTlsContext: the loaded server certificate, key and CA as one OpenSSL context, plus what ssl_* variables report.
import { createSecureContext } from 'node:tls';
import type { SecureContext } from 'node:tls';
import { inspectTlsMaterial } from '../../certificates/index.js';
import type { CertificateInfo, TlsMaterial } from '../../certificates/index.js';
import { SSL_CIPHER_LIST, tlsPolicyOptions, tlsVersionList } from './tls-policy.js';
import type { TlsProtocolVersion } from './tls-policy.js';

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
  /** The server certificate. */
  readonly certificate: CertificateInfo;
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
  /** The tls_version value, e.g. `TLSv1.2,TLSv1.3`. */
  readonly tlsVersion: string;
  /** Ssl_cipher_list. */
  readonly cipherList: string;
  /** Non-fatal findings about the material (expiry soon, missing serverAuth, …), one line each. */
  readonly warnings: readonly string[];
}

/** What to load: ssl-cert, ssl-key, ssl-ca ('' or absent for none) and the allowed versions (all when absent). */
export interface ServerTlsOptions {
  readonly cert: string;
  readonly key: string;
  readonly ca?: string | undefined;
  readonly versions?: readonly TlsProtocolVersion[] | undefined;
}

/** The result of {@link loadServerTlsContext}: a context, or why there is none (one line). */
export type ServerTlsContextLoad =
  { readonly ok: true; readonly context: ServerTlsContext } | { readonly ok: false; readonly reason: string };

/**
 * Reads and validates the files (inspectTlsMaterial), then builds the OpenSSL context with the TLS policy. Never
 * throws: a problem is `{ ok: false, reason }`, so the server can start without TLS and log why, as TiDB does.
 */
export function loadServerTlsContext(options: ServerTlsOptions, now: Date = new Date()): ServerTlsContextLoad {
  const material = inspectTlsMaterial({ cert: options.cert, key: options.key, ca: options.ca }, now);
  if (!material.ok) return material;
  try {
    return { ok: true, context: createServerTlsContext(material, options) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `the TLS library refused the certificate or key: ${message.split('\n')[0] ?? message}`,
    };
  }
}

/** Builds the context from already inspected material; throws what `tls.createSecureContext` throws. */
export function createServerTlsContext(material: TlsMaterial, options: ServerTlsOptions): ServerTlsContext {
  const hasCa = material.secureContextOptions.ca !== undefined;
  const secureContext = createSecureContext({
    ...tlsPolicyOptions(options.versions),
    ...material.secureContextOptions,
    sessionIdContext: SESSION_ID_CONTEXT,
  });
  const { certificate } = material;
  return {
    secureContext,
    sslCert: options.cert,
    sslKey: options.key,
    sslCa: hasCa ? (options.ca ?? '') : '',
    certificate,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    serverNotBefore: certificate.validFromText,
    serverNotAfter: certificate.validToText,
    isClientCertificateRequested: hasCa,
    verifyMode: hasCa
      ? SslVerifyMode.SSL_VERIFY_PEER | SslVerifyMode.SSL_VERIFY_CLIENT_ONCE
      : SslVerifyMode.SSL_VERIFY_NONE,
    verifyDepth: UNLIMITED_VERIFY_DEPTH,
    tlsVersion: tlsVersionList(options.versions),
    cipherList: SSL_CIPHER_LIST,
    warnings: material.warnings,
  };
}
