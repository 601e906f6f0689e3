// translateIcuPattern: an ICU regular expression (MySQL 8's dialect) as a JavaScript `v`-mode RegExp source with the
// same meaning: ICU's line terminators for . ^ $, Unicode \w \b \d \s, POSIX classes, possessive and atomic groups,
// inline flags, and ICU's errors (3688–3700, 3887, 3900, 4007) for what ICU refuses.
// https://dev.mysql.com/doc/refman/8.0/en/regexp.html#regexp-syntax, https://unicode-org.github.io/icu/userguide/strings/regexp.html
import {
  mysqlError,
  ER_REGEXP_BAD_INTERVAL,
  ER_REGEXP_INVALID_BACK_REF,
  ER_REGEXP_INVALID_CAPTURE_GROUP_NAME,
  ER_REGEXP_INVALID_FLAG,
  ER_REGEXP_LOOK_BEHIND_LIMIT,
  ER_REGEXP_MAX_LT_MIN,
  ER_REGEXP_MISMATCHED_PAREN,
  ER_REGEXP_UNIMPLEMENTED,
  ER_REGEX_NUMBER_TOO_BIG,
} from '../../../../errors/index.js';
import { translateBracketSet } from './icu-bracket-set.js';
import { badEscape, isAsciiAlphanumeric, readCharEscape, readPropertyName } from './icu-escapes.js';
import { IcuPatternReader, cpOf } from './icu-pattern-reader.js';
import { LINE_TERMINATORS, WORD_CHARS, caseVariants, classEscape, literalSource, negatedClass, propertyClass } from './icu-properties.js';

/** The match modes of ICU (MySQL's match_type c/i, m, n, u and the inline (?imsx) flags). */
export interface IcuFlags {
  readonly isCaseInsensitive: boolean;
  readonly isMultiline: boolean;
  readonly isDotAll: boolean;
  readonly isFreeSpacing: boolean;
  readonly isUnixLines: boolean;
}

/**
 * A translated pattern. Capture group n of the ICU pattern is the JavaScript group named `g<n>` (helper groups of
 * atomic and possessive constructs are `a<k>`), so group numbers never shift.
 */
export interface TranslatedPattern {
  readonly source: string;
  readonly jsFlags: string;
  readonly groupCount: number;
  readonly groupNames: ReadonlyMap<string, number>;
  /**
   * Subjects longer than this many UTF-16 units are matched under a time limit: JavaScript's engine backtracks like
   * ICU's, and nested unbounded quantifiers, repeated alternatives that may start alike, or several unbounded
   * quantifiers can take exponential (or high polynomial) time. Infinity for patterns without that risk.
   */
  readonly guardAbove: number;
}

/** Exponential risk (nested quantifiers, repeated overlapping alternatives) shows on short subjects already. */
const EXPONENTIAL_GUARD_ABOVE = 16;
/** Two or more unbounded quantifiers in a row are polynomial: harmless until subjects grow long. */
const POLYNOMIAL_GUARD_ABOVE = 256;

type Flags = { -readonly [K in keyof IcuFlags]: IcuFlags[K] };

/** A translated atom and the most characters it can match (Infinity when unbounded), for look-behind limits. */
interface Atom {
  readonly source: string;
  readonly maxLength: number;
  /** \b, \B and look-arounds: ICU refuses a quantifier on them. */
  readonly isAssertion?: boolean;
  /** Alternatives that may start alike: repeating them can backtrack exponentially ((a|ab)+, not (user|admin)+). */
  readonly hasOverlappingBranches?: boolean;
  /** The character (lower-cased) every match starts with, when known: tells alternatives apart. */
  readonly leadingChar?: string;
}

/** ICU reads interval bounds as 32-bit integers; beyond that is ER_REGEX_NUMBER_TOO_BIG. */
const MAX_INTERVAL = 2_147_483_647;
const QUANTIFIERS = '*+?{';
const WORD = `[${WORD_CHARS}]`;
const INLINE_CASE_FLAG = /\(\?[a-zA-Z]*-?[a-zA-Z]*i/;

export function translateIcuPattern(pattern: string, flags: IcuFlags): TranslatedPattern {
  const translator = new Translator(pattern, flags);
  const source = translator.translate();
  return {
    source,
    jsFlags: translator.isFoldingByHand || !flags.isCaseInsensitive ? 'v' : 'vi',
    groupCount: translator.groupCount,
    groupNames: translator.groupNames,
    guardAbove: translator.isExponential ? EXPONENTIAL_GUARD_ABOVE : translator.unboundedCount >= 2 ? POLYNOMIAL_GUARD_ABOVE : Infinity,
  };
}

class Translator {
  readonly reader: IcuPatternReader;
  readonly groupNames = new Map<string, number>();
  groupCount = 0;
  /** Backtracking risk seen so far (see TranslatedPattern.guardAbove). */
  isExponential = false;
  unboundedCount = 0;
  private helperCount = 0;
  private readonly totalGroups: number;
  /** Inline (?i) / (?-i) flags make case sensitivity vary within the pattern: case variants are then written out. */
  readonly isFoldingByHand: boolean;

  constructor(
    pattern: string,
    private readonly flags: IcuFlags,
  ) {
    this.reader = new IcuPatternReader(pattern);
    this.totalGroups = countCaptureGroups(this.reader.cps);
    this.isFoldingByHand = INLINE_CASE_FLAG.test(pattern);
  }

  translate(): string {
    const top = this.alternation({ ...this.flags }, 0);
    return top.source;
  }

  private alternation(flags: Flags, depth: number): Atom {
    const branches = [this.sequence(flags)];
    while (this.reader.isAt('|', flags.isFreeSpacing)) {
      this.reader.take(flags.isFreeSpacing);
      branches.push(this.sequence(flags));
    }
    if (depth === 0 && this.reader.peek(flags.isFreeSpacing) !== undefined) throw mysqlError(ER_REGEXP_MISMATCHED_PAREN);
    const maxLength = Math.max(...branches.map((branch) => branch.maxLength));
    const leads = branches.map((branch) => branch.leadingChar);
    const hasOverlappingBranches = branches.length > 1 && (leads.includes(undefined) || new Set(leads).size < leads.length);
    const source = branches.map((branch) => branch.source).join('|');
    return branches.length === 1 ? { ...branches[0]!, source } : { source, maxLength, hasOverlappingBranches };
  }

  private sequence(flags: Flags): Atom {
    let source = '';
    let maxLength = 0;
    let leadingChar: string | undefined;
    let hasOverlappingBranches = false;
    for (let isFirst = true; ; isFirst = false) {
      const next = this.reader.peek(flags.isFreeSpacing);
      if (next === undefined || (!next.isQuoted && (next.cp === cpOf('|') || next.cp === cpOf(')')))) {
        return { source, maxLength, ...(leadingChar === undefined ? {} : { leadingChar }), ...(hasOverlappingBranches ? { hasOverlappingBranches } : {}) };
      }
      const atom = this.atom(flags);
      if (atom === undefined) continue;
      const quantified = this.quantified(flags, atom);
      if (isFirst) {
        leadingChar = quantified.leadingChar;
        hasOverlappingBranches = quantified.hasOverlappingBranches === true;
      }
      source += quantified.source;
      maxLength += quantified.maxLength;
    }
  }

  private quantified(flags: Flags, atom: Atom): Atom {
    const next = this.reader.peek(flags.isFreeSpacing);
    if (next === undefined || next.isQuoted || !QUANTIFIERS.includes(String.fromCodePoint(next.cp))) return atom;
    if (atom.isAssertion === true) throw this.reader.syntaxError(next.at);
    this.reader.take(flags.isFreeSpacing);
    const char = String.fromCodePoint(next.cp);
    const [min, max] = char === '*' ? [0, Infinity] : char === '+' ? [1, Infinity] : char === '?' ? [0, 1] : this.interval(flags);
    const quantifier = char === '{' ? `{${min},${max === Infinity ? '' : max}}` : char;
    const mode = this.reader.peek(flags.isFreeSpacing);
    const isLazy = mode !== undefined && !mode.isQuoted && mode.cp === cpOf('?');
    const isPossessive = mode !== undefined && !mode.isQuoted && mode.cp === cpOf('+');
    if (isLazy || isPossessive) this.reader.take(flags.isFreeSpacing);
    const after = this.reader.peek(flags.isFreeSpacing);
    if (after !== undefined && !after.isQuoted && QUANTIFIERS.includes(String.fromCodePoint(after.cp))) throw this.reader.syntaxError(after.at);
    if (max === Infinity) this.unboundedCount++;
    // Nested unbounded repetition ((a+)+) and repeated alternatives that may start alike ((a|ab)*) backtrack badly.
    if (max > 1 && (atom.maxLength === Infinity || atom.hasOverlappingBranches === true)) this.isExponential = true;
    const repeated = `(?:${atom.source})${quantifier}${isLazy ? '?' : ''}`;
    const leading = min >= 1 && atom.leadingChar !== undefined ? { leadingChar: atom.leadingChar } : {};
    return { source: isPossessive ? this.atomic(repeated) : repeated, maxLength: atom.maxLength * max, ...leading };
  }

  /** `{n}`, `{n,}` or `{n,m}` after the `{`: malformed is 3692, m < n 3693, beyond 32 bits 4007. */
  private interval(flags: Flags): [number, number] {
    const number = (): number | undefined => {
      let value: number | undefined;
      for (let next = this.reader.peek(flags.isFreeSpacing); next !== undefined && isDigit(next.cp); next = this.reader.peek(flags.isFreeSpacing)) {
        this.reader.take(flags.isFreeSpacing);
        value = (value ?? 0) * 10 + (next.cp - cpOf('0'));
        if (value > MAX_INTERVAL) throw mysqlError(ER_REGEX_NUMBER_TOO_BIG);
      }
      return value;
    };
    const min = number();
    if (min === undefined) throw mysqlError(ER_REGEXP_BAD_INTERVAL);
    let max = min;
    if (this.reader.isAt(',', flags.isFreeSpacing)) {
      this.reader.take(flags.isFreeSpacing);
      max = number() ?? Infinity;
    }
    if (!this.reader.isAt('}', flags.isFreeSpacing)) throw mysqlError(ER_REGEXP_BAD_INTERVAL);
    this.reader.take(flags.isFreeSpacing);
    if (max < min) throw mysqlError(ER_REGEXP_MAX_LT_MIN);
    return [min, max];
  }

  /** One atom; undefined for an inline flag group, which matches nothing and changes `flags` for what follows. */
  private atom(flags: Flags): Atom | undefined {
    const next = this.reader.take(flags.isFreeSpacing)!;
    if (next.isQuoted) return this.literal(next.cp, flags);
    switch (String.fromCodePoint(next.cp)) {
      case '(':
        return this.group(flags);
      case '[':
        return { source: translateBracketSet(this.reader, { isFreeSpacing: flags.isFreeSpacing, isFoldingCase: this.isFoldingByHand && flags.isCaseInsensitive }), maxLength: 1 };
      case '.':
        return { source: flags.isDotAll ? '[\\s\\S]' : `[^${terminators(flags)}]`, maxLength: 1 };
      case '^':
        return { source: lineStart(flags), maxLength: 0 };
      case '$':
        return { source: lineEnd(flags), maxLength: 0 };
      case '\\':
        return this.escape(flags);
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
        throw this.reader.syntaxError(next.at);
      default:
        return this.literal(next.cp, flags);
    }
  }

  private literal(cp: number, flags: Flags): Atom {
    const leadingChar = String.fromCodePoint(cp).toLowerCase();
    if (!this.isFoldingByHand || !flags.isCaseInsensitive) return { source: literalSource(cp), maxLength: 1, leadingChar };
    const variants = caseVariants(cp);
    return { source: variants.length === 1 ? literalSource(cp) : `[${variants.map(literalSource).join('')}]`, maxLength: 1, leadingChar };
  }

  /** A group, its `(` read: capturing, named, (?:…), atomic, look-around, or inline flags. */
  private group(flags: Flags): Atom | undefined {
    const inner: Flags = { ...flags };
    let kind: 'capture' | 'plain' | 'atomic' | '=' | '!' | '<=' | '<!' = 'capture';
    let name: string | undefined;
    if (this.reader.rawPeek() === cpOf('?')) {
      this.reader.raw();
      const marker = this.reader.raw();
      if (marker === undefined) throw mysqlError(ER_REGEXP_INVALID_FLAG);
      const char = String.fromCodePoint(marker);
      if (char === ':') kind = 'plain';
      else if (char === '>') kind = 'atomic';
      else if (char === '=' || char === '!') kind = char;
      else if (char === '{') throw mysqlError(ER_REGEXP_UNIMPLEMENTED);
      else if (char === '<' && (this.reader.rawPeek() === cpOf('=') || this.reader.rawPeek() === cpOf('!'))) kind = this.reader.raw() === cpOf('=') ? '<=' : '<!';
      else if (char === '<') name = this.groupName();
      else if (this.flagGroup(marker, flags, inner) === 'rest') return undefined;
      else kind = 'plain';
    }
    const number = kind === 'capture' ? ++this.groupCount : 0;
    if (name !== undefined) this.groupNames.set(name, number);
    const body = this.alternation(inner, 1);
    if (!this.reader.isAt(')', inner.isFreeSpacing)) throw mysqlError(ER_REGEXP_MISMATCHED_PAREN);
    this.reader.take(inner.isFreeSpacing);
    switch (kind) {
      case 'capture':
        return { ...body, source: `(?<g${number}>${body.source})` };
      case 'plain':
        return { ...body, source: `(?:${body.source})` };
      case 'atomic':
        return { source: this.atomic(body.source), maxLength: body.maxLength };
      case '=':
      case '!':
        return { source: `(?${kind}${body.source})`, maxLength: 0, isAssertion: true };
      default:
        if (body.maxLength === Infinity) throw mysqlError(ER_REGEXP_LOOK_BEHIND_LIMIT);
        return { source: `(?${kind}${body.source})`, maxLength: 0, isAssertion: true };
    }
  }

  /** `(?<name>`: letters then letters or digits, unique; anything else is 3887. */
  private groupName(): string {
    let name = '';
    for (let cp = this.reader.raw(); cp !== cpOf('>'); cp = this.reader.raw()) {
      if (cp === undefined || !(isAsciiLetter(cp) || (name.length > 0 && isDigit(cp)))) throw mysqlError(ER_REGEXP_INVALID_CAPTURE_GROUP_NAME);
      name += String.fromCodePoint(cp);
    }
    if (name.length === 0 || this.groupNames.has(name)) throw mysqlError(ER_REGEXP_INVALID_CAPTURE_GROUP_NAME);
    return name;
  }

  /**
   * `(?imsx-imsx)` (for the rest of the enclosing group: applied to `flags`) or `(?imsx-imsx:` (for its own body:
   * applied to `inner`), with the first flag letter already read. 3900 for a flag list that never ends.
   */
  private flagGroup(first: number, flags: Flags, inner: Flags): 'rest' | 'scoped' {
    let isOn = true;
    let hasAny = false;
    for (let cp: number | undefined = first; ; cp = this.reader.raw()) {
      if (cp === undefined) throw mysqlError(ER_REGEXP_INVALID_FLAG);
      const char = String.fromCodePoint(cp);
      if (char === ')' || char === ':') {
        if (!hasAny || !isOn) throw mysqlError(ER_REGEXP_INVALID_FLAG);
        if (char === ':') return 'scoped';
        Object.assign(flags, inner);
        return 'rest';
      }
      if (char === '-' && isOn) {
        isOn = false;
        continue;
      }
      hasAny = true;
      if (char === 'i') inner.isCaseInsensitive = isOn;
      else if (char === 'm') inner.isMultiline = isOn;
      else if (char === 's') inner.isDotAll = isOn;
      else if (char === 'x') inner.isFreeSpacing = isOn;
      else if (char === 'd') inner.isUnixLines = isOn;
      else if (char !== 'w') throw this.reader.syntaxError(this.reader.position - 1);
    }
  }

  /** `(?>…)`: JavaScript has no atomic groups, but a look-ahead's capture re-matched by reference behaves as one. */
  private atomic(body: string): string {
    const helper = `a${++this.helperCount}`;
    return `(?:(?=(?<${helper}>${body}))\\k<${helper}>)`;
  }

  /** What follows a `\` outside a set. */
  private escape(flags: Flags): Atom {
    const letter = this.reader.raw();
    if (letter === undefined) throw badEscape();
    const char = String.fromCodePoint(letter);
    if (letter >= cpOf('1') && letter <= cpOf('9')) return this.backReference(letter);
    const escapedClass = classEscape(char);
    if (escapedClass !== undefined) return { source: escapedClass, maxLength: 1 };
    switch (char) {
      case 'b':
        return { source: `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`, maxLength: 0, isAssertion: true };
      case 'B':
        return { source: `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`, maxLength: 0, isAssertion: true };
      case 'A':
        return { source: '^', maxLength: 0 };
      case 'z':
        return { source: '$', maxLength: 0 };
      case 'Z':
        return { source: lineEnd({ ...flags, isMultiline: false }), maxLength: 0 };
      case 'R':
        return { source: `(?:\\r\\n|[${LINE_TERMINATORS}])`, maxLength: 2 };
      case 'X':
        return { source: '(?:\\r\\n|\\P{M}\\p{M}*)', maxLength: Infinity };
      case 'p':
      case 'P': {
        const name = readPropertyName(this.reader);
        const operand = propertyClass(name.replace(/^\^/, ''));
        return { source: (char === 'P') !== name.startsWith('^') ? negatedClass(operand) : operand, maxLength: 1 };
      }
      case 'k':
        return this.namedBackReference();
      case 'G':
      case 'N':
        throw mysqlError(ER_REGEXP_UNIMPLEMENTED);
      default: {
        const cp = readCharEscape(this.reader, letter);
        if (cp !== undefined) return this.literal(cp, flags);
        if (isAsciiAlphanumeric(letter)) throw badEscape();
        return this.literal(letter, flags);
      }
    }
  }

  /** `\n`: ICU takes further digits while the number still names a group; a group that does not exist is 3694. */
  private backReference(first: number): Atom {
    let number = first - cpOf('0');
    for (let next = this.reader.rawPeek(); next !== undefined && isDigit(next) && number * 10 + (next - cpOf('0')) <= this.totalGroups; next = this.reader.rawPeek()) {
      number = number * 10 + (this.reader.raw()! - cpOf('0'));
    }
    if (number > this.totalGroups) throw mysqlError(ER_REGEXP_INVALID_BACK_REF);
    return { source: `\\k<g${number}>`, maxLength: Infinity };
  }

  /** `\k<name>` naming a group defined before it. */
  private namedBackReference(): Atom {
    if (this.reader.raw() !== cpOf('<')) throw mysqlError(ER_REGEXP_INVALID_CAPTURE_GROUP_NAME);
    let name = '';
    for (let cp = this.reader.raw(); cp !== cpOf('>'); cp = this.reader.raw()) {
      if (cp === undefined) throw mysqlError(ER_REGEXP_INVALID_CAPTURE_GROUP_NAME);
      name += String.fromCodePoint(cp);
    }
    const number = this.groupNames.get(name);
    if (number === undefined) throw mysqlError(ER_REGEXP_INVALID_CAPTURE_GROUP_NAME);
    return { source: `\\k<g${number}>`, maxLength: Infinity };
  }
}

const isDigit = (cp: number): boolean => cp >= cpOf('0') && cp <= cpOf('9');
const isAsciiLetter = (cp: number): boolean => (cp >= cpOf('a') && cp <= cpOf('z')) || (cp >= cpOf('A') && cp <= cpOf('Z'));

function terminators(flags: Flags): string {
  return flags.isUnixLines ? '\\n' : LINE_TERMINATORS;
}

/** `^`: the start of input, or with (?m) also after a line terminator (not between CR and LF). */
function lineStart(flags: Flags): string {
  if (!flags.isMultiline) return '^';
  if (flags.isUnixLines) return '(?:^|(?<=\\n))';
  return `(?:^|(?<=[${LINE_TERMINATORS}])(?<!\\r(?=\\n)))`;
}

/** `$`: ICU's end of input also matches before a final line terminator; with (?m) before any line terminator. */
function lineEnd(flags: Flags): string {
  if (flags.isMultiline) return `(?=[${terminators(flags)}]|$)`;
  if (flags.isUnixLines) return '(?=\\n?$)';
  return `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?$)`;
}

/** The capturing groups of a pattern (unescaped `(` not followed by `?`, or `(?<name>`), outside sets and \Q…\E. */
function countCaptureGroups(cps: readonly number[]): number {
  let count = 0;
  let depth = 0;
  let isQuoting = false;
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    if (isQuoting) {
      if (cp === cpOf('\\') && cps[i + 1] === cpOf('E')) isQuoting = false;
      continue;
    }
    if (cp === cpOf('\\')) {
      if (cps[i + 1] === cpOf('Q')) isQuoting = true;
      i++;
    } else if (cp === cpOf('[')) {
      depth++;
    } else if (cp === cpOf(']') && depth > 0) {
      depth--;
    } else if (cp === cpOf('(') && depth === 0) {
      const isNamed = cps[i + 1] === cpOf('?') && cps[i + 2] === cpOf('<') && cps[i + 3] !== cpOf('=') && cps[i + 3] !== cpOf('!');
      if (cps[i + 1] !== cpOf('?') || isNamed) count++;
    }
  }
  return count;
}
