// Printing identifiers and literals in canonical MySQL form.
import { INTRODUCER_CHARSETS, isReservedWord } from './keywords.js';
import { Ch, isDigit, isIdentChar } from './char-codes.js';

/**
 * An identifier as MySQL accepts it back: bare when it is a plain word that is not reserved and cannot be read as
 * a number, otherwise backquoted with `` doubled.
 */
export function formatIdent(name: string): string {
  if (isBareIdent(name)) return name;
  return '`' + name.replaceAll('`', '``') + '`';
}

function isBareIdent(name: string): boolean {
  if (name.length === 0 || isDigit(name.charCodeAt(0))) return false;
  for (let i = 0; i < name.length; i++) if (!isIdentChar(name.charCodeAt(i))) return false;
  // `_utf8mb4` would read as a charset introducer before a string.
  if (name.charCodeAt(0) === Ch.UNDERSCORE && INTRODUCER_CHARSETS.has(name.slice(1).toLowerCase())) return false;
  return !isReservedWord(name.toUpperCase());
}

/** A character set or collation name; `binary` is a reserved word MySQL accepts bare in these positions. */
export function formatCharset(name: string): string {
  return name === 'binary' ? name : formatIdent(name);
}

/** `a`, `t.a`, `db.t.a`. */
export function formatQualified(...parts: (string | undefined)[]): string {
  let out = '';
  for (const part of parts) {
    if (part === undefined) continue;
    out += out.length === 0 ? formatIdent(part) : '.' + formatIdent(part);
  }
  return out;
}

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  "'": "''",
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
};

/** A single-quoted string literal that decodes back to `value` under the default sql_mode. */
export function formatString(value: string): string {
  let out = "'";
  let chunk = 0;
  for (let i = 0; i < value.length; i++) {
    const esc = STRING_ESCAPES[value.charAt(i)];
    if (esc === undefined) continue;
    out += value.slice(chunk, i) + esc;
    chunk = i + 1;
  }
  return out + value.slice(chunk) + "'";
}

/** `@name`, or `` @`name` `` when the name has characters a bare user variable cannot. */
export function formatUserVar(name: string): string {
  let bare = name.length > 0;
  for (let i = 0; i < name.length && bare; i++) {
    const c = name.charCodeAt(i);
    bare = isIdentChar(c) || c === Ch.DOT;
  }
  return bare ? '@' + name : '@`' + name.replaceAll('`', '``') + '`';
}
