// Per-account TLS requirements (REQUIRE SSL | X509 | ISSUER | SUBJECT | CIPHER | SAN), checked at login as MySQL/TiDB do.
import type { TLSSocket } from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import type { TlsRequirement } from '../sql/index.js';

/** A distinguished name in OpenSSL's one-line form, as MySQL stores x509_issuer/x509_subject: '/C=SE/O=…/CN=…'. */
export function oneLineName(multiLine: string): string {
  return multiLine
    .split('\n')
    .filter((part) => part !== '')
    .map((part) => `/${part}`)
    .join('');
}

/** Splits a one-line name into its components, so '/C=SE/CN=x' and 'C=SE/CN=x' compare equal. */
function nameParts(name: string): string[] {
  return name.split('/').map((part) => part.trim()).filter((part) => part !== '');
}

function sameName(required: string, actual: string): boolean {
  const want = nameParts(required);
  const have = nameParts(actual);
  return want.length === have.length && want.every((part, i) => part === have[i]);
}

/** SAN entries as TiDB writes them ('DNS:host', 'IP:1.2.3.4', 'URI:spiffe://…'); Node says 'IP Address:'. */
function sanEntries(certificate: X509Certificate): Set<string> {
  const entries = (certificate.subjectAltName ?? '').split(/,\s*/).filter((entry) => entry !== '');
  return new Set(entries.map((entry) => entry.replace(/^IP Address:/, 'IP:').trim()));
}

/**
 * True when the connection satisfies the account's requirement. SSL: any TLS connection; X509: TLS with a client
 * certificate the server verified (the TLS upgrade already refused unverifiable ones); ISSUER/SUBJECT/CIPHER/SAN:
 * X509 plus every given part matching (SAN: each listed entry present in the certificate).
 */
export function meetsTlsRequirement(requirement: TlsRequirement, socket: TLSSocket | undefined): boolean {
  if (requirement.type === 'NONE') return true;
  if (socket === undefined) return false;
  if (requirement.type === 'SSL') return true;
  const certificate = socket.getPeerX509Certificate();
  if (certificate === undefined) return false;
  if (requirement.type === 'X509') return true;
  if (requirement.issuer !== undefined && !sameName(requirement.issuer, oneLineName(certificate.issuer))) return false;
  if (requirement.subject !== undefined && !sameName(requirement.subject, oneLineName(certificate.subject))) return false;
  if (requirement.cipher !== undefined && socket.getCipher().name !== requirement.cipher) return false;
  if (requirement.san !== undefined) {
    const have = sanEntries(certificate);
    const want = requirement.san.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
    if (!want.every((entry) => have.has(entry))) return false;
  }
  return true;
}
