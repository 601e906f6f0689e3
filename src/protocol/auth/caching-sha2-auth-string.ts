// The authentication_string caching_sha2_password stores ('$A$005$' + salt + SHA-256 crypt digest), built and checked.
// https://dev.mysql.com/doc/refman/8.0/en/caching-sha2-pluggable-authentication.html
import { createHash, timingSafeEqual } from 'node:crypto';
import { generateScramble } from './scramble.js';

/** MySQL's default caching_sha2_password_digest_rounds. */
export const CACHING_SHA2_DEFAULT_ITERATIONS = 5000;
/** Stored iteration counts are in units of 1000, as three hex digits. */
const ITERATION_MULTIPLIER = 1000;
const SALT_LENGTH = 20;
const DIGEST_CHARS = 43;
const AUTH_STRING_PATTERN = /^\$A\$([0-9A-Fa-f]{3})\$([\s\S]{20})([./0-9A-Za-z]{43})$/;
const CRYPT_ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SHA256_LENGTH = 32;
/** The byte triples (and final pair) of the SHA-256 crypt result in the order its text encoding takes them. */
const ENCODING_ORDER: readonly (readonly [number, number, number])[] = [
  [0, 10, 20],
  [21, 1, 11],
  [12, 22, 2],
  [3, 13, 23],
  [24, 4, 14],
  [15, 25, 5],
  [6, 16, 26],
  [27, 7, 17],
  [18, 28, 8],
  [9, 19, 29],
];

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** `source` repeated and cut to `length` bytes. */
function repeatTo(source: Buffer, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let at = 0; at < length; at += source.length) source.copy(out, at, 0, Math.min(source.length, length - at));
  return out;
}

function encode24(out: string[], high: number, middle: number, low: number, chars: number): void {
  let word = (high << 16) | (middle << 8) | low;
  for (let i = 0; i < chars; i++) {
    out.push(CRYPT_ALPHABET[word & 0x3f] as string);
    word >>= 6;
  }
}

/**
 * Ulrich Drepper's SHA-256 crypt ("$5$") digest of `password` with `salt` and `rounds`, as its 43-character text.
 * MySQL's variant differs from glibc's only in allowing a 20-byte salt (glibc cuts salts at 16).
 */
export function sha256Crypt(password: Buffer, salt: Buffer, rounds: number): string {
  const alternate = sha256(password, salt, password);
  const initial = createHash('sha256').update(password).update(salt);
  initial.update(repeatTo(alternate, password.length));
  for (let bits = password.length; bits > 0; bits >>= 1) initial.update((bits & 1) !== 0 ? alternate : password);
  let result = initial.digest();

  const passwordDigest = createHash('sha256');
  for (let i = 0; i < password.length; i++) passwordDigest.update(password);
  const passwordSequence = repeatTo(passwordDigest.digest(), password.length);
  const saltDigest = createHash('sha256');
  for (let i = 0; i < 16 + (result[0] as number); i++) saltDigest.update(salt);
  const saltSequence = repeatTo(saltDigest.digest(), salt.length);

  for (let round = 0; round < rounds; round++) {
    const isOdd = (round & 1) !== 0;
    const hash = createHash('sha256').update(isOdd ? passwordSequence : result);
    if (round % 3 !== 0) hash.update(saltSequence);
    if (round % 7 !== 0) hash.update(passwordSequence);
    result = hash.update(isOdd ? result : passwordSequence).digest();
  }

  const out: string[] = [];
  for (const [a, b, c] of ENCODING_ORDER)
    encode24(out, result[a] as number, result[b] as number, result[c] as number, 4);
  encode24(out, 0, result[SHA256_LENGTH - 1] as number, result[SHA256_LENGTH - 2] as number, 3);
  return out.join('');
}

/**
 * The authentication_string MySQL stores for a caching_sha2_password account: '$A$' + iterations/1000 as three hex
 * digits + '$' + 20-byte salt + 43-character digest; '' for the empty password. `iterations` must be a multiple of
 * 1000 (MySQL allows 5000 to 4095000).
 */
export function cachingSha2AuthString(
  password: string,
  salt: Buffer = generateScramble(SALT_LENGTH),
  iterations: number = CACHING_SHA2_DEFAULT_ITERATIONS,
): string {
  if (password === '') return '';
  const count = (iterations / ITERATION_MULTIPLIER).toString(16).toUpperCase().padStart(3, '0');
  const digest = sha256Crypt(Buffer.from(password, 'utf8'), salt, iterations);
  return `$A$${count}$${salt.toString('latin1')}${digest}`;
}

/**
 * Full authentication: true when `password` produces the stored `authString`. An empty stored string matches only
 * the empty password; a string not in MySQL's format matches nothing.
 */
export function verifyCachingSha2AuthString(authString: string, password: string): boolean {
  if (authString === '') return password === '';
  const match = AUTH_STRING_PATTERN.exec(authString);
  if (match === null || password === '') return false;
  const [, count, salt, digest] = match as unknown as [string, string, string, string];
  const iterations = Number.parseInt(count, 16) * ITERATION_MULTIPLIER;
  const actual = sha256Crypt(Buffer.from(password, 'utf8'), Buffer.from(salt, 'latin1'), iterations);
  return actual.length === DIGEST_CHARS && timingSafeEqual(Buffer.from(actual), Buffer.from(digest));
}
