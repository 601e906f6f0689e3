// ucaTable: the collation elements of each code point under one DUCET version, as MySQL's UCA collations use them.
// https://www.unicode.org/reports/tr10/ (UTS #10), https://dev.mysql.com/worklog/task/?id=10818
import type { UcaVersion } from './collation-registry.js';
import { isAssignedBy } from './unicode-age.js';
import { readUnicodeDataFile } from './unicode-data-file.js';

/**
 * Collation elements of one code point, flattened: [primary, secondary, tertiary, primary, …]. MySQL uses the
 * DUCET's single-code-point entries only: its contractions are ignored ("characters in contraction sequence will
 * be treated as separate characters", WL#10818), and text is not normalized first.
 */
export interface UcaTable {
  readonly version: UcaVersion;
  elementsOf(cp: number): Uint16Array;
}

const ENTRY = /^([0-9A-F]{4,6})\s*;\s*((?:\[[.*][0-9A-F.]+\])+)/u;
const ELEMENT = /\[[.*]([0-9A-F]{4})\.([0-9A-F]{4})\.([0-9A-F]{4})/gu;
const COMMON_SECONDARY = 0x0020;
const COMMON_TERTIARY = 0x0002;

/** The single-code-point entries of `allkeys-<version>.txt`. */
function loadAllkeys(version: '5.2.0' | '9.0.0'): Map<number, Uint16Array> {
  const entries = new Map<number, Uint16Array>();
  for (const line of readUnicodeDataFile(`allkeys-${version}.txt`).split('\n')) {
    const match = ENTRY.exec(line);
    if (!match) continue;
    const weights: number[] = [];
    for (const element of match[2]!.matchAll(ELEMENT)) weights.push(parseInt(element[1]!, 16), parseInt(element[2]!, 16), parseInt(element[3]!, 16));
    entries.set(parseInt(match[1]!, 16), Uint16Array.from(weights));
  }
  return entries;
}

/** CJK compatibility ideographs that are unified ideographs, weighed with the core block (UTS #10 §10.1.3). */
const UNIFIED_COMPATIBILITY = new Set([0xfa0e, 0xfa0f, 0xfa11, 0xfa13, 0xfa14, 0xfa1f, 0xfa21, 0xfa23, 0xfa24, 0xfa27, 0xfa28, 0xfa29]);

type Range = readonly [number, number];
const inRanges = (cp: number, ranges: readonly Range[]): boolean => ranges.some(([low, high]) => cp >= low && cp <= high);

/** Han ranges by version: the core block (base FB40) and the extensions (FB80). Pre-9.0 tables use Unicode 4.0's. */
const HAN_RANGES: Record<'old' | '9.0.0', { core: readonly Range[]; extensions: readonly Range[] }> = {
  old: { core: [[0x4e00, 0x9fa5]], extensions: [[0x3400, 0x4db5], [0x20000, 0x2a6d6]] },
  '9.0.0': {
    core: [[0x4e00, 0x9fd5]],
    extensions: [[0x3400, 0x4db5], [0x20000, 0x2a6d6], [0x2a700, 0x2b734], [0x2b740, 0x2b81d], [0x2b820, 0x2cea1]],
  },
};
/** `@implicitweights 17000..18AFF; FB00` of allkeys-9.0.0.txt: Tangut and its components. */
const TANGUT: Range = [0x17000, 0x18aff];
const TANGUT_BASE = 0xfb00;

/** The implicit weights of a code point the table does not list (UTS #10 §10.1): two elements from its value. */
function implicitElements(cp: number, ranges: (typeof HAN_RANGES)['old'], hasTangut: boolean): Uint16Array {
  if (hasTangut && cp >= TANGUT[0] && cp <= TANGUT[1]) {
    return Uint16Array.of(TANGUT_BASE, COMMON_SECONDARY, COMMON_TERTIARY, (cp - TANGUT[0]) | 0x8000, 0, 0);
  }
  const isCore = inRanges(cp, ranges.core) || UNIFIED_COMPATIBILITY.has(cp);
  const base = isCore ? 0xfb40 : inRanges(cp, ranges.extensions) ? 0xfb80 : 0xfbc0;
  return Uint16Array.of(base + (cp >> 15), COMMON_SECONDARY, COMMON_TERTIARY, (cp & 0x7fff) | 0x8000, 0, 0);
}

/** Hangul syllables decompose into their conjoining jamo (UTS #10 §10.1.5), as MySQL's 0900 collations do. */
const HANGUL = { first: 0xac00, last: 0xd7a3, leadFirst: 0x1100, vowelFirst: 0x1161, trailBefore: 0x11a7, vowels: 21, trails: 28 } as const;

function hangulJamo(cp: number): number[] {
  const index = cp - HANGUL.first;
  const lead = HANGUL.leadFirst + Math.floor(index / (HANGUL.vowels * HANGUL.trails));
  const vowel = HANGUL.vowelFirst + Math.floor((index % (HANGUL.vowels * HANGUL.trails)) / HANGUL.trails);
  const trail = index % HANGUL.trails;
  return trail === 0 ? [lead, vowel] : [lead, vowel, HANGUL.trailBefore + trail];
}

/** A table over `entries`; `lookup` supplies what the file does not list. BMP code points are cached in an array. */
function tableOf(version: UcaVersion, elements: (cp: number) => Uint16Array): UcaTable {
  const bmp = new Array<Uint16Array | undefined>(0x10000);
  return {
    version,
    elementsOf(cp) {
      if (cp > 0xffff) return elements(cp);
      let found = bmp[cp];
      if (found === undefined) {
        found = elements(cp);
        bmp[cp] = found;
      }
      return found;
    },
  };
}

function buildTable(version: UcaVersion): UcaTable {
  if (version === '9.0.0') {
    const entries = loadAllkeys('9.0.0');
    const own = (cp: number): Uint16Array => entries.get(cp) ?? implicitElements(cp, HAN_RANGES['9.0.0'], true);
    return tableOf(version, (cp) => {
      if (cp < HANGUL.first || cp > HANGUL.last) return own(cp);
      const jamo = hangulJamo(cp).map(own);
      const joined = new Uint16Array(jamo.reduce((sum, part) => sum + part.length, 0));
      let at = 0;
      for (const part of jamo) {
        joined.set(part, at);
        at += part.length;
      }
      return joined;
    });
  }
  const entries = loadAllkeys('5.2.0');
  if (version === '5.2.0') return tableOf(version, (cp) => entries.get(cp) ?? implicitElements(cp, HAN_RANGES.old, false));
  // UCA 4.0.0's own file is not available to this project: 5.2.0's weights of the characters Unicode 4.0 had keep
  // 4.0.0's order (checked against MariaDB's utf8mb4_unicode_ci over the BMP: 81 of 63,488 code points sort
  // differently); later characters get implicit weights, and supplementary characters weigh as U+FFFD, as in
  // MySQL's utf8mb4_unicode_ci.
  const replacement = entries.get(0xfffd) ?? implicitElements(0xfffd, HAN_RANGES.old, false);
  return tableOf(version, (cp) => {
    if (cp > 0xffff) return replacement;
    const listed = isAssignedBy(cp, 4.0) ? entries.get(cp) : undefined;
    return listed ?? implicitElements(cp, HAN_RANGES.old, false);
  });
}

const tables = new Map<UcaVersion, UcaTable>();

/** The table of a DUCET version, loaded from data/unicode/ on first use. */
export function ucaTable(version: UcaVersion): UcaTable {
  let table = tables.get(version);
  if (!table) {
    table = buildTable(version);
    tables.set(version, table);
  }
  return table;
}
