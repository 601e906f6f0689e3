// Builds the X.509 certificates of a certificate directory: a self-signed CA and the server and client leaves it signs.
import 'reflect-metadata'; // @peculiar/x509 resolves its ASN.1 providers through reflect-metadata: load it first.
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from '@peculiar/x509';
import type { Extension, JsonGeneralName } from '@peculiar/x509';
import { randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { PemLabel, encodePem } from './pem.js';

/** Subject common names, in MySQL's auto-generated style ("MySQL_Server_8.0.x_Auto_Generated_CA_Certificate"). */
export const CERTIFICATE_NAMES = {
  ca: 'TidalDB_Auto_Generated_CA_Certificate',
  server: 'TidalDB_Auto_Generated_Server_Certificate',
  client: 'TidalDB_Auto_Generated_Client_Certificate',
} as const;

/** Validity of generated certificates: ten years, as MySQL's auto-generated ones. */
export const CERTIFICATE_VALIDITY_DAYS = 3650;

/** Milliseconds in a day, for validity periods. */
export const MILLISECONDS_PER_DAY = 86_400_000;
/** Bytes of a serial number: 128 random bits, comfortably above the CA/Browser Forum's 64-bit minimum. */
const SERIAL_NUMBER_BYTES = 16;
/** Clears the sign bit so the DER INTEGER stays positive, as RFC 5280 §4.1.2.2 requires. */
const POSITIVE_SERIAL_MASK = 0x7f;
/** RSA public exponent 65537. */
const RSA_PUBLIC_EXPONENT = new Uint8Array([0x01, 0x00, 0x01]);
const SIGNING_HASH = 'SHA-256';

/** A key pair usable by WebCrypto (and so by @peculiar/x509) plus its PEM PKCS#8 private key. */
export interface SigningKeyPair {
  readonly keys: webcrypto.CryptoKeyPair;
  /** `-----BEGIN PRIVATE KEY-----` (PKCS#8), the form OpenSSL, node:tls and the mariadb/mysql CLIs all read. */
  readonly privateKeyPem: string;
}

/** A certificate and the key pair it certifies. */
export interface IssuedCertificate {
  readonly certificatePem: string;
  readonly serialNumber: string;
  readonly subject: string;
  readonly key: SigningKeyPair;
}

/** The three certificates of a directory, signed by one CA. */
export interface CertificateSet {
  readonly ca: IssuedCertificate;
  readonly server: IssuedCertificate;
  readonly client: IssuedCertificate;
}

/** Inputs of {@link createCertificateSet}. */
export interface CertificateSetOptions {
  /** RSA modulus length in bits for all three keys. */
  readonly rsaKeySize: number;
  /** Extra server name for the SAN list (the machine's host name); skipped when it is not a valid DNS name or IP. */
  readonly hostName: string;
  /** Start of validity; defaults to now. */
  readonly now?: Date;
}

function rsaAlgorithm(rsaKeySize: number): webcrypto.RsaHashedKeyGenParams {
  return {
    name: 'RSASSA-PKCS1-v1_5',
    hash: SIGNING_HASH,
    modulusLength: rsaKeySize,
    publicExponent: RSA_PUBLIC_EXPONENT,
  };
}

/** Generates an RSA key pair for signing certificates (RSASSA-PKCS1-v1_5 with SHA-256, exponent 65537). */
export async function generateSigningKeyPair(rsaKeySize: number): Promise<SigningKeyPair> {
  const keys = await webcrypto.subtle.generateKey(rsaAlgorithm(rsaKeySize), true, ['sign', 'verify']);
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { keys, privateKeyPem: encodePem(PemLabel.PRIVATE_KEY, pkcs8) };
}

/** A random positive serial number as hex, different from every one in `taken`. */
export function newSerialNumber(taken: Set<string>): string {
  for (;;) {
    const bytes = randomBytes(SERIAL_NUMBER_BYTES);
    bytes[0] = (bytes[0] ?? 0) & POSITIVE_SERIAL_MASK || 1;
    const serial = bytes.toString('hex');
    if (!taken.has(serial)) {
      taken.add(serial);
      return serial;
    }
  }
}

/** DNS:localhost, IP:127.0.0.1, IP:::1 and the host name, without duplicates. */
export function serverAlternativeNames(hostName: string): JsonGeneralName[] {
  const names: JsonGeneralName[] = [
    { type: 'dns', value: 'localhost' },
    { type: 'ip', value: '127.0.0.1' },
    { type: 'ip', value: '::1' },
  ];
  const extra: JsonGeneralName | undefined =
    isIP(hostName) !== 0
      ? { type: 'ip', value: hostName }
      : isDnsName(hostName)
        ? { type: 'dns', value: hostName.toLowerCase() }
        : undefined;
  if (extra !== undefined && !names.some((name) => name.type === extra.type && name.value === extra.value))
    names.push(extra);
  return names;
}

const DNS_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DNS_NAME_PATTERN = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const MAX_DNS_NAME_LENGTH = 253;

function isDnsName(name: string): boolean {
  return name.length <= MAX_DNS_NAME_LENGTH && DNS_NAME_PATTERN.test(name);
}

/**
 * Creates a CA (CA:TRUE, keyCertSign + cRLSign) and a server (serverAuth, SANs) and client (clientAuth) certificate
 * signed by it, each with its own fresh key, distinct serial number and subject, valid for ten years.
 */
export async function createCertificateSet(options: CertificateSetOptions): Promise<CertificateSet> {
  const notBefore = new Date(options.now ?? Date.now());
  notBefore.setUTCMilliseconds(0);
  const notAfter = new Date(notBefore.getTime() + CERTIFICATE_VALIDITY_DAYS * MILLISECONDS_PER_DAY);
  const validity = { notBefore, notAfter, signingAlgorithm: rsaAlgorithm(options.rsaKeySize) };
  const serials = new Set<string>();
  const [caKey, serverKey, clientKey] = await Promise.all([
    generateSigningKeyPair(options.rsaKeySize),
    generateSigningKeyPair(options.rsaKeySize),
    generateSigningKeyPair(options.rsaKeySize),
  ]);

  const caSubject = `CN=${CERTIFICATE_NAMES.ca}`;
  const caSerial = newSerialNumber(serials);
  const caCertificate = await X509CertificateGenerator.createSelfSigned(
    {
      ...validity,
      serialNumber: caSerial,
      name: caSubject,
      keys: caKey.keys,
      extensions: [
        new BasicConstraintsExtension(true, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
        await SubjectKeyIdentifierExtension.create(caKey.keys.publicKey, false, webcrypto),
      ],
    },
    webcrypto,
  );

  const issueLeaf = async (
    commonName: string,
    key: SigningKeyPair,
    leafExtensions: Extension[],
  ): Promise<IssuedCertificate> => {
    const subject = `CN=${commonName}`;
    const serialNumber = newSerialNumber(serials);
    const certificate = await X509CertificateGenerator.create(
      {
        ...validity,
        serialNumber,
        subject,
        issuer: caCertificate.subject,
        publicKey: key.keys.publicKey,
        signingKey: caKey.keys.privateKey,
        extensions: [
          new BasicConstraintsExtension(false, undefined, true),
          new KeyUsagesExtension(KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment, true),
          ...leafExtensions,
          await SubjectKeyIdentifierExtension.create(key.keys.publicKey, false, webcrypto),
          await AuthorityKeyIdentifierExtension.create(caKey.keys.publicKey, false, webcrypto),
        ],
      },
      webcrypto,
    );
    return { certificatePem: encodePem(PemLabel.CERTIFICATE, certificate.rawData), serialNumber, subject, key };
  };

  const server = await issueLeaf(CERTIFICATE_NAMES.server, serverKey, [
    new ExtendedKeyUsageExtension([ExtendedKeyUsage.serverAuth]),
    new SubjectAlternativeNameExtension(serverAlternativeNames(options.hostName)),
  ]);
  const client = await issueLeaf(CERTIFICATE_NAMES.client, clientKey, [
    new ExtendedKeyUsageExtension([ExtendedKeyUsage.clientAuth]),
  ]);
  return {
    ca: {
      certificatePem: encodePem(PemLabel.CERTIFICATE, caCertificate.rawData),
      serialNumber: caSerial,
      subject: caSubject,
      key: caKey,
    },
    server,
    client,
  };
}
