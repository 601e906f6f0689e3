// GeneralCollator: MySQL's `*_general_ci`, a one-level table of one weight per character, PAD SPACE.
// https://dev.mysql.com/doc/refman/8.0/en/charset-unicode-sets.html (general_ci: no expansions, ß = s)
import { codePointAt, compareWeights, endWithoutTrailingSpaces, weightBytes, weightString } from './collator.js';
import type { Collator } from './collator.js';
import { isAssignedBy } from './unicode-age.js';

const SPACE = 0x20;
const REPLACEMENT_CHARACTER = 0xfffd;
/** The Unicode version MySQL's general_ci table was made from: later characters weigh their own code point. */
const TABLE_UNICODE_VERSION = 3.0;
/** Scripts whose accented letters general_ci weighs as their base letter (À = A, Ё = Е, Ά = Α). */
const FOLDED_SCRIPTS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;
const LETTER = /^\p{L}$/u;
/** Й/й are letters of their own in MySQL's table (Russian), not И with a breve. */
const KEPT_APART: ReadonlySet<number> = new Set([0x0419, 0x0439]);
const SHARP_S = 0xdf;
const LATIN_CAPITAL_S = 0x53;

/**
 * The weight of BMP code point `cp`, by the rules of MySQL's table: characters of Unicode 3.0 weigh as their simple
 * upper case, accented Latin, Greek and Cyrillic letters as their (upper-case) base letter, ß as S; checked against
 * MariaDB's identical table for every BMP code point (one difference: U+03F2 GREEK LUNATE SIGMA, which MySQL weighs
 * as Σ).
 */
function generalWeight(cp: number): number {
  if (!isAssignedBy(cp, TABLE_UNICODE_VERSION)) return cp;
  if (cp === SHARP_S) return LATIN_CAPITAL_S;
  const char = String.fromCharCode(cp);
  let base = cp;
  const decomposed = char.normalize('NFD');
  if (decomposed.length > 1 && char.normalize('NFC') === char && FOLDED_SCRIPTS.test(char) && !KEPT_APART.has(cp)) {
    const first = decomposed[0]!;
    if (LETTER.test(first)) base = first.charCodeAt(0);
  }
  const upper = String.fromCharCode(base).toUpperCase();
  const upperCp = upper.length === 1 ? upper.charCodeAt(0) : base;
  return isAssignedBy(upperCp, TABLE_UNICODE_VERSION) ? upperCp : base;
}

let bmpWeights: Uint16Array | undefined;

/** The BMP weight table, built on first use (about 65,536 normalizations, once per process). */
function weights(): Uint16Array {
  if (!bmpWeights) {
    const table = new Uint16Array(0x10000);
    for (let cp = 0; cp < 0x10000; cp++) table[cp] = generalWeight(cp);
    bmpWeights = table;
  }
  return bmpWeights;
}

/** One weight per character; supplementary characters all weigh as U+FFFD, as in MySQL. */
export class GeneralCollator implements Collator {
  readonly isExact = false;

  constructor(readonly name: string) {}

  compare(a: string, b: string): number {
    const table = weights();
    const aEnd = endWithoutTrailingSpaces(a);
    const bEnd = endWithoutTrailingSpaces(b);
    let i = 0;
    let j = 0;
    while (i < aEnd && j < bEnd) {
      const x = a.charCodeAt(i);
      const y = b.charCodeAt(j);
      if (x < 0xd800 && y < 0xd800) {
        const difference = table[x]! - table[y]!;
        if (difference !== 0) return difference;
        i++;
        j++;
        continue;
      }
      const cpX = codePointAt(a, i, aEnd);
      const cpY = codePointAt(b, j, bEnd);
      const difference = this.weightOf(cpX, table) - this.weightOf(cpY, table);
      if (difference !== 0) return difference;
      i += cpX > 0xffff ? 2 : 1;
      j += cpY > 0xffff ? 2 : 1;
    }
    if (i >= aEnd && j >= bEnd) return 0;
    const rest = this.weightsOf(i < aEnd ? a : b, i < aEnd ? i : j, i < aEnd ? aEnd : bEnd);
    const order = compareWeights(rest, rest.length, [], 0, SPACE);
    return i < aEnd ? order : -order;
  }

  key(text: string): string {
    return weightString(this.weightsOf(text, 0, endWithoutTrailingSpaces(text)));
  }

  sortKey(text: string): Uint8Array {
    return weightBytes(this.weightsOf(text, 0, endWithoutTrailingSpaces(text)));
  }

  charKey(char: string): string {
    return String.fromCharCode(this.weightOf(codePointAt(char, 0, char.length), weights()));
  }

  private weightOf(cp: number, table: Uint16Array): number {
    return cp > 0xffff ? REPLACEMENT_CHARACTER : table[cp]!;
  }

  private weightsOf(text: string, start: number, end: number): number[] {
    const table = weights();
    const out: number[] = [];
    for (let i = start; i < end; ) {
      const cp = codePointAt(text, i, end);
      out.push(this.weightOf(cp, table));
      i += cp > 0xffff ? 2 : 1;
    }
    return out;
  }
}
