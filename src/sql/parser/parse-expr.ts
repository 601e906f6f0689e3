// Pratt expression parser with MySQL's operator precedence and a recursion-depth guard.
import type { BinaryOp, ColumnRefExpr, CompareOp, Expr, QueryExpr, UserVarExpr, VarScope } from '../ast/index.js';
import { INTRODUCER_CHARSETS, isReservedWord } from './keywords.js';
import type { Parser } from './parser.js';
import { BINARY_PREC, Prec } from './precedence.js';
import { TokenType, type Token } from './token.js';
import { intervalUnit, parseFunctionCall, parseSpecialForm } from './parse-function.js';
export { parseOrderItems } from './parse-function.js';

/** Operators written with symbols, mapped to their canonical BinaryOp. */
const SYMBOL_BINARY: Readonly<Record<string, BinaryOp>> = {
  '&&': 'AND',
  '=': '=',
  '<=>': '<=>',
  '<>': '<>',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '|': '|',
  '&': '&',
  '<<': '<<',
  '>>': '>>',
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '%': '%',
  '^': '^',
};

/** Operators written as words. */
const WORD_BINARY: Readonly<Record<string, BinaryOp>> = { OR: 'OR', XOR: 'XOR', AND: 'AND', DIV: 'DIV', MOD: '%' };

/** Reserved words that are also function names when followed by `(`. */
const RESERVED_FUNCTIONS: ReadonlySet<string> = new Set([
  'IF',
  'LEFT',
  'RIGHT',
  'REPLACE',
  'INSERT',
  'MOD',
  'REPEAT',
  'DATABASE',
  'SCHEMA',
  'CHAR',
  'CURRENT_DATE',
  'CURRENT_TIME',
  'CURRENT_TIMESTAMP',
  'CURRENT_USER',
  'LOCALTIME',
  'LOCALTIMESTAMP',
  'UTC_DATE',
  'UTC_TIME',
  'UTC_TIMESTAMP',
  'ROW_NUMBER',
  'RANK',
  'DENSE_RANK',
  'CUME_DIST',
  'PERCENT_RANK',
  'NTILE',
  'LAG',
  'LEAD',
  'FIRST_VALUE',
  'LAST_VALUE',
  'NTH_VALUE',
  'GROUPING',
  'INTERVAL',
  'DEFAULT',
  'VALUES',
  'CONVERT',
  'MATCH',
  'EXISTS',
  'ROW',
  'TRUNCATE',
]);

/** Functions MySQL lets you call without parentheses. */
export const NO_PAREN_FUNCTIONS: ReadonlySet<string> = new Set([
  'CURRENT_DATE',
  'CURRENT_TIME',
  'CURRENT_TIMESTAMP',
  'LOCALTIME',
  'LOCALTIMESTAMP',
  'UTC_DATE',
  'UTC_TIME',
  'UTC_TIMESTAMP',
  'CURRENT_USER',
]);

const SCOPES: Readonly<Record<string, VarScope>> = {
  GLOBAL: 'GLOBAL',
  SESSION: 'SESSION',
  LOCAL: 'SESSION',
  PERSIST: 'PERSIST',
  PERSIST_ONLY: 'PERSIST_ONLY',
};

/** Parses an expression whose operators all bind tighter than `minPrec`. */
export function parseExpr(p: Parser, minPrec: Prec = Prec.LOWEST): Expr {
  const depth = p.depth;
  p.enter();
  let left = parsePrefix(p);
  let chain = 0;
  for (;;) {
    const next = parseInfix(p, left, minPrec);
    if (next === undefined) break;
    left = next;
    // Left-deep chains (a OR b OR …) grow the tree without recursing here; count every second link so that the
    // tree's height stays within what recursive consumers (planner, printer) can walk.
    if (++chain % 2 === 0) p.enter();
  }
  p.depth = depth;
  return left;
}

/** `expr, expr, …` */
export function parseExprList(p: Parser): Expr[] {
  const list = [parseExpr(p)];
  while (p.acceptOp(',')) list.push(parseExpr(p));
  return list;
}

/** True when `tok` (and the one after it) starts a query expression inside parentheses. */
export function startsQuery(p: Parser, n: number): boolean {
  const t = n === 0 ? p.tok : p.peek(n);
  if (t.type !== TokenType.Ident) return false;
  switch (t.upper) {
    case 'SELECT':
      return true;
    case 'WITH':
      return p.isIdentAt(n + 1) || p.isWordAt(n + 1, 'RECURSIVE');
    case 'VALUES':
      return p.isWordAt(n + 1, 'ROW');
    case 'TABLE':
      return p.isIdentAt(n + 1);
    default:
      return false;
  }
}

/** `(query)` after the caller checked `(` starts a query; returns the query. */
export function parseParenQuery(p: Parser): QueryExpr {
  p.expectOp('(');
  const q = p.grammar.query(p);
  p.expectOp(')');
  return q;
}

function parsePrefix(p: Parser): Expr {
  const t = p.tok;
  switch (t.type) {
    case TokenType.Int:
      p.advance();
      return { kind: 'NumberLiteralExpr', numberKind: 'int', text: t.value };
    case TokenType.Decimal:
      p.advance();
      return { kind: 'NumberLiteralExpr', numberKind: 'decimal', text: t.value };
    case TokenType.Float:
      p.advance();
      return { kind: 'NumberLiteralExpr', numberKind: 'float', text: t.value };
    case TokenType.String:
      return { kind: 'StringLiteralExpr', value: p.string() };
    case TokenType.NationalString: {
      p.advance();
      let value = t.value;
      while (p.tok.type === TokenType.String) value += p.advance().value;
      return { kind: 'StringLiteralExpr', value, isNational: true };
    }
    case TokenType.HexString:
    case TokenType.HexNumber:
      p.advance();
      return { kind: 'HexLiteralExpr', hex: t.value, form: t.type === TokenType.HexString ? 'x' : '0x' };
    case TokenType.BitString:
    case TokenType.BitNumber:
      p.advance();
      return { kind: 'BitLiteralExpr', bits: t.value, form: t.type === TokenType.BitString ? 'b' : '0b' };
    case TokenType.UserVar:
      p.advance();
      return userVarOrAssign(p, { kind: 'UserVarExpr', name: t.value });
    case TokenType.QuotedIdent:
      return parseIdentExpr(p);
    case TokenType.Ident:
      return parseWordPrefix(p, t);
    case TokenType.Op:
      return parseOpPrefix(p, t);
    default:
      throw p.error();
  }
}

function userVarOrAssign(p: Parser, target: UserVarExpr): Expr {
  if (!p.acceptOp(':=')) return target;
  return { kind: 'AssignExpr', target, value: parseExpr(p) };
}

function parseOpPrefix(p: Parser, t: Token): Expr {
  switch (t.value) {
    case '(':
      return parseParenExpr(p);
    case '-':
    case '+':
    case '~':
      p.advance();
      return { kind: 'UnaryExpr', op: t.value, operand: parseExpr(p, Prec.UNARY) };
    case '!':
      p.advance();
      return { kind: 'UnaryExpr', op: '!', operand: parseExpr(p, Prec.UNARY) };
    case '?':
      p.advance();
      return { kind: 'ParamExpr', index: p.paramCount++ };
    case '@': {
      p.advance();
      if (p.tok.type !== TokenType.String && p.tok.type !== TokenType.QuotedIdent) throw p.error();
      return userVarOrAssign(p, { kind: 'UserVarExpr', name: p.advance().value });
    }
    case '@@':
      return parseSysVar(p);
    case '{':
      return parseOdbcEscape(p);
    default:
      throw p.error();
  }
}

/** `@@[scope.]name` */
function parseSysVar(p: Parser): Expr {
  p.expectOp('@@');
  const first = p.tok;
  if (first.type !== TokenType.Ident && first.type !== TokenType.QuotedIdent) throw p.error();
  p.advance();
  const scope = first.type === TokenType.Ident ? SCOPES[first.upper] : undefined;
  if (scope !== undefined && p.acceptOp('.')) {
    return { kind: 'SysVarExpr', name: p.anyIdent().toLowerCase(), scope };
  }
  let name = first.value;
  // Structured variables: @@key_cache.key_buffer_size.
  if (p.isOp('.') && (p.peek().type === TokenType.Ident || p.peek().type === TokenType.QuotedIdent)) {
    p.advance();
    name += '.' + p.anyIdent();
  }
  return { kind: 'SysVarExpr', name: name.toLowerCase() };
}

/** `{d '…'}`, `{t '…'}`, `{ts '…'}` and `{ident expr}` (the identifier is ignored otherwise, as in MySQL). */
function parseOdbcEscape(p: Parser): Expr {
  p.expectOp('{');
  const word = p.anyIdent().toLowerCase();
  const expr = parseExpr(p);
  p.expectOp('}');
  if (expr.kind === 'StringLiteralExpr' && expr.charset === undefined) {
    if (word === 'd') return { kind: 'TemporalLiteralExpr', type: 'DATE', value: expr.value };
    if (word === 't') return { kind: 'TemporalLiteralExpr', type: 'TIME', value: expr.value };
    if (word === 'ts') return { kind: 'TemporalLiteralExpr', type: 'TIMESTAMP', value: expr.value };
  }
  return expr;
}

/** `( … )`: a subquery, a parenthesised expression, or a row constructor. */
function parseParenExpr(p: Parser): Expr {
  const start = p.tok.start;
  if (startsQuery(p, 1)) return { kind: 'SubqueryExpr', query: parseParenQuery(p) };
  p.expectOp('(');
  let first = parseExpr(p);
  if (first.kind === 'SubqueryExpr' && isQueryContinuation(p)) {
    first = { kind: 'SubqueryExpr', query: p.grammar.queryTail(p, first.query, start + 1) };
  }
  if (p.isOp(',')) {
    const items = [first];
    while (p.acceptOp(',')) items.push(parseExpr(p));
    p.expectOp(')');
    return { kind: 'RowExpr', items };
  }
  p.expectOp(')');
  return first;
}

function isQueryContinuation(p: Parser): boolean {
  return p.isWord('UNION') || p.isWord('EXCEPT') || p.isWord('INTERSECT') || p.isWord('ORDER') || p.isWord('LIMIT');
}

function parseWordPrefix(p: Parser, t: Token): Expr {
  const next = p.peek();
  const nextIsParen = next.type === TokenType.Op && next.value === '(';
  if (
    t.upper.charCodeAt(0) === 95 /* _ */ &&
    isLiteralToken(next) &&
    INTRODUCER_CHARSETS.has(t.value.slice(1).toLowerCase())
  ) {
    return parseIntroduced(p, t.value.slice(1).toLowerCase());
  }
  switch (t.upper) {
    case 'NULL':
      p.advance();
      return { kind: 'NullLiteralExpr' };
    case 'TRUE':
    case 'FALSE':
      p.advance();
      return { kind: 'BoolLiteralExpr', value: t.upper === 'TRUE' };
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      if (next.type === TokenType.String) {
        p.advance();
        return { kind: 'TemporalLiteralExpr', type: t.upper, value: p.string() };
      }
      break;
    case 'NOT':
      p.advance();
      return {
        kind: 'UnaryExpr',
        op: 'NOT',
        operand: parseExpr(p, p.options.highNotPrecedence === true ? Prec.UNARY : Prec.NOT),
      };
    case 'BINARY':
      p.advance();
      return { kind: 'UnaryExpr', op: 'BINARY', operand: parseExpr(p, Prec.UNARY) };
    case 'INTERVAL':
      return parseInterval(p);
    case 'EXISTS':
      p.advance();
      return { kind: 'ExistsExpr', query: parseParenQuery(p) };
    case 'ROW':
      if (nextIsParen) {
        p.advance();
        p.expectOp('(');
        const items = p.isOp(')') ? [] : parseExprList(p);
        p.expectOp(')');
        return { kind: 'RowExpr', items, hasRowKeyword: true };
      }
      break;
    case 'DEFAULT':
      p.advance();
      if (p.acceptOp('(')) {
        const column = parseIdentExpr(p);
        if (column.kind !== 'ColumnRefExpr') throw p.error();
        p.expectOp(')');
        return { kind: 'DefaultExpr', column };
      }
      return { kind: 'DefaultExpr' };
    default:
      break;
  }
  const special = parseSpecialForm(p, t, nextIsParen);
  if (special !== undefined) return special;
  if (isReservedWord(t.upper)) {
    if (nextIsParen && RESERVED_FUNCTIONS.has(t.upper)) {
      p.advance();
      return parseFunctionCall(p, t.upper);
    }
    if (NO_PAREN_FUNCTIONS.has(t.upper)) {
      p.advance();
      return { kind: 'FuncCallExpr', name: t.upper, args: [], hasNoParens: true };
    }
    throw p.error();
  }
  return parseIdentExpr(p);
}

function isLiteralToken(t: Token): boolean {
  return (
    t.type === TokenType.String ||
    t.type === TokenType.HexString ||
    t.type === TokenType.HexNumber ||
    t.type === TokenType.BitString ||
    t.type === TokenType.BitNumber
  );
}

/** `_charset 'literal'` */
function parseIntroduced(p: Parser, charset: string): Expr {
  p.advance();
  const t = p.tok;
  if (t.type === TokenType.String) return { kind: 'StringLiteralExpr', value: p.string(), charset };
  p.advance();
  if (t.type === TokenType.HexString || t.type === TokenType.HexNumber) {
    return { kind: 'HexLiteralExpr', hex: t.value, form: t.type === TokenType.HexString ? 'x' : '0x', charset };
  }
  return { kind: 'BitLiteralExpr', bits: t.value, form: t.type === TokenType.BitString ? 'b' : '0b', charset };
}

/** `INTERVAL expr unit`, or the INTERVAL(N, N1, …) function. */
function parseInterval(p: Parser): Expr {
  const kw = p.advance();
  const value = parseExpr(p);
  const unit = intervalUnit(p.tok);
  if (unit !== undefined) {
    p.advance();
    return { kind: 'IntervalExpr', value, unit };
  }
  if (value.kind === 'RowExpr' && value.hasRowKeyword !== true && p.prevEnd > kw.end) {
    return { kind: 'FuncCallExpr', name: 'INTERVAL', args: value.items };
  }
  throw p.error();
}

/** `col`, `t.col`, `db.t.col`, `func(…)`, `db.func(…)`, `col->'$.x'`. */
export function parseIdentExpr(p: Parser): Expr {
  const first = p.advance();
  if (first.type !== TokenType.Ident && first.type !== TokenType.QuotedIdent) throw p.error(first);
  if (p.isOp('(')) return parseFunctionCall(p, first.value.toUpperCase());
  // TiDB's `NEXT VALUE FOR seq` is NEXTVAL(seq).
  if (first.type === TokenType.Ident && first.upper === 'NEXT' && p.isWord('VALUE') && p.isWordAt(1, 'FOR')) {
    p.advance();
    p.advance();
    const name = parseIdentExpr(p);
    if (name.kind !== 'ColumnRefExpr' || name.db !== undefined) throw p.error();
    return { kind: 'FuncCallExpr', name: 'NEXTVAL', args: [name] };
  }
  let ref: ColumnRefExpr;
  if (p.acceptOp('.')) {
    const second = p.anyIdent();
    if (p.isOp('(')) return parseFunctionCall(p, second.toUpperCase(), first.value);
    if (p.acceptOp('.')) ref = { kind: 'ColumnRefExpr', db: first.value, table: second, column: p.anyIdent() };
    else ref = { kind: 'ColumnRefExpr', table: first.value, column: second };
  } else {
    ref = { kind: 'ColumnRefExpr', column: first.value };
  }
  if (p.isOp('->') || p.isOp('->>')) {
    const isUnquote = p.advance().value === '->>';
    return { kind: 'JsonPathExpr', operand: ref, path: p.string(), isUnquote };
  }
  return ref;
}

/** One infix/postfix step, or undefined when the next token does not continue an expression above `minPrec`. */
function parseInfix(p: Parser, left: Expr, minPrec: Prec): Expr | undefined {
  const t = p.tok;
  if (t.type === TokenType.Op) {
    if (t.value === '||') {
      if (Prec.OR <= minPrec) return undefined;
      p.advance();
      const right = parseExpr(p, Prec.OR);
      if (p.options.pipesAsConcat === true) return { kind: 'FuncCallExpr', name: 'CONCAT', args: [left, right] };
      return { kind: 'BinaryExpr', op: 'OR', left, right };
    }
    const op = SYMBOL_BINARY[t.value];
    if (op === undefined) return undefined;
    const prec = BINARY_PREC[op];
    if (prec <= minPrec) return undefined;
    p.advance();
    if (prec === Prec.COMPARE) {
      const quantified = parseQuantified(p, op as CompareOp, left);
      if (quantified !== undefined) return quantified;
    }
    return { kind: 'BinaryExpr', op, left, right: parseExpr(p, prec) };
  }
  if (t.type !== TokenType.Ident) return undefined;
  const wordOp = WORD_BINARY[t.upper];
  if (wordOp !== undefined) {
    const prec = BINARY_PREC[wordOp];
    if (prec <= minPrec) return undefined;
    p.advance();
    return { kind: 'BinaryExpr', op: wordOp, left, right: parseExpr(p, prec) };
  }
  switch (t.upper) {
    case 'IS':
      return parseIs(p, left, minPrec);
    case 'NOT': {
      if (Prec.PREDICATE <= minPrec) return undefined;
      const n = p.peek();
      p.advance();
      // After an operand NOT can only start NOT LIKE/IN/BETWEEN/REGEXP; MySQL reports the word after it.
      if (n.type !== TokenType.Ident || !['LIKE', 'IN', 'BETWEEN', 'REGEXP', 'RLIKE'].includes(n.upper))
        throw p.error();
      return parsePredicate(p, left, true);
    }
    case 'LIKE':
    case 'IN':
    case 'BETWEEN':
    case 'REGEXP':
    case 'RLIKE':
      if (Prec.PREDICATE <= minPrec) return undefined;
      return parsePredicate(p, left, false);
    case 'SOUNDS':
      if (Prec.PREDICATE <= minPrec || !p.isWordAt(1, 'LIKE')) return undefined;
      p.advance();
      p.advance();
      // MySQL defines `a SOUNDS LIKE b` as `SOUNDEX(a) = SOUNDEX(b)`.
      return {
        kind: 'BinaryExpr',
        op: '=',
        left: { kind: 'FuncCallExpr', name: 'SOUNDEX', args: [left] },
        right: { kind: 'FuncCallExpr', name: 'SOUNDEX', args: [parseExpr(p, Prec.PREDICATE)] },
      };
    case 'MEMBER': {
      if (Prec.PREDICATE <= minPrec) return undefined;
      p.advance();
      p.acceptWord('OF');
      p.expectOp('(');
      const arr = parseExpr(p);
      p.expectOp(')');
      return { kind: 'FuncCallExpr', name: 'MEMBER OF', args: [left, arr] };
    }
    case 'COLLATE':
      if (Prec.COLLATE <= minPrec) return undefined;
      p.advance();
      return { kind: 'CollateExpr', operand: left, collation: p.charsetName() };
    default:
      return undefined;
  }
}

/** `op ANY|SOME|ALL (subquery)` after a comparison operator. */
function parseQuantified(p: Parser, op: CompareOp, left: Expr): Expr | undefined {
  const t = p.tok;
  if (
    t.type !== TokenType.Ident ||
    !(t.upper === 'ANY' || t.upper === 'SOME' || t.upper === 'ALL') ||
    !p.isOpAt(1, '(')
  )
    return undefined;
  p.advance();
  const query = parseParenQuery(p);
  return { kind: 'QuantifiedCompareExpr', op, left, quantifier: t.upper === 'ALL' ? 'ALL' : 'ANY', query };
}

/** `IS [NOT] NULL|TRUE|FALSE|UNKNOWN`. */
function parseIs(p: Parser, left: Expr, minPrec: Prec): Expr | undefined {
  const hasNot = p.isWordAt(1, 'NOT');
  const what = p.peek(hasNot ? 2 : 1);
  if (what.type !== TokenType.Ident) {
    p.advance();
    if (hasNot) p.advance();
    throw p.error();
  }
  const test = what.upper;
  if (test !== 'NULL' && test !== 'TRUE' && test !== 'FALSE' && test !== 'UNKNOWN') {
    p.advance();
    if (hasNot) p.advance();
    throw p.error();
  }
  const prec = test === 'NULL' ? Prec.COMPARE : Prec.IS_BOOL;
  if (prec <= minPrec) return undefined;
  p.advance();
  if (hasNot) p.advance();
  p.advance();
  return { kind: 'IsExpr', operand: left, isNot: hasNot, test };
}

/** LIKE / IN / BETWEEN / REGEXP after the optional NOT. */
function parsePredicate(p: Parser, operand: Expr, isNot: boolean): Expr {
  const kw = p.advance().upper;
  switch (kw) {
    case 'LIKE': {
      const pattern = parseExpr(p, Prec.PREDICATE);
      if (p.acceptWord('ESCAPE'))
        return { kind: 'LikeExpr', operand, pattern, escape: parseExpr(p, Prec.PREDICATE), isNot };
      return { kind: 'LikeExpr', operand, pattern, isNot };
    }
    case 'REGEXP':
    case 'RLIKE':
      return { kind: 'RegexpExpr', operand, pattern: parseExpr(p, Prec.PREDICATE), isNot };
    case 'BETWEEN': {
      const low = parseExpr(p, Prec.PREDICATE);
      p.expectWord('AND');
      return { kind: 'BetweenExpr', operand, low, high: parseExpr(p, Prec.COMPARE), isNot };
    }
    default: {
      if (!p.isOp('(')) throw p.error();
      if (startsQuery(p, 1)) return { kind: 'InSubqueryExpr', operand, query: parseParenQuery(p), isNot };
      p.advance();
      const list = parseExprList(p);
      p.expectOp(')');
      return { kind: 'InListExpr', operand, list, isNot };
    }
  }
}
