// One-pass MySQL lexer over charCodeAt: tokens on demand, comments and executable comments handled inline.
import { Ch, isDigit, isHexDigit, isIdentChar, isSpace } from './char-codes.js';
import { TokenType, type Token } from './token.js';

/** sql_mode flags and server facts that change how text is tokenised. */
export interface LexerOptions {
  /** ANSI_QUOTES: "…" quotes identifiers instead of strings. */
  readonly ansiQuotes?: boolean;
  /** NO_BACKSLASH_ESCAPES: backslash is an ordinary character in strings. */
  readonly noBackslashEscapes?: boolean;
  /** Version as MMmmpp: `/*!NNNNN … *\/` content is parsed when NNNNN ≤ this. */
  readonly serverVersion?: number;
}

/**
 * The version whose executable comments we honour, as MySQL compares them (major*10000 + minor*100 + patch). The
 * server reports 8.0.11, as TiDB does, but implements later 8.0 features whose SHOW CREATE TABLE text (and so every
 * dump) carries them in such comments — `/*!80016 NOT ENFORCED *\/`, `/*!80023 INVISIBLE *\/` — which a restore
 * must not drop. TiDB honours every `/*!` comment whatever its version; this stops at 8.0.40 so that comments of
 * later versions, and MariaDB's six-digit ones (`/*!100100 …`), stay skipped.
 */
export const DEFAULT_SERVER_VERSION = 80040;

const VERSION_DIGITS = 5;

/** Three-character operators first, then two, then one: longest match wins. */
const OPERATORS_3 = new Set(['<=>', '->>']);
const OPERATORS_2 = new Set(['<=', '>=', '<>', '!=', '<<', '>>', '&&', '||', ':=', '->', '@@']);
const OPERATORS_1 = new Set([
  '(',
  ')',
  ',',
  ';',
  '.',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '~',
  '!',
  '&',
  '|',
  ':',
  '{',
  '}',
  '?',
  '@',
]);

/** Escapes MySQL decodes in strings; `\%` and `\_` keep their backslash (they matter only to LIKE). */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  "'": "'",
  '"': '"',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\x1a',
  '\\': '\\',
  '%': '\\%',
  _: '\\_',
};

/**
 * Produces tokens from SQL text one at a time. Never throws: text it cannot scan (an unterminated string,
 * quoted identifier or comment, a bad X'…' literal) becomes an `Error` token the parser reports as a syntax error.
 */
export class Lexer {
  private pos = 0;
  private inExecutableComment = false;
  private prevType: TokenType = TokenType.EOF;
  private prevEnd = -1;
  private prevValue = '';
  private readonly ansiQuotes: boolean;
  private readonly noBackslashEscapes: boolean;
  private readonly serverVersion: number;

  constructor(
    readonly sql: string,
    options: LexerOptions = {},
  ) {
    this.ansiQuotes = options.ansiQuotes ?? false;
    this.noBackslashEscapes = options.noBackslashEscapes ?? false;
    this.serverVersion = options.serverVersion ?? DEFAULT_SERVER_VERSION;
  }

  /** The next token; after the end of input, EOF tokens forever. */
  next(): Token {
    const tok = this.scan();
    this.prevType = tok.type;
    this.prevEnd = tok.end;
    this.prevValue = tok.value;
    return tok;
  }

  private make(type: TokenType, start: number, end: number, value: string, upper = ''): Token {
    this.pos = end;
    return { type, start, end, value, upper };
  }

  private scan(): Token {
    const trivia = this.skipTrivia();
    if (trivia !== undefined) return trivia;
    const sql = this.sql;
    const start = this.pos;
    if (start >= sql.length) return this.make(TokenType.EOF, sql.length, sql.length, '');
    const c = sql.charCodeAt(start);
    const c1 = sql.charCodeAt(start + 1);

    if (isDigit(c)) {
      if (this.prevType === TokenType.Op && this.prevValue === '.' && this.prevEnd === start)
        return this.scanWord(start);
      return this.scanNumber(start);
    }
    if (isIdentChar(c)) {
      if (c1 === Ch.SQUOTE) {
        if (c === Ch.UPPER_X || c === Ch.LOWER_X) return this.scanQuotedDigits(start, TokenType.HexString);
        if (c === Ch.UPPER_B || c === Ch.LOWER_B) return this.scanQuotedDigits(start, TokenType.BitString);
        if (c === Ch.UPPER_N || c === Ch.LOWER_N) {
          const str = this.scanString(start + 1, Ch.SQUOTE);
          return str.type === TokenType.Error
            ? this.make(TokenType.Error, start, str.end, '')
            : this.make(TokenType.NationalString, start, str.end, str.value);
        }
      }
      return this.scanWord(start);
    }
    switch (c) {
      case Ch.SQUOTE:
        return this.scanString(start, c);
      case Ch.DQUOTE:
        return this.ansiQuotes ? this.scanQuotedIdent(start, c) : this.scanString(start, c);
      case Ch.BACKQUOTE:
        return this.scanQuotedIdent(start, c);
      case Ch.DOT:
        if (
          isDigit(c1) &&
          !(this.prevEnd === start && (this.prevType === TokenType.Ident || this.prevType === TokenType.QuotedIdent))
        ) {
          return this.scanNumber(start);
        }
        break;
      case Ch.AT:
        if (isIdentChar(c1) || c1 === Ch.DOT) return this.scanUserVar(start);
        break;
      default:
        break;
    }
    return this.scanOperator(start);
  }

  /** Skips whitespace and comments; returns an Error token for an unterminated comment. */
  private skipTrivia(): Token | undefined {
    const sql = this.sql;
    const len = sql.length;
    let p = this.pos;
    for (;;) {
      if (p >= len) break;
      const c = sql.charCodeAt(p);
      if (isSpace(c)) {
        p++;
      } else if (c === Ch.HASH) {
        p = this.endOfLine(p);
      } else if (
        c === Ch.MINUS &&
        sql.charCodeAt(p + 1) === Ch.MINUS &&
        (p + 2 >= len || sql.charCodeAt(p + 2) <= Ch.SPACE)
      ) {
        p = this.endOfLine(p);
      } else if (c === Ch.SLASH && sql.charCodeAt(p + 1) === Ch.STAR) {
        if (sql.charCodeAt(p + 2) === Ch.BANG && !this.inExecutableComment) {
          let q = p + 3;
          let digits = 0;
          while (digits < VERSION_DIGITS && isDigit(sql.charCodeAt(q + digits))) digits++;
          const honoured = digits < VERSION_DIGITS || Number(sql.slice(q, q + VERSION_DIGITS)) <= this.serverVersion;
          if (digits === VERSION_DIGITS) q += VERSION_DIGITS;
          if (honoured) {
            this.inExecutableComment = true;
            p = q;
            continue;
          }
        }
        const feature = this.inExecutableComment ? undefined : tidbFeatureComment(sql, p);
        if (feature !== undefined) {
          this.inExecutableComment = true;
          p = feature;
          continue;
        }
        const close = sql.indexOf('*/', p + 2);
        if (close < 0) {
          this.pos = p;
          return this.make(TokenType.Error, p, len, '');
        }
        p = close + 2;
      } else if (c === Ch.STAR && this.inExecutableComment && sql.charCodeAt(p + 1) === Ch.SLASH) {
        this.inExecutableComment = false;
        p += 2;
      } else {
        break;
      }
    }
    this.pos = p;
    return undefined;
  }

  private endOfLine(p: number): number {
    const nl = this.sql.indexOf('\n', p);
    return nl < 0 ? this.sql.length : nl + 1;
  }

  private scanWord(start: number): Token {
    const sql = this.sql;
    let p = start + 1;
    while (p < sql.length && isIdentChar(sql.charCodeAt(p))) p++;
    const value = sql.slice(start, p);
    return this.make(TokenType.Ident, start, p, value, value.toUpperCase());
  }

  /**
   * Numbers: 123, 1.5, .5, 1., 1e10, 1.5E-3, 0x1F, 0b101. Digits followed by identifier characters form an
   * identifier, as in MySQL (`1abc` is a name; only an all-digit word is a number).
   */
  private scanNumber(start: number): Token {
    const sql = this.sql;
    const len = sql.length;
    const c0 = sql.charCodeAt(start);
    const c1 = sql.charCodeAt(start + 1);
    if (c0 === Ch.ZERO && (c1 === Ch.LOWER_X || c1 === Ch.LOWER_B)) {
      const isHex = c1 === Ch.LOWER_X;
      let p = start + 2;
      while (p < len && (isHex ? isHexDigit(sql.charCodeAt(p)) : isBinaryDigit(sql.charCodeAt(p)))) p++;
      if (p > start + 2 && !(p < len && isIdentChar(sql.charCodeAt(p)))) {
        return this.make(isHex ? TokenType.HexNumber : TokenType.BitNumber, start, p, sql.slice(start + 2, p));
      }
      return this.scanWord(start);
    }
    let p = start;
    while (p < len && isDigit(sql.charCodeAt(p))) p++;
    let type: TokenType = TokenType.Int;
    if (sql.charCodeAt(p) === Ch.DOT) {
      type = TokenType.Decimal;
      p++;
      while (p < len && isDigit(sql.charCodeAt(p))) p++;
    }
    const e = sql.charCodeAt(p);
    if (e === Ch.LOWER_E || e === Ch.UPPER_E) {
      let q = p + 1;
      const sign = sql.charCodeAt(q);
      if (sign === Ch.PLUS || sign === Ch.MINUS) q++;
      if (isDigit(sql.charCodeAt(q))) {
        while (q < len && isDigit(sql.charCodeAt(q))) q++;
        return this.make(TokenType.Float, start, q, sql.slice(start, q));
      }
    }
    if (type === TokenType.Int && p < len && isIdentChar(sql.charCodeAt(p))) return this.scanWord(start);
    return this.make(type, start, p, sql.slice(start, p));
  }

  /** X'0A' / B'101': digits between quotes; a bad digit or an odd hex count is a syntax error, as in MySQL. */
  private scanQuotedDigits(start: number, type: typeof TokenType.HexString | typeof TokenType.BitString): Token {
    const sql = this.sql;
    const close = sql.indexOf("'", start + 2);
    if (close < 0) return this.make(TokenType.Error, start, sql.length, '');
    const digits = sql.slice(start + 2, close);
    for (let i = 0; i < digits.length; i++) {
      const d = digits.charCodeAt(i);
      if (type === TokenType.HexString ? !isHexDigit(d) : !isBinaryDigit(d))
        return this.make(TokenType.Error, start, close + 1, '');
    }
    if (type === TokenType.HexString && digits.length % 2 !== 0)
      return this.make(TokenType.Error, start, close + 1, '');
    return this.make(type, start, close + 1, digits);
  }

  /**
   * '…' or "…": doubled quotes and (unless NO_BACKSLASH_ESCAPES) backslash escapes decoded. The pieces between
   * escapes are joined once at the end: a multi-megabyte literal with a million escapes is copied once, not built up
   * as a million-node rope.
   */
  private scanString(start: number, quote: number): Token {
    const sql = this.sql;
    const len = sql.length;
    const quoteChar = String.fromCharCode(quote);
    let p = start + 1;
    let chunk = p;
    const pieces: string[] = [];
    // Each search result is kept until the scan passes it, so every character is looked at once.
    let nextQuote = -2;
    let nextBackslash = this.noBackslashEscapes ? -1 : -2;
    for (;;) {
      if (nextQuote !== -1 && nextQuote < p) nextQuote = sql.indexOf(quoteChar, p);
      if (nextBackslash !== -1 && nextBackslash < p) nextBackslash = sql.indexOf('\\', p);
      if (nextQuote < 0 && nextBackslash < 0) return this.make(TokenType.Error, start, len, '');
      if (nextBackslash >= 0 && (nextQuote < 0 || nextBackslash < nextQuote)) {
        p = nextBackslash;
        if (p + 1 >= len) return this.make(TokenType.Error, start, len, '');
        if (p > chunk) pieces.push(sql.slice(chunk, p));
        const escaped = sql.charAt(p + 1);
        pieces.push(ESCAPES[escaped] ?? escaped);
        p += 2;
        chunk = p;
        continue;
      }
      p = nextQuote;
      if (sql.charCodeAt(p + 1) === quote) {
        pieces.push(sql.slice(chunk, p + 1));
        p += 2;
        chunk = p;
        continue;
      }
      pieces.push(sql.slice(chunk, p));
      return this.make(TokenType.String, start, p + 1, pieces.length === 1 ? pieces[0]! : pieces.join(''));
    }
  }

  /** `name` with `` doubling (or "name" under ANSI_QUOTES). */
  private scanQuotedIdent(start: number, quote: number): Token {
    const sql = this.sql;
    let p = start + 1;
    let chunk = p;
    let out = '';
    for (;;) {
      const close = sql.indexOf(String.fromCharCode(quote), p);
      if (close < 0) return this.make(TokenType.Error, start, sql.length, '');
      if (sql.charCodeAt(close + 1) === quote) {
        out += sql.slice(chunk, close + 1);
        p = close + 2;
        chunk = p;
        continue;
      }
      out += sql.slice(chunk, close);
      return this.make(TokenType.QuotedIdent, start, close + 1, out);
    }
  }

  /** @name where name may contain letters, digits, `_`, `$` and `.`. */
  private scanUserVar(start: number): Token {
    const sql = this.sql;
    let p = start + 1;
    while (p < sql.length && (isIdentChar(sql.charCodeAt(p)) || sql.charCodeAt(p) === Ch.DOT)) p++;
    return this.make(TokenType.UserVar, start, p, sql.slice(start + 1, p));
  }

  private scanOperator(start: number): Token {
    const sql = this.sql;
    const three = sql.slice(start, start + 3);
    if (OPERATORS_3.has(three)) return this.make(TokenType.Op, start, start + 3, three);
    const two = sql.slice(start, start + 2);
    if (OPERATORS_2.has(two)) return this.make(TokenType.Op, start, start + 2, two);
    const one = sql.charAt(start);
    if (OPERATORS_1.has(one)) return this.make(TokenType.Op, start, start + 1, one);
    return this.make(TokenType.Error, start, start + 1, '');
  }
}

function isBinaryDigit(c: number): boolean {
  return c === Ch.ZERO || c === Ch.ONE;
}

/** The TiDB features whose `/*T![feature] … *\/` comments are parsed (SHOW CREATE TABLE and dumps write them). */
const TIDB_FEATURES: ReadonlySet<string> = new Set(['auto_rand']);

/** Where the content of a TiDB feature comment `/*T![f, …] …` at `start` begins, when every feature is known. */
function tidbFeatureComment(sql: string, start: number): number | undefined {
  if (!sql.startsWith('T![', start + 2)) return undefined;
  const close = sql.indexOf(']', start + 5);
  if (close < 0) return undefined;
  const features = sql.slice(start + 5, close).split(',').map((name) => name.trim());
  return features.every((name) => TIDB_FEATURES.has(name)) ? close + 1 : undefined;
}
