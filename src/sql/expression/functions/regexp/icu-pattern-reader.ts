// IcuPatternReader: walks an ICU regular expression by code point, hiding \Q…\E quoting, (?#…) comments and, in
// free-spacing mode, white space and # comments, so the translator sees only what has meaning.
import { mysqlError, ER_REGEXP_MISMATCHED_PAREN, ER_REGEXP_RULE_SYNTAX } from '../../../../errors/index.js';
import type { MySqlError } from '../../../../errors/index.js';

/** One character of the pattern: its code point, its position, and whether \Q…\E made it a literal. */
export interface PatternChar {
  readonly cp: number;
  readonly at: number;
  readonly isQuoted: boolean;
}

const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const WHITE_SPACE = /\p{White_Space}/u;

/** The code point of a one-character string. */
export const cpOf = (char: string): number => char.codePointAt(0)!;

export class IcuPatternReader {
  readonly cps: readonly number[];
  private index = 0;
  private isQuoting = false;

  constructor(pattern: string) {
    this.cps = Array.from(pattern, (char) => char.codePointAt(0)!);
  }

  /** The next meaningful character (not consumed); undefined at the end. */
  peek(isFreeSpacing: boolean, isInSet = false): PatternChar | undefined {
    return this.scan(isFreeSpacing, isInSet).char;
  }

  /** Consumes and returns the next meaningful character. */
  take(isFreeSpacing: boolean, isInSet = false): PatternChar | undefined {
    const scanned = this.scan(isFreeSpacing, isInSet);
    this.index = scanned.index;
    this.isQuoting = scanned.isQuoting;
    return scanned.char;
  }

  /** True when the next meaningful character is the unquoted `char`. */
  isAt(char: string, isFreeSpacing: boolean, isInSet = false): boolean {
    const next = this.peek(isFreeSpacing, isInSet);
    return next !== undefined && !next.isQuoted && next.cp === cpOf(char);
  }

  /** The next code point exactly as written (inside escapes and group headers), consumed. */
  raw(): number | undefined {
    return this.cps[this.index++];
  }

  /** The code point `offset` places ahead, exactly as written. */
  rawPeek(offset = 0): number | undefined {
    return this.cps[this.index + offset];
  }

  /** Where the reader stands (for error positions). */
  get position(): number {
    return this.index;
  }

  /** ER_REGEXP_RULE_SYNTAX (3688) naming the line and character of `at`, counted as ICU counts lines. */
  syntaxError(at: number): MySqlError {
    const end = Math.max(0, Math.min(at, this.cps.length - 1));
    let line = 1;
    let column = 0;
    for (let k = 0; k <= end; k++) {
      const cp = this.cps[k]!;
      const isBreak = cp === CARRIAGE_RETURN || cp === 0x85 || cp === 0x2028 || (cp === NEWLINE && this.cps[k - 1] !== CARRIAGE_RETURN);
      if (isBreak) {
        line++;
        column = 0;
      } else {
        column++;
      }
    }
    return mysqlError(ER_REGEXP_RULE_SYNTAX, line, Math.max(column, 1));
  }

  private scan(isFreeSpacing: boolean, isInSet: boolean): { char: PatternChar | undefined; index: number; isQuoting: boolean } {
    let index = this.index;
    let isQuoting = this.isQuoting;
    for (;;) {
      const cp = this.cps[index];
      if (cp === undefined) return { char: undefined, index, isQuoting };
      const next = this.cps[index + 1];
      if (isQuoting) {
        if (cp === BACKSLASH && next === cpOf('E')) {
          isQuoting = false;
          index += 2;
          continue;
        }
        return { char: { cp, at: index, isQuoted: true }, index: index + 1, isQuoting };
      }
      if (cp === BACKSLASH && next === cpOf('Q')) {
        isQuoting = true;
        index += 2;
        continue;
      }
      if (cp === BACKSLASH && next === cpOf('E')) {
        index += 2;
        continue;
      }
      if (isFreeSpacing && WHITE_SPACE.test(String.fromCodePoint(cp))) {
        index++;
        continue;
      }
      if (isFreeSpacing && cp === cpOf('#')) {
        while (index < this.cps.length && this.cps[index] !== NEWLINE) index++;
        continue;
      }
      if (!isInSet && cp === cpOf('(') && next === cpOf('?') && this.cps[index + 2] === cpOf('#')) {
        const close = this.cps.indexOf(cpOf(')'), index + 3);
        if (close < 0) throw mysqlError(ER_REGEXP_MISMATCHED_PAREN);
        index = close + 1;
        continue;
      }
      return { char: { cp, at: index, isQuoted: false }, index: index + 1, isQuoting };
    }
  }
}
