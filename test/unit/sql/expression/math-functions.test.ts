// Unit tests: numeric functions against the MySQL 8.0 manual's examples (Mathematical Functions page).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TypeKind } from '../../../../src/sql/types/index.js';
import { TestSession, assertCases, compileSql, evaluateOverRow, evaluateSql } from './evaluate-sql.js';
import type { ExprCase } from './evaluate-sql.js';

describe('exact numeric functions', () => {
  it('ABS, SIGN, CEIL, FLOOR', () => {
    const cases: ExprCase[] = [
      ['ABS(2)', '2'],
      ['ABS(-32)', '32'],
      ['ABS(-1.50)', '1.50'],
      ['ABS(-2.5e0)', '2.5'],
      ['ABS(NULL)', 'NULL'],
      ['SIGN(-32)', '-1'],
      ['SIGN(0)', '0'],
      ['SIGN(234)', '1'],
      ['SIGN(-0.5)', '-1'],
      ['SIGN(NULL)', 'NULL'],
      ['CEILING(1.23)', '2'],
      ['CEIL(-1.23)', '-1'],
      ['CEIL(5)', '5'],
      ['CEIL(1.5e0)', '2'],
      ['FLOOR(1.23)', '1'],
      ['FLOOR(-1.23)', '-2'],
      ['FLOOR(NULL)', 'NULL'],
    ];
    assertCases(cases);
  });

  it('ROUND and TRUNCATE: exact half away from zero, DOUBLE half to even', () => {
    const cases: ExprCase[] = [
      ['ROUND(-1.23)', '-1'],
      ['ROUND(-1.58)', '-2'],
      ['ROUND(1.58)', '2'],
      ['ROUND(1.298, 1)', '1.3'],
      ['ROUND(1.298, 0)', '1'],
      ['ROUND(23.298, -1)', '20'],
      ['ROUND(.12345678901234567890123456789, 20)', '0.12345678901234567890'],
      ['ROUND(150.000, 2)', '150.00'],
      ['ROUND(150, 2)', '150'],
      ['ROUND(2.5)', '3'],
      ['ROUND(-2.5)', '-3'],
      ['ROUND(25E-1)', '2'],
      ['ROUND(35E-1)', '4'],
      ['ROUND(15, -1)', '20'],
      ['ROUND(-15, -1)', '-20'],
      ['ROUND(1.5, NULL)', 'NULL'],
      ['TRUNCATE(1.223, 1)', '1.2'],
      ['TRUNCATE(1.999, 1)', '1.9'],
      ['TRUNCATE(1.999, 0)', '1'],
      ['TRUNCATE(-1.999, 1)', '-1.9'],
      ['TRUNCATE(122, -2)', '100'],
      ['TRUNCATE(10.28*100, 0)', '1028'],
      ['TRUNCATE(NULL, 1)', 'NULL'],
    ];
    assertCases(cases);
  });

  it('MOD follows the % operator', () => {
    assertCases([
      ['MOD(234, 10)', '4'],
      ['253 % 7', '1'],
      ['MOD(29, 9)', '2'],
      ['29 MOD 9', '2'],
      ['MOD(34.5, 3)', '1.5'],
      ['MOD(-7, 2)', '-1'],
      ['MOD(5, 0)', 'NULL'],
      ['MOD(NULL, 2)', 'NULL'],
    ]);
  });

  it('GREATEST and LEAST use the arguments’ comparison type', () => {
    assertCases([
      ['GREATEST(2, 0)', '2'],
      ['GREATEST(34.0, 3.0, 5.0, 767.0)', '767.0'],
      ["GREATEST('B', 'A', 'C')", 'C'],
      ['LEAST(2, 0)', '0'],
      ['LEAST(34.0, 3.0, 5.0, 767.0)', '3.0'],
      ["LEAST('B', 'A', 'C')", 'A'],
      ['GREATEST(1, NULL, 3)', 'NULL'],
      ['LEAST(2, 1.5e0)', '1.5'],
      ["GREATEST('10', 9)", '9'],
    ]);
    assert.equal(compileSql('GREATEST(1, 2)').type.kind, TypeKind.BigInt);
  });

  it('CRC32', () => {
    assertCases([
      ["CRC32('MySQL')", '3259397556'],
      ["CRC32('mysql')", '2501908538'],
      ['CRC32(NULL)', 'NULL'],
    ]);
  });
});

describe('DOUBLE math functions', () => {
  it('powers, roots and logarithms', () => {
    assertCases([
      ['POW(2, 2)', '4'],
      ['POWER(2, -2)', '0.25'],
      ['POW(NULL, 2)', 'NULL'],
      ['SQRT(4)', '2'],
      ['SQRT(-16)', 'NULL'],
      ['EXP(0)', '1'],
      ['LN(2)', '0.6931471805599453'],
      ['LN(-2)', 'NULL'],
      ['LOG(2)', '0.6931471805599453'],
      ['LOG(-2)', 'NULL'],
      ['LOG(2, 65536)', '16'],
      ['LOG(10, 100)', '2'],
      ['LOG(1, 100)', 'NULL'],
      ['LOG2(65536)', '16'],
      ['LOG2(-100)', 'NULL'],
      ['LOG10(2)', '0.3010299956639812'],
      ['LOG10(100)', '2'],
      ['LOG10(-100)', 'NULL'],
    ]);
    // The manual prints these with 15 significant digits; MySQL 8 sends the shortest round-trip form.
    assert.equal(Number(evaluateSql('SQRT(20)')).toPrecision(15), '4.47213595499958');
    assert.equal(Number(evaluateSql('EXP(2)')).toPrecision(15), '7.38905609893065');
    assert.equal(Number(evaluateSql('TAN(PI() + 1)')).toPrecision(14), '1.5574077246549');
  });

  it('warns 3020 for the logarithm of a non-positive number', () => {
    const session = new TestSession();
    assert.equal(evaluateSql('LN(0)', session), 'NULL');
    assert.deepEqual(session.warningList.map((w) => [w.code, w.message]), [[3020, 'Invalid argument for logarithm']]);
  });

  it('reports DOUBLE overflow as 1690', () => {
    assert.throws(() => evaluateSql('EXP(1000)'), (error: { code?: number }) => error.code === 1690);
    assert.throws(() => evaluateSql('POW(10, 400)'), (error: { code?: number }) => error.code === 1690);
  });

  it('trigonometry, DEGREES, RADIANS, PI', () => {
    assertCases([
      ['PI()', '3.141593'],
      ['ACOS(1)', '0'],
      ['ACOS(1.0001)', 'NULL'],
      ['ACOS(0)', '1.5707963267948966'],
      ['ASIN(0.2)', '0.2013579207903308'],
      ["ASIN('foo')", '0'],
      ['ATAN(2)', '1.1071487177940904'],
      ['ATAN(-2, 2)', '-0.7853981633974483'],
      ['ATAN2(PI(), 0)', '1.5707963267948966'],
      ['COS(PI())', '-1'],
      ['COT(12)', '-1.5726734063976893'],
      ['SIN(PI())', '1.2246467991473532e-16'],
      ['ROUND(SIN(PI()))', '0'],
      ['TAN(0)', '0'],
      ['DEGREES(PI())', '180'],
      ['DEGREES(PI() / 2)', '90'],
      ['RADIANS(90)', '1.5707963267948966'],
      ['SIN(NULL)', 'NULL'],
    ]);
  });

  it('RAND() is in [0, 1) and never folded; RAND(n) repeats MySQL’s sequence', () => {
    const rand = compileSql('RAND()');
    assert.equal(rand.constantValue, undefined);
    for (let i = 0; i < 20; i++) {
      const value = rand.evaluate([]) as number;
      assert.ok(value >= 0 && value < 1);
    }
    const seeded = compileSql('RAND(3)');
    // The manual's RAND(3) sequence, printed there with 14 significant digits.
    const expected = ['0.90576975597606', '0.37307905813035', '0.14808605345719'];
    for (const digits of expected) assert.equal((seeded.evaluate([]) as number).toPrecision(14), digits);
  });

  it('evaluates per row when arguments are columns', () => {
    const column = { name: 'x', table: 't', database: 'test', type: { kind: TypeKind.Decimal, length: 10, decimals: 3, isUnsigned: false, collation: 'utf8mb4_bin' as const }, isNotNull: false };
    assert.equal(evaluateOverRow('ROUND(x, 1)', [column], [null]), 'NULL');
    const compiled = compileSql('ABS(x)', new TestSession(), [column]);
    assert.equal(compiled.constantValue, undefined);
  });
});
