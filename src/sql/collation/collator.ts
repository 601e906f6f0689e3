// Collator: how one collation compares, groups, indexes and matches strings.

/**
 * A collation's behaviour over JavaScript strings (UTF-16 text of any character set TidalDB stores). Implementations
 * are stateless after construction and shared by every session.
 */
export interface Collator {
  /** The collation's name (utf8mb4_0900_ai_ci, …). */
  readonly name: string;
  /** True for `_bin`/`binary` collations: equality is byte equality (after PAD SPACE trimming), no folding. */
  readonly isExact: boolean;
  /** Negative, 0 or positive as the collation orders `a` and `b` (PAD SPACE: the shorter is padded with spaces). */
  compare(a: string, b: string): number;
  /**
   * A string equal for exactly the texts the collation finds equal: the hash key of GROUP BY, DISTINCT, hash joins
   * and caches. Not meant for ordering.
   */
  key(text: string): string;
  /**
   * The bytes an index key holds for `text` (a string stands for its UTF-8): equal under the collation ⇔ equal
   * bytes, and byte order follows `compare` (for PAD SPACE collations except text continuing, after the shorter
   * one ends, with characters that sort below a space, as TiDB's keys do).
   */
  sortKey(text: string): Uint8Array | string;
  /** The key of one character for LIKE and searching (per-character matching, as MySQL's LIKE does). */
  charKey(char: string): string;
}

/** Index of the end of `text` without its trailing spaces (U+0020 only: MySQL's PAD SPACE pads with spaces). */
export function endWithoutTrailingSpaces(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return end;
}

/** The code points of `text` up to `end` (UTF-16 pairs joined; lone surrogates as themselves). */
export function codePointAt(text: string, index: number, end: number): number {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < end) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return unit;
}

/** 16-bit weights as big-endian bytes. */
export function weightBytes(weights: readonly number[]): Uint8Array {
  const bytes = Buffer.allocUnsafe(weights.length * 2);
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i]!;
    bytes[2 * i] = weight >> 8;
    bytes[2 * i + 1] = weight & 0xff;
  }
  return bytes;
}

/** 16-bit weights as a string of UTF-16 units (a compact hash key). */
export function weightString(weights: readonly number[]): string {
  let key = '';
  for (let start = 0; start < weights.length; start += 4096) key += String.fromCharCode(...weights.slice(start, start + 4096));
  return key;
}

/**
 * Compares two weight sequences as a PAD SPACE collation does: when one ends, the other's next weight is compared
 * with a space's weight (`spaceWeight`); NO PAD collations pass undefined and the shorter sorts first.
 */
export function compareWeights(a: ArrayLike<number>, aLength: number, b: ArrayLike<number>, bLength: number, spaceWeight: number | undefined): number {
  const common = Math.min(aLength, bLength);
  for (let i = 0; i < common; i++) {
    const difference = a[i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  if (aLength === bLength) return 0;
  if (spaceWeight === undefined) return aLength - bLength;
  const isAShorter = aLength < bLength;
  const rest = isAShorter ? b : a;
  const restLength = isAShorter ? bLength : aLength;
  for (let i = common; i < restLength; i++) {
    const difference = rest[i]! - spaceWeight;
    if (difference !== 0) return isAShorter ? -difference : difference;
  }
  return 0;
}
