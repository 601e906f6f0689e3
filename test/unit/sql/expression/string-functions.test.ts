// Unit tests: string functions against the MySQL 8.0 manual's examples (String Functions and Operators page).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TypeKind } from '../../../../src/sql/types/index.js';
import { TestSession, assertCases, compileSql, evaluateOverRow, evaluateSql } from './evaluate-sql.js';

describe('string functions', () => {
  it('CONCAT, CONCAT_WS, LENGTH, CHAR_LENGTH, UPPER, LOWER', () => {
    assertCases([
      ["CONCAT('My', 'S', 'QL')", 'MySQL'],
      ["CONCAT('My', NULL, 'QL')", 'NULL'],
      ['CONCAT(14.3)', '14.3'],
      ["CONCAT_WS(',', 'First name', 'Second name', 'Last Name')", 'First name,Second name,Last Name'],
      ["CONCAT_WS(',', 'First name', NULL, 'Last Name')", 'First name,Last Name'],
      ["LENGTH('text')", '4'],
      ["LENGTH('€')", '3'],
      ["CHAR_LENGTH('€')", '1'],
      ["UPPER('Hej')", 'HEJ'],
      ["LOWER('QUADRATICALLY')", 'quadratically'],
    ]);
  });

  it('SUBSTRING, SUBSTRING_INDEX, LEFT, RIGHT', () => {
    assertCases([
      ["SUBSTRING('Quadratically', 5)", 'ratically'],
      ["SUBSTRING('foobarbar' FROM 4)", 'barbar'],
      ["SUBSTRING('Quadratically', 5, 6)", 'ratica'],
      ["SUBSTRING('Sakila', -3)", 'ila'],
      ["SUBSTRING('Sakila', -5, 3)", 'aki'],
      ["SUBSTRING('Sakila' FROM -4 FOR 2)", 'ki'],
      ["SUBSTRING('Sakila', 0)", ''],
      ["SUBSTRING('Sakila', -7)", ''],
      ["SUBSTRING('Sakila', 2, -1)", ''],
      ["SUBSTR('héllo', 2, 3)", 'éll'],
      ["MID('Sakila', 2, 2)", 'ak'],
      ['SUBSTRING(NULL, 1)', 'NULL'],
      ["SUBSTRING_INDEX('www.mysql.com', '.', 2)", 'www.mysql'],
      ["SUBSTRING_INDEX('www.mysql.com', '.', -2)", 'mysql.com'],
      ["LEFT('foobarbar', 5)", 'fooba'],
      ["LEFT('foobarbar', -1)", ''],
      ["RIGHT('foobarbar', 4)", 'rbar'],
      ["RIGHT('ab', 5)", 'ab'],
      ['LEFT(NULL, 1)', 'NULL'],
    ]);
  });

  it('TRIM in all its forms, LTRIM, RTRIM', () => {
    assertCases([
      ["TRIM('  bar   ')", 'bar'],
      ["TRIM(LEADING 'x' FROM 'xxxbarxxx')", 'barxxx'],
      ["TRIM(BOTH 'x' FROM 'xxxbarxxx')", 'bar'],
      ["TRIM(TRAILING 'xyz' FROM 'barxxyz')", 'barx'],
      ["TRIM('x' FROM 'xxbarxx')", 'bar'],
      ["TRIM(LEADING FROM '  bar  ')", 'bar  '],
      ["TRIM(NULL FROM 'x')", 'NULL'],
      ["LTRIM('  barbar')", 'barbar'],
      ["RTRIM('barbar   ')", 'barbar'],
    ]);
  });

  it('LPAD, RPAD, REPEAT, REVERSE, REPLACE, SPACE', () => {
    assertCases([
      ["LPAD('hi', 4, '??')", '??hi'],
      ["LPAD('hi', 1, '??')", 'h'],
      ["LPAD('hi', 5, 'ab')", 'abahi'],
      ["LPAD('hi', -1, '?')", 'NULL'],
      ["LPAD('hi', 4, '')", 'NULL'],
      ["RPAD('hi', 5, '?')", 'hi???'],
      ["RPAD('hi', 1, '?')", 'h'],
      ["REPEAT('MySQL', 3)", 'MySQLMySQLMySQL'],
      ["REPEAT('MySQL', 0)", ''],
      ['REPEAT(NULL, 3)', 'NULL'],
      ["REVERSE('abc')", 'cba'],
      ["REPLACE('www.mysql.com', 'w', 'Ww')", 'WwWwWw.mysql.com'],
      ["REPLACE('abc', '', 'x')", 'abc'],
      ["CONCAT('[', SPACE(6), ']')", '[      ]'],
      ['SPACE(-1)', ''],
    ]);
  });

  it('returns NULL with warning 1301 for results beyond max_allowed_packet', () => {
    const session = new TestSession();
    assert.equal(evaluateSql("REPEAT('ab', 40000000)", session), 'NULL');
    assert.deepEqual(session.warningList.map((w) => w.code), [1301]);
  });

  it('INSTR, LOCATE, POSITION, FIELD, ELT, FIND_IN_SET, STRCMP', () => {
    assertCases([
      ["INSTR('foobarbar', 'bar')", '4'],
      ["INSTR('xbar', 'foobar')", '0'],
      ["LOCATE('bar', 'foobarbar')", '4'],
      ["LOCATE('xbar', 'foobar')", '0'],
      ["LOCATE('bar', 'foobarbar', 5)", '7'],
      ["LOCATE('', 'abc')", '1'],
      ["LOCATE('b', 'abc', 0)", '0'],
      ["POSITION('bar' IN 'foobarbar')", '4'],
      ["LOCATE('é', 'aébé', 3)", '4'],
      ["LOCATE(NULL, 'abc')", 'NULL'],
      ["FIELD('Bb', 'Aa', 'Bb', 'Cc', 'Dd', 'Ff')", '2'],
      ["FIELD('Gg', 'Aa', 'Bb', 'Cc', 'Dd', 'Ff')", '0'],
      ["FIELD(NULL, 'a', NULL)", '0'],
      ['FIELD(2, 1, 2.0, 3)', '2'],
      ["ELT(1, 'Aa', 'Bb', 'Cc', 'Dd')", 'Aa'],
      ["ELT(4, 'Aa', 'Bb', 'Cc', 'Dd')", 'Dd'],
      ["ELT(5, 'Aa', 'Bb')", 'NULL'],
      ["FIND_IN_SET('b', 'a,b,c,d')", '2'],
      ["FIND_IN_SET('e', 'a,b,c,d')", '0'],
      ["FIND_IN_SET('a,b', 'a,b,c')", '0'],
      ["FIND_IN_SET(NULL, 'a')", 'NULL'],
      ["STRCMP('text', 'text2')", '-1'],
      ["STRCMP('text2', 'text')", '1'],
      ["STRCMP('text', 'text')", '0'],
    ]);
  });

  it('ASCII, ORD, HEX, UNHEX, BIN, OCT', () => {
    assertCases([
      ["ASCII('2')", '50'],
      ['ASCII(2)', '50'],
      ["ASCII('dx')", '100'],
      ["ASCII('')", '0'],
      ["ORD('2')", '50'],
      ["ORD('€')", '14844588'],
      ["HEX('abc')", '616263'],
      ['HEX(255)', 'FF'],
      ['HEX(-1)', 'FFFFFFFFFFFFFFFF'],
      ["UNHEX('616263')", 'abc'],
      ["UNHEX('4D7953514C')", 'MySQL'],
      ["UNHEX('GG')", 'NULL'],
      ['UNHEX(NULL)', 'NULL'],
      ['BIN(12)', '1100'],
      ['OCT(12)', '14'],
    ]);
    assert.equal(compileSql("UNHEX('61')").type.kind, TypeKind.VarBinary);
  });

  it('FORMAT and QUOTE', () => {
    assertCases([
      ['FORMAT(12332.123456, 4)', '12,332.1235'],
      ['FORMAT(12332.1, 4)', '12,332.1000'],
      ['FORMAT(12332.2, 0)', '12,332'],
      ['FORMAT(-1234567.891, 2)', '-1,234,567.89'],
      ['FORMAT(1234, 2)', '1,234.00'],
      ['FORMAT(NULL, 2)', 'NULL'],
      ["QUOTE('Don\\'t!')", "'Don\\'t!'"],
      ['QUOTE(NULL)', 'NULL'],
      ["QUOTE('a\\\\b')", "'a\\\\b'"],
      ["QUOTE(CONCAT('x', UNHEX('00')))", "'x\\0'"],
    ]);
  });

  it('MD5, SHA1, SHA2, TO_BASE64, FROM_BASE64', () => {
    assertCases([
      ["MD5('testing')", 'ae2b1fca515949e5d54fb22b8ed95575'],
      ["SHA1('abc')", 'a9993e364706816aba3e25717850c26c9cd0d89d'],
      ["SHA('abc')", 'a9993e364706816aba3e25717850c26c9cd0d89d'],
      ["SHA2('abc', 224)", '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7'],
      ["SHA2('abc', 0)", 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
      ["SHA2('abc', 100)", 'NULL'],
      ['MD5(NULL)', 'NULL'],
      ["TO_BASE64('abc')", 'YWJj'],
      ["FROM_BASE64(TO_BASE64('abc'))", 'abc'],
      ["FROM_BASE64('not base64!')", 'NULL'],
      ["CHAR_LENGTH(TO_BASE64(REPEAT('a', 60)))", '81'],
    ]);
  });

  it('works on column values, not only on folded constants', () => {
    const column = { name: 's', table: 't', database: 'test', type: { kind: TypeKind.VarChar, length: 20, decimals: -1, isUnsigned: false, collation: 'utf8mb4_bin' as const }, isNotNull: false };
    assert.equal(evaluateOverRow("CONCAT(LPAD(s, 5, '*'), '|', UPPER(SUBSTRING(s, 2)))", [column], ['abc']), '**abc|BC');
    assert.equal(evaluateOverRow('LOCATE(s, s)', [column], [null]), 'NULL');
    assert.equal(compileSql('UPPER(s)', new TestSession(), [column]).constantValue, undefined);
  });
});
