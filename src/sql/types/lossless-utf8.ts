// Lossless UTF-8: statement text may carry raw bytes inside string literals (mysqldump and drivers such as PyMySQL
// send BLOBs that way), so bytes that are not valid UTF-8 are kept as lone surrogates U+DC80–U+DCFF (Python's
// "surrogateescape") and turned back into the same bytes when the value is stored as binary. Both directions run
// in one pass into one preallocated array: a 48 MiB literal of random bytes costs its size twice, not per byte.
import { isUtf8 } from 'node:buffer';

const ESCAPE_BASE = 0xdc00;
/** A low surrogate standing for a raw byte: one not preceded by a high surrogate. */
const ESCAPED_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/** Decodes `bytes` as UTF-8, keeping each byte of an invalid sequence as U+DC80 + (byte − 0x80). */
export function decodeUtf8Lossless(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // Every byte yields at most one UTF-16 unit (a 4-byte sequence yields two), so the output fits in `length` units.
  const units = new Uint16Array(bytes.length);
  let out = 0;
  let i = 0;
  while (i < bytes.length) {
    const first = bytes[i]!;
    if (first < 0x80) {
      units[out++] = first;
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      units[out++] = ESCAPE_BASE + first;
      i++;
    } else if (length === 2) {
      units[out++] = ((first & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (length === 3) {
      units[out++] = ((first & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      const codePoint = ((first & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      const offset = codePoint - 0x10000;
      units[out++] = 0xd800 + (offset >> 10);
      units[out++] = 0xdc00 + (offset & 0x3ff);
      i += 4;
    }
  }
  return Buffer.from(units.buffer, 0, out * 2).toString('utf16le');
}

/** True when `text` holds raw bytes that were not UTF-8 (escaped by decodeUtf8Lossless). */
export function hasRawBytes(text: string): boolean {
  return ESCAPED_BYTE.test(text);
}

/** Encodes `text` as UTF-8, turning escaped raw bytes back into themselves. */
export function encodeUtf8Lossless(text: string): Buffer {
  if (!ESCAPED_BYTE.test(text)) return Buffer.from(text, 'utf8');
  const bytes = Buffer.allocUnsafe(encodedLength(text));
  let out = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes[out++] = code;
    } else if (code < 0x800) {
      bytes[out++] = 0xc0 | (code >> 6);
      bytes[out++] = 0x80 | (code & 0x3f);
    } else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      const codePoint = 0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      bytes[out++] = 0xf0 | (codePoint >> 18);
      bytes[out++] = 0x80 | ((codePoint >> 12) & 0x3f);
      bytes[out++] = 0x80 | ((codePoint >> 6) & 0x3f);
      bytes[out++] = 0x80 | (codePoint & 0x3f);
    } else if (code >= 0xdc80 && code <= 0xdcff) {
      bytes[out++] = code - ESCAPE_BASE;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += bytes.write('\ufffd', out, 'utf8');
    } else {
      bytes[out++] = 0xe0 | (code >> 12);
      bytes[out++] = 0x80 | ((code >> 6) & 0x3f);
      bytes[out++] = 0x80 | (code & 0x3f);
    }
  }
  return bytes;
}

/** The byte length `encodeUtf8Lossless` produces for `text`. */
function encodedLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      length += 4;
      i++;
    } else if (code >= 0xdc80 && code <= 0xdcff) length += 1;
    else length += 3;
  }
  return length;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i]!;
  if (first < 0x80) return 1;
  const length = first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  const second = bytes[i + 1]!;
  // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not valid UTF-8.
  if (first === 0xe0 && second < 0xa0) return 0;
  if (first === 0xed && second >= 0xa0) return 0;
  if (first === 0xf0 && second < 0x90) return 0;
  if (first === 0xf4 && second >= 0x90) return 0;
  return length;
}
