// formatStoredExpr prints expressions as MySQL stores generated column and CHECK expressions, and the text parses
// back to an expression that prints the same (the catalog keeps the text and parses it again).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr } from '../../../../src/sql/ast/index.js';
import { formatStoredExpr, parseSql } from '../../../../src/sql/parser/index.js';

function expr(text: string): Expr {
  const [statement] = parseSql(`SELECT ${text}`);
  if (statement?.kind !== 'SelectStmt' || statement.items[0]?.kind !== 'SelectExprItem') throw new Error(text);
  return statement.items[0].expr;
}

const cases: readonly [string, string][] = [
  ['a * 2', '(`a` * 2)'],
  ['t.a + b - 1', '((`a` + `b`) - 1)'],
  ['a > 0 AND b < 10 AND c <> 0', '((`a` > 0) and (`b` < 10) and (`c` <> 0))'],
  ['a > 0 OR NOT b', '((`a` > 0) or (not(`b`)))'],
  ["CONCAT(first, ' ', last)", "concat(`first`,_utf8mb4' ',`last`)"],
  ["status IN ('new', 'it''s')", "(`status` in (_utf8mb4'new',_utf8mb4'it\\'s'))"],
  ['a BETWEEN 1 AND 5', '(`a` between 1 and 5)'],
  ['a NOT BETWEEN 1 AND 5', '(`a` not between 1 and 5)'],
  ['a IS NULL', '(`a` is null)'],
  ['a IS NOT NULL', '(`a` is not null)'],
  ["name LIKE 'x%'", "(`name` like _utf8mb4'x%')"],
  ["name NOT LIKE 'x%'", "(not((`name` like _utf8mb4'x%')))"],
  ["doc->>'$.name'", "json_unquote(json_extract(`doc`,_utf8mb4'$.name'))"],
  ["doc->'$.id'", "json_extract(`doc`,_utf8mb4'$.id')"],
  ['-a', '-(`a`)'],
  ['-1', '-1'],
  ['CAST(a AS CHAR(10) CHARACTER SET utf8mb4)', 'cast(`a` as char(10) charset utf8mb4)'],
  ['CASE WHEN a > 0 THEN 1 ELSE 0 END', '(case when (`a` > 0) then 1 else 0 end)'],
  ['SQRT(a * a + b * b)', 'sqrt(((`a` * `a`) + (`b` * `b`)))'],
  ["DATE_ADD(d, INTERVAL 1 DAY)", 'date_add(`d`,interval 1 day)'],
];

describe('formatStoredExpr', () => {
  for (const [input, stored] of cases) {
    it(`${input} → ${stored}`, () => {
      assert.equal(formatStoredExpr(expr(input)), stored);
      assert.equal(formatStoredExpr(expr(stored)), stored);
    });
  }
});
