// The TLS protocol versions, cipher suites and curves TidalDB allows: TLS 1.2 and 1.3, forward-secret AEAD only.
import { constants } from 'node:crypto';
import type { SecureContextOptions } from 'node:tls';

/** Protocol versions, oldest first; MySQL 8.0.28 removed TLSv1 and TLSv1.1, and so do we. */
export const TLS_PROTOCOL_VERSIONS = ['TLSv1.2', 'TLSv1.3'] as const;

/** One allowed protocol version. */
export type TlsProtocolVersion = (typeof TLS_PROTOCOL_VERSIONS)[number];

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

/** Key-exchange groups, preferred first. */
export const ECDH_CURVES = ['X25519', 'P-256', 'P-384'] as const;

/** The policy in force; see `tlsPolicyOptions` for how it becomes secure-context options. */
export const TLS_POLICY = {
  minVersion: 'TLSv1.2',
  maxVersion: 'TLSv1.3',
  tls13Ciphersuites: TLS13_CIPHERSUITES,
  tls12Ciphers: TLS12_CIPHERS,
  ecdhCurves: ECDH_CURVES,
  /** The server picks the cipher from its own order, so a client cannot steer it to its weakest acceptable one. */
  honorCipherOrder: true,
} as const satisfies {
  minVersion: TlsProtocolVersion;
  maxVersion: TlsProtocolVersion;
  tls13Ciphersuites: readonly string[];
  tls12Ciphers: readonly string[];
  ecdhCurves: readonly string[];
  honorCipherOrder: boolean;
};

/** The value of MySQL's `tls_version` system variable for the default policy. */
export const TLS_VERSION_LIST = TLS_PROTOCOL_VERSIONS.join(',');

/**
 * The `Ssl_cipher_list` status value: TLS 1.3 suites then TLS 1.2 ciphers, colon-separated, in preference order,
 * as MySQL prints it. Also the `ciphers` string given to OpenSSL (Node passes `TLS_*` names on as TLS 1.3 suites).
 */
export const SSL_CIPHER_LIST = [...TLS13_CIPHERSUITES, ...TLS12_CIPHERS].join(':');

/**
 * `SSL_OP_NO_RENEGOTIATION`: MySQL clients never renegotiate, and a client-initiated renegotiation is only a way
 * to make the server burn CPU. Zero where OpenSSL lacks the flag.
 */
const NO_RENEGOTIATION = constants.SSL_OP_NO_RENEGOTIATION ?? 0;

/**
 * Secure-context options enforcing the policy, for `versions` (a non-empty subset of TLS_PROTOCOL_VERSIONS,
 * e.g. from the tls-version setting; both when absent or empty).
 */
export function tlsPolicyOptions(
  versions: readonly TlsProtocolVersion[] = TLS_PROTOCOL_VERSIONS,
): SecureContextOptions {
  const allowed = TLS_PROTOCOL_VERSIONS.filter((version) => versions.length === 0 || versions.includes(version));
  return {
    minVersion: allowed[0] ?? TLS_POLICY.minVersion,
    maxVersion: allowed[allowed.length - 1] ?? TLS_POLICY.maxVersion,
    ciphers: SSL_CIPHER_LIST,
    ecdhCurve: ECDH_CURVES.join(':'),
    honorCipherOrder: TLS_POLICY.honorCipherOrder,
    secureOptions: NO_RENEGOTIATION,
  };
}

/** The `tls_version` value for `versions` ("TLSv1.2,TLSv1.3" for the default). */
export function tlsVersionList(versions: readonly TlsProtocolVersion[] = TLS_PROTOCOL_VERSIONS): string {
  const allowed = TLS_PROTOCOL_VERSIONS.filter((version) => versions.length === 0 || versions.includes(version));
  return allowed.join(',');
}
