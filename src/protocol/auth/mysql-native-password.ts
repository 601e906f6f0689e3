// mysql_native_password: SHA1 challenge-response against the stored SHA1(SHA1(password)) ('*HEX' strings).
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_authentication_methods_native_password_authentication.html
import { createHash, timingSafeEqual } from 'node:crypto';
import { ProtocolLimits } from '../constants/packet-header.js';
import { AuthPluginName } from './auth-plugin.js';
import type { AuthPlugin } from './auth-plugin.js';
import { scrambleWithNul, xorRotating } from './scramble.js';

const SHA1_LENGTH = 20;
const HASH_MARKER = '*';
const HASH_PATTERN = /^\*[0-9A-Fa-f]{40}$/;

function sha1(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** The mysql_native_password plugin codec. */
export const mysqlNativePassword: AuthPlugin = {
  name: AuthPluginName.MYSQL_NATIVE_PASSWORD,
  authSwitchData: scrambleWithNul,
};

/**
 * The authentication_string MySQL stores for `password`: '*' + upper-case hex of SHA1(SHA1(password)), or '' for
 * the empty password (what the old PASSWORD() function returned).
 */
export function nativePasswordHash(password: string): string {
  if (password === '') return '';
  return (
    HASH_MARKER +
    sha1(sha1(Buffer.from(password, 'utf8')))
      .toString('hex')
      .toUpperCase()
  );
}

/** The 20-byte SHA1(SHA1(password)) inside a '*HEX' authentication string, or undefined when it is not one. */
export function parseNativePasswordHash(authenticationString: string): Buffer | undefined {
  return HASH_PATTERN.test(authenticationString) ? Buffer.from(authenticationString.slice(1), 'hex') : undefined;
}

/**
 * The client's auth response: SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))); empty for an empty password.
 * Only the first 20 bytes of `scramble` are used (a trailing NUL is ignored).
 */
export function scrambleNativePassword(password: string, scramble: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  const stage1 = sha1(Buffer.from(password, 'utf8'));
  const stage2 = sha1(stage1);
  return xorRotating(stage1, sha1(scramble.subarray(0, ProtocolLimits.SCRAMBLE_LENGTH), stage2));
}

/**
 * True when `response` proves knowledge of the password whose '*HEX' `authenticationString` is stored: recovers
 * SHA1(password) = response XOR SHA1(scramble + stored) and checks SHA1 of it against the stored hash, in constant
 * time. An empty stored string matches only an empty response; a malformed stored string matches nothing.
 */
export function verifyNativePassword(authenticationString: string, scramble: Buffer, response: Buffer): boolean {
  if (authenticationString === '') return response.length === 0;
  const stage2 = parseNativePasswordHash(authenticationString);
  if (stage2 === undefined || response.length !== SHA1_LENGTH) return false;
  const stage1 = xorRotating(response, sha1(scramble.subarray(0, ProtocolLimits.SCRAMBLE_LENGTH), stage2));
  return timingSafeEqual(sha1(stage1), stage2);
}
