// The 20-byte nonce ("scramble") a server sends for challenge-response authentication, and the XOR it is used with.
import { ProtocolLimits } from '../constants/packet-header.js';
import { RandomBytePool } from './random-byte-pool.js';

const SEVEN_BITS = 0x7f;
const NUL = 0x00;
const DOLLAR = 0x24; // '$' delimits fields of stored hashes, so MySQL keeps it out of the salt too

/** Every login takes a scramble; one pool keeps that to one CSPRNG call per couple of hundred logins. */
const randomPool = new RandomBytePool();

/**
 * A fresh random scramble of `length` bytes (20 by default), 7-bit with no NUL or '$' bytes, as MySQL's
 * generate_user_salt(): clients treat part of it as a C string, so a NUL would cut it short.
 */
export function generateScramble(length: number = ProtocolLimits.SCRAMBLE_LENGTH): Buffer {
  const bytes = randomPool.take(length);
  for (let i = 0; i < length; i++) {
    let byte = (bytes[i] as number) & SEVEN_BITS;
    if (byte === NUL || byte === DOLLAR) byte += 1;
    bytes[i] = byte;
  }
  return bytes;
}

/** The scramble followed by a NUL, as MySQL sends it in an AuthSwitchRequest. */
export function scrambleWithNul(scramble: Buffer): Buffer {
  return Buffer.concat([scramble, Buffer.of(NUL)]);
}

/** `data` XOR `key`, repeating `key` as needed; the result has data's length. */
export function xorRotating(data: Uint8Array, key: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(data.length);
  for (let i = 0; i < data.length; i++) out[i] = (data[i] as number) ^ (key[i % key.length] as number);
  return out;
}
