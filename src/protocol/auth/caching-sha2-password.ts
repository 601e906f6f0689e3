// caching_sha2_password: SHA256 fast authentication against a cached digest, and full authentication over TLS/RSA.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_caching_sha2_authentication_exchanges.html
import { constants, createHash, privateDecrypt, timingSafeEqual } from 'node:crypto';
import type { KeyLike } from 'node:crypto';
import { ProtocolLimits } from '../constants/packet-header.js';
import { AuthPluginName } from './auth-plugin.js';
import type { AuthPlugin } from './auth-plugin.js';
import { scrambleWithNul, xorRotating } from './scramble.js';

const SHA256_LENGTH = 32;
const NUL = 0x00;

/** The single data byte of the AuthMoreData packets (and client request) in a caching_sha2_password exchange. */
export const CachingSha2Status = {
  /** Sent by the client instead of a password: "send me your RSA public key". */
  REQUEST_PUBLIC_KEY: 0x02,
  /** Server → client: the scramble matched the cache; an OK packet follows. */
  FAST_AUTH_SUCCESS: 0x03,
  /** Server → client: send the password (cleartext over TLS, RSA-encrypted otherwise). */
  PERFORM_FULL_AUTHENTICATION: 0x04,
} as const;

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** The caching_sha2_password plugin codec. */
export const cachingSha2Password: AuthPlugin = {
  name: AuthPluginName.CACHING_SHA2_PASSWORD,
  authSwitchData: scrambleWithNul,
};

/** The fast-auth cache entry for a password: SHA256(SHA256(password)). Cache it after a successful full auth. */
export function cachingSha2Digest(password: string): Buffer {
  return sha256(sha256(Buffer.from(password, 'utf8')));
}

/**
 * The client's fast-auth response: XOR(SHA256(password), SHA256(SHA256(SHA256(password)) + scramble)), the digest
 * first and the scramble second; empty for an empty password. Only the first 20 bytes of `scramble` are used.
 */
export function scrambleCachingSha2Password(password: string, scramble: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  const stage1 = sha256(Buffer.from(password, 'utf8'));
  const stage2 = sha256(stage1);
  return xorRotating(stage1, sha256(stage2, scramble.subarray(0, ProtocolLimits.SCRAMBLE_LENGTH)));
}

/**
 * Fast authentication: true when `response` matches the cached `digest` (SHA256(SHA256(password))). Recovers
 * SHA256(password) = response XOR SHA256(digest + scramble) and compares its SHA256 with the digest in constant time.
 * A response that is not 32 bytes never matches (empty passwords are the caller's case: empty response, empty
 * stored authentication string).
 */
export function verifyCachingSha2Scramble(digest: Buffer, scramble: Buffer, response: Buffer): boolean {
  if (response.length !== SHA256_LENGTH || digest.length !== SHA256_LENGTH) return false;
  const stage1 = xorRotating(response, sha256(digest, scramble.subarray(0, ProtocolLimits.SCRAMBLE_LENGTH)));
  return timingSafeEqual(sha256(stage1), digest);
}

/** True when the client's response is the one-byte request for the server's RSA public key. */
export function isPublicKeyRequest(response: Buffer): boolean {
  return response.length === 1 && response[0] === CachingSha2Status.REQUEST_PUBLIC_KEY;
}

/** The password a client sent in clear over a secure transport: the response up to its terminating NUL. */
export function parseCleartextPassword(response: Buffer): string {
  const end = response.indexOf(NUL);
  return response.toString('utf8', 0, end < 0 ? response.length : end);
}

/**
 * Full authentication over an insecure transport: RSA-decrypts `encrypted` with the server's private key using
 * RSA_PKCS1_OAEP_PADDING (SHA-1, as MySQL 8 and its clients use), XORs it with the scramble (repeated) and strips the
 * NUL terminator. Returns undefined when it does not decrypt (wrong key, tampered data).
 */
export function decryptCachingSha2Password(
  encrypted: Buffer,
  privateKey: KeyLike,
  scramble: Buffer,
): string | undefined {
  let plain: Buffer;
  try {
    plain = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, encrypted);
  } catch {
    return undefined;
  }
  return parseCleartextPassword(xorRotating(plain, scramble.subarray(0, ProtocolLimits.SCRAMBLE_LENGTH)));
}
