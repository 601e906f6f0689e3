// translateBracketSet: an ICU set in brackets ([a-z], [^…], [[:alpha:]], nested sets, && and --) as a JavaScript
// `v`-mode class, which has nesting, intersection and difference of its own.
// https://unicode-org.github.io/icu/userguide/strings/unicodeset.html
import { mysqlError, ER_REGEXP_INVALID_RANGE, ER_REGEXP_MISSING_CLOSE_BRACKET, ER_REGEXP_ILLEGAL_ARGUMENT } from '../../../../errors/index.js';
import { badEscape, isAsciiAlphanumeric, readCharEscape, readPropertyName } from './icu-escapes.js';
import { cpOf } from './icu-pattern-reader.js';
import type { IcuPatternReader } from './icu-pattern-reader.js';
import { caseVariants, classEscape, literalSource, negatedClass, propertyClass } from './icu-properties.js';

/** How a set reads: free-spacing skips white space; `isFoldingCase` spells out case variants of its characters. */
export interface SetOptions {
  readonly isFreeSpacing: boolean;
  readonly isFoldingCase: boolean;
}

type SetItem = { readonly kind: 'char'; readonly cp: number } | { readonly kind: 'operand'; readonly source: string };

const LOWER_A = cpOf('a');
const LOWER_Z = cpOf('z');
const UPPER_A = cpOf('A');
const UPPER_Z = cpOf('Z');
const CASE_OFFSET = LOWER_A - UPPER_A;

const missingBracket = (): Error => mysqlError(ER_REGEXP_MISSING_CLOSE_BRACKET);

/**
 * Translates the set whose `[` was just read. `[:name:]` (a POSIX class standing alone) is read here too. Unclosed sets
 * are 3696, ranges whose end precedes their start 3697, unknown property names 3685.
 */
export function translateBracketSet(reader: IcuPatternReader, options: SetOptions): string {
  if (reader.rawPeek() === cpOf(':')) return posixClass(reader);
  const isNegated = reader.isAt('^', options.isFreeSpacing, true);
  if (isNegated) reader.take(options.isFreeSpacing, true);
  const union: string[] = [];
  let combined: string | undefined;
  let isFirst = true;
  for (;;) {
    const next = reader.take(options.isFreeSpacing, true);
    if (next === undefined) throw missingBracket();
    const char = next.isQuoted ? '' : String.fromCodePoint(next.cp);
    if (char === ']' && !isFirst) break;
    isFirst = false;
    const isOperator = (char === '&' || char === '-') && reader.rawPeek() === next.cp && union.length + (combined ? 1 : 0) > 0;
    if (isOperator) {
      reader.raw();
      const left = combined ?? `[${union.join('')}]`;
      union.length = 0;
      const right = operandSource(readItem(reader, options), options);
      combined = `[${left}${char}${char}${right}]`;
      continue;
    }
    const item = char === '[' ? nestedSet(reader, options) : char === '\\' ? escapedItem(reader) : ({ kind: 'char', cp: next.cp } as const);
    union.push(rangeOrItem(reader, item, options));
  }
  const body = (combined ?? '') + union.join('');
  return `[${isNegated ? '^' : ''}${body}]`;
}

/** One item after `[`: a nested set, an escape, or a character. */
function readItem(reader: IcuPatternReader, options: SetOptions): SetItem {
  const next = reader.take(options.isFreeSpacing, true);
  if (next === undefined) throw missingBracket();
  if (!next.isQuoted && next.cp === cpOf('[')) return nestedSet(reader, options);
  if (!next.isQuoted && next.cp === cpOf('\\')) return escapedItem(reader);
  return { kind: 'char', cp: next.cp };
}

function nestedSet(reader: IcuPatternReader, options: SetOptions): SetItem {
  return { kind: 'operand', source: translateBracketSet(reader, options) };
}

/** `[:name:]` / `[:^name:]` with the `[` read. */
function posixClass(reader: IcuPatternReader): string {
  reader.raw();
  const isNegated = reader.rawPeek() === cpOf('^');
  if (isNegated) reader.raw();
  let name = '';
  for (;;) {
    const cp = reader.raw();
    if (cp === undefined) throw missingBracket();
    if (cp === cpOf(':') && reader.rawPeek() === cpOf(']')) break;
    // `[[:<:]]` and other non-names (Henry Spencer's word boundaries) are illegal in ICU, as MySQL 8 reports.
    if (!/[\p{L}\p{N}_\s=-]/u.test(String.fromCodePoint(cp))) throw mysqlError(ER_REGEXP_ILLEGAL_ARGUMENT);
    name += String.fromCodePoint(cp);
  }
  reader.raw();
  const operand = propertyClass(name);
  return isNegated ? negatedClass(operand) : operand;
}

/** What follows a `\` inside a set: a class (\d, \p{…}) or one character. */
function escapedItem(reader: IcuPatternReader): SetItem {
  const letter = reader.raw();
  if (letter === undefined) throw missingBracket();
  const char = String.fromCodePoint(letter);
  const escapedClass = classEscape(char);
  if (escapedClass !== undefined) return { kind: 'operand', source: escapedClass };
  if (char === 'p' || char === 'P') {
    const name = readPropertyName(reader);
    const isNegated = (char === 'P') !== name.startsWith('^');
    const operand = propertyClass(name.replace(/^\^/, ''));
    return { kind: 'operand', source: isNegated ? negatedClass(operand) : operand };
  }
  if (char === 'b') return { kind: 'char', cp: 0x08 };
  const cp = readCharEscape(reader, letter);
  if (cp !== undefined) return { kind: 'char', cp };
  if (isAsciiAlphanumeric(letter)) throw badEscape();
  return { kind: 'char', cp: letter };
}

/** An item, or the range `item-end` when a `-` and a character follow a character. */
function rangeOrItem(reader: IcuPatternReader, item: SetItem, options: SetOptions): string {
  if (item.kind !== 'char' || !reader.isAt('-', options.isFreeSpacing, true) || reader.rawPeek(1) === cpOf(']') || reader.rawPeek(1) === cpOf('-')) {
    return operandSource(item, options);
  }
  reader.take(options.isFreeSpacing, true);
  const end = readItem(reader, options);
  if (end.kind !== 'char') return `${operandSource(item, options)}\\u{2d}${end.source}`;
  if (end.cp < item.cp) throw mysqlError(ER_REGEXP_INVALID_RANGE);
  const range = `${literalSource(item.cp)}-${literalSource(end.cp)}`;
  return options.isFoldingCase ? range + foldedRange(item.cp, end.cp) : range;
}

/** A set item as union source: a class operand as is, a character with its case variants when folding. */
function operandSource(item: SetItem, options: SetOptions): string {
  if (item.kind === 'operand') return item.source;
  return options.isFoldingCase ? caseVariants(item.cp).map(literalSource).join('') : literalSource(item.cp);
}

/** The other case of an ASCII letter range (a-f → A-F), for case-insensitive stretches emulated by hand. */
function foldedRange(from: number, to: number): string {
  if (from >= LOWER_A && to <= LOWER_Z) return `${literalSource(from - CASE_OFFSET)}-${literalSource(to - CASE_OFFSET)}`;
  if (from >= UPPER_A && to <= UPPER_Z) return `${literalSource(from + CASE_OFFSET)}-${literalSource(to + CASE_OFFSET)}`;
  return '';
}
