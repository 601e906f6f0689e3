// Reads an ssl-crl file: PEM certificate revocation lists, checked for form and freshness before OpenSSL gets them.
import 'reflect-metadata'; // @peculiar/x509 resolves its ASN.1 providers through reflect-metadata: load it first.
import { X509Crl } from '@peculiar/x509';
import { readFileSync } from 'node:fs';
import { fsErrorReason } from './fs-error-reason.js';
import { findPemBlocks } from './pem.js';

/** PEM label of a CRL, as `openssl ca -gencrl` writes it. */
const CRL_LABEL = 'X509 CRL';

/** A readable CRL file: its bytes for OpenSSL, facts for the log, and findings. */
export interface CrlFile {
  readonly ok: true;
  readonly buffer: Buffer;
  /** Revoked serial numbers over all lists, upper-case hex. */
  readonly revokedSerials: readonly string[];
  /** Issuer of each list, one line. */
  readonly issuers: readonly string[];
  readonly warnings: readonly string[];
}

/** The outcome of {@link inspectCrl}. */
export type CrlInspection = CrlFile | { readonly ok: false; readonly reason: string };

/**
 * Reads `path` and parses every `X509 CRL` block. A missing file, a file without CRL blocks or an unparsable block
 * is a problem (OpenSSL would refuse it, or worse, check nothing). An expired list (nextUpdate passed) or one not
 * issued by a certificate of `caSubjects` is a warning: OpenSSL then refuses every client certificate of that CA
 * ("CRL has expired") or cannot use the list, which an operator must hear about at start.
 */
export function inspectCrl(path: string, caSubjects: readonly string[], now: Date): CrlInspection {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: `cannot read CRL file ${path}: ${fsErrorReason(error)}` };
  }
  const blocks = findPemBlocks(buffer.toString('latin1')).filter((block) => block.label === CRL_LABEL);
  if (blocks.length === 0) return { ok: false, reason: `CRL file ${path} holds no "${CRL_LABEL}" PEM block` };
  const revokedSerials: string[] = [];
  const issuers: string[] = [];
  const warnings: string[] = [];
  for (const [index, block] of blocks.entries()) {
    let crl: X509Crl;
    try {
      crl = new X509Crl(block.text);
    } catch {
      return { ok: false, reason: `CRL file ${path} has a block (${index + 1}) that is not a valid X.509 CRL` };
    }
    const issuer = crl.issuer;
    issuers.push(issuer);
    for (const entry of crl.entries) revokedSerials.push(entry.serialNumber.toUpperCase());
    if (crl.nextUpdate !== undefined && crl.nextUpdate.getTime() < now.getTime()) {
      warnings.push(
        `CRL ${index + 1} of ${path} (issuer ${issuer}) expired on ${crl.nextUpdate.toISOString()}; client certificates of that CA will be refused until it is renewed`,
      );
    }
    if (caSubjects.length > 0 && !caSubjects.some((subject) => sameName(subject, issuer))) {
      warnings.push(`CRL ${index + 1} of ${path} is issued by ${issuer}, which is not a certificate of ssl-ca`);
    }
  }
  if (caSubjects.length === 0) warnings.push(`ssl-crl ${path} has no effect without ssl-ca (client certificates are not requested)`);
  return { ok: true, buffer, revokedSerials, issuers, warnings };
}

/** Compares distinguished names attribute by attribute, ignoring spacing and order of printing. */
function sameName(a: string, b: string): boolean {
  const normalise = (name: string): string =>
    name
      .split(/,\s*|\n/)
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .sort()
      .join(',');
  return normalise(a) === normalise(b);
}
