// Loads and validates a server's TLS files (certificate, private key, optional CA), explaining any problem in one line.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { materialExpiryWarnings } from './certificate-expiry.js';
import { describeCertificate } from './certificate-info.js';
import type { CertificateInfo } from './certificate-info.js';
import { fsErrorReason } from './fs-error-reason.js';
import { PemLabel, findPemBlocks } from './pem.js';
import type { PemBlock } from './pem.js';

/** Paths of a server's TLS material, as ssl-cert, ssl-key and ssl-ca; an empty `ca` means none. */
export interface TlsMaterialPaths {
  readonly cert: string;
  readonly key: string;
  readonly ca?: string | undefined;
  /** Passphrase of an encrypted key (ssl-key-password); '' or absent for none. */
  readonly keyPassword?: string | undefined;
  /** File whose first line is the passphrase (ssl-key-password-file), read at every load; '' or absent for none. */
  readonly keyPasswordFile?: string | undefined;
}

/** File contents ready for `tls.createSecureContext`. */
export interface SecureContextMaterial {
  /** The certificate file as is (leaf first, then any intermediates). */
  readonly cert: Buffer;
  readonly key: Buffer;
  /** The CA file, when one was given. */
  readonly ca?: Buffer;
  /** The CRL file, when one was given (added by the caller after inspectCrl). */
  readonly crl?: Buffer;
}

/** Valid material: the buffers, facts about the server certificate, and non-fatal findings for the log. */
export interface TlsMaterial {
  readonly ok: true;
  readonly secureContextOptions: SecureContextMaterial;
  readonly certificate: CertificateInfo;
  /** Facts about each certificate of the CA file (empty without one). */
  readonly caCertificates: readonly CertificateInfo[];
  /** Each certificate of the CA file as PEM text (empty without one). */
  readonly caPem: readonly string[];
  /** Whether the key file was encrypted (and decrypted with the configured passphrase). */
  readonly isKeyEncrypted: boolean;
  /** One line each: expired or not yet valid certificate, expiry within 30 days, unsuitable key usage. */
  readonly warnings: readonly string[];
}

/** Invalid material: why, in one line naming the file. */
export interface TlsMaterialProblem {
  readonly ok: false;
  readonly reason: string;
}

/** The result of {@link inspectTlsMaterial}. */
export type TlsMaterialInspection = TlsMaterial | TlsMaterialProblem;

/** What to do about an encrypted key without a passphrase (TiDB cannot load such keys at all). */
export const ENCRYPTED_KEY_REASON = 'set ssl-key-password-file (or ssl-key-password) to its passphrase';

const SERVER_AUTH_OID = '1.3.6.1.5.5.7.3.1';
const PRIVATE_KEY_LABELS: ReadonlySet<string> = new Set([
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'DSA PRIVATE KEY',
]);
/** Legacy OpenSSL encryption header inside a `RSA PRIVATE KEY` block. */
const LEGACY_ENCRYPTION_HEADER = /Proc-Type:\s*4,ENCRYPTED/;

/** A check that failed; carries the one-line reason up to inspectTlsMaterial. */
class MaterialProblem extends Error {}

/**
 * Reads and checks the certificate, key and CA files, in that order, stopping at the first problem. Distinguishes a
 * missing or unreadable file, a file that is not PEM or holds the wrong thing, an invalid certificate, a
 * password-protected key ({@link ENCRYPTED_KEY_REASON}), a key that does not match the certificate, and an invalid
 * CA file. Never throws. `now` (tests) is the time validity is judged against.
 */
export function inspectTlsMaterial(paths: TlsMaterialPaths, now: Date = new Date()): TlsMaterialInspection {
  try {
    return inspect(paths, now);
  } catch (error) {
    if (error instanceof MaterialProblem) return { ok: false, reason: error.message };
    throw error;
  }
}

function inspect(paths: TlsMaterialPaths, now: Date): TlsMaterial {
  if (paths.cert === '') throw new MaterialProblem('no certificate file is set (ssl-key is set; set ssl-cert too)');
  if (paths.key === '') throw new MaterialProblem('no private key file is set (ssl-cert is set; set ssl-key too)');
  const certFile = readPemFile('certificate file', paths.cert);
  const certBlocks = blocksLabelled(certFile, PemLabel.CERTIFICATE, 'certificate file', paths.cert);
  const leaf = parseCertificate(certBlocks[0], `certificate file ${paths.cert}`);

  const keyFile = readPemFile('private key file', paths.key);
  const passphrase = readPassphrase(paths);
  const privateKey = parsePrivateKey(keyFile.blocks, keyFile.buffer, paths.key, passphrase);
  if (!leaf.checkPrivateKey(privateKey)) {
    throw new MaterialProblem(`private key ${paths.key} does not match the certificate in ${paths.cert}`);
  }

  const caFile = paths.ca !== undefined && paths.ca !== '' ? readCaFile(paths.ca) : undefined;
  const ca = caFile?.buffer;
  const caCertificates = caFile?.certificates ?? [];
  const caPem = caFile?.pem ?? [];

  const certificate = describeCertificate(leaf);
  return {
    ok: true,
    // An encrypted key is handed to OpenSSL decrypted (it stays in memory only), so the passphrase is needed once.
    secureContextOptions: {
      cert: certFile.buffer,
      key: passphrase === undefined ? keyFile.buffer : Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' })),
      ...(ca ? { ca } : {}),
    },
    isKeyEncrypted: passphrase !== undefined,
    certificate,
    caCertificates,
    caPem,
    warnings: findWarnings(certificate, caCertificates, paths, now),
  };
}

/** A valid CA file: its bytes, and each certificate in it as facts and as PEM text. */
export interface CaFile {
  readonly ok: true;
  readonly buffer: Buffer;
  readonly certificates: readonly CertificateInfo[];
  readonly pem: readonly string[];
}

/** Reads and checks a CA file alone (a TLS client that trusts it but presents no certificate). Never throws. */
export function inspectCaFile(path: string): CaFile | TlsMaterialProblem {
  try {
    return readCaFile(path);
  } catch (error) {
    if (error instanceof MaterialProblem) return { ok: false, reason: error.message };
    throw error;
  }
}

function readCaFile(path: string): CaFile {
  const caFile = readPemFile('CA file', path);
  const caBlocks = blocksLabelled(caFile, PemLabel.CERTIFICATE, 'CA file', path);
  const certificates: CertificateInfo[] = [];
  const pem: string[] = [];
  caBlocks.forEach((block, index) => {
    const where = caBlocks.length === 1 ? `CA file ${path}` : `CA file ${path} (certificate ${index + 1})`;
    certificates.push(describeCertificate(parseCertificate(block, where)));
    pem.push(block.text);
  });
  return { ok: true, buffer: caFile.buffer, certificates, pem };
}

interface PemFile {
  readonly buffer: Buffer;
  readonly blocks: readonly PemBlock[];
}

function readPemFile(what: string, path: string): PemFile {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    throw new MaterialProblem(`cannot read ${what} ${path}: ${fsErrorReason(error)}`);
  }
  if (buffer.length === 0) throw new MaterialProblem(`${what} ${path} is empty`);
  const blocks = findPemBlocks(buffer.toString('latin1'));
  if (blocks.length === 0)
    throw new MaterialProblem(
      `${what} ${path} is not PEM (no "-----BEGIN …-----" block; convert DER files with openssl)`,
    );
  return { buffer, blocks };
}

function blocksLabelled(file: PemFile, label: string, what: string, path: string): PemBlock[] {
  const matching = file.blocks.filter((block) => block.label === label);
  if (matching.length > 0) return matching;
  const found = file.blocks.map((block) => block.label);
  const isKey = found.some((name) => PRIVATE_KEY_LABELS.has(name) || name === PemLabel.ENCRYPTED_PRIVATE_KEY);
  throw new MaterialProblem(
    `${what} ${path} holds no certificate (found ${found.map((name) => `"${name}"`).join(', ')})` +
      (isKey && what === 'certificate file' ? '; are ssl-cert and ssl-key swapped?' : ''),
  );
}

function parseCertificate(block: PemBlock | undefined, where: string): X509Certificate {
  try {
    return new X509Certificate(block?.text ?? '');
  } catch {
    throw new MaterialProblem(`${where} has a CERTIFICATE block that is not a valid X.509 certificate`);
  }
}

/** The passphrase from ssl-key-password-file (first line) or ssl-key-password; undefined when neither is set. */
function readPassphrase(paths: TlsMaterialPaths): string | undefined {
  if (paths.keyPasswordFile !== undefined && paths.keyPasswordFile !== '') {
    let text: string;
    try {
      text = readFileSync(paths.keyPasswordFile, 'utf8');
    } catch (error) {
      throw new MaterialProblem(`cannot read ssl-key-password-file ${paths.keyPasswordFile}: ${fsErrorReason(error)}`);
    }
    const firstLine = text.split(/\r?\n/)[0] ?? '';
    if (firstLine === '') throw new MaterialProblem(`ssl-key-password-file ${paths.keyPasswordFile} has an empty first line`);
    return firstLine;
  }
  return paths.keyPassword !== undefined && paths.keyPassword !== '' ? paths.keyPassword : undefined;
}

function parsePrivateKey(blocks: readonly PemBlock[], buffer: Buffer, path: string, passphrase: string | undefined): KeyObject {
  const isEncrypted = blocks.some(
    (block) => block.label === PemLabel.ENCRYPTED_PRIVATE_KEY || LEGACY_ENCRYPTION_HEADER.test(block.text),
  );
  if (isEncrypted && passphrase === undefined) {
    throw new MaterialProblem(`private key file ${path} is encrypted: ${ENCRYPTED_KEY_REASON}`);
  }
  if (!blocks.some((block) => PRIVATE_KEY_LABELS.has(block.label) || block.label === PemLabel.ENCRYPTED_PRIVATE_KEY)) {
    const found = blocks.map((block) => `"${block.label}"`).join(', ');
    const hint = blocks.some((block) => block.label === PemLabel.CERTIFICATE)
      ? '; are ssl-cert and ssl-key swapped?'
      : '';
    throw new MaterialProblem(`private key file ${path} holds no private key (found ${found})${hint}`);
  }
  try {
    // A passphrase given for a key that is not encrypted is ignored by OpenSSL, which is what an operator expects.
    return createPrivateKey({ key: buffer, format: 'pem', ...(passphrase === undefined ? {} : { passphrase }) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MISSING_PASSPHRASE') {
      throw new MaterialProblem(`private key file ${path} is encrypted: ${ENCRYPTED_KEY_REASON}`);
    }
    if (isEncrypted) {
      throw new MaterialProblem(`cannot decrypt private key file ${path}: wrong passphrase (ssl-key-password-file / ssl-key-password)`);
    }
    throw new MaterialProblem(`private key file ${path} holds a PRIVATE KEY block that is not a valid private key`);
  }
}

function findWarnings(
  certificate: CertificateInfo,
  caCertificates: readonly CertificateInfo[],
  paths: TlsMaterialPaths,
  now: Date,
): string[] {
  const warnings = materialExpiryWarnings(paths, certificate, caCertificates, now);
  if (certificate.extendedKeyUsage !== undefined && !certificate.extendedKeyUsage.includes(SERVER_AUTH_OID)) {
    warnings.push(`certificate ${paths.cert} has an extended key usage without serverAuth; clients may refuse it`);
  }
  caCertificates.forEach((ca, index) => {
    if (!ca.isCa)
      warnings.push(
        `certificate ${index + 1} of CA file ${paths.ca ?? ''} is not a CA certificate (no CA:TRUE); client certificates will not verify against it`,
      );
  });
  return warnings;
}
