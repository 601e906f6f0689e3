// Latin1SwedishCollator: MySQL's `latin1_swedish_ci`, one weight per cp1252 byte, PAD SPACE.
// https://dev.mysql.com/doc/refman/8.0/en/charset-we-sets.html
import { compareWeights, endWithoutTrailingSpaces, weightBytes, weightString } from './collator.js';
import type { Collator } from './collator.js';

const SPACE = 0x20;
const QUESTION_MARK = 0x3f;

/** cp1252 (MySQL's latin1): Unicode character → byte, from the runtime's WHATWG windows-1252 decoder. */
const bytesByChar: ReadonlyMap<number, number> = (() => {
  const decoded = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return new Map([...decoded].map((char, byte) => [char.codePointAt(0)!, byte]));
})();

/**
 * The Swedish/Finnish letters that sort after Z as letters of their own (Å, then Ä = Æ, then Ö), Ü weighing as Y
 * and Ð as D; other accented letters weigh as their base letter, case-insensitively. Checked against MariaDB's
 * identical table for all 256 bytes.
 */
const SWEDISH_LETTERS: ReadonlyMap<number, number> = new Map([
  [0xc5, 0x5b],
  [0xc4, 0x5c],
  [0xc6, 0x5c],
  [0xd6, 0x5d],
  [0xdc, 0x59],
  [0xd0, 0x44],
]);

function swedishWeight(byte: number): number {
  if (byte >= 0x61 && byte <= 0x7a) return byte - 0x20;
  const upper = byte >= 0xe0 && byte <= 0xfe && byte !== 0xf7 ? byte - 0x20 : byte;
  if (upper < 0xc0 || upper > 0xde) return upper;
  const special = SWEDISH_LETTERS.get(upper);
  if (special !== undefined) return special;
  const base = String.fromCharCode(upper).normalize('NFD');
  return base.length > 1 ? base.charCodeAt(0) : upper;
}

const WEIGHTS = Uint16Array.from({ length: 256 }, (_, byte) => swedishWeight(byte));

/** Characters latin1 cannot hold weigh as the `?` MySQL would have stored for them. */
export class Latin1SwedishCollator implements Collator {
  readonly isExact = false;

  constructor(readonly name: string) {}

  compare(a: string, b: string): number {
    const x = this.weightsOf(a);
    const y = this.weightsOf(b);
    return compareWeights(x, x.length, y, y.length, SPACE);
  }

  key(text: string): string {
    return weightString(this.weightsOf(text));
  }

  sortKey(text: string): Uint8Array {
    return weightBytes(this.weightsOf(text));
  }

  charKey(char: string): string {
    return String.fromCharCode(this.weightOf(char.codePointAt(0) ?? 0));
  }

  private weightOf(cp: number): number {
    return WEIGHTS[bytesByChar.get(cp) ?? QUESTION_MARK]!;
  }

  private weightsOf(text: string): number[] {
    const out: number[] = [];
    const end = endWithoutTrailingSpaces(text);
    for (const char of text.slice(0, end)) out.push(this.weightOf(char.codePointAt(0)!));
    return out;
  }
}
