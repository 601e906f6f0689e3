// The parser's token cursor: lookahead, keyword/operator tests, identifier rules, errors and the depth guard.
import { mysqlError, ER_PARSE_ERROR, type MySqlError } from '../../errors/index.js';
import type { Expr, QueryExpr, Statement } from '../ast/index.js';
import { isReservedWord } from './keywords.js';
import { Lexer, type LexerOptions } from './lexer.js';
import { TokenType, type Token } from './token.js';

/** Parser options: sql_mode flags that change the grammar, plus the lexer's. */
export interface ParseOptions extends LexerOptions {
  /** PIPES_AS_CONCAT: `a || b` is CONCAT(a, b) instead of OR. */
  readonly pipesAsConcat?: boolean;
  /** HIGH_NOT_PRECEDENCE: `NOT a BETWEEN b AND c` means `(NOT a) BETWEEN …`. */
  readonly highNotPrecedence?: boolean;
  /** Qualifies table names written without a database (a view's tables belong to the view's database). */
  readonly defaultDatabase?: string;
}

/**
 * Entry points the statement families call on each other through the parser, so that the family files import
 * one another in one direction only (expressions need subqueries; queries need expressions).
 */
export interface Grammar {
  /** An expression whose operators bind tighter than `minPrec` (see precedence.ts; default: any). */
  expr(p: Parser, minPrec?: number): Expr;
  /** A full query expression: `[WITH …] SELECT … [UNION …] [ORDER BY …] [LIMIT …]`, parenthesised forms too. */
  query(p: Parser): QueryExpr;
  /** Continues a query already parsed (a parenthesised subquery) with UNION/EXCEPT/INTERSECT/ORDER BY/LIMIT. */
  queryTail(p: Parser, left: QueryExpr, start: number): QueryExpr;
  /** Any statement (used by EXPLAIN). */
  statement(p: Parser): Statement;
}

/**
 * The deepest nesting of expressions/queries accepted. MySQL's bison stack gives up at a similar point with
 * "memory exhausted"; we stop well before JavaScript's own stack would overflow.
 */
export const MAX_PARSE_DEPTH = 1000;

const SYNTAX_ERROR_TEXT =
  'You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use';
const MEMORY_EXHAUSTED_TEXT = 'memory exhausted';

/** Token cursor over a lazily lexed SQL text. */
export class Parser {
  /** The current (not yet consumed) token. */
  tok: Token;
  /** End offset of the last consumed token: statement and expression texts end here. */
  prevEnd = 0;
  /** Current nesting depth (expressions, queries, joins). */
  depth = 0;
  /** Number of `?` placeholders seen in the current top-level statement. */
  paramCount = 0;
  /** Offset where the current statement's text starts; MySQL counts error line numbers from there. */
  segmentStart = 0;
  /** The statement carries passwords (CREATE/ALTER USER, SET PASSWORD): errors quote no string literal from it. */
  hidesStrings = false;
  readonly options: ParseOptions;
  private readonly lexer: Lexer;
  private readonly ahead: Token[] = [];

  constructor(
    readonly sql: string,
    options: ParseOptions,
    readonly grammar: Grammar,
  ) {
    this.options = options;
    this.lexer = new Lexer(sql, options);
    this.tok = this.lexer.next();
  }

  /** The token `n` places after the current one (n ≥ 1). */
  peek(n = 1): Token {
    while (this.ahead.length < n) this.ahead.push(this.lexer.next());
    return this.ahead[n - 1] as Token;
  }

  /** Consumes and returns the current token. */
  advance(): Token {
    const t = this.tok;
    this.prevEnd = t.end;
    this.tok = this.ahead.length > 0 ? (this.ahead.shift() as Token) : this.lexer.next();
    return t;
  }

  // ---- keywords (unquoted words compared upper-case) ----

  isWord(upper: string): boolean {
    return this.tok.type === TokenType.Ident && this.tok.upper === upper;
  }

  /** True when token n ahead (0 = current) is the unquoted word `upper`. */
  isWordAt(n: number, upper: string): boolean {
    const t = n === 0 ? this.tok : this.peek(n);
    return t.type === TokenType.Ident && t.upper === upper;
  }

  acceptWord(upper: string): boolean {
    if (!this.isWord(upper)) return false;
    this.advance();
    return true;
  }

  /** Accepts a sequence of words only if all of them are there. */
  acceptWords(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) if (!this.isWordAt(i, words[i] as string)) return false;
    for (let i = 0; i < words.length; i++) this.advance();
    return true;
  }

  /**
   * For reserved words that can only start one clause (ORDER BY, GROUP BY): if `first` is current, consumes it and
   * requires the rest, so the error points past `first` as MySQL's does.
   */
  acceptClause(first: string, ...rest: string[]): boolean {
    if (!this.acceptWord(first)) return false;
    for (const w of rest) this.expectWord(w);
    return true;
  }

  expectWord(upper: string): void {
    if (!this.acceptWord(upper)) throw this.error();
  }

  /** If the current word is one of `words`, consumes it and returns it (upper-cased). */
  acceptOneOf<const W extends string>(words: readonly W[]): W | undefined {
    if (this.tok.type !== TokenType.Ident) return undefined;
    const u = this.tok.upper;
    for (const w of words) {
      if (w === u) {
        this.advance();
        return w;
      }
    }
    return undefined;
  }

  expectOneOf<const W extends string>(words: readonly W[]): W {
    const w = this.acceptOneOf(words);
    if (w === undefined) throw this.error();
    return w;
  }

  // ---- operators ----

  isOp(op: string): boolean {
    return this.tok.type === TokenType.Op && this.tok.value === op;
  }

  isOpAt(n: number, op: string): boolean {
    const t = n === 0 ? this.tok : this.peek(n);
    return t.type === TokenType.Op && t.value === op;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.advance();
    return true;
  }

  expectOp(op: string): void {
    if (!this.acceptOp(op)) throw this.error();
  }

  /** True at the end of the input. */
  atEnd(): boolean {
    return this.tok.type === TokenType.EOF;
  }

  /** True at the end of the statement (`;` or end of input). */
  atStatementEnd(): boolean {
    return this.tok.type === TokenType.EOF || this.isOp(';');
  }

  // ---- identifiers ----

  /** True when token n ahead (0 = current) can be an identifier: a non-reserved word or a quoted name. */
  isIdentAt(n = 0): boolean {
    const t = n === 0 ? this.tok : this.peek(n);
    return t.type === TokenType.QuotedIdent || (t.type === TokenType.Ident && !isReservedWord(t.upper));
  }

  /** Consumes an identifier (non-reserved word or quoted name) and returns its name. */
  ident(): string {
    if (!this.isIdentAt(0)) throw this.error();
    return this.advance().value;
  }

  /** An identifier or a string literal (aliases, user names, charset names). */
  identOrString(): string {
    if (this.tok.type === TokenType.String) return this.advance().value;
    return this.ident();
  }

  /** Any word including reserved ones (after `.` MySQL accepts reserved words: `t.select`). */
  anyIdent(): string {
    if (this.tok.type === TokenType.Ident || this.tok.type === TokenType.QuotedIdent) return this.advance().value;
    throw this.error();
  }

  /** A charset or collation name: identifier, string, or the reserved word BINARY; lower-cased. */
  charsetName(): string {
    if (this.isWord('BINARY')) {
      this.advance();
      return 'binary';
    }
    return this.identOrString().toLowerCase();
  }

  /** An unsigned integer literal's value; used for lengths and sizes. */
  integer(): number {
    if (this.tok.type !== TokenType.Int) throw this.error();
    return Number(this.advance().value);
  }

  /** A string literal's value (adjacent literals concatenated). */
  string(): string {
    if (this.tok.type !== TokenType.String) throw this.error();
    let s = this.advance().value;
    while (this.tok.type === TokenType.String) s += this.advance().value;
    return s;
  }

  /** Source text from `start` to the end of the last consumed token. */
  textFrom(start: number): string {
    return this.sql.slice(start, this.prevEnd);
  }

  // ---- errors and depth ----

  /** ER_PARSE_ERROR at `tok` (default: the current token), worded and located as MySQL does. */
  error(tok: Token = this.tok, text: string = SYNTAX_ERROR_TEXT): MySqlError {
    let near = this.sql.slice(tok.start);
    if (this.hidesStrings) near = near.replace(/'(?:\\.|''|[^'\\])*(?:'|$)|"(?:\\.|""|[^"\\])*(?:"|$)/gs, "'<secret>'");
    let line = 1;
    for (let i = this.segmentStart; i < tok.start; i++) if (this.sql.charCodeAt(i) === 10) line++;
    return mysqlError(ER_PARSE_ERROR, text, near, line);
  }

  /** Enters one nesting level; throws MySQL's "memory exhausted" parse error past MAX_PARSE_DEPTH. */
  enter(): void {
    if (++this.depth > MAX_PARSE_DEPTH) throw this.error(this.tok, MEMORY_EXHAUSTED_TEXT);
  }

  leave(): void {
    this.depth--;
  }
}
