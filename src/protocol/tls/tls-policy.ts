// The TLS protocol versions, cipher suites and curves TidalDB allows: by default TLS 1.2 and 1.3, forward-secret AEAD only.
import { constants } from 'node:crypto';
import type { SecureContextOptions } from 'node:tls';

/** Every protocol version the tls-version setting may name, oldest first, as MySQL spells them. */
export const TLS_PROTOCOL_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

/** One protocol version. */
export type TlsProtocolVersion = (typeof TLS_PROTOCOL_VERSIONS)[number];

/** The versions allowed unless tls-version says otherwise; MySQL 8.0.28 removed TLSv1 and TLSv1.1. */
export const DEFAULT_TLS_VERSIONS = ['TLSv1.2', 'TLSv1.3'] as const satisfies readonly TlsProtocolVersion[];

/** Versions that are allowed only when listed explicitly, and then with a warning (RFC 8996 deprecates them). */
export const LEGACY_TLS_VERSIONS: readonly TlsProtocolVersion[] = ['TLSv1', 'TLSv1.1'];

/**
 * TLS 1.3 suites, strongest first (OpenSSL's default order). All TLS 1.3 suites are AEAD with ephemeral key
 * exchange; TLS_AES_128_CCM* are left out as OpenSSL leaves them out by default.
 */
export const TLS13_CIPHERSUITES = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
] as const;

/**
 * TLS 1.2 ciphers in OpenSSL names: ECDHE key exchange (forward secrecy) with AES-GCM or ChaCha20-Poly1305 (AEAD)
 * only, so no CBC (Lucky13, POODLE-style padding oracles), no RSA key exchange (no forward secrecy), no SHA-1
 * MACs. These are MySQL 8.0's "mandatory" and "approved" ECDHE AEAD ciphers. ECDSA ones serve EC certificates.
 */
export const TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
] as const;

/**
 * Added to the default TLS 1.2 list only when TLSv1 or TLSv1.1 is enabled: those versions have no AEAD cipher, so
 * without these a legacy client could not negotiate anything. Still ECDHE (forward secret); CBC with SHA-1.
 */
export const LEGACY_CIPHERS = [
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
] as const;

/** Key-exchange groups, preferred first. */
export const ECDH_CURVES = ['X25519', 'P-256', 'P-384'] as const;

/**
 * What the TLS settings resolve to: allowed versions (a contiguous range, oldest first), TLS 1.2 ciphers and TLS 1.3
 * suites in preference order (OpenSSL names), and the findings to log at start.
 */
export interface TlsPolicy {
  readonly versions: readonly TlsProtocolVersion[];
  readonly tls12Ciphers: readonly string[];
  readonly tls13Ciphersuites: readonly string[];
  /** One line each: legacy versions enabled, ciphers without forward secrecy or AEAD, … */
  readonly warnings: readonly string[];
}

/** The built-in policy: TLSv1.2 and TLSv1.3 with the lists above. */
export const DEFAULT_TLS_POLICY: TlsPolicy = {
  versions: DEFAULT_TLS_VERSIONS,
  tls12Ciphers: TLS12_CIPHERS,
  tls13Ciphersuites: TLS13_CIPHERSUITES,
  warnings: [],
};

/** The server picks the cipher from its own order, so a client cannot steer it to its weakest acceptable one. */
const HONOR_CIPHER_ORDER = true;

/** The default policy's bounds and order, for documentation and tests. */
export const TLS_POLICY = {
  minVersion: 'TLSv1.2',
  maxVersion: 'TLSv1.3',
  tls13Ciphersuites: TLS13_CIPHERSUITES,
  tls12Ciphers: TLS12_CIPHERS,
  ecdhCurves: ECDH_CURVES,
  honorCipherOrder: HONOR_CIPHER_ORDER,
} as const;

/** The value of MySQL's `tls_version` system variable for the default policy. */
export const TLS_VERSION_LIST = DEFAULT_TLS_VERSIONS.join(',');

/**
 * The `Ssl_cipher_list` status value of the default policy: TLS 1.3 suites then TLS 1.2 ciphers, colon-separated, in
 * preference order, as MySQL prints it.
 */
export const SSL_CIPHER_LIST = cipherList(DEFAULT_TLS_POLICY);

/**
 * `SSL_OP_NO_RENEGOTIATION`: MySQL clients never renegotiate, and a client-initiated renegotiation is only a way
 * to make the server burn CPU. Zero where OpenSSL lacks the flag.
 */
const NO_RENEGOTIATION = constants.SSL_OP_NO_RENEGOTIATION ?? 0;

/**
 * OpenSSL 3 refuses TLSv1 and TLSv1.1 at its default security level (1) since they sign with SHA-1/MD5; level 0 is
 * the only way to let them through, so it is used only when those versions were asked for.
 */
const LEGACY_SECURITY_LEVEL = '@SECLEVEL=0';

/**
 * The `Ssl_cipher_list` value of `policy`: TLS 1.3 suites (when TLSv1.3 is allowed), then the TLS 1.2 and older
 * ciphers (when such a version is allowed), colon-separated: what a client can actually negotiate.
 */
export function cipherList(policy: TlsPolicy): string {
  const versions = policy.versions.length > 0 ? policy.versions : DEFAULT_TLS_VERSIONS;
  const hasTls13 = versions.includes('TLSv1.3');
  const hasOlder = versions.some((version) => version !== 'TLSv1.3');
  return [...(hasTls13 ? policy.tls13Ciphersuites : []), ...(hasOlder ? policy.tls12Ciphers : [])].join(':');
}

/** Whether `policy` enables TLSv1 or TLSv1.1. */
export function hasLegacyVersion(policy: TlsPolicy): boolean {
  return policy.versions.some((version) => LEGACY_TLS_VERSIONS.includes(version));
}

/**
 * Secure-context options enforcing `policy` (or, for callers that only pick versions, the default lists with
 * `versions`; all default versions when that is empty).
 */
export function tlsPolicyOptions(policy: TlsPolicy | readonly TlsProtocolVersion[] = DEFAULT_TLS_POLICY): SecureContextOptions {
  const resolved = Array.isArray(policy) ? { ...DEFAULT_TLS_POLICY, versions: orderedVersions(policy as readonly TlsProtocolVersion[]) } : (policy as TlsPolicy);
  const versions = resolved.versions.length > 0 ? resolved.versions : DEFAULT_TLS_VERSIONS;
  const tls12 = resolved.tls12Ciphers.join(':');
  return {
    minVersion: versions[0] ?? TLS_POLICY.minVersion,
    maxVersion: versions[versions.length - 1] ?? TLS_POLICY.maxVersion,
    // Node hands TLS_* names to SSL_CTX_set_ciphersuites and the rest to SSL_CTX_set_cipher_list.
    ciphers: [...resolved.tls13Ciphersuites, tls12, ...(hasLegacyVersion(resolved) ? [LEGACY_SECURITY_LEVEL] : [])]
      .filter((part) => part !== '')
      .join(':'),
    ecdhCurve: ECDH_CURVES.join(':'),
    honorCipherOrder: HONOR_CIPHER_ORDER,
    secureOptions: NO_RENEGOTIATION,
  };
}

/** The `tls_version` value for `versions` ("TLSv1.2,TLSv1.3" for the default or an empty list). */
export function tlsVersionList(versions: readonly TlsProtocolVersion[] = DEFAULT_TLS_VERSIONS): string {
  const ordered = orderedVersions(versions);
  return (ordered.length > 0 ? ordered : DEFAULT_TLS_VERSIONS).join(',');
}

function orderedVersions(versions: readonly TlsProtocolVersion[]): TlsProtocolVersion[] {
  return TLS_PROTOCOL_VERSIONS.filter((version) => versions.includes(version));
}
