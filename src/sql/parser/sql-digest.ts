// Statement digests as TiDB makes them: the text normalised (literals to `?`, lists of them to `...`, identifiers
// quoted, keywords lower-cased) and its SHA-256, so statements that differ only in their values share one digest.
// https://docs.pingcap.com/tidb/stable/statement-summary-tables/
import { createHash } from 'node:crypto';
import { DIGEST_KEYWORDS } from './digest-keywords.js';
import { INTRODUCER_CHARSETS } from './keywords.js';
import { Lexer } from './lexer.js';
import { TokenType } from './token.js';
import type { Token } from './token.js';

/** One statement of a query text: its own text, its normalised form and the digest of that. */
export interface StatementDigest {
  /** The statement as the client wrote it (comments and spacing kept), without the `;` that ends it. */
  readonly text: string;
  /** `select * from \`t\` where \`id\` = ?`. */
  readonly normalized: string;
  /** Lower-case hex SHA-256 of `normalized` (TiDB's DIGEST column). */
  readonly digest: string;
}

/** What a normalised token stands for; `generic` is a literal turned into `?`, `list` a list of them turned into `...`. */
type Kind = 'generic' | 'list' | 'word' | 'op' | 'other';

interface Piece {
  kind: Kind;
  text: string;
}

/** Operators after which `-1` / `+1` is a signed literal rather than a subtraction. */
const BEFORE_UNARY = new Set(['(', ',', '+', '-', '>=', 'is', '<=', '=', '<', '>', 'select']);
const NUMERIC = new Set<number>([TokenType.Int, TokenType.Decimal, TokenType.Float, TokenType.HexNumber, TokenType.BitNumber]);
const LITERAL = new Set<number>([...NUMERIC, TokenType.String, TokenType.NationalString, TokenType.HexString, TokenType.BitString]);
/** Digests of normalised texts already hashed: a workload repeats a few hundred shapes with new values. */
const DIGEST_CACHE_LIMIT = 4096;
const digestCache = new Map<string, string>();
/** Whole texts seen lately: a prepared statement's text comes back at every execution. */
const TEXT_CACHE_LIMIT = 1024;
const TEXT_CACHE_MAX_LENGTH = 4096;
const textCache = new Map<string, StatementDigest[]>();

/**
 * Splits `sql` into its `;`-separated statements and digests each. Never throws: text the lexer cannot scan ends
 * the statement it is in, as TiDB's digester stops at a bad token.
 */
export function digestStatements(sql: string): readonly StatementDigest[] {
  const cached = textCache.get(sql);
  if (cached !== undefined) return cached;
  const digests = scanStatements(sql);
  if (sql.length <= TEXT_CACHE_MAX_LENGTH) {
    if (textCache.size >= TEXT_CACHE_LIMIT) textCache.clear();
    textCache.set(sql, digests);
  }
  return digests;
}

function scanStatements(sql: string): StatementDigest[] {
  const lexer = new Lexer(sql);
  const digests: StatementDigest[] = [];
  let pieces: Piece[] = [];
  let first: Token | undefined;
  let last: Token | undefined;
  const finish = (): void => {
    if (first !== undefined && last !== undefined) {
      const normalized = pieces.map((piece) => piece.text).join(' ');
      digests.push({ text: sql.slice(first.start, last.end), normalized, digest: digestOf(normalized) });
    }
    pieces = [];
    first = undefined;
    last = undefined;
  };
  for (let token = lexer.next(); token.type !== TokenType.EOF && token.type !== TokenType.Error; token = lexer.next()) {
    if (token.type === TokenType.Op && token.value === ';') {
      finish();
      continue;
    }
    first ??= token;
    last = token;
    if (token.type === TokenType.Op && token.value === '@@') {
      last = systemVariable(lexer, token, pieces, sql);
      continue;
    }
    if (token.type === TokenType.Ident && (token.upper === 'INDEX' || token.upper === 'KEY') && isIndexHint(pieces)) {
      last = skipIndexHint(lexer) ?? last;
      pieces.pop();
      continue;
    }
    push(pieces, token);
  }
  finish();
  return digests;
}

/** The normalised text of one statement (the first of `sql`), or '' for text without one. */
export function normalizeSql(sql: string): string {
  return digestStatements(sql)[0]?.normalized ?? '';
}

/** SHA-256 hex of a normalised text, as TiDB's DIGEST. */
export function digestOf(normalized: string): string {
  let digest = digestCache.get(normalized);
  if (digest === undefined) {
    digest = createHash('sha256').update(normalized).digest('hex');
    if (digestCache.size >= DIGEST_CACHE_LIMIT) digestCache.clear();
    digestCache.set(normalized, digest);
  }
  return digest;
}

function push(pieces: Piece[], token: Token): void {
  if (token.type === TokenType.Op && token.value === '?') return pushLiteral(pieces, token);
  if (LITERAL.has(token.type)) return pushLiteral(pieces, token);
  if (token.type === TokenType.Ident && token.upper === 'NULL') return pushLiteral(pieces, token);
  if (token.type === TokenType.Op && token.value === '*') {
    // count(*) reads as count(?), as in TiDB; `select *` keeps its star.
    pieces.push(pieces.at(-1)?.text === '(' ? { kind: 'generic', text: '?' } : { kind: 'op', text: '*' });
    return;
  }
  pieces.push(wordPiece(token));
}

function wordPiece(token: Token): Piece {
  switch (token.type) {
    case TokenType.Ident: {
      if (token.upper === 'STRAIGHT_JOIN') return { kind: 'word', text: 'join' };
      if (DIGEST_KEYWORDS.has(token.upper)) return { kind: 'word', text: token.value.toLowerCase() };
      if (token.value.startsWith('_') && INTRODUCER_CHARSETS.has(token.value.slice(1).toLowerCase())) return { kind: 'other', text: '(_charset)' };
      return { kind: 'other', text: `\`${token.value.toLowerCase()}\`` };
    }
    case TokenType.QuotedIdent:
      return { kind: 'other', text: `\`${token.value.toLowerCase()}\`` };
    case TokenType.UserVar:
      return { kind: 'other', text: `@${token.value.toLowerCase()}` };
    case TokenType.Op:
      return { kind: 'op', text: token.value };
    default:
      return { kind: 'other', text: token.value.toLowerCase() };
  }
}

/** A literal (or `?`) becomes `?`; `?, ?` becomes `...`; a sign before a number goes; ORDER/GROUP BY 2 stays. */
function pushLiteral(pieces: Piece[], token: Token): void {
  if (NUMERIC.has(token.type) && isUnarySign(pieces)) pieces.pop();
  const comma = pieces.at(-1);
  const before = pieces.at(-2);
  if (comma?.text === ',' && (before?.kind === 'generic' || before?.kind === 'list')) {
    pieces.length -= 2;
    pieces.push({ kind: 'list', text: '...' });
    return;
  }
  if (token.type === TokenType.Int && isOrderOrGroupBy(pieces)) {
    pieces.push({ kind: 'other', text: token.value });
    return;
  }
  pieces.push({ kind: 'generic', text: '?' });
}

function isUnarySign(pieces: readonly Piece[]): boolean {
  const sign = pieces.at(-1);
  if (sign === undefined || (sign.text !== '-' && sign.text !== '+')) return false;
  const before = pieces.at(-2);
  return before === undefined || BEFORE_UNARY.has(before.text);
}

/** `order by 1, 2` and `group by (1, 2)` name columns by position: those numbers are not values. */
function isOrderOrGroupBy(pieces: readonly Piece[]): boolean {
  let end = pieces.length;
  while (end >= 2 && pieces[end - 1]!.text === ',') end -= 2;
  if (pieces[end - 1]?.text === '(') end -= 1;
  const by = pieces[end - 1];
  const verb = pieces[end - 2];
  return by?.text === 'by' && (verb?.text === 'order' || verb?.text === 'group');
}

/** `FORCE|USE|IGNORE INDEX (…)`: index hints do not change what a statement is. */
function isIndexHint(pieces: readonly Piece[]): boolean {
  const previous = pieces.at(-1)?.text;
  return previous === 'force' || previous === 'use' || previous === 'ignore';
}

/** Skips the hint's `(…)`; returns its last token. */
function skipIndexHint(lexer: Lexer): Token | undefined {
  let last: Token | undefined;
  for (let token = lexer.next(); token.type !== TokenType.EOF && token.type !== TokenType.Error; token = lexer.next()) {
    last = token;
    if (token.type === TokenType.Op && token.value === ')') break;
  }
  return last;
}

/** `@@global.x` is one token in TiDB's lexer; ours gives `@@`, words and dots written together. */
function systemVariable(lexer: Lexer, at: Token, pieces: Piece[], sql: string): Token {
  let last = at;
  let name = '@@';
  for (;;) {
    const position = last.end;
    const code = sql.charCodeAt(position);
    const isNamePart = code === 0x2e || /[\w$]/.test(sql.charAt(position));
    if (!isNamePart) break;
    const token = lexer.next();
    if (token.type === TokenType.EOF || token.type === TokenType.Error) break;
    name += token.type === TokenType.Op ? token.value : token.value.toLowerCase();
    last = token;
  }
  pieces.push({ kind: 'other', text: name });
  return last;
}
