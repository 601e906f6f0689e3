// Expiry findings for the log: certificates that have expired, are not yet valid, or expire within 30 days.
import type { CertificateInfo } from './certificate-info.js';

/** Days before expiry from which a warning is logged. */
export const EXPIRY_WARNING_DAYS = 30;

const MILLISECONDS_PER_DAY = 86_400_000;

/**
 * One line about `certificate` (named `what`, e.g. "certificate /etc/tidal/server-cert.pem" or "certificate 1 of CA
 * file ca.pem") when it expired, is not valid yet or expires within {@link EXPIRY_WARNING_DAYS} days; undefined
 * otherwise. `consequence` is appended to the expired / not-yet-valid lines.
 */
export function expiryWarning(what: string, certificate: CertificateInfo, now: Date, consequence: string): string | undefined {
  if (certificate.notAfter.getTime() < now.getTime()) return `${what} expired on ${certificate.validToText}; ${consequence}`;
  if (certificate.notBefore.getTime() > now.getTime()) {
    return `${what} is not valid before ${certificate.validFromText}; ${consequence}`;
  }
  const daysLeft = Math.floor((certificate.notAfter.getTime() - now.getTime()) / MILLISECONDS_PER_DAY);
  return daysLeft < EXPIRY_WARNING_DAYS ? `${what} expires in ${daysLeft} days, on ${certificate.validToText}` : undefined;
}

/** The expiry warnings of a server certificate and its CA certificates, as logged at start, on reloads and daily. */
export function materialExpiryWarnings(
  paths: { readonly cert: string; readonly ca?: string | undefined },
  certificate: CertificateInfo,
  caCertificates: readonly CertificateInfo[],
  now: Date,
): string[] {
  const warnings: string[] = [];
  const server = expiryWarning(`certificate ${paths.cert}`, certificate, now, 'clients that verify it will refuse to connect');
  if (server !== undefined) warnings.push(server);
  caCertificates.forEach((ca, index) => {
    const warning = expiryWarning(
      `certificate ${index + 1} of CA file ${paths.ca ?? ''}`,
      ca,
      now,
      'client certificates issued by it will be refused',
    );
    if (warning !== undefined) warnings.push(warning);
  });
  return warnings;
}
