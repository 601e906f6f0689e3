// FROM-clause table references: table names, derived tables, and joins with MySQL's nesting rules.
import type { DerivedTableRef, Expr, IndexHint, JoinRef, TableName, TableNameRef, TableRef } from '../ast/index.js';
import { parseExpr, startsQuery } from './parse-expr.js';
import { parseJsonTable } from './parse-json-table.js';
import type { Parser } from './parser.js';
import { TokenType } from './token.js';

/** `[db.]name` */
export function parseTableName(p: Parser): TableName {
  const first = p.ident();
  if (p.acceptOp('.')) return { db: first, name: p.anyIdent() };
  const db = p.options.defaultDatabase;
  return db === undefined ? { name: first } : { db, name: first, isImplicitDb: true };
}

/** `name, name, …` */
export function parseTableNameList(p: Parser): TableName[] {
  const list = [parseTableName(p)];
  while (p.acceptOp(',')) list.push(parseTableName(p));
  return list;
}

/** `(ident, …)` */
export function parseIdentList(p: Parser): string[] {
  p.expectOp('(');
  const list = [p.ident()];
  while (p.acceptOp(',')) list.push(p.ident());
  p.expectOp(')');
  return list;
}

/** The comma-separated list of table references after FROM (or UPDATE / DELETE … USING). */
export function parseTableRefs(p: Parser): TableRef[] {
  const refs = [parseTableRef(p)];
  while (p.acceptOp(',')) refs.push(parseTableRef(p));
  return refs;
}

/**
 * One table reference with its joins. The right side of a join is itself a table reference, so
 * `a JOIN b JOIN c ON x` nests as `a JOIN (b JOIN c ON x)`, as MySQL's grammar (which prefers to shift) does.
 */
export function parseTableRef(p: Parser): TableRef {
  p.enter();
  const depth = p.depth;
  let left = parseTableFactor(p);
  for (;;) {
    const join = parseJoinOperator(p);
    if (join === undefined) break;
    p.enter();
    const right = join.isNatural ? parseTableFactor(p) : parseTableRef(p);
    let on: Expr | undefined;
    let using: string[] | undefined;
    if (!join.isNatural) {
      if (p.acceptWord('ON')) on = parseExpr(p);
      else if (p.acceptWord('USING')) using = parseIdentList(p);
      else if (join.joinType === 'LEFT' || join.joinType === 'RIGHT') throw p.error();
    }
    const node: JoinRef = {
      kind: 'JoinRef',
      joinType: join.joinType,
      isNatural: join.isNatural,
      left,
      right,
      ...(on !== undefined && { on }),
      ...(using !== undefined && { using }),
    };
    left = node;
  }
  p.depth = depth - 1;
  return left;
}

function parseJoinOperator(p: Parser): { joinType: JoinRef['joinType']; isNatural: boolean } | undefined {
  if (p.acceptWord('JOIN')) return { joinType: 'INNER', isNatural: false };
  if (p.acceptWords('INNER', 'JOIN')) return { joinType: 'INNER', isNatural: false };
  if (p.acceptWords('CROSS', 'JOIN')) return { joinType: 'CROSS', isNatural: false };
  if (p.acceptWord('STRAIGHT_JOIN')) return { joinType: 'STRAIGHT', isNatural: false };
  const side = p.isWord('LEFT') || p.isWord('RIGHT') ? (p.tok.upper as 'LEFT' | 'RIGHT') : undefined;
  if (side !== undefined && (p.isWordAt(1, 'JOIN') || p.isWordAt(1, 'OUTER'))) {
    p.advance();
    p.acceptWord('OUTER');
    p.expectWord('JOIN');
    return { joinType: side, isNatural: false };
  }
  if (p.acceptWord('NATURAL')) {
    let joinType: JoinRef['joinType'] = 'INNER';
    if (p.acceptWord('LEFT')) joinType = 'LEFT';
    else if (p.acceptWord('RIGHT')) joinType = 'RIGHT';
    else p.acceptWord('INNER');
    if (joinType !== 'INNER') p.acceptWord('OUTER');
    p.expectWord('JOIN');
    return { joinType, isNatural: true };
  }
  return undefined;
}

/** A table name, a derived table, or a parenthesised list of references. */
function parseTableFactor(p: Parser): TableRef {
  if (p.isOp('(')) {
    if (startsQuery(p, 1) || (p.isOpAt(1, '(') && startsQueryAfterParens(p))) return parseDerivedTable(p);
    p.advance();
    const refs = parseTableRefs(p);
    p.expectOp(')');
    let ref = refs[0] as TableRef;
    for (let i = 1; i < refs.length; i++)
      ref = { kind: 'JoinRef', joinType: 'CROSS', isNatural: false, left: ref, right: refs[i] as TableRef };
    return ref;
  }
  if (p.isWord('JSON_TABLE') && p.isOpAt(1, '(')) return parseJsonTable(p, parseAlias);
  if (p.isWord('LATERAL') && p.isOpAt(1, '(')) {
    p.advance();
    return { ...parseDerivedTable(p), isLateral: true };
  }
  const table = parseTableName(p);
  if (p.acceptWord('PARTITION')) parseIdentList(p);
  const alias = parseAlias(p);
  const indexHints = parseIndexHints(p);
  const ref: TableNameRef = {
    kind: 'TableNameRef',
    table,
    ...(alias !== undefined && { alias }),
    ...(indexHints.length > 0 && { indexHints }),
  };
  return ref;
}

/** True when a run of `(` is followed by the start of a query. */
function startsQueryAfterParens(p: Parser): boolean {
  let n = 1;
  while (p.isOpAt(n, '(')) n++;
  return startsQuery(p, n);
}

function parseDerivedTable(p: Parser): DerivedTableRef {
  const query = p.grammar.query(p);
  const alias = parseAlias(p);
  const columns = alias !== undefined && p.isOp('(') ? parseIdentList(p) : undefined;
  return {
    kind: 'DerivedTableRef',
    query,
    ...(alias !== undefined && { alias }),
    ...(columns !== undefined && { columns }),
  };
}

/** `[AS] alias`: after AS any identifier or string; without AS a non-reserved word or quoted name. */
export function parseAlias(p: Parser): string | undefined {
  if (p.acceptWord('AS')) return p.identOrString();
  if (p.isIdentAt(0) || p.tok.type === TokenType.String) return p.identOrString();
  return undefined;
}

/** `USE|FORCE|IGNORE INDEX|KEY [FOR JOIN|ORDER BY|GROUP BY] (names)`, repeated. */
function parseIndexHints(p: Parser): IndexHint[] {
  const hints: IndexHint[] = [];
  for (;;) {
    const type =
      p.isWordAt(1, 'INDEX') || p.isWordAt(1, 'KEY') ? p.acceptOneOf(['USE', 'FORCE', 'IGNORE'] as const) : undefined;
    if (type === undefined) return hints;
    p.advance();
    let scope: IndexHint['scope'];
    if (p.acceptWord('FOR')) {
      if (p.acceptWord('JOIN')) scope = 'JOIN';
      else if (p.acceptClause('ORDER', 'BY')) scope = 'ORDER BY';
      else if (p.acceptClause('GROUP', 'BY')) scope = 'GROUP BY';
      else throw p.error();
    }
    p.expectOp('(');
    const indexes: string[] = [];
    if (!p.isOp(')')) {
      do indexes.push(p.isWord('PRIMARY') ? p.advance().value.toUpperCase() : p.ident());
      while (p.acceptOp(','));
    }
    p.expectOp(')');
    hints.push(scope === undefined ? { type, indexes } : { type, scope, indexes });
  }
}
