// CodePointCollator: `_bin` collations and `binary`: code point order (UTF-8 byte order), PAD SPACE or NO PAD.
import { endWithoutTrailingSpaces } from './collator.js';
import type { Collator } from './collator.js';

const SPACE = 0x20;
const SURROGATE_START = 0xd800;

/** UTF-16 units in code point order: surrogates (supplementary characters) after U+E000–U+FFFF. */
function codePointRank(unit: number): number {
  if (unit < SURROGATE_START) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/**
 * Compares without allocating: this is the hot path of sysbench-style `_bin` tables. PAD SPACE compares as if the
 * shorter string were padded with spaces, so `'a' = 'a '` and `'a\t' < 'a'`.
 */
export class CodePointCollator implements Collator {
  readonly isExact = true;

  constructor(
    readonly name: string,
    private readonly isPadSpace: boolean,
  ) {}

  compare(a: string, b: string): number {
    const aEnd = this.isPadSpace ? endWithoutTrailingSpaces(a) : a.length;
    const bEnd = this.isPadSpace ? endWithoutTrailingSpaces(b) : b.length;
    const common = aEnd < bEnd ? aEnd : bEnd;
    for (let i = 0; i < common; i++) {
      const x = a.charCodeAt(i);
      const y = b.charCodeAt(i);
      if (x !== y) return x < SURROGATE_START && y < SURROGATE_START ? x - y : codePointRank(x) - codePointRank(y);
    }
    if (aEnd === bEnd) return 0;
    if (!this.isPadSpace) return aEnd - bEnd;
    // The longer string's first character past the common part that is not a space decides against the padding.
    const isAShorter = aEnd < bEnd;
    const rest = isAShorter ? b : a;
    const restEnd = isAShorter ? bEnd : aEnd;
    for (let i = common; i < restEnd; i++) {
      const unit = rest.charCodeAt(i);
      if (unit !== SPACE) return (isAShorter ? -1 : 1) * (codePointRank(unit) - SPACE);
    }
    return 0;
  }

  key(text: string): string {
    return this.isPadSpace ? text.slice(0, endWithoutTrailingSpaces(text)) : text;
  }

  sortKey(text: string): string {
    return this.key(text);
  }

  charKey(char: string): string {
    return char;
  }
}
