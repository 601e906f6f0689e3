// Byte-key helpers shared by the storage layer: ordering, map keys, hex and prefix ranges.
import type { Bytes } from './kv.js';

/** Below this many bytes a JavaScript loop beats the native Buffer.compare call (measured: ~3x on 19-byte keys). */
const NATIVE_COMPARE_MIN_BYTES = 64;

/** Orders two keys as unsigned bytes, lexicographically: negative, zero or positive like Buffer.compare. */
export function compareBytes(a: Bytes, b: Bytes): number {
  const length = a.length < b.length ? a.length : b.length;
  if (length >= NATIVE_COMPARE_MIN_BYTES) return Buffer.compare(a, b);
  for (let i = 0; i < length; i++) {
    const difference = a[i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/** Views `bytes` as a Buffer without copying. */
export function asBuffer(bytes: Bytes): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A string with one char per byte, usable as a Map key: two keys give the same string exactly when their bytes are
 * equal. Latin-1 is the cheapest such mapping Node offers.
 */
export function keyString(bytes: Bytes): string {
  return asBuffer(bytes).toString('latin1');
}

/** Lowercase hex of `bytes`, for messages. */
export function toHex(bytes: Bytes): string {
  return asBuffer(bytes).toString('hex');
}

/**
 * The smallest key greater than every key that starts with `prefix` (TiDB's kv.Key.PrefixNext), or undefined when
 * there is none (the prefix is empty or all 0xFF), meaning "to the end of the keyspace".
 */
export function prefixNext(prefix: Bytes): Buffer | undefined {
  const next = Buffer.from(prefix);
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i] !== 0xff) {
      next[i] = (next[i] ?? 0) + 1;
      return next.subarray(0, i + 1);
    }
  }
  return undefined;
}
