// IcuRegExp: a MySQL regular expression compiled once (translated from ICU syntax), with ICU's find-next and
// replacement semantics over code-point positions.
import { mysqlError, ER_REGEXP_INDEX_OUTOFBOUNDS_ERROR, ER_REGEXP_INTERNAL_ERROR, ER_REGEXP_INVALID_CAPTURE_GROUP_NAME } from '../../../../errors/index.js';
import { translateIcuPattern } from './icu-pattern-translator.js';
import type { IcuFlags } from './icu-pattern-translator.js';
import { runWithTimeLimit } from './time-limited-match.js';

/** A match: where it starts and ends (UTF-16 indexes) and its capture groups by ICU number (0 = the whole match). */
export interface IcuMatch {
  readonly start: number;
  readonly end: number;
  group(number: number): string;
}

/** One piece of a parsed replacement: literal text or a capture group's text. */
type ReplacementPart = string | number;

/** Compiled patterns are kept across statements, keyed by flags and text; the oldest goes beyond this many. */
const CACHE_SIZE = 256;
const cache = new Map<string, IcuRegExp>();
const SURROGATE = /[\uD800-\uDFFF]/;

export class IcuRegExp {
  private readonly regexp: RegExp;
  private readonly groupCount: number;
  private readonly groupNames: ReadonlyMap<string, number>;
  private readonly guardAbove: number;

  private constructor(pattern: string, flags: IcuFlags) {
    const translated = translateIcuPattern(pattern, flags);
    try {
      this.regexp = new RegExp(translated.source, `${translated.jsFlags}g`);
    } catch {
      // The translation produced something the engine refuses: a gap in the translator, not the user's error.
      throw mysqlError(ER_REGEXP_INTERNAL_ERROR);
    }
    this.groupCount = translated.groupCount;
    this.groupNames = translated.groupNames;
    this.guardAbove = translated.guardAbove;
  }

  /** The compiled form of `pattern` under `flags`, from the cache when it was compiled before. */
  static compile(pattern: string, flags: IcuFlags): IcuRegExp {
    const key = `${Number(flags.isCaseInsensitive)}${Number(flags.isMultiline)}${Number(flags.isDotAll)}${Number(flags.isUnixLines)}${pattern}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const compiled = new IcuRegExp(pattern, flags);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, compiled);
    return compiled;
  }

  /**
   * The `occurrence`-th match (1 for the first; less counts as 1, as ICU's loop does) at or after UTF-16 index
   * `from`, or undefined. After an empty match the search goes on one code point further, as ICU's findNext does.
   * `timeLimit`: see `exec`.
   */
  find(subject: string, from: number, occurrence: number, timeLimit: number): IcuMatch | undefined {
    let position = from;
    let found: IcuMatch | undefined;
    for (let n = 0; n < Math.max(occurrence, 1); n++) {
      if (position > subject.length) return undefined;
      found = this.exec(subject, position, timeLimit);
      if (!found) return undefined;
      position = found.end > found.start ? found.end : nextCodePoint(subject, found.end);
    }
    return found;
  }

  /** Every match at or after `from`, in order (each under `timeLimit`, as `find`). */
  *matches(subject: string, from: number, timeLimit: number): Generator<IcuMatch> {
    let position = from;
    while (position <= subject.length) {
      const found = this.exec(subject, position, timeLimit);
      if (!found) return;
      yield found;
      position = found.end > found.start ? found.end : nextCodePoint(subject, found.end);
    }
  }

  /**
   * Parses an ICU replacement: `$n` (digits taken while they still name a group; a group beyond the pattern's is
   * 3686), `${name}` (an unknown name is 3887), `\c` for a literal c; a `$` followed by anything else is 3887.
   */
  parseReplacement(replacement: string): readonly ReplacementPart[] {
    const parts: ReplacementPart[] = [];
    let literal = '';
    for (let i = 0; i < replacement.length; i++) {
      const char = replacement[i]!;
      if (char === '\\' && i + 1 < replacement.length) {
        const cp = replacement.codePointAt(i + 1)!;
        literal += String.fromCodePoint(cp);
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      if (char !== '$') {
        literal += char;
        continue;
      }
      const next = replacement[i + 1];
      let group: number;
      if (next !== undefined && next >= '0' && next <= '9') {
        group = Number(next);
        i++;
        while (isDigit(replacement[i + 1]) && group * 10 + Number(replacement[i + 1]) <= this.groupCount) group = group * 10 + Number(replacement[++i]);
        if (group > this.groupCount) throw mysqlError(ER_REGEXP_INDEX_OUTOFBOUNDS_ERROR);
      } else if (next === '{') {
        const close = replacement.indexOf('}', i + 2);
        const named = close < 0 ? undefined : this.groupNames.get(replacement.slice(i + 2, close));
        if (named === undefined) throw mysqlError(ER_REGEXP_INVALID_CAPTURE_GROUP_NAME);
        group = named;
        i = close;
      } else {
        throw mysqlError(ER_REGEXP_INVALID_CAPTURE_GROUP_NAME);
      }
      if (literal !== '') parts.push(literal);
      literal = '';
      parts.push(group);
    }
    if (literal !== '') parts.push(literal);
    return parts;
  }

  /**
   * One match attempt from `position`. A pattern that can backtrack badly runs under `timeLimit` milliseconds on
   * subjects long enough to hurt (0: no limit), as ICU's regexp_time_limit stops it.
   */
  private exec(subject: string, position: number, timeLimit: number): IcuMatch | undefined {
    this.regexp.lastIndex = position;
    const isGuarded = timeLimit > 0 && subject.length - position > this.guardAbove;
    const match = isGuarded ? runWithTimeLimit(() => this.regexp.exec(subject), timeLimit) : this.regexp.exec(subject);
    if (!match) return undefined;
    const groups = match.groups;
    return {
      start: match.index,
      end: match.index + match[0].length,
      group: (number) => (number === 0 ? match[0] : (groups?.[`g${number}`] ?? '')),
    };
  }
}

/** The text a replacement's parts spell for one match. */
export function expandReplacement(parts: readonly ReplacementPart[], match: IcuMatch): string {
  let text = '';
  for (const part of parts) text += typeof part === 'string' ? part : match.group(part);
  return text;
}

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/** The UTF-16 index one code point after `index`. */
function nextCodePoint(text: string, index: number): number {
  const cp = text.codePointAt(index);
  return index + (cp !== undefined && cp > 0xffff ? 2 : 1);
}

/** The UTF-16 index of 1-based code-point position `position` (MySQL counts characters, not UTF-16 units). */
export function codeUnitIndex(text: string, position: number): number {
  if (!SURROGATE.test(text)) return position - 1;
  let index = 0;
  for (let n = 1; n < position && index < text.length; n++) index = nextCodePoint(text, index);
  return index;
}

/** The 1-based code-point position of UTF-16 index `index`. */
export function codePointPosition(text: string, index: number): number {
  if (!SURROGATE.test(text)) return index + 1;
  return [...text.slice(0, index)].length + 1;
}

/** The length of `text` in code points. */
export function codePointLength(text: string): number {
  return SURROGATE.test(text) ? [...text].length : text.length;
}
