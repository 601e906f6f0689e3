// The RSA key pair caching_sha2_password uses to encrypt passwords over plain connections (private_key.pem, public_key.pem).
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

const generateKeyPairAsync = promisify(generateKeyPair);

/** PEM texts of an RSA key pair. */
export interface RsaKeyPairPem {
  /** `-----BEGIN PRIVATE KEY-----` (PKCS#8). */
  readonly privateKeyPem: string;
  /** `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo), what MySQL sends clients as caching_sha2_password's key. */
  readonly publicKeyPem: string;
}

/** Generates an RSA key pair (exponent 65537) of `modulusLength` bits, off the main thread. */
export async function generateRsaKeyPair(modulusLength: number): Promise<RsaKeyPairPem> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}
