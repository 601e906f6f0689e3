// Turns the tls-version, ssl-cipher and tls-ciphersuites settings into a TlsPolicy, refusing unknown names in one line.
import { getCiphers } from 'node:tls';
import { closestName } from '../../config/closest-name.js';
import {
  DEFAULT_TLS_POLICY,
  DEFAULT_TLS_VERSIONS,
  LEGACY_CIPHERS,
  LEGACY_TLS_VERSIONS,
  TLS12_CIPHERS,
  TLS_PROTOCOL_VERSIONS,
} from './tls-policy.js';
import type { TlsPolicy, TlsProtocolVersion } from './tls-policy.js';

/** The settings as configured; '' means the built-in value. */
export interface TlsPolicySettings {
  /** Comma-separated, e.g. `TLSv1.2,TLSv1.3`. */
  readonly tlsVersion: string;
  /** Colon-separated TLS 1.2 (and older) cipher names in OpenSSL spelling, preferred first. */
  readonly sslCipher: string;
  /** Colon-separated TLS 1.3 suite names, preferred first. */
  readonly tlsCiphersuites: string;
}

/** The outcome of {@link resolveTlsPolicy}. */
export type TlsPolicyResolution =
  { readonly ok: true; readonly policy: TlsPolicy } | { readonly ok: false; readonly reason: string };

const TLS13_PREFIX = 'TLS_';

/** Every cipher name this OpenSSL knows, in OpenSSL's upper-case spelling. */
function knownCiphers(): { tls12: string[]; tls13: string[] } {
  const all = getCiphers().map((name) => name.toUpperCase());
  return { tls12: all.filter((name) => !name.startsWith(TLS13_PREFIX)), tls13: all.filter((name) => name.startsWith(TLS13_PREFIX)) };
}

/**
 * Checks and resolves the settings. Versions must be MySQL's names and contiguous (OpenSSL can only set a minimum
 * and a maximum); cipher names must be ones this OpenSSL knows, TLS 1.3 suites only in tls-ciphersuites and the
 * others only in ssl-cipher. Reasons name the setting and the offending value, with a "did you mean" hint.
 */
export function resolveTlsPolicy(settings: TlsPolicySettings): TlsPolicyResolution {
  const warnings: string[] = [];
  const versions = parseVersions(settings.tlsVersion);
  if (!versions.ok) return versions;
  const known = knownCiphers();
  const tls12 = parseCiphers('ssl-cipher', settings.sslCipher, known.tls12, known.tls13, 'tls-ciphersuites');
  if (!tls12.ok) return tls12;
  const tls13 = parseCiphers('tls-ciphersuites', settings.tlsCiphersuites, known.tls13, known.tls12, 'ssl-cipher');
  if (!tls13.ok) return tls13;

  const legacy = versions.value.filter((version) => LEGACY_TLS_VERSIONS.includes(version));
  if (legacy.length > 0) {
    warnings.push(
      `tls-version enables ${legacy.join(' and ')}, deprecated by RFC 8996 and removed by MySQL 8.0.28; allow them only for clients that cannot be upgraded`,
    );
  }
  let tls12Ciphers = tls12.value ?? [...TLS12_CIPHERS];
  if (tls12.value === undefined && legacy.length > 0) tls12Ciphers = [...tls12Ciphers, ...LEGACY_CIPHERS];
  if (tls12.value !== undefined) {
    const weak = tls12.value.filter((name) => !isForwardSecretAead(name));
    if (weak.length > 0) {
      warnings.push(
        `ssl-cipher lists ${weak.join(', ')}: without ECDHE/DHE key exchange and an AEAD mode (GCM, CHACHA20-POLY1305) they lack forward secrecy or invite padding-oracle attacks`,
      );
    }
  }
  const policy: TlsPolicy = {
    versions: versions.value,
    tls12Ciphers,
    tls13Ciphersuites: tls13.value ?? DEFAULT_TLS_POLICY.tls13Ciphersuites,
    warnings,
  };
  if (!policy.versions.includes('TLSv1.3') && tls13.value !== undefined) {
    warnings.push('tls-ciphersuites is set but tls-version does not enable TLSv1.3; it has no effect');
  }
  return { ok: true, policy };
}

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

function parseVersions(text: string): Parsed<TlsProtocolVersion[]> {
  const names = splitList(text, ',');
  if (names.length === 0) return { ok: true, value: [...DEFAULT_TLS_VERSIONS] };
  for (const name of names) {
    if (!(TLS_PROTOCOL_VERSIONS as readonly string[]).includes(name)) {
      const hint = closestName(name, TLS_PROTOCOL_VERSIONS);
      return {
        ok: false,
        reason: `tls-version: unknown protocol version "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${TLS_PROTOCOL_VERSIONS.join(', ')}`,
      };
    }
  }
  const ordered = TLS_PROTOCOL_VERSIONS.filter((version) => names.includes(version));
  const first = TLS_PROTOCOL_VERSIONS.indexOf(ordered[0] ?? 'TLSv1.2');
  const gap = TLS_PROTOCOL_VERSIONS.slice(first, first + ordered.length).find((version) => !ordered.includes(version));
  if (gap !== undefined) {
    return {
      ok: false,
      reason: `tls-version: "${ordered.join(',')}" leaves out ${gap}; the TLS library can only allow a contiguous range of versions`,
    };
  }
  return { ok: true, value: ordered };
}

/** `undefined` when the setting is empty (built-in list). */
function parseCiphers(
  setting: string,
  text: string,
  allowed: readonly string[],
  otherKind: readonly string[],
  otherSetting: string,
): Parsed<string[] | undefined> {
  const names = splitList(text, ':').map((name) => name.toUpperCase());
  if (names.length === 0) return { ok: true, value: undefined };
  for (const name of names) {
    if (allowed.includes(name)) continue;
    if (otherKind.includes(name)) {
      return { ok: false, reason: `${setting}: "${name}" belongs in ${otherSetting}` };
    }
    const hint = closestName(name, allowed);
    return {
      ok: false,
      reason: `${setting}: unknown cipher "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; use OpenSSL's names, colon-separated, e.g. ${setting === 'ssl-cipher' ? TLS12_CIPHERS[1] : 'TLS_AES_256_GCM_SHA384'}`,
    };
  }
  return { ok: true, value: [...new Set(names)] };
}

function splitList(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function isForwardSecretAead(name: string): boolean {
  return /^(ECDHE|DHE)-/.test(name) && /(GCM|CHACHA20-POLY1305|CCM)/.test(name);
}
