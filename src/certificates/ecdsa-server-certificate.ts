// issueEcdsaServerCertificate: an ECDSA P-256 server certificate signed by an existing CA, served beside the RSA one.
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
  X509Certificate,
  X509CertificateGenerator,
} from '@peculiar/x509';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { CERTIFICATE_VALIDITY_DAYS, MILLISECONDS_PER_DAY, newSerialNumber, serverAlternativeNames } from './certificate-authority.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fsErrorReason } from './fs-error-reason.js';
import { PemLabel, encodePem } from './pem.js';
import { SSL_FILE_MODES, SSL_FILE_NAMES } from './ssl-file-names.js';
import { writeFileAtomically } from './write-file-atomically.js';

/** Subject common name of the ECDSA server certificate. */
export const ECDSA_SERVER_CERTIFICATE_NAME = 'TidalDB_Auto_Generated_Server_Certificate_ECDSA';

const LEAF_KEY: webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

/** Inputs of {@link issueEcdsaServerCertificate}. */
export interface EcdsaServerCertificateOptions {
  /** The issuing CA's certificate and PKCS#8 (or traditional) private key, PEM. */
  readonly caCertificatePem: string;
  readonly caKeyPem: string;
  /** Extra SAN, as for the RSA server certificate (see serverAlternativeNames). */
  readonly hostName: string;
  readonly now?: Date;
}

/** The certificate and its PKCS#8 private key, PEM. */
export interface EcdsaServerCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/**
 * A P-256 server certificate (serverAuth, the same SANs as the RSA one, ten years) signed by the CA. An ECDSA
 * handshake costs the server a small fraction of an RSA one, so clients that offer ECDSA (all current ones) get
 * it, while the RSA certificate stays for those that do not (OpenSSL picks per client).
 */
export async function issueEcdsaServerCertificate(options: EcdsaServerCertificateOptions): Promise<EcdsaServerCertificate> {
  const ca = new X509Certificate(options.caCertificatePem);
  const caKey = await importSigningKey(options.caKeyPem);
  const keys = await webcrypto.subtle.generateKey(LEAF_KEY, true, ['sign', 'verify']);
  const notBefore = new Date(options.now ?? Date.now());
  notBefore.setUTCMilliseconds(0);
  const certificate = await X509CertificateGenerator.create(
    {
      serialNumber: newSerialNumber(new Set()),
      subject: `CN=${ECDSA_SERVER_CERTIFICATE_NAME}`,
      issuer: ca.subject,
      notBefore,
      notAfter: new Date(notBefore.getTime() + CERTIFICATE_VALIDITY_DAYS * MILLISECONDS_PER_DAY),
      publicKey: keys.publicKey,
      signingKey: caKey.key,
      signingAlgorithm: caKey.algorithm,
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
        new ExtendedKeyUsageExtension([ExtendedKeyUsage.serverAuth]),
        new SubjectAlternativeNameExtension(serverAlternativeNames(options.hostName)),
        await SubjectKeyIdentifierExtension.create(keys.publicKey, false, webcrypto),
        await AuthorityKeyIdentifierExtension.create(ca.publicKey, false, webcrypto),
      ],
    },
    webcrypto,
  );
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certificatePem: encodePem(PemLabel.CERTIFICATE, certificate.rawData), privateKeyPem: encodePem(PemLabel.PRIVATE_KEY, pkcs8) };
}

/** The CA's private key for WebCrypto, with the signature algorithm it signs with (SHA-256). */
async function importSigningKey(pem: string): Promise<{ key: webcrypto.CryptoKey; algorithm: webcrypto.RsaHashedImportParams | webcrypto.EcdsaParams }> {
  const key = createPrivateKey(pem);
  const der = key.export({ type: 'pkcs8', format: 'der' });
  if (key.asymmetricKeyType === 'ec') {
    const namedCurve = key.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'P-384' : 'P-256';
    const imported = await webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve }, false, ['sign']);
    return { key: imported, algorithm: { name: 'ECDSA', hash: 'SHA-256' } };
  }
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  return { key: await webcrypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']), algorithm };
}

/** The files auto-tls keeps the ECDSA server pair in, beside mysql_ssl_rsa_setup's eight. */
export const ECDSA_SERVER_FILE_NAMES = { cert: 'server-ecdsa-cert.pem', key: 'server-ecdsa-key.pem' } as const;

/** What {@link ensureEcdsaServerPair} found or did; `note` says why there is no pair. */
export type EcdsaPairOutcome =
  | { readonly kind: 'written' | 'kept'; readonly cert: string; readonly key: string }
  | { readonly kind: 'none'; readonly note: string };

/**
 * The ECDSA server pair in `datadir`: kept when both files exist, else issued by the directory's CA (ca.pem,
 * ca-key.pem) and written (key 0600). Like the other sets, a half pair is not completed.
 */
export async function ensureEcdsaServerPair(datadir: string, hostName: string): Promise<EcdsaPairOutcome> {
  const cert = join(datadir, ECDSA_SERVER_FILE_NAMES.cert);
  const key = join(datadir, ECDSA_SERVER_FILE_NAMES.key);
  const [hasCert, hasKey] = [existsSync(cert), existsSync(key)];
  if (hasCert && hasKey) return { kind: 'kept', cert, key };
  if (hasCert || hasKey) return { kind: 'none', note: `${hasCert ? ECDSA_SERVER_FILE_NAMES.key : ECDSA_SERVER_FILE_NAMES.cert} is missing; the ECDSA pair is not completed (delete both files to have it made again)` };
  let ca: { cert: string; key: string };
  try {
    ca = { cert: await readFile(join(datadir, SSL_FILE_NAMES.caCert), 'utf8'), key: await readFile(join(datadir, SSL_FILE_NAMES.caKey), 'utf8') };
  } catch (error) {
    return { kind: 'none', note: `no ECDSA server certificate: the CA cannot be read (${fsErrorReason(error)})` };
  }
  try {
    const issued = await issueEcdsaServerCertificate({ caCertificatePem: ca.cert, caKeyPem: ca.key, hostName });
    await writeFileAtomically(key, issued.privateKeyPem, SSL_FILE_MODES.privateKey);
    await writeFileAtomically(cert, issued.certificatePem, SSL_FILE_MODES.publicMaterial);
  } catch (error) {
    return { kind: 'none', note: `no ECDSA server certificate: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { kind: 'written', cert, key };
}
