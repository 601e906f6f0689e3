// Syntax errors: MySQL's exact 1064 message (near text, line number), 1065 for empty input, depth limits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MySqlError } from '../../../../src/errors/index.js';
import { formatSql, parseSql, parseStatements, parseSingleStatement } from '../../../../src/sql/parser/index.js';

const PREFIX =
  'You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use';

function syntaxError(near: string, line: number): string {
  return `${PREFIX} near '${near}' at line ${line}`;
}

function parseError(sql: string): MySqlError {
  try {
    parseSql(sql);
  } catch (e) {
    assert.ok(e instanceof MySqlError, 'a MySqlError');
    return e;
  }
  assert.fail(`expected ${JSON.stringify(sql)} to fail`);
}

const cases: [sql: string, near: string, line: number][] = [
  ['SELEC 1', 'SELEC 1', 1],
  ['SELECT * FROM', '', 1],
  ['SELECT * FROM t WHERE', '', 1],
  ['SELECT * FROM t WHERE\n', '', 2],
  ['SELECT a,\n  b\nFROM t\nWHERE x = = 1', '= 1', 4],
  ['SELECT 1\nSELECT 2', 'SELECT 2', 2],
  ["SELECT 'abc", "'abc", 1],
  ['SELECT `abc', '`abc', 1],
  ['SELECT 1 /* never closed', '/* never closed', 1],
  ["SELECT x'0G'", "x'0G'", 1],
  ["SELECT X'ABC'", "X'ABC'", 1],
  ["SELECT b'102'", "b'102'", 1],
  ['CREATE TABLE select (a INT)', 'select (a INT)', 1],
  ['SELECT 1 LIMIT 1 UNION SELECT 2', 'UNION SELECT 2', 1],
  ['SELECT * FROM;', ';', 1],
  ['SELECT a FROM t ORDER a', 'a', 1],
  // Window functions need OVER; only aggregates and window functions take one; frame offsets are literals or ?
  ['SELECT ROW_NUMBER() FROM t', 'FROM t', 1],
  ['SELECT UPPER(a) OVER () FROM t', 'OVER () FROM t', 1],
  ['SELECT SUM(a) OVER (ROWS 1 + 1 PRECEDING) FROM t', '+ 1 PRECEDING) FROM t', 1],
  ['SELECT SUM(a) OVER (ROWS -1 PRECEDING) FROM t', '-1 PRECEDING) FROM t', 1],
  ['INSERT INTO t VALUES (1,', '', 1],
  ['UPDATE t SET', '', 1],
  ['SHOW FOO', 'FOO', 1],
  ['FOO BAR', 'FOO BAR', 1],
  ['SELECT 1 +', '', 1],
  ['SELECT a NOT NULL', 'NULL', 1],
  ['SELECT (1', '', 1],
  ['SELECT 1)', ')', 1],
  ['SELECT COUNT(DISTINCT)', ')', 1],
  ['SELECT CAST(a AS INT)', 'INT)', 1],
  ['SELECT a FROM t LIMIT -1', '-1', 1],
  ['CREATE TABLE t (a VARCHAR)', ')', 1],
  ['SELECT 1 -- comment\nFROM FROM t', 'FROM t', 2],
  ['SELECT 1 # comment\n, FROM t', 'FROM t', 2],
  ['DROP INDEX i', '', 1],
  ['SELECT 1 FROM t FOR', '', 1],
];

for (const [sql, near, line] of cases) {
  test(`1064: ${JSON.stringify(sql)}`, () => {
    const e = parseError(sql);
    assert.equal(e.code, 1064);
    assert.equal(e.sqlState, '42000');
    assert.equal(e.message, syntaxError(near, line));
  });
}

test('`--` without a following space is not a comment: 1 --x is 1 - (-x)', () => {
  assert.equal(parseSql('SELECT 1 --x').length, 1);
});

test('the near text is truncated to 80 characters', () => {
  const rest = ') WHERE ' + 'a = 1 AND '.repeat(20) + 'b = 2';
  const e = parseError('SELECT a ' + rest);
  assert.equal(e.message, syntaxError(rest.slice(0, 80), 1));
});

test('the line number counts from the statement after the last `;`', () => {
  // MySQL skips the whitespace after `;` before it parses the next statement.
  const r = parseStatements('SELECT 1;\n\n  SELECT 2;\nSELEC 3');
  assert.equal(r.statements.length, 2);
  assert.equal(r.error?.message, syntaxError('SELEC 3', 1));
  const r2 = parseStatements('SELECT 1;\nSELECT a,\n  b FROM FROM t');
  assert.equal(r2.error?.message, syntaxError('FROM t', 2));
});

test('statements before an error are returned with it', () => {
  const r = parseStatements('SELECT 1; SELECT 2; SELEC 3; SELECT 4');
  assert.deepEqual(
    r.statements.map((s) => s.text),
    ['SELECT 1', 'SELECT 2'],
  );
  assert.equal(r.error?.message, syntaxError('SELEC 3; SELECT 4', 1));
});

for (const sql of ['', '   ', '\n\t', ';', ' ; ;; ', '-- just a comment\n', '/* only */', '# hash']) {
  test(`1065 for ${JSON.stringify(sql)}`, () => {
    const e = parseError(sql);
    assert.equal(e.code, 1065);
    assert.equal(e.message, 'Query was empty');
  });
}

test('10,000 nested parentheses give a parse error, not a stack overflow', () => {
  const e = parseError('SELECT ' + '('.repeat(10_000) + '1' + ')'.repeat(10_000));
  assert.equal(e.code, 1064);
  assert.match(e.message, /^memory exhausted near '\(\(\(/);
});

test('10,000 nested NOT / unary minus / subqueries are bounded too', () => {
  for (const sql of [
    'SELECT ' + 'NOT '.repeat(10_000) + '1',
    'SELECT ' + '- '.repeat(10_000) + '1',
    'SELECT ' + '(SELECT '.repeat(5_000) + '1' + ')'.repeat(5_000),
    'SELECT * FROM ' + 't JOIN '.repeat(5_000) + 't',
  ]) {
    assert.equal(parseError(sql).code, 1064);
  }
});

test('long flat chains are fine: a 500-term sum and a 10,000-item IN list', () => {
  assert.equal(parseSql('SELECT ' + Array(500).fill('1').join(' + ')).length, 1);
  assert.equal(parseSql('SELECT a IN (' + Array(10_000).fill('1').join(',') + ')').length, 1);
});

test('parseSingleStatement rejects a second statement and counts placeholders', () => {
  const one = parseSingleStatement('SELECT ? + ? FROM t WHERE a = ?');
  assert.equal(one.paramCount, 3);
  assert.throws(
    () => parseSingleStatement('SELECT 1; SELECT 2'),
    (e: unknown) => e instanceof MySqlError && e.code === 1064,
  );
});

test('the deepest inputs that parse also print and re-parse, in linear time', () => {
  const n = 990;
  const deep = [
    'SELECT * FROM t WHERE ' + Array.from({ length: 1900 }, (_, i) => `id = ${i}`).join(' OR '),
    'SELECT ' + 'NOT '.repeat(n) + '1',
    'SELECT ' + '- '.repeat(n) + '1',
    'SELECT ' + 'ABS('.repeat(n) + '1' + ')'.repeat(n),
    'SELECT ' + '(SELECT '.repeat(n / 2) + '1' + ')'.repeat(n / 2),
    'SELECT ' + 'CASE WHEN '.repeat(n) + '1' + ' THEN 1 END'.repeat(n),
    Array.from({ length: n }, (_, i) => `SELECT ${i}`).join(' UNION '),
    'SELECT * FROM t0' + Array.from({ length: n }, (_, i) => ` JOIN t${i + 1} ON a = b`).join(''),
  ];
  for (const sql of deep) {
    const started = performance.now();
    const printed = formatSql(parseSql(sql)[0]!);
    assert.equal(formatSql(parseSql(printed)[0]!), printed);
    assert.ok(performance.now() - started < 2000, `slow: ${sql.slice(0, 40)}`);
  }
});
