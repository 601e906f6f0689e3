// ICU's character escapes (\t, \x{…}, \u…, \0ooo, \cX …), read after the backslash, shared by sets and the pattern.
import { mysqlError, ER_REGEXP_BAD_ESCAPE_SEQUENCE } from '../../../../errors/index.js';
import { cpOf } from './icu-pattern-reader.js';
import type { IcuPatternReader } from './icu-pattern-reader.js';

const MAX_CODE_POINT = 0x10ffff;
const SIMPLE_ESCAPES: ReadonlyMap<string, number> = new Map([
  ['a', 0x07],
  ['e', 0x1b],
  ['f', 0x0c],
  ['n', 0x0a],
  ['r', 0x0d],
  ['t', 0x09],
]);

const isHex = (cp: number | undefined): boolean => cp !== undefined && /^[0-9a-fA-F]$/.test(String.fromCodePoint(cp));
const isOctal = (cp: number | undefined): boolean => cp !== undefined && cp >= 0x30 && cp <= 0x37;

/** ER_REGEXP_BAD_ESCAPE_SEQUENCE (3689). */
export const badEscape = (): Error => mysqlError(ER_REGEXP_BAD_ESCAPE_SEQUENCE);

/** Reads exactly `count` (or, with `isUpTo`, 1…count) hex digits. */
function hexDigits(reader: IcuPatternReader, count: number, isUpTo: boolean): number {
  let text = '';
  while (text.length < count && isHex(reader.rawPeek())) text += String.fromCodePoint(reader.raw()!);
  if (text.length === 0 || (!isUpTo && text.length < count)) throw badEscape();
  return parseInt(text, 16);
}

/**
 * The code point a character escape stands for, with the letter after `\` already read; undefined when `letter` does
 * not start a character escape (a class, an assertion, a back reference …). Malformed escapes are 3689.
 */
export function readCharEscape(reader: IcuPatternReader, letter: number): number | undefined {
  const char = String.fromCodePoint(letter);
  const simple = SIMPLE_ESCAPES.get(char);
  if (simple !== undefined) return simple;
  let cp: number;
  switch (char) {
    case 'x':
      if (reader.rawPeek() === cpOf('{')) {
        reader.raw();
        cp = hexDigits(reader, 6, true);
        if (reader.raw() !== cpOf('}')) throw badEscape();
      } else {
        cp = hexDigits(reader, 2, true);
      }
      break;
    case 'u':
      cp = hexDigits(reader, 4, false);
      break;
    case 'U':
      cp = hexDigits(reader, 8, false);
      break;
    case 'c': {
      const control = reader.raw();
      if (control === undefined) throw badEscape();
      cp = control & 0x1f;
      break;
    }
    case '0': {
      cp = 0;
      for (let digits = 0; digits < 3 && isOctal(reader.rawPeek()); digits++) cp = cp * 8 + (reader.raw()! - 0x30);
      if (cp > 0o377) throw badEscape();
      break;
    }
    default:
      return undefined;
  }
  if (cp > MAX_CODE_POINT) throw badEscape();
  return cp;
}

/** True for ASCII letters and digits, whose escapes mean something (or are errors) rather than the character. */
export function isAsciiAlphanumeric(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** The `name` of `\p{name}` / `\pL` after the `p`, for property escapes. */
export function readPropertyName(reader: IcuPatternReader): string {
  const first = reader.raw();
  if (first === undefined) throw badEscape();
  if (first !== cpOf('{')) return String.fromCodePoint(first);
  let name = '';
  for (let cp = reader.raw(); cp !== cpOf('}'); cp = reader.raw()) {
    if (cp === undefined) throw badEscape();
    name += String.fromCodePoint(cp);
  }
  return name;
}
