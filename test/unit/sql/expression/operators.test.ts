// Unit tests: operators and control-flow functions compiled through the real parser, with MySQL's printed results.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TestSession, assertCases, evaluateSql } from './evaluate-sql.js';

describe('operators', () => {
  it('arithmetic with MySQL result types', () => {
    assertCases([
      ['1 + 2 * 3', '7'],
      ['7 / 2', '3.5000'],
      ['7 DIV 2', '3'],
      ['-7 DIV 2', '-3'],
      ['1.5 + 1', '2.5'],
      ['0.1e0 + 0.2e0', '0.30000000000000004'],
      ['10 % 3', '1'],
      ['1 / 0', 'NULL'],
      ['NULL + 1', 'NULL'],
      ["'3' + 4", '7'],
    ]);
  });

  it('comparison, NULL-safe equality, BETWEEN, IN, LIKE', () => {
    assertCases([
      ["'a' = 'A'", '0'],
      ["'a' = 'a  '", '1'],
      ['NULL <=> NULL', '1'],
      ['1 <=> NULL', '0'],
      ['NULL = NULL', 'NULL'],
      ['5 BETWEEN 1 AND 10', '1'],
      ['5 NOT BETWEEN 1 AND 10', '0'],
      ['2 IN (1, 2, 3)', '1'],
      ['4 IN (1, NULL)', 'NULL'],
      ["'abc' LIKE 'a%'", '1'],
      ["'abc' LIKE 'b%'", '0'],
      ['1 AND NULL', 'NULL'],
      ['0 AND NULL', '0'],
      ['1 XOR 1', '0'],
    ]);
  });

  it('CASE, IF, IFNULL, NULLIF, COALESCE, ISNULL', () => {
    assertCases([
      ["CASE WHEN 1 > 0 THEN 'yes' ELSE 'no' END", 'yes'],
      ["CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END", 'two'],
      ["CASE 3 WHEN 1 THEN 'one' END", 'NULL'],
      ["IF(1 > 2, 2, 3)", '3'],
      ["IF(1 < 2, 'yes', 'no')", 'yes'],
      ['IFNULL(1, 0)', '1'],
      ['IFNULL(NULL, 10)', '10'],
      ['NULLIF(1, 1)', 'NULL'],
      ['NULLIF(1, 2)', '1'],
      ['COALESCE(NULL, 1)', '1'],
      ['COALESCE(NULL, NULL, NULL)', 'NULL'],
      ['ISNULL(1 + 1)', '0'],
      ['ISNULL(1 / 0)', '1'],
    ]);
  });

  it('warns 1365 on division by zero', () => {
    const session = new TestSession();
    assert.equal(evaluateSql('1 / 0', session), 'NULL');
    assert.deepEqual(session.warningList.map((w) => w.code), [1365]);
  });

  it('reports unknown functions and wrong argument counts as MySQL does', () => {
    assert.throws(() => evaluateSql('NO_SUCH_FN(1)'), (error: { code?: number; message?: string }) => error.code === 1305 && error.message === 'FUNCTION test.no_such_fn does not exist');
    assert.throws(() => evaluateSql('ABS(1, 2)'), (error: { code?: number }) => error.code === 1582);
  });
});
