// The RSA key pair caching_sha2_password uses on plain connections: [security] rsa-private-key / rsa-public-key,
// or private_key.pem / public_key.pem next to ssl-cert as mysql_ssl_rsa_setup (and tidal-ssl-setup) writes them.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../logging/index.js';

export interface RsaKeys {
  readonly privateKey: KeyObject;
  /** SubjectPublicKeyInfo PEM, sent to clients that ask (and shown by Caching_sha2_password_rsa_public_key). */
  readonly publicKeyPem: string;
}

export interface RsaKeyOptions {
  readonly rsaPrivateKey: string;
  readonly rsaPublicKey: string;
  readonly sslCert: string;
}

/** Loads the key pair, or undefined (with a warning when one was configured but is unusable). */
export function loadRsaKeys(options: RsaKeyOptions, logger: Logger): RsaKeys | undefined {
  const folder = options.sslCert === '' ? undefined : dirname(options.sslCert);
  const privatePath = options.rsaPrivateKey || (folder === undefined ? '' : join(folder, 'private_key.pem'));
  const publicPath = options.rsaPublicKey || (folder === undefined ? '' : join(folder, 'public_key.pem'));
  const isConfigured = options.rsaPrivateKey !== '';
  if (privatePath === '' || (!isConfigured && !existsSync(privatePath))) {
    logger.info('caching_sha2_password RSA key pair not found: full authentication needs TLS', { rsaPrivateKey: privatePath });
    return undefined;
  }
  try {
    const privateKey = createPrivateKey(readFileSync(privatePath));
    if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('not an RSA key');
    const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    let publicKeyPem = derived;
    if (publicPath !== '' && existsSync(publicPath)) {
      const fromFile = createPublicKey(readFileSync(publicPath)).export({ type: 'spki', format: 'pem' }).toString();
      if (fromFile !== derived) logger.warn('rsa public key does not match the private key; using the one derived from the private key', { rsaPublicKey: publicPath });
      else publicKeyPem = fromFile;
    }
    logger.info('caching_sha2_password RSA key pair loaded', { rsaPrivateKey: privatePath });
    return { privateKey, publicKeyPem };
  } catch (error) {
    logger.warn(`caching_sha2_password RSA key pair NOT loaded: ${error instanceof Error ? error.message : String(error)}`, { rsaPrivateKey: privatePath });
    return undefined;
  }
}
