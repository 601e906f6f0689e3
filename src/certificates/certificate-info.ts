// What TidalDB reports about an X.509 certificate, read with node:crypto's X509Certificate.
import type { X509Certificate } from 'node:crypto';

/** Facts about one certificate, for logs and status variables. */
export interface CertificateInfo {
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Start of validity as OpenSSL prints it (`Nov 24 12:00:00 2026 GMT`), the format of MySQL's Ssl_server_not_before. */
  readonly validFromText: string;
  /** End of validity as OpenSSL prints it, the format of MySQL's Ssl_server_not_after. */
  readonly validToText: string;
  /** Distinguished name, attributes joined by ", " (`CN=TidalDB_Auto_Generated_Server_Certificate`). */
  readonly subject: string;
  readonly issuer: string;
  /** SHA-256 fingerprint, colon-separated uppercase hex. */
  readonly fingerprint256: string;
  /** Uppercase hex. */
  readonly serialNumber: string;
  /** `DNS:localhost, IP Address:127.0.0.1, …`, or undefined without the extension. */
  readonly subjectAltName: string | undefined;
  /** Whether basicConstraints says CA:TRUE. */
  readonly isCa: boolean;
  /** Extended key usage OIDs, or undefined when the certificate has no such extension (any use allowed). */
  readonly extendedKeyUsage: readonly string[] | undefined;
  /** The public key's algorithm as Node names it: 'rsa', 'ec', 'ed25519', 'rsa-pss', …; '' if unknown. */
  readonly keyType: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** OpenSSL's ASN1_TIME_print output: `Nov  4 09:05:01 2026 GMT` (day padded with a space). */
const OPENSSL_TIME_PATTERN = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) GMT$/;

/** Parses OpenSSL's printed time (X509Certificate.validFrom/validTo on Node 20); throws on anything else. */
export function parseOpenSslTime(text: string): Date {
  const match = OPENSSL_TIME_PATTERN.exec(text);
  const month = match ? MONTHS.indexOf(match[1] as (typeof MONTHS)[number]) : -1;
  if (!match || month < 0) throw new Error(`unrecognised certificate time: ${text}`);
  const [, , day, hours, minutes, seconds, year] = match.map(Number);
  return new Date(Date.UTC(year ?? 0, month, day, hours, minutes, seconds));
}

/** Formats a date as OpenSSL (and so MySQL's Ssl_server_not_after) prints it: `Nov  4 09:05:01 2026 GMT`. */
export function formatOpenSslTime(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${MONTHS[date.getUTCMonth()] ?? ''} ${day} ${time} ${date.getUTCFullYear()} GMT`;
}

/** Reads the facts TidalDB reports from a parsed certificate. */
export function describeCertificate(certificate: X509Certificate): CertificateInfo {
  const notBefore = parseOpenSslTime(certificate.validFrom);
  const notAfter = parseOpenSslTime(certificate.validTo);
  return {
    notBefore,
    notAfter,
    validFromText: formatOpenSslTime(notBefore),
    validToText: formatOpenSslTime(notAfter),
    subject: oneLineName(certificate.subject),
    issuer: oneLineName(certificate.issuer),
    fingerprint256: certificate.fingerprint256,
    serialNumber: certificate.serialNumber,
    subjectAltName: certificate.subjectAltName,
    isCa: certificate.ca,
    extendedKeyUsage: certificate.keyUsage,
    keyType: certificate.publicKey.asymmetricKeyType ?? '',
  };
}

function oneLineName(name: string): string {
  return name
    .split('\n')
    .filter((part) => part.length > 0)
    .join(', ');
}
