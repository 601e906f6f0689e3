// UcaCollator: MySQL's UCA collations (`*_unicode_ci`, `*_unicode_520_ci`, `utf8mb4_0900_*`) over a DUCET table.
// https://dev.mysql.com/doc/refman/8.0/en/charset-unicode-sets.html
import { codePointAt, compareWeights, endWithoutTrailingSpaces, weightBytes, weightString } from './collator.js';
import type { Collator } from './collator.js';
import type { UcaVersion } from './collation-registry.js';
import { ucaTable } from './uca-table.js';
import type { UcaTable } from './uca-table.js';
import { tailoredTable } from './uca-tailoring.js';
import type { UcaTailoring } from './uca-tailoring.js';

const SPACE = 0x20;
const ASCII_END = 0x80;
/** MySQL's pre-9.0 tables keep at most 8 primary weights per character (U+FDFA has 18 in the DUCET). */
const OLD_MAX_WEIGHTS_PER_CHARACTER = 8;
const LEVEL_SEPARATOR = 0;
/** Reused by `key` for ASCII text (keys are built synchronously, one at a time). */
let scratch = new Uint16Array(256);

/**
 * Compares level by level up to `levels` (1: accent- and case-insensitive; 2: accent-sensitive; 3: also
 * case-sensitive), with every element's weights as the DUCET gives them ("non-ignorable": spaces and punctuation
 * count). Text of ASCII characters, each of which has exactly one element or none, compares without allocating.
 */
export class UcaCollator implements Collator {
  readonly isExact = false;
  private readonly table: UcaTable;
  /** Per level, the weight of each ASCII character (0: ignorable at that level). */
  private readonly asciiWeights: Uint16Array[] = [];
  private readonly spacePrimary: number;
  private readonly maxPrimaries: number;

  constructor(
    readonly name: string,
    version: UcaVersion,
    private readonly levels: 1 | 2 | 3,
    private readonly isPadSpace: boolean,
    tailoring?: UcaTailoring,
  ) {
    this.table = tailoring === undefined ? ucaTable(version) : tailoredTable(ucaTable(version), tailoring);
    this.maxPrimaries = version === '9.0.0' ? Infinity : OLD_MAX_WEIGHTS_PER_CHARACTER;
    for (let level = 0; level < levels; level++) {
      const weights = new Uint16Array(ASCII_END);
      for (let char = 0; char < ASCII_END; char++) {
        const elements = this.table.elementsOf(char);
        if (elements.length > 3) throw new Error(`${name}: ASCII U+${char.toString(16)} has several collation elements`);
        weights[char] = elements.length === 0 ? 0 : elements[level]!;
      }
      this.asciiWeights.push(weights);
    }
    this.spacePrimary = this.asciiWeights[0]![SPACE]!;
  }

  compare(a: string, b: string): number {
    const aEnd = this.isPadSpace ? endWithoutTrailingSpaces(a) : a.length;
    const bEnd = this.isPadSpace ? endWithoutTrailingSpaces(b) : b.length;
    for (let level = 0; level < this.levels; level++) {
      const order = this.compareAsciiLevel(a, aEnd, b, bEnd, level);
      if (order !== 0) return Number.isNaN(order) ? this.compareWeightLists(a, aEnd, b, bEnd) : order;
    }
    return 0;
  }

  /** The general comparison, over each string's weights level by level. */
  private compareWeightLists(a: string, aEnd: number, b: string, bEnd: number): number {
    const x = this.levelWeights(a, aEnd);
    const y = this.levelWeights(b, bEnd);
    for (let level = 0; level < this.levels; level++) {
      const order = compareWeights(x[level]!, x[level]!.length, y[level]!, y[level]!.length, level === 0 && this.isPadSpace ? this.spacePrimary : undefined);
      if (order !== 0) return order;
    }
    return 0;
  }

  key(text: string): string {
    const length = this.asciiWeightString(text);
    if (length < 0) return weightString(this.joinedWeights(text));
    // The weights as UTF-16 code units: the scratch array is little-endian 16-bit, which utf16le reads as they are.
    return Buffer.from(scratch.buffer, scratch.byteOffset, length * 2).toString('utf16le');
  }

  sortKey(text: string): Uint8Array {
    const length = this.asciiWeightString(text);
    if (length < 0) return weightBytes(this.joinedWeights(text));
    const bytes = Buffer.allocUnsafe(length * 2);
    for (let i = 0; i < length; i++) {
      const weight = scratch[i]!;
      bytes[2 * i] = weight >> 8;
      bytes[2 * i + 1] = weight & 0xff;
    }
    return bytes;
  }

  /**
   * The weight string of ASCII text (sysbench's, most identifiers: each character has one weight per level) into
   * `scratch`, returning its length; -1 when the text has other characters.
   */
  private asciiWeightString(text: string): number {
    const end = this.isPadSpace ? endWithoutTrailingSpaces(text) : text.length;
    if (scratch.length < (end + 1) * this.levels) scratch = new Uint16Array((end + 1) * this.levels * 2);
    let length = 0;
    for (let level = 0; level < this.levels; level++) {
      if (level > 0) scratch[length++] = LEVEL_SEPARATOR;
      const weights = this.asciiWeights[level]!;
      for (let i = 0; i < end; i++) {
        const char = text.charCodeAt(i);
        if (char >= ASCII_END) return -1;
        const weight = weights[char]!;
        if (weight !== 0) scratch[length++] = weight;
      }
    }
    return length;
  }

  charKey(char: string): string {
    return weightString(this.levelWeights(char, char.length).flatMap((weights, level) => (level === 0 ? weights : [LEVEL_SEPARATOR, ...weights])));
  }

  /** The weight string: each level's weights, levels separated by 0 (below every weight). */
  private joinedWeights(text: string): number[] {
    const levels = this.levelWeights(text, this.isPadSpace ? endWithoutTrailingSpaces(text) : text.length);
    const joined = [...levels[0]!];
    for (let level = 1; level < levels.length; level++) joined.push(LEVEL_SEPARATOR, ...levels[level]!);
    return joined;
  }

  /** The non-zero weights of each compared level. */
  private levelWeights(text: string, end: number): number[][] {
    const levels: number[][] = Array.from({ length: this.levels }, () => []);
    for (let i = 0; i < end; ) {
      const cp = codePointAt(text, i, end);
      i += cp > 0xffff ? 2 : 1;
      const elements = this.table.elementsOf(cp);
      let primaries = 0;
      for (let at = 0; at < elements.length; at += 3) {
        const primary = elements[at]!;
        if (primary !== 0) {
          if (primaries === this.maxPrimaries) break;
          primaries++;
          levels[0]!.push(primary);
        }
        for (let level = 1; level < this.levels; level++) {
          const weight = elements[at + level]!;
          if (weight !== 0) levels[level]!.push(weight);
        }
      }
    }
    return levels;
  }

  /** One level of two strings compared by the ASCII table; NaN as soon as a character is not ASCII. */
  private compareAsciiLevel(a: string, aEnd: number, b: string, bEnd: number, level: number): number {
    const weights = this.asciiWeights[level]!;
    let i = 0;
    let j = 0;
    for (;;) {
      let x = 0;
      let y = 0;
      while (i < aEnd) {
        const char = a.charCodeAt(i);
        if (char >= ASCII_END) return NaN;
        x = weights[char]!;
        if (x !== 0) break;
        i++;
      }
      while (j < bEnd) {
        const char = b.charCodeAt(j);
        if (char >= ASCII_END) return NaN;
        y = weights[char]!;
        if (y !== 0) break;
        j++;
      }
      if (i >= aEnd || j >= bEnd) break;
      if (x !== y) return x - y;
      i++;
      j++;
    }
    if (i >= aEnd && j >= bEnd) return 0;
    const isARest = i < aEnd;
    const rest = isARest ? a : b;
    const restEnd = isARest ? aEnd : bEnd;
    const padding = level === 0 && this.isPadSpace ? this.spacePrimary : 0;
    for (let k = isARest ? i : j; k < restEnd; k++) {
      const char = rest.charCodeAt(k);
      if (char >= ASCII_END) return NaN;
      const weight = weights[char]!;
      if (weight === 0 || weight === padding) continue;
      return (isARest ? 1 : -1) * (padding === 0 ? 1 : weight - padding);
    }
    return 0;
  }
}
