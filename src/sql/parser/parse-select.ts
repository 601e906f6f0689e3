// Query expressions: WITH, SELECT blocks, UNION/EXCEPT/INTERSECT, VALUES/TABLE, ORDER BY, LIMIT and locking.
import type {
  CommonTableExpr,
  Expr,
  Limit,
  LockClause,
  NamedWindow,
  OrderItem,
  QueryExpr,
  SelectItem,
  SelectStmt,
  UnionStmt,
  UserVarExpr,
  ValuesStmt,
  WithClause,
} from '../ast/index.js';
import { parseExpr, parseExprList, parseOrderItems } from './parse-expr.js';
import { parseWindowSpecBody } from './parse-function.js';
import { parseAlias, parseIdentList, parseTableName, parseTableNameList, parseTableRefs } from './parse-table-ref.js';
import type { Parser } from './parser.js';
import { TokenType } from './token.js';
import type { Mutable } from './mutable.js';

/** Query modifiers allowed right after SELECT, in MySQL's words. */
const SELECT_MODIFIERS: ReadonlySet<string> = new Set([
  'HIGH_PRIORITY',
  'STRAIGHT_JOIN',
  'SQL_SMALL_RESULT',
  'SQL_BIG_RESULT',
  'SQL_BUFFER_RESULT',
  'SQL_NO_CACHE',
  'SQL_CACHE',
  'SQL_CALC_FOUND_ROWS',
]);

/** `[WITH …] term [set-op term …] [ORDER BY …] [LIMIT …]`. */
export function parseQuery(p: Parser): QueryExpr {
  p.enter();
  const depth = p.depth;
  const start = p.tok.start;
  const withClause = p.isWord('WITH') ? parseWith(p) : undefined;
  const first = parseQueryTerm(p);
  let q = parseQueryTail(p, first.query, start, first.isParenthesized);
  if (withClause !== undefined) q = { ...q, with: withClause, text: p.textFrom(start) };
  p.depth = depth - 1;
  return q;
}

/**
 * Continues `left` (already parsed) with set operations and the trailing ORDER BY/LIMIT. INTERSECT binds tighter
 * than UNION and EXCEPT, as in MySQL 8.0.31+.
 */
export function parseQueryTail(p: Parser, left: QueryExpr, start: number, isLeftParenthesized = true): QueryExpr {
  let q = left;
  let isBare = !isLeftParenthesized;
  let isSetOp = false;
  for (;;) {
    if (isBare && hasOwnTail(q) && (p.isWord('UNION') || p.isWord('EXCEPT') || p.isWord('INTERSECT'))) throw p.error();
    const op = p.acceptOneOf(['UNION', 'EXCEPT', 'INTERSECT'] as const);
    if (op === undefined) break;
    // Each set operation deepens the (left-deep) tree by one.
    p.enter();
    const isAll = p.acceptWord('ALL') ? true : (p.acceptWord('DISTINCT'), false);
    let right = parseQueryTerm(p);
    if (
      !right.isParenthesized &&
      hasOwnTail(right.query) &&
      (p.isWord('UNION') || p.isWord('EXCEPT') || p.isWord('INTERSECT'))
    )
      throw p.error();
    let rightQuery = right.query;
    // INTERSECT binds tighter: fold a following INTERSECT chain into the right operand first.
    while (op !== 'INTERSECT' && p.isWord('INTERSECT')) {
      p.advance();
      const all = p.acceptWord('ALL') ? true : (p.acceptWord('DISTINCT'), false);
      right = parseQueryTerm(p);
      rightQuery = {
        kind: 'UnionStmt',
        op: 'INTERSECT',
        isAll: all,
        left: rightQuery,
        right: right.query,
        text: p.textFrom(start),
      };
    }
    q = { kind: 'UnionStmt', op, isAll, left: q, right: rightQuery, text: p.textFrom(start) };
    isBare = !right.isParenthesized;
    isSetOp = true;
  }
  if (isSetOp) {
    // A trailing ORDER BY / LIMIT written after the last unparenthesised block belongs to the whole union.
    const u = q as Mutable<UnionStmt>;
    const last = u.right;
    if (
      isBare &&
      last.kind === 'SelectStmt' &&
      (last.orderBy !== undefined || last.limit !== undefined) &&
      last.lock === undefined
    ) {
      const { orderBy, limit, ...rest } = last;
      u.right = rest;
      if (orderBy !== undefined) u.orderBy = orderBy;
      if (limit !== undefined) u.limit = limit;
    }
  }
  if (isSetOp || !isBare) {
    // `(SELECT …) ORDER BY …` or `… UNION … ORDER BY …`.
    const orderBy = p.acceptClause('ORDER', 'BY') ? parseOrderItems(p) : undefined;
    const limit = p.isWord('LIMIT') ? parseLimit(p) : undefined;
    if (orderBy !== undefined || limit !== undefined) q = withTail(p, q, orderBy, limit, start);
  }
  return q;
}

function withTail(
  p: Parser,
  q: QueryExpr,
  orderBy: OrderItem[] | undefined,
  limit: Limit | undefined,
  start: number,
): QueryExpr {
  if (hasOwnTail(q)) return wrapQuery(p, q, orderBy, limit, start);
  const m = { ...q, text: p.textFrom(start) } as Mutable<SelectStmt>;
  if (orderBy !== undefined) m.orderBy = orderBy;
  if (limit !== undefined) m.limit = limit;
  return m;
}

/**
 * `(SELECT … ORDER BY a LIMIT 1) ORDER BY b`: the outer clauses order/limit the inner result, which is what
 * selecting from the inner query as a derived table means.
 */
function wrapQuery(
  p: Parser,
  inner: QueryExpr,
  orderBy: OrderItem[] | undefined,
  limit: Limit | undefined,
  start: number,
): SelectStmt {
  return {
    kind: 'SelectStmt',
    text: p.textFrom(start),
    isDistinct: false,
    items: [{ kind: 'SelectStarItem' }],
    from: [{ kind: 'DerivedTableRef', query: inner, alias: 'derived_tmp' }],
    ...(orderBy !== undefined && { orderBy }),
    ...(limit !== undefined && { limit }),
  };
}

function hasOwnTail(q: QueryExpr): boolean {
  return q.orderBy !== undefined || q.limit !== undefined || (q.kind === 'SelectStmt' && q.lock !== undefined);
}

/** A SELECT block, `(query)`, `VALUES ROW(…)…` or `TABLE t`. */
function parseQueryTerm(p: Parser): { query: QueryExpr; isParenthesized: boolean } {
  if (p.isOp('(')) {
    p.advance();
    const query = parseQuery(p);
    p.expectOp(')');
    return { query, isParenthesized: true };
  }
  if (p.isWord('SELECT')) return { query: parseSelectBlock(p), isParenthesized: false };
  if (p.isWord('VALUES')) return { query: parseValuesQuery(p), isParenthesized: false };
  if (p.isWord('TABLE')) return { query: parseTableQuery(p), isParenthesized: false };
  throw p.error();
}

/** `WITH [RECURSIVE] name [(cols)] AS (query), …` */
function parseWith(p: Parser): WithClause {
  p.expectWord('WITH');
  const isRecursive = p.acceptWord('RECURSIVE');
  const ctes: CommonTableExpr[] = [];
  do {
    const name = p.ident();
    const columns = p.isOp('(') ? parseIdentList(p) : undefined;
    p.expectWord('AS');
    p.expectOp('(');
    const query = parseQuery(p);
    p.expectOp(')');
    ctes.push(columns === undefined ? { name, query } : { name, columns, query });
  } while (p.acceptOp(','));
  return { isRecursive, ctes };
}

/** One `SELECT …` block including its own ORDER BY, LIMIT and locking clause. */
export function parseSelectBlock(p: Parser): SelectStmt {
  const start = p.tok.start;
  p.expectWord('SELECT');
  const s: Mutable<SelectStmt> = { kind: 'SelectStmt', text: '', isDistinct: false, items: [] };
  const modifiers: string[] = [];
  for (;;) {
    if (p.isWord('DISTINCT') || p.isWord('DISTINCTROW')) {
      p.advance();
      s.isDistinct = true;
    } else if (p.isWord('ALL')) {
      p.advance();
    } else if (p.tok.type === TokenType.Ident && SELECT_MODIFIERS.has(p.tok.upper)) {
      modifiers.push(p.advance().upper);
    } else {
      break;
    }
  }
  if (modifiers.length > 0) s.modifiers = modifiers;
  s.items = parseSelectItems(p);
  parseInto(p, s);
  if (p.acceptWord('FROM')) {
    if (p.acceptWord('DUAL')) s.isFromDual = true;
    else s.from = parseTableRefs(p);
  }
  if (p.acceptWord('WHERE')) s.where = parseExpr(p);
  if (p.acceptClause('GROUP', 'BY')) {
    s.groupBy = parseGroupBy(p);
    if (p.acceptWords('WITH', 'ROLLUP')) s.withRollup = true;
  }
  if (p.acceptWord('HAVING')) s.having = parseExpr(p);
  if (p.acceptWord('WINDOW')) s.windows = parseWindows(p);
  if (p.acceptClause('ORDER', 'BY')) s.orderBy = parseOrderItems(p);
  if (p.isWord('LIMIT')) s.limit = parseLimit(p);
  parseInto(p, s);
  const lock = parseLock(p);
  if (lock !== undefined) s.lock = lock;
  parseInto(p, s);
  s.text = p.textFrom(start);
  return s;
}

function parseGroupBy(p: Parser): Expr[] {
  const list: Expr[] = [];
  do {
    list.push(parseExpr(p));
    // MySQL 8.0 dropped GROUP BY … ASC|DESC; accept and ignore the ascending default only.
  } while (p.acceptOp(','));
  return list;
}

function parseWindows(p: Parser): NamedWindow[] {
  const list: NamedWindow[] = [];
  do {
    const name = p.ident();
    p.expectWord('AS');
    list.push({ name, spec: parseWindowSpecBody(p) });
  } while (p.acceptOp(','));
  return list;
}

/** `INTO @a, @b` (INTO OUTFILE / DUMPFILE are not supported and fail as syntax errors). */
function parseInto(p: Parser, s: Mutable<SelectStmt>): void {
  if (!p.isWord('INTO') || s.into !== undefined) return;
  p.advance();
  const vars: UserVarExpr[] = [];
  do {
    if (p.tok.type !== TokenType.UserVar) throw p.error();
    vars.push({ kind: 'UserVarExpr', name: p.advance().value });
  } while (p.acceptOp(','));
  s.into = vars;
}

function parseSelectItems(p: Parser): SelectItem[] {
  const items: SelectItem[] = [];
  do {
    if (p.acceptOp('*')) {
      items.push({ kind: 'SelectStarItem' });
      continue;
    }
    if (p.isIdentAt(0) && p.isOpAt(1, '.')) {
      if (p.isOpAt(2, '*')) {
        const table = p.ident();
        p.advance();
        p.advance();
        items.push({ kind: 'SelectStarItem', table });
        continue;
      }
      if (p.peek(2).type === TokenType.Ident || p.peek(2).type === TokenType.QuotedIdent) {
        if (p.isOpAt(3, '.') && p.isOpAt(4, '*')) {
          const db = p.ident();
          p.advance();
          const table = p.anyIdent();
          p.advance();
          p.advance();
          items.push({ kind: 'SelectStarItem', db, table });
          continue;
        }
      }
    }
    const start = p.tok.start;
    const expr = parseExpr(p);
    const text = p.textFrom(start);
    const alias = parseAlias(p);
    items.push(
      alias === undefined ? { kind: 'SelectExprItem', expr, text } : { kind: 'SelectExprItem', expr, alias, text },
    );
  } while (p.acceptOp(','));
  return items;
}

/** `LIMIT count`, `LIMIT offset, count`, `LIMIT count OFFSET offset`. */
export function parseLimit(p: Parser): Limit {
  p.expectWord('LIMIT');
  const first = parseLimitValue(p);
  if (p.acceptOp(',')) return { offset: first, count: parseLimitValue(p) };
  if (p.acceptWord('OFFSET')) return { count: first, offset: parseLimitValue(p) };
  return { count: first };
}

/** A LIMIT operand: an unsigned integer literal, `?`, or (inside routines) a variable name. */
function parseLimitValue(p: Parser): Expr {
  const t = p.tok;
  if (t.type === TokenType.Int) {
    p.advance();
    return { kind: 'NumberLiteralExpr', numberKind: 'int', text: t.value };
  }
  if (p.isOp('?')) {
    p.advance();
    return { kind: 'ParamExpr', index: p.paramCount++ };
  }
  if (p.isIdentAt(0)) return { kind: 'ColumnRefExpr', column: p.ident() };
  throw p.error();
}

function parseLock(p: Parser): LockClause | undefined {
  if (p.acceptWords('LOCK', 'IN', 'SHARE', 'MODE')) return { mode: 'LOCK IN SHARE MODE' };
  if (!p.acceptWord('FOR')) return undefined;
  const mode = p.expectOneOf(['UPDATE', 'SHARE'] as const) === 'UPDATE' ? 'FOR UPDATE' : 'FOR SHARE';
  const tables = p.acceptWord('OF') ? parseTableNameList(p) : undefined;
  let wait: LockClause['wait'];
  if (p.acceptWord('NOWAIT')) wait = 'NOWAIT';
  else if (p.acceptWords('SKIP', 'LOCKED')) wait = 'SKIP LOCKED';
  return { mode, ...(tables !== undefined && { tables }), ...(wait !== undefined && { wait }) };
}

/** `VALUES ROW(…), ROW(…)` as a query. */
function parseValuesQuery(p: Parser): ValuesStmt {
  const start = p.tok.start;
  p.expectWord('VALUES');
  const rows: Expr[][] = [];
  do {
    p.expectWord('ROW');
    p.expectOp('(');
    rows.push(p.isOp(')') ? [] : parseExprList(p));
    p.expectOp(')');
  } while (p.acceptOp(','));
  const v: Mutable<ValuesStmt> = { kind: 'ValuesStmt', text: '', rows };
  if (p.acceptClause('ORDER', 'BY')) v.orderBy = parseOrderItems(p);
  if (p.isWord('LIMIT')) v.limit = parseLimit(p);
  v.text = p.textFrom(start);
  return v;
}

/** `TABLE t [ORDER BY …] [LIMIT …]` is `SELECT * FROM t …`. */
function parseTableQuery(p: Parser): SelectStmt {
  const start = p.tok.start;
  p.expectWord('TABLE');
  const table = parseTableName(p);
  const s: Mutable<SelectStmt> = {
    kind: 'SelectStmt',
    text: '',
    isDistinct: false,
    items: [{ kind: 'SelectStarItem' }],
    from: [{ kind: 'TableNameRef', table }],
  };
  if (p.acceptClause('ORDER', 'BY')) s.orderBy = parseOrderItems(p);
  if (p.isWord('LIMIT')) s.limit = parseLimit(p);
  s.text = p.textFrom(start);
  return s;
}
