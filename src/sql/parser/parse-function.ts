// Function calls: the generic `name(args)` form, aggregates, window OVER clauses, and MySQL's special syntaxes.
import type { Expr, FrameBound, FuncCallExpr, IntervalUnit, JsonValueClauses, JsonValueResponse, MatchExpr, OrderItem, WindowFrame, WindowSpec } from '../ast/index.js';
import { parseCastType } from './parse-cast-type.js';
import type { Parser } from './parser.js';
import { Prec } from './precedence.js';
import { TokenType, type Token } from './token.js';

/** MySQL's INTERVAL units (SQL_TSI_ prefixed synonyms are folded in `intervalUnit`). */
const INTERVAL_UNITS: ReadonlySet<string> = new Set<IntervalUnit>([
  'MICROSECOND',
  'SECOND',
  'MINUTE',
  'HOUR',
  'DAY',
  'WEEK',
  'MONTH',
  'QUARTER',
  'YEAR',
  'SECOND_MICROSECOND',
  'MINUTE_MICROSECOND',
  'MINUTE_SECOND',
  'HOUR_MICROSECOND',
  'HOUR_SECOND',
  'HOUR_MINUTE',
  'DAY_MICROSECOND',
  'DAY_SECOND',
  'DAY_MINUTE',
  'DAY_HOUR',
  'YEAR_MONTH',
]);

/** Aggregates that accept DISTINCT / ALL before their arguments. */
const DISTINCT_AGGREGATES: ReadonlySet<string> = new Set([
  'COUNT',
  'SUM',
  'AVG',
  'MIN',
  'MAX',
  'GROUP_CONCAT',
  'JSON_ARRAYAGG',
  'BIT_AND',
  'BIT_OR',
  'BIT_XOR',
  'STD',
  'STDDEV',
  'STDDEV_POP',
  'STDDEV_SAMP',
  'VARIANCE',
  'VAR_POP',
  'VAR_SAMP',
]);

/**
 * The window functions proper and their argument counts: MySQL's grammar gives each its own rule that ends in a
 * required OVER clause; those taking a value also accept RESPECT NULLS (and IGNORE NULLS, which MySQL refuses later),
 * NTH_VALUE also FROM FIRST|LAST.
 */
const WINDOW_ONLY_FUNCTIONS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['ROW_NUMBER', [0, 0]],
  ['RANK', [0, 0]],
  ['DENSE_RANK', [0, 0]],
  ['CUME_DIST', [0, 0]],
  ['PERCENT_RANK', [0, 0]],
  ['NTILE', [1, 1]],
  ['LAG', [1, 3]],
  ['LEAD', [1, 3]],
  ['FIRST_VALUE', [1, 1]],
  ['LAST_VALUE', [1, 1]],
  ['NTH_VALUE', [2, 2]],
]);
const NULL_TREATMENT_FUNCTIONS: ReadonlySet<string> = new Set(['LAG', 'LEAD', 'FIRST_VALUE', 'LAST_VALUE', 'NTH_VALUE']);

const SEARCH_MODIFIERS = [
  ['IN', 'NATURAL', 'LANGUAGE', 'MODE', 'WITH', 'QUERY', 'EXPANSION'],
  ['IN', 'NATURAL', 'LANGUAGE', 'MODE'],
  ['IN', 'BOOLEAN', 'MODE'],
  ['WITH', 'QUERY', 'EXPANSION'],
] as const;

/** A unit keyword of INTERVAL/EXTRACT/TIMESTAMPADD, or undefined (SQL_TSI_X is X). */
export function intervalUnit(tok: Token): IntervalUnit | undefined {
  if (tok.type !== TokenType.Ident) return undefined;
  const u = tok.upper.startsWith('SQL_TSI_') ? tok.upper.slice('SQL_TSI_'.length) : tok.upper;
  return INTERVAL_UNITS.has(u) ? (u as IntervalUnit) : undefined;
}

function expectUnit(p: Parser): IntervalUnit {
  const unit = intervalUnit(p.tok);
  if (unit === undefined) throw p.error();
  p.advance();
  return unit;
}

function exprList(p: Parser): Expr[] {
  const list = [p.grammar.expr(p)];
  while (p.acceptOp(',')) list.push(p.grammar.expr(p));
  return list;
}

/** `ORDER BY expr [ASC|DESC], …` after ORDER BY was consumed. */
export function parseOrderItems(p: Parser): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const expr = p.grammar.expr(p);
    const direction = p.acceptOneOf(['ASC', 'DESC'] as const);
    items.push(direction === undefined ? { expr } : { expr, direction });
  } while (p.acceptOp(','));
  return items;
}

/**
 * `name(args)` with the name already consumed and `(` current. Handles COUNT(*), DISTINCT in aggregates,
 * GROUP_CONCAT's ORDER BY / SEPARATOR and a trailing OVER clause.
 */
export function parseFunctionCall(p: Parser, name: string, db?: string): FuncCallExpr {
  p.expectOp('(');
  const call: { -readonly [K in keyof FuncCallExpr]: FuncCallExpr[K] } = { kind: 'FuncCallExpr', name, args: [] };
  if (db !== undefined) call.db = db;
  if (name === 'COUNT' && p.isOp('*')) {
    p.advance();
    call.isStar = true;
  } else {
    if (DISTINCT_AGGREGATES.has(name)) {
      if (p.acceptWord('DISTINCT') || p.acceptWord('DISTINCTROW')) call.isDistinct = true;
      else if (p.acceptWord('ALL')) call.isDistinct = false;
    }
    if (!p.isOp(')') || call.isDistinct !== undefined) call.args = exprList(p);
    if (call.isDistinct === false) delete call.isDistinct;
    if (name === 'GROUP_CONCAT') {
      if (p.acceptClause('ORDER', 'BY')) call.orderBy = parseOrderItems(p);
      if (p.acceptWord('SEPARATOR')) call.separator = p.string();
    }
    if (name === 'JSON_VALUE') {
      const clauses = parseJsonValueClauses(p);
      if (clauses !== undefined) call.jsonValue = clauses;
    }
  }
  const arity = db === undefined ? WINDOW_ONLY_FUNCTIONS.get(name) : undefined;
  if (arity && (call.args.length < arity[0] || call.args.length > arity[1] || call.isStar === true)) throw p.error();
  p.expectOp(')');
  if (arity) {
    if (name === 'NTH_VALUE' && p.isWordAt(0, 'FROM') && (p.isWordAt(1, 'FIRST') || p.isWordAt(1, 'LAST'))) {
      p.advance();
      call.fromFirstLast = p.expectOneOf(['FIRST', 'LAST'] as const);
    }
    if (NULL_TREATMENT_FUNCTIONS.has(name)) {
      const treatment = p.acceptOneOf(['RESPECT', 'IGNORE'] as const);
      if (treatment !== undefined) {
        p.expectWord('NULLS');
        call.nullTreatment = `${treatment} NULLS`;
      }
    }
    p.expectWord('OVER');
    call.over = parseWindowRef(p);
  } else if (db === undefined && (DISTINCT_AGGREGATES.has(name) || name === 'JSON_OBJECTAGG') && p.acceptWord('OVER')) {
    // Only aggregates take a window besides the window functions; OVER after anything else is a syntax error.
    call.over = parseWindowRef(p);
  }
  return call;
}

/** JSON_VALUE's `[RETURNING type] [response ON EMPTY] [response ON ERROR]`, or undefined when none is written. */
function parseJsonValueClauses(p: Parser): JsonValueClauses | undefined {
  const clauses: { -readonly [K in keyof JsonValueClauses]: JsonValueClauses[K] } = {};
  if (p.acceptWord('RETURNING')) clauses.returning = parseCastType(p);
  for (;;) {
    let response: JsonValueResponse;
    if (p.acceptWord('NULL')) response = { kind: 'NULL' };
    else if (p.acceptWord('ERROR')) response = { kind: 'ERROR' };
    else if (p.acceptWord('DEFAULT')) response = { kind: 'DEFAULT', value: p.grammar.expr(p) };
    else break;
    p.expectWord('ON');
    if (clauses.onEmpty === undefined && clauses.onError === undefined && p.acceptWord('EMPTY')) clauses.onEmpty = response;
    else if (clauses.onError === undefined && p.acceptWord('ERROR')) clauses.onError = response;
    else throw p.error();
  }
  return Object.keys(clauses).length === 0 ? undefined : clauses;
}

/**
 * The functions with syntax of their own (CAST, CONVERT, EXTRACT, POSITION, TRIM, SUBSTRING … FROM, CHAR … USING,
 * MATCH … AGAINST, TIMESTAMPADD/DIFF, GET_FORMAT, CASE), or undefined when `t` does not start one.
 */
export function parseSpecialForm(p: Parser, t: Token, nextIsParen: boolean): Expr | undefined {
  if (t.upper === 'CASE') return parseCase(p);
  if (!nextIsParen) return undefined;
  switch (t.upper) {
    case 'CAST': {
      open(p);
      const operand = p.grammar.expr(p);
      p.expectWord('AS');
      const type = parseCastType(p);
      p.expectOp(')');
      return { kind: 'CastExpr', operand, type, form: 'CAST' };
    }
    case 'CONVERT': {
      open(p);
      const operand = p.grammar.expr(p);
      if (p.acceptWord('USING')) {
        const charset = p.charsetName();
        p.expectOp(')');
        return { kind: 'ConvertUsingExpr', operand, charset };
      }
      p.expectOp(',');
      const type = parseCastType(p);
      p.expectOp(')');
      return { kind: 'CastExpr', operand, type, form: 'CONVERT' };
    }
    case 'EXTRACT': {
      open(p);
      const unit = expectUnit(p);
      p.expectWord('FROM');
      const from = p.grammar.expr(p);
      p.expectOp(')');
      return { kind: 'FuncCallExpr', name: 'EXTRACT', args: [{ kind: 'IntervalUnitExpr', unit }, from] };
    }
    case 'POSITION': {
      open(p);
      const needle = p.grammar.expr(p, Prec.PREDICATE);
      p.expectWord('IN');
      const haystack = p.grammar.expr(p);
      p.expectOp(')');
      return { kind: 'FuncCallExpr', name: 'POSITION', args: [needle, haystack] };
    }
    case 'TRIM':
      return parseTrim(p);
    case 'SUBSTRING':
    case 'SUBSTR':
    case 'MID':
      return parseSubstring(p, t.upper);
    case 'CHAR': {
      open(p);
      const args = exprList(p);
      const usingCharset = p.acceptWord('USING') ? p.charsetName() : undefined;
      p.expectOp(')');
      return usingCharset === undefined
        ? { kind: 'FuncCallExpr', name: 'CHAR', args }
        : { kind: 'FuncCallExpr', name: 'CHAR', args, usingCharset };
    }
    case 'MATCH':
      return parseMatch(p);
    case 'GET_FORMAT': {
      // GET_FORMAT(DATE|TIME|DATETIME|TIMESTAMP, standard): the type word becomes a string argument.
      open(p);
      const type = p.expectOneOf(['DATE', 'TIME', 'DATETIME', 'TIMESTAMP'] as const);
      p.expectOp(',');
      const standard = p.grammar.expr(p);
      p.expectOp(')');
      return { kind: 'FuncCallExpr', name: 'GET_FORMAT', args: [{ kind: 'StringLiteralExpr', value: type }, standard] };
    }
    case 'TIMESTAMPADD':
    case 'TIMESTAMPDIFF': {
      open(p);
      const unit = expectUnit(p);
      p.expectOp(',');
      const a = p.grammar.expr(p);
      p.expectOp(',');
      const b = p.grammar.expr(p);
      p.expectOp(')');
      return { kind: 'FuncCallExpr', name: t.upper, args: [{ kind: 'IntervalUnitExpr', unit }, a, b] };
    }
    default:
      return undefined;
  }
}

/** Consumes the function name and its `(`. */
function open(p: Parser): void {
  p.advance();
  p.expectOp('(');
}

function parseCase(p: Parser): Expr {
  p.advance();
  const operand = p.isWord('WHEN') ? undefined : p.grammar.expr(p);
  const whens: { when: Expr; then: Expr }[] = [];
  while (p.acceptWord('WHEN')) {
    const when = p.grammar.expr(p);
    p.expectWord('THEN');
    whens.push({ when, then: p.grammar.expr(p) });
  }
  if (whens.length === 0) throw p.error();
  const elseExpr = p.acceptWord('ELSE') ? p.grammar.expr(p) : undefined;
  p.expectWord('END');
  return {
    kind: 'CaseExpr',
    ...(operand !== undefined && { operand }),
    whens,
    ...(elseExpr !== undefined && { else: elseExpr }),
  };
}

/** TRIM([LEADING|TRAILING|BOTH] [remstr] FROM str) / TRIM(str). */
function parseTrim(p: Parser): Expr {
  open(p);
  const mode = p.acceptOneOf(['LEADING', 'TRAILING', 'BOTH'] as const);
  let args: Expr[];
  if (mode !== undefined && p.acceptWord('FROM')) {
    args = [p.grammar.expr(p)];
  } else {
    const first = p.grammar.expr(p);
    if (p.acceptWord('FROM')) args = [p.grammar.expr(p), first];
    else if (mode === undefined) args = [first];
    else throw p.error();
  }
  p.expectOp(')');
  return mode === undefined
    ? { kind: 'FuncCallExpr', name: 'TRIM', args }
    : { kind: 'FuncCallExpr', name: 'TRIM', args, trimMode: mode };
}

/** SUBSTRING(str, pos[, len]) / SUBSTRING(str FROM pos [FOR len]). */
function parseSubstring(p: Parser, name: string): Expr {
  open(p);
  const args = [p.grammar.expr(p)];
  if (p.acceptWord('FROM')) {
    args.push(p.grammar.expr(p));
    if (p.acceptWord('FOR')) args.push(p.grammar.expr(p));
  } else {
    while (p.acceptOp(',')) args.push(p.grammar.expr(p));
  }
  p.expectOp(')');
  return { kind: 'FuncCallExpr', name, args };
}

/** MATCH (col, …) AGAINST (expr [search modifier]). */
function parseMatch(p: Parser): Expr {
  open(p);
  const columns = exprList(p);
  p.expectOp(')');
  p.expectWord('AGAINST');
  p.expectOp('(');
  const against = p.grammar.expr(p, Prec.PREDICATE);
  let modifier: (typeof SEARCH_MODIFIERS)[number] | undefined;
  for (const m of SEARCH_MODIFIERS) {
    if (p.acceptWords(...m)) {
      modifier = m;
      break;
    }
  }
  p.expectOp(')');
  const refs = columns.map((c) => {
    if (c.kind !== 'ColumnRefExpr') throw p.error();
    return c;
  });
  if (modifier === undefined) return { kind: 'MatchExpr', columns: refs, against };
  return {
    kind: 'MatchExpr',
    columns: refs,
    against,
    modifier: modifier.join(' ') as NonNullable<MatchExpr['modifier']>,
  };
}

/** A window after OVER: a name, or `( [name] [PARTITION BY …] [ORDER BY …] [frame] )`. */
export function parseWindowRef(p: Parser): WindowSpec {
  if (!p.isOp('(')) return { name: p.ident() };
  return parseWindowSpecBody(p);
}

/** `( [name] [PARTITION BY …] [ORDER BY …] [frame] )` as in WINDOW w AS (…). */
export function parseWindowSpecBody(p: Parser): WindowSpec {
  p.expectOp('(');
  let name: string | undefined;
  if (
    p.isIdentAt(0) &&
    !p.isWord('PARTITION') &&
    !p.isWord('ORDER') &&
    !p.isWord('ROWS') &&
    !p.isWord('RANGE') &&
    !p.isWord('GROUPS')
  ) {
    name = p.ident();
  }
  const partitionBy = p.acceptClause('PARTITION', 'BY') ? exprList(p) : undefined;
  const orderBy = p.acceptClause('ORDER', 'BY') ? parseOrderItems(p) : undefined;
  const frame = parseFrame(p);
  p.expectOp(')');
  return {
    ...(name !== undefined && { name }),
    ...(partitionBy !== undefined && { partitionBy }),
    ...(orderBy !== undefined && { orderBy }),
    ...(frame !== undefined && { frame }),
  };
}

/** `ROWS|RANGE|GROUPS {bound | BETWEEN bound AND bound} [EXCLUDE …]`. */
function parseFrame(p: Parser): WindowFrame | undefined {
  const units = p.acceptOneOf(['ROWS', 'RANGE', 'GROUPS'] as const);
  if (units === undefined) return undefined;
  let frame: { -readonly [K in keyof WindowFrame]: WindowFrame[K] };
  if (p.acceptWord('BETWEEN')) {
    const start = parseFrameBound(p);
    p.expectWord('AND');
    frame = { units, start, end: parseFrameBound(p) };
  } else {
    frame = { units, start: parseFrameBound(p) };
  }
  if (p.acceptWord('EXCLUDE')) {
    if (p.acceptWords('CURRENT', 'ROW')) frame.exclude = 'CURRENT ROW';
    else if (p.acceptWords('NO', 'OTHERS')) frame.exclude = 'NO OTHERS';
    else frame.exclude = p.expectOneOf(['GROUP', 'TIES'] as const);
  }
  return frame;
}

/** UNBOUNDED/CURRENT ROW, or an offset: a number literal, `?`, or `INTERVAL expr unit` (MySQL's grammar). */
function parseFrameBound(p: Parser): FrameBound {
  if (p.acceptWords('UNBOUNDED', 'PRECEDING')) return { kind: 'UNBOUNDED PRECEDING' };
  if (p.acceptWords('UNBOUNDED', 'FOLLOWING')) return { kind: 'UNBOUNDED FOLLOWING' };
  if (p.acceptWords('CURRENT', 'ROW')) return { kind: 'CURRENT ROW' };
  const t = p.tok;
  const isOffset = t.type === TokenType.Int || t.type === TokenType.Decimal || t.type === TokenType.Float || (t.type === TokenType.Op && t.value === '?') || p.isWord('INTERVAL');
  if (!isOffset) throw p.error();
  const value = p.grammar.expr(p, Prec.PRIMARY);
  return { kind: p.expectOneOf(['PRECEDING', 'FOLLOWING'] as const), value };
}
