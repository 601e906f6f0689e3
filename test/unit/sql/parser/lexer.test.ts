// The lexer: literals and their decoding, identifiers, variables, comments and executable comments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lexer } from '../../../../src/sql/parser/lexer.js';
import { TokenType, type Token } from '../../../../src/sql/parser/token.js';
import { formatSql, parseSql } from '../../../../src/sql/parser/index.js';

function tokens(sql: string, options = {}): Token[] {
  const lexer = new Lexer(sql, options);
  const out: Token[] = [];
  for (let t = lexer.next(); t.type !== TokenType.EOF; t = lexer.next()) {
    out.push(t);
    if (t.type === TokenType.Error) break;
  }
  return out;
}

function values(sql: string, options = {}): string[] {
  return tokens(sql, options).map((t) => `${t.type}:${t.value}`);
}

const T = TokenType;

test('strings: MySQL escapes, doubled quotes, both quote kinds', () => {
  const cases: [string, string][] = [
    ["'plain'", 'plain'],
    ["'it''s'", "it's"],
    ['"say ""hi"""', 'say "hi"'],
    ["'a\\nb'", 'a\nb'],
    ["'\\t\\r\\0\\b\\Z'", '\t\r\0\b\x1a'],
    ["'\\\\'", '\\'],
    ["'\\''", "'"],
    ["'\\\"'", '"'],
    ["'\\%\\_'", '\\%\\_'],
    ["'\\x\\y'", 'xy'],
    ["'é😀'", 'é😀'],
    ["''", ''],
  ];
  for (const [sql, value] of cases) {
    const [t] = tokens(sql);
    assert.equal(t?.type, T.String, sql);
    assert.equal(t?.value, value, sql);
  }
});

test('NO_BACKSLASH_ESCAPES keeps backslashes; ANSI_QUOTES makes "x" an identifier', () => {
  assert.deepEqual(values("'a\\nb'", { noBackslashEscapes: true }), [`${T.String}:a\\nb`]);
  assert.deepEqual(values('"col"', { ansiQuotes: true }), [`${T.QuotedIdent}:col`]);
});

test('identifiers: plain, backquoted with `` doubling, digits first, non-ASCII', () => {
  assert.deepEqual(values('abc `a``b` 1abc é_x $d'), [
    `${T.Ident}:abc`,
    `${T.QuotedIdent}:a\`b`,
    `${T.Ident}:1abc`,
    `${T.Ident}:é_x`,
    `${T.Ident}:$d`,
  ]);
  assert.equal(tokens('SeLeCt')[0]?.upper, 'SELECT');
});

test('numbers: integers of any length, decimals, floats, .5, and words after a dot', () => {
  assert.deepEqual(values('123 99999999999999999999999 1.5 .5 1. 1e10 1.5E-3 2e+5'), [
    `${T.Int}:123`,
    `${T.Int}:99999999999999999999999`,
    `${T.Decimal}:1.5`,
    `${T.Decimal}:.5`,
    `${T.Decimal}:1.`,
    `${T.Float}:1e10`,
    `${T.Float}:1.5E-3`,
    `${T.Float}:2e+5`,
  ]);
  // After `t.` a digit-led word is a name, not a number.
  assert.deepEqual(values('t.1col'), [`${T.Ident}:t`, `${T.Op}:.`, `${T.Ident}:1col`]);
  assert.deepEqual(values('t.5'), [`${T.Ident}:t`, `${T.Op}:.`, `${T.Ident}:5`]);
});

test('hex and bit literals in both forms; 0x without digits is a name', () => {
  assert.deepEqual(values("X'0a' x'FF' 0x1F b'101' B'0' 0b11 0x 0xZZ 0X1"), [
    `${T.HexString}:0a`,
    `${T.HexString}:FF`,
    `${T.HexNumber}:1F`,
    `${T.BitString}:101`,
    `${T.BitString}:0`,
    `${T.BitNumber}:11`,
    `${T.Ident}:0x`,
    `${T.Ident}:0xZZ`,
    `${T.Ident}:0X1`,
  ]);
  assert.equal(tokens("X'0'")[0]?.type, T.Error);
  assert.equal(tokens("b'2'")[0]?.type, T.Error);
});

test('national strings and user / system variables', () => {
  assert.deepEqual(values("N'x' @a @a.b$c @@version ?"), [
    `${T.NationalString}:x`,
    `${T.UserVar}:a`,
    `${T.UserVar}:a.b$c`,
    `${T.Op}:@@`,
    `${T.Ident}:version`,
    `${T.Op}:?`,
  ]);
});

test('operators: longest match', () => {
  assert.deepEqual(
    tokens('<=> <= >= <> != << >> && || := -> ->> ! ~ ^').map((t) => t.value),
    ['<=>', '<=', '>=', '<>', '!=', '<<', '>>', '&&', '||', ':=', '->', '->>', '!', '~', '^'],
  );
});

test('comments: -- needs a space or control character, # to end of line, /* */', () => {
  assert.deepEqual(values('1 -- c\n2 #x\n3 /* y */ 4 --\t5\n6--'), [
    `${T.Int}:1`,
    `${T.Int}:2`,
    `${T.Int}:3`,
    `${T.Int}:4`,
    `${T.Int}:6`,
  ]);
  assert.deepEqual(values('1--2'), [`${T.Int}:1`, `${T.Op}:-`, `${T.Op}:-`, `${T.Int}:2`]);
});

test('executable comments: parsed up to version 80040 (8.0 features dumps carry), ignored above; hints ignored', () => {
  assert.deepEqual(values('/*! 1 */ /*!40101 2 */ /*!80016 3 */ /*!80023 4 */ /*!80041 5 */ /*!90000 6 */ /*+ BKA(t) */ 7'), [
    `${T.Int}:1`,
    `${T.Int}:2`,
    `${T.Int}:3`,
    `${T.Int}:4`,
    `${T.Int}:7`,
  ]);
  assert.deepEqual(values('/*!80012 4 */ 6', { serverVersion: 80011 }), [`${T.Int}:6`]);
});

test('mysqldump-style executable comments parse as statements', () => {
  const stmts = parseSql(
    '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n' +
      '/*!50503 SET NAMES utf8mb4 */;\n' +
      '/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n' +
      '/*!80016 SET @@session.default_table_encryption=0 */;\n' +
      'SELECT /*+ MAX_EXECUTION_TIME(1000) */ 1;\n' +
      'SELECT 1 /*!, 2 */',
  );
  assert.deepEqual(stmts.map(formatSql), [
    'SET @OLD_CHARACTER_SET_CLIENT = @@character_set_client',
    'SET NAMES utf8mb4',
    'SET @OLD_UNIQUE_CHECKS = @@unique_checks, unique_checks = 0',
    'SET SESSION default_table_encryption = 0',
    'SELECT 1',
    'SELECT 1, 2',
  ]);
  assert.equal(stmts[0]?.text, 'SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT');
});

test('unterminated strings, identifiers and comments are error tokens at their start', () => {
  for (const sql of ["'abc", '"abc', '`abc', '/* abc', "'abc\\"]) {
    const t = tokens(sql)[0];
    assert.equal(t?.type, T.Error, sql);
    assert.equal(t?.start, 0, sql);
  }
});
