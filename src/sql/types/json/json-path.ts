// JsonPath: MySQL's JSON path language ($, .key, ."quoted key", .*, [n], [last-n], [m to n], [*], **), parsed once.
// https://dev.mysql.com/doc/refman/8.0/en/json.html#json-path-syntax
import { mysqlError, ER_INVALID_JSON_PATH } from '../../../errors/index.js';
import type { MySqlError } from '../../../errors/index.js';
import { parseJsonText } from './json-text-parser.js';

/** An array position: `n` from the start, or `last - n` from the end. */
export interface ArrayIndex {
  readonly index: number;
  readonly isFromEnd: boolean;
}

/** One step of a path. */
export type JsonPathLeg =
  | { readonly kind: 'member'; readonly key: string; readonly keyBytes: Buffer }
  | { readonly kind: 'memberWildcard' }
  | { readonly kind: 'cell'; readonly at: ArrayIndex }
  | { readonly kind: 'range'; readonly from: ArrayIndex; readonly to: ArrayIndex }
  | { readonly kind: 'cellWildcard' }
  | { readonly kind: 'ellipsis' };

/** A parsed path: `$` followed by legs. */
export interface JsonPath {
  readonly text: string;
  readonly legs: readonly JsonPathLeg[];
  /** A wildcard, a range or `**`: the path can select more than one value (its results are wrapped in an array). */
  readonly canMatchMany: boolean;
}

/** Parses `text` as a path; a malformed path is error 3143 with the position MySQL reports. */
export function parseJsonPath(text: string): JsonPath {
  const legs: JsonPathLeg[] = [];
  let at = skipSpace(text, 0);
  if (text[at] !== '$') throw invalidPath(text, at + (at < text.length ? 1 : 0));
  at = skipSpace(text, at + 1);
  while (at < text.length) {
    const parsed = parseLeg(text, at);
    if (parsed === undefined) throw invalidPath(text, at);
    if (typeof parsed === 'number') throw invalidPath(text, parsed);
    legs.push(parsed.leg);
    at = skipSpace(text, parsed.next);
  }
  if (legs[legs.length - 1]?.kind === 'ellipsis') throw invalidPath(text, at);
  const canMatchMany = legs.some((leg) => leg.kind === 'memberWildcard' || leg.kind === 'cellWildcard' || leg.kind === 'range' || leg.kind === 'ellipsis');
  return { text, legs, canMatchMany };
}

/** The error for a path, at UTF-16 index `index` reported as a byte offset. */
function invalidPath(text: string, index: number): MySqlError {
  return mysqlError(ER_INVALID_JSON_PATH, Buffer.byteLength(text.slice(0, index), 'utf8'), '');
}

function skipSpace(text: string, at: number): number {
  let position = at;
  while (position < text.length && /\s/.test(text[position]!)) position++;
  return position;
}

/** A leg and where parsing goes on; a number is the index of an error; undefined when no leg starts here. */
function parseLeg(text: string, at: number): { leg: JsonPathLeg; next: number } | number | undefined {
  const c = text[at];
  if (c === '.') return parseMember(text, skipSpace(text, at + 1));
  if (c === '[') return parseCell(text, skipSpace(text, at + 1));
  if (c === '*' && text[at + 1] === '*') return { leg: { kind: 'ellipsis' }, next: at + 2 };
  return undefined;
}

function parseMember(text: string, at: number): { leg: JsonPathLeg; next: number } | number {
  const c = text[at];
  if (c === undefined) return at;
  if (c === '*') return { leg: { kind: 'memberWildcard' }, next: at + 1 };
  if (c === '"') {
    const end = quotedKeyEnd(text, at);
    if (end < 0) return text.length;
    const key = decodeQuotedKey(text.slice(at, end));
    return key === undefined ? at : { leg: memberLeg(key), next: end };
  }
  let end = at;
  while (end < text.length && isIdentifierChar(text, end)) end++;
  if (end === at || /^[0-9]/.test(text[at]!)) return at;
  return { leg: memberLeg(text.slice(at, end)), next: end };
}

function memberLeg(key: string): JsonPathLeg {
  return { kind: 'member', key, keyBytes: Buffer.from(key, 'utf8') };
}

/** The index after the closing quote of the quoted key starting at `at`, or -1. */
function quotedKeyEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}

function decodeQuotedKey(literal: string): string | undefined {
  let failed = false;
  const fail = (): Error => {
    failed = true;
    return new Error('bad key');
  };
  try {
    const node = parseJsonText(literal, fail, fail);
    return typeof node === 'string' ? node : undefined;
  } catch (error) {
    if (failed) return undefined;
    throw error;
  }
}

/** ECMAScript identifier characters, as MySQL accepts in unquoted member names. */
function isIdentifierChar(text: string, at: number): boolean {
  return /[\p{ID_Continue}$\u200c\u200d]/u.test(text[at]!);
}

function parseCell(text: string, at: number): { leg: JsonPathLeg; next: number } | number {
  if (text[at] === '*') {
    const close = skipSpace(text, at + 1);
    return text[close] === ']' ? { leg: { kind: 'cellWildcard' }, next: close + 1 } : close;
  }
  const from = parseIndex(text, at);
  if (typeof from === 'number') return from;
  let position = skipSpace(text, from.next);
  if (text.startsWith('to', position) && /\s/.test(text[position + 2] ?? '')) {
    const to = parseIndex(text, skipSpace(text, position + 2));
    if (typeof to === 'number') return to;
    position = skipSpace(text, to.next);
    if (text[position] !== ']') return position;
    // A range whose start is after its end (both counted the same way) is invalid, as in MySQL.
    if (from.at.isFromEnd === to.at.isFromEnd && (from.at.isFromEnd ? from.at.index < to.at.index : from.at.index > to.at.index)) return position;
    return { leg: { kind: 'range', from: from.at, to: to.at }, next: position + 1 };
  }
  if (text[position] !== ']') return position;
  return { leg: { kind: 'cell', at: from.at }, next: position + 1 };
}

/** `n`, `last` or `last - n`. */
function parseIndex(text: string, at: number): { at: ArrayIndex; next: number } | number {
  if (text.startsWith('last', at)) {
    const afterLast = skipSpace(text, at + 4);
    if (text[afterLast] !== '-') return { at: { index: 0, isFromEnd: true }, next: at + 4 };
    const digitsAt = skipSpace(text, afterLast + 1);
    const digits = /^\d+/.exec(text.slice(digitsAt));
    if (!digits) return digitsAt;
    return { at: { index: Number(digits[0]), isFromEnd: true }, next: digitsAt + digits[0].length };
  }
  const digits = /^\d+/.exec(text.slice(at));
  if (!digits) return at;
  const index = Number(digits[0]);
  if (!Number.isSafeInteger(index) || index > 0xffffffff) return at;
  return { at: { index, isFromEnd: false }, next: at + digits[0].length };
}

/** The position an ArrayIndex names in an array of `length` elements (may be out of range: < 0 or ≥ length). */
export function resolveArrayIndex(index: ArrayIndex, length: number): number {
  return index.isFromEnd ? length - 1 - index.index : index.index;
}
