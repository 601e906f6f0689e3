// parseJsonText: JSON text → JsonNode with MySQL's rules (its parser is RapidJSON): the same error messages and byte
// positions, integers kept as INTEGER / UNSIGNED INTEGER, duplicate keys resolved "last one wins" (MySQL 8.0.3+).
import { JsonUint } from './json-node.js';
import type { JsonNode } from './json-node.js';

/** MySQL's deepest nesting of arrays and objects (JSON_DOCUMENT_MAX_DEPTH). */
export const MAX_JSON_DEPTH = 100;

/** RapidJSON's messages, which MySQL quotes in errors 3140 and 3141. */
const Message = {
  empty: 'The document is empty.',
  notSingular: 'The document root must not be followed by other values.',
  invalidValue: 'Invalid value.',
  missName: 'Missing a name for object member.',
  missColon: 'Missing a colon after a name of object member.',
  missCommaOrCurly: "Missing a comma or '}' after an object member.",
  missCommaOrSquare: "Missing a comma or ']' after an array element.",
  badHex: 'Incorrect hex digit after \\u escape in string.',
  badSurrogate: 'The surrogate pair in string is invalid.',
  badEscape: 'Invalid escape character in string.',
  missQuote: 'Missing a closing quotation mark in string.',
  badEncoding: 'Invalid encoding in string.',
  tooBig: 'Number too big to be stored in double.',
  missFraction: 'Miss fraction part in number.',
  missExponent: 'Miss exponent in number.',
} as const;

/** Builds the error for a syntax error: RapidJSON's message and the byte offset where it was found. */
export type JsonSyntaxErrorFactory = (message: string, position: number) => Error;

/** What to throw when a document nests deeper than MAX_JSON_DEPTH. */
export type JsonDepthErrorFactory = () => Error;

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses `text`; syntax errors throw what `syntaxError` builds, too deep a document what `depthError` builds. */
export function parseJsonText(text: string, syntaxError: JsonSyntaxErrorFactory, depthError: JsonDepthErrorFactory): JsonNode {
  return new JsonTextParser(text, syntaxError, depthError).document();
}

class JsonTextParser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly syntaxError: JsonSyntaxErrorFactory,
    private readonly depthError: JsonDepthErrorFactory,
  ) {}

  document(): JsonNode {
    this.skipSpace();
    if (this.at >= this.text.length) throw this.fail(Message.empty, this.at);
    const root = this.value(1);
    this.skipSpace();
    if (this.at < this.text.length) throw this.fail(Message.notSingular, this.at);
    return root;
  }

  /** The error at UTF-16 index `index`, reported as MySQL does: a byte offset into the UTF-8 text. */
  private fail(message: string, index: number): Error {
    return this.syntaxError(message, Buffer.byteLength(this.text.slice(0, index), 'utf8'));
  }

  private skipSpace(): void {
    const text = this.text;
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.at++;
    }
  }

  private value(depth: number): JsonNode {
    const c = this.text[this.at];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 'n':
        this.literal('null');
        return null;
      case 't':
        this.literal('true');
        return true;
      case 'f':
        this.literal('false');
        return false;
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
        throw this.fail(Message.invalidValue, this.at);
    }
  }

  private literal(word: string): void {
    for (let i = 0; i < word.length; i++) {
      if (this.text[this.at] !== word[i]) throw this.fail(Message.invalidValue, this.at);
      this.at++;
    }
  }

  private object(depth: number): JsonNode {
    if (depth > MAX_JSON_DEPTH) throw this.depthError();
    this.at++;
    const members = new Map<string, JsonNode>();
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return members;
    }
    for (;;) {
      if (this.text[this.at] !== '"') throw this.fail(Message.missName, this.at);
      const key = this.string();
      this.skipSpace();
      if (this.text[this.at] !== ':') throw this.fail(Message.missColon, this.at);
      this.at++;
      this.skipSpace();
      // Duplicate keys: the last value wins, as in MySQL 8.0.3 and later.
      members.set(key, this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.at];
      if (next === ',') {
        this.at++;
        this.skipSpace();
      } else if (next === '}') {
        this.at++;
        return members;
      } else {
        throw this.fail(Message.missCommaOrCurly, this.at);
      }
    }
  }

  private array(depth: number): JsonNode {
    if (depth > MAX_JSON_DEPTH) throw this.depthError();
    this.at++;
    const elements: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return elements;
    }
    for (;;) {
      elements.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.at];
      if (next === ',') {
        this.at++;
        this.skipSpace();
      } else if (next === ']') {
        this.at++;
        return elements;
      } else {
        throw this.fail(Message.missCommaOrSquare, this.at);
      }
    }
  }

  private string(): string {
    const text = this.text;
    this.at++;
    let out = '';
    let runStart = this.at;
    for (;;) {
      if (this.at >= text.length) throw this.fail(Message.missQuote, this.at);
      const c = text.charCodeAt(this.at);
      if (c === 0x22) {
        out += text.slice(runStart, this.at);
        this.at++;
        return out;
      }
      if (c < 0x20) throw this.fail(c === 0 ? Message.missQuote : Message.badEncoding, this.at);
      if (c >= 0xd800 && c <= 0xdfff && !isWellFormedSurrogate(text, this.at)) throw this.fail(Message.badEncoding, this.at);
      if (c !== 0x5c) {
        this.at += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        continue;
      }
      out += text.slice(runStart, this.at);
      out += this.escape();
      runStart = this.at;
    }
  }

  /** One escape sequence starting at the backslash; errors point at the backslash, as RapidJSON's do. */
  private escape(): string {
    const start = this.at;
    const letter = this.text[this.at + 1];
    if (letter === undefined) throw this.fail(Message.missQuote, this.at + 1);
    if (letter !== 'u') {
      const replacement = ESCAPES[letter];
      if (replacement === undefined) throw this.fail(Message.badEscape, start);
      this.at += 2;
      return replacement;
    }
    const high = this.hex4(this.at + 2, start);
    this.at += 6;
    if (high < 0xd800 || high > 0xdfff) return String.fromCharCode(high);
    if (high > 0xdbff || this.text[this.at] !== '\\' || this.text[this.at + 1] !== 'u') throw this.fail(Message.badSurrogate, start);
    const low = this.hex4(this.at + 2, start);
    if (low < 0xdc00 || low > 0xdfff) throw this.fail(Message.badSurrogate, start);
    this.at += 6;
    return String.fromCharCode(high, low);
  }

  private hex4(from: number, errorAt: number): number {
    const digits = this.text.slice(from, from + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) throw this.fail(Message.badHex, errorAt);
    return parseInt(digits, 16);
  }

  private number(): JsonNode {
    const text = this.text;
    const start = this.at;
    if (text[this.at] === '-') this.at++;
    if (!isDigit(text[this.at])) throw this.fail(Message.invalidValue, this.at);
    if (text[this.at] === '0') this.at++;
    else while (isDigit(text[this.at])) this.at++;
    let isInteger = true;
    if (text[this.at] === '.') {
      isInteger = false;
      this.at++;
      if (!isDigit(text[this.at])) throw this.fail(Message.missFraction, this.at);
      while (isDigit(text[this.at])) this.at++;
    }
    if (text[this.at] === 'e' || text[this.at] === 'E') {
      isInteger = false;
      this.at++;
      if (text[this.at] === '+' || text[this.at] === '-') this.at++;
      if (!isDigit(text[this.at])) throw this.fail(Message.missExponent, this.at);
      while (isDigit(text[this.at])) this.at++;
    }
    const literal = text.slice(start, this.at);
    if (isInteger) {
      const integer = BigInt(literal);
      if (integer >= INT64_MIN && integer <= INT64_MAX) return integer;
      if (integer > 0n && integer <= UINT64_MAX) return new JsonUint(integer);
    }
    const double = Number(literal);
    if (!Number.isFinite(double)) throw this.fail(Message.tooBig, start);
    return double;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** A high surrogate followed by a low one (a lone surrogate is not valid UTF-8 text). */
function isWellFormedSurrogate(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c > 0xdbff) return false;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}
