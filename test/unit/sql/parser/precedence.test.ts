// Operator precedence and associativity, checked on the tree shape (fully parenthesised) the parser builds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSql, parseSql, type Expr } from '../../../../src/sql/parser/index.js';

/** Prints `e` with every operator application parenthesised, so the test sees the tree, not the text. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'BinaryExpr':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'UnaryExpr':
      return `(${e.op} ${shape(e.operand)})`;
    case 'IsExpr':
      return `(${shape(e.operand)} IS${e.isNot ? ' NOT' : ''} ${e.test})`;
    case 'BetweenExpr':
      return `(${shape(e.operand)}${e.isNot ? ' NOT' : ''} BETWEEN ${shape(e.low)} AND ${shape(e.high)})`;
    case 'LikeExpr':
      return `(${shape(e.operand)}${e.isNot ? ' NOT' : ''} LIKE ${shape(e.pattern)}${e.escape ? ' ESCAPE ' + shape(e.escape) : ''})`;
    case 'RegexpExpr':
      return `(${shape(e.operand)} REGEXP ${shape(e.pattern)})`;
    case 'InListExpr':
      return `(${shape(e.operand)}${e.isNot ? ' NOT' : ''} IN [${e.list.map(shape).join(', ')}])`;
    case 'CollateExpr':
      return `(${shape(e.operand)} COLLATE ${e.collation})`;
    case 'AssignExpr':
      return `(@${e.target.name} := ${shape(e.value)})`;
    case 'IntervalExpr':
      return `(INTERVAL ${shape(e.value)} ${e.unit})`;
    case 'FuncCallExpr':
      return `${e.name}(${e.args.map(shape).join(', ')})`;
    default:
      return formatSql(e);
  }
}

function exprOf(sql: string, options?: Parameters<typeof parseSql>[1]): Expr {
  const stmt = parseSql('SELECT ' + sql, options)[0];
  assert.ok(stmt?.kind === 'SelectStmt');
  const item = stmt.items[0];
  assert.ok(item?.kind === 'SelectExprItem');
  return item.expr;
}

const cases: [string, string][] = [
  ['1+2*3', '(1 + (2 * 3))'],
  ['1*2+3', '((1 * 2) + 3)'],
  ['1-2-3', '((1 - 2) - 3)'],
  ['1/2*3', '((1 / 2) * 3)'],
  ['1+2-3', '((1 + 2) - 3)'],
  ['NOT a = b', '(NOT (a = b))'],
  ['NOT a AND b', '((NOT a) AND b)'],
  ['NOT NOT a', '(NOT (NOT a))'],
  ['!a = b', '((! a) = b)'],
  ['a OR b AND c', '(a OR (b AND c))'],
  ['a AND b OR c', '((a AND b) OR c)'],
  ['a XOR b OR c', '((a XOR b) OR c)'],
  ['a AND b XOR c', '((a AND b) XOR c)'],
  ['a || b && c', '(a OR (b AND c))'],
  ['- - 1', '(- (- 1))'],
  ['-a^b', '((- a) ^ b)'],
  ['-a*b', '((- a) * b)'],
  ['~a+1', '((~ a) + 1)'],
  ['a BETWEEN b AND c AND d', '((a BETWEEN b AND c) AND d)'],
  ['a BETWEEN b+1 AND c*2', '(a BETWEEN (b + 1) AND (c * 2))'],
  ['a NOT BETWEEN 1 AND 2 OR b', '((a NOT BETWEEN 1 AND 2) OR b)'],
  ['a = b BETWEEN 1 AND 2', '(a = (b BETWEEN 1 AND 2))'],
  ['x IS NOT NULL = 1', '((x IS NOT NULL) = 1)'],
  ['a = b IS NULL', '((a = b) IS NULL)'],
  ['a = b IS TRUE', '((a = b) IS TRUE)'],
  ['NOT a IS TRUE', '(NOT (a IS TRUE))'],
  ['a IS NULL IS NULL', '((a IS NULL) IS NULL)'],
  ['a = b = c', '((a = b) = c)'],
  ['a < b + 1', '(a < (b + 1))'],
  ["a LIKE 'x' AND b", "((a LIKE 'x') AND b)"],
  ["a = b LIKE 'x'", "(a = (b LIKE 'x'))"],
  ["a NOT LIKE b ESCAPE '!'", "(a NOT LIKE b ESCAPE '!')"],
  ['a IN (1, 2) = 1', '((a IN [1, 2]) = 1)'],
  ['a + 1 IN (1, 2)', '((a + 1) IN [1, 2])'],
  ['a | b & c', '(a | (b & c))'],
  ['a & b << c', '(a & (b << c))'],
  ['a << b + c', '(a << (b + c))'],
  ['a + b * c ^ d', '(a + (b * (c ^ d)))'],
  ['a DIV b MOD c', '((a DIV b) % c)'],
  ['a | b = c', '((a | b) = c)'],
  ['a COLLATE x = b', '((a COLLATE x) = b)'],
  ['-a COLLATE x', '(- (a COLLATE x))'],
  ['@a := 1 + 2', '(@a := (1 + 2))'],
  ['1 + @a := 2', '(1 + (@a := 2))'],
  ['d + INTERVAL 1 DAY', '(d + (INTERVAL 1 DAY))'],
  ['INTERVAL 1 + 1 DAY + d', '((INTERVAL (1 + 1) DAY) + d)'],
  ['BINARY a = b', '((BINARY a) = b)'],
  ['a = 1 OR b = 2 AND NOT c', '((a = 1) OR ((b = 2) AND (NOT c)))'],
  ["a REGEXP 'x' OR b", "((a REGEXP 'x') OR b)"],
];

for (const [sql, expected] of cases) {
  test(`precedence: ${sql}`, () => {
    const e = exprOf(sql);
    assert.equal(shape(e), expected);
    // The canonical print must rebuild the same tree.
    assert.equal(shape(exprOf(formatSql(e))), expected);
  });
}

test('PIPES_AS_CONCAT makes || a CONCAT call', () => {
  assert.equal(shape(exprOf("'a' || 'b'", { pipesAsConcat: true })), "CONCAT('a', 'b')");
});

test('HIGH_NOT_PRECEDENCE makes NOT bind like !', () => {
  assert.equal(shape(exprOf('NOT a BETWEEN b AND c', { highNotPrecedence: true })), '((NOT a) BETWEEN b AND c)');
  assert.equal(shape(exprOf('NOT a BETWEEN b AND c')), '(NOT (a BETWEEN b AND c))');
});
