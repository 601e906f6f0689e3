// DistinctCounter: counts distinct keys in bounded memory — exactly up to a cap, then by adaptive sampling of hashes.

/** Distinct hashes kept at most; past it, half of the hash space is dropped at a time (Wegman's adaptive sampling). */
const MAX_KEPT = 1 << 16;

/**
 * Keeps the 53-bit hashes of the keys seen whose top `level` bits are zero; the count is their number times 2^level.
 * At level 0 it is exact (but for hash collisions, negligible at 53 bits); memory never exceeds MAX_KEPT numbers.
 */
export class DistinctCounter {
  private kept = new Set<number>();
  private level = 0;
  private limit = 2 ** 53;

  add(key: string): void {
    const hash = hash53(key);
    if (hash >= this.limit) return;
    this.kept.add(hash);
    while (this.kept.size > MAX_KEPT) {
      this.level++;
      this.limit = 2 ** (53 - this.level);
      const limit = this.limit;
      this.kept = new Set([...this.kept].filter((value) => value < limit));
    }
  }

  /** The number of distinct keys added (an estimate once more than MAX_KEPT were seen). */
  get count(): number {
    return this.kept.size * 2 ** this.level;
  }
}

/** Two FNV-1a passes with different offsets, joined into a 53-bit number (exactly representable as a double). */
function hash53(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) >>> 11);
}
