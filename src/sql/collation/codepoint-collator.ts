// CodePointCollator: `_bin` collations and `binary`: code point order (UTF-8 byte order), PAD SPACE or NO PAD.
import { endWithoutTrailingSpaces } from './collator.js';
import type { Collator } from './collator.js';

const SPACE = 0x20;

/**
 * Compares without allocating: this is the hot path of sysbench-style `_bin` tables, so strings of one length
 * without trailing spaces use the engine's native comparison. PAD SPACE compares as if the shorter string were
 * padded with spaces, so `'a' = 'a '` and `'a\t' < 'a'`. The order is that of UTF-16 code units, which is code
 * point order (UTF-8 byte order, as in MySQL) except that characters above U+FFFF sort before U+E000–U+FFFF.
 */
export class CodePointCollator implements Collator {
  readonly isExact = true;

  constructor(
    readonly name: string,
    private readonly isPadSpace: boolean,
  ) {}

  compare(a: string, b: string): number {
    const aLength = a.length;
    const bLength = b.length;
    if (aLength === bLength && (!this.isPadSpace || (a.charCodeAt(aLength - 1) !== SPACE && b.charCodeAt(bLength - 1) !== SPACE))) {
      return a === b ? 0 : a < b ? -1 : 1;
    }
    const aEnd = this.isPadSpace ? endWithoutTrailingSpaces(a) : aLength;
    const bEnd = this.isPadSpace ? endWithoutTrailingSpaces(b) : bLength;
    const common = aEnd < bEnd ? aEnd : bEnd;
    for (let i = 0; i < common; i++) {
      const x = a.charCodeAt(i);
      const y = b.charCodeAt(i);
      if (x !== y) return x - y;
    }
    if (aEnd === bEnd) return 0;
    if (!this.isPadSpace) return aEnd - bEnd;
    // The longer string's first character past the common part that is not a space decides against the padding.
    const isAShorter = aEnd < bEnd;
    const rest = isAShorter ? b : a;
    const restEnd = isAShorter ? bEnd : aEnd;
    for (let i = common; i < restEnd; i++) {
      const unit = rest.charCodeAt(i);
      if (unit !== SPACE) return (isAShorter ? -1 : 1) * (unit - SPACE);
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
