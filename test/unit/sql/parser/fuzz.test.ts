// Property tests: no input crashes or hangs the parser, and whatever parses prints to a fixed point.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MySqlError } from '../../../../src/errors/index.js';
import { formatSql, parseStatements } from '../../../../src/sql/parser/index.js';

/**
 * Generous bound per parse in CPU time (real inputs of this size take well under a millisecond): CPU, not wall time,
 * so that a loaded machine descheduling the test cannot fail it, while a parser blowing up on some input still does.
 */
const MAX_PARSE_CPU_MS = 250;

/** Milliseconds of CPU this process has used. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Parses, checks that nothing but a MySqlError came out in bounded time, and returns the printed statements. */
function parseChecked(sql: string): string[] | undefined {
  const started = cpuMs();
  let result: ReturnType<typeof parseStatements>;
  try {
    result = parseStatements(sql);
  } catch (e) {
    assert.fail(`parseStatements threw ${String(e)} for ${JSON.stringify(sql)}`);
  }
  assert.ok(cpuMs() - started < MAX_PARSE_CPU_MS, `slow parse for ${JSON.stringify(sql)}`);
  if (result.error !== undefined) {
    assert.ok(result.error instanceof MySqlError);
    assert.ok(result.error.code === 1064 || result.error.code === 1065);
    return undefined;
  }
  return result.statements.map((s) => formatSql(s));
}

/** Whatever parses must print to text that parses and prints back to the same text. */
function assertFixedPoint(sql: string): void {
  const printed = parseChecked(sql);
  if (printed === undefined) return;
  for (const text of printed) {
    const again = parseChecked(text);
    assert.ok(
      again !== undefined,
      `canonical text ${JSON.stringify(text)} (from ${JSON.stringify(sql)}) does not parse`,
    );
    assert.deepEqual(again, [text], `not a fixed point: ${JSON.stringify(sql)}`);
  }
}

const VOCABULARY = [
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'BY',
  'HAVING',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'UNION',
  'ALL',
  'DISTINCT',
  'AS',
  'JOIN',
  'LEFT',
  'RIGHT',
  'INNER',
  'CROSS',
  'NATURAL',
  'ON',
  'USING',
  'AND',
  'OR',
  'XOR',
  'NOT',
  'IS',
  'NULL',
  'TRUE',
  'FALSE',
  'IN',
  'BETWEEN',
  'LIKE',
  'ESCAPE',
  'REGEXP',
  'EXISTS',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CAST',
  'CONVERT',
  'CHAR',
  'SIGNED',
  'INTERVAL',
  'DAY',
  'COLLATE',
  'BINARY',
  'DEFAULT',
  'ANY',
  'SOME',
  'INSERT',
  'INTO',
  'VALUES',
  'UPDATE',
  'SET',
  'DELETE',
  'CREATE',
  'TABLE',
  'INT',
  'VARCHAR',
  'PRIMARY',
  'KEY',
  'INDEX',
  'DROP',
  'IF',
  'SHOW',
  'TABLES',
  'DATABASES',
  'USE',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'FOR',
  'SHARE',
  'WITH',
  'DIV',
  'MOD',
  'COUNT',
  'SUM',
  'NOW',
  'DATE',
  'status',
  'a',
  'b',
  't',
  'u',
  '`x y`',
  '@v',
  '@@global.x',
  '?',
  '1',
  '2.5',
  '.5',
  '1e3',
  "'s'",
  "'it''s'",
  "X'0A'",
  '0x1f',
  "b'1'",
  "_utf8mb4'u'",
  "N'n'",
  '(',
  ')',
  ',',
  '.',
  '*',
  '+',
  '-',
  '/',
  '%',
  '=',
  '<>',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '<=>',
  '|',
  '&',
  '^',
  '~',
  '!',
  '<<',
  '>>',
  '||',
  '&&',
  ':=',
  ';',
  '->',
  '/*!40101',
  '*/',
  '-- c\n',
  '#c\n',
];

test('random strings never crash, hang or throw anything but a MySqlError', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => void parseChecked(s)),
    { numRuns: 1500 },
  );
});

test('random SQL-ish character soups never crash', () => {
  const chars = fc.constantFrom(...Array.from('sS eE lL\'"`()+-*/,.;=<>!@#?01xXbB_\\\n\t', (c) => c));
  fc.assert(
    fc.property(
      fc.array(chars, { maxLength: 120 }).map((a) => a.join('')),
      (s) => void parseChecked(s),
    ),
    { numRuns: 1500 },
  );
});

test('token soups parse or fail cleanly, and whatever parses prints to a fixed point', () => {
  const soup = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 25 }).map((a) => a.join(' '));
  fc.assert(fc.property(soup, assertFixedPoint), { numRuns: 4000 });
});

test('SELECT-prefixed token soups (more of them parse) print to a fixed point', () => {
  const exprTokens = VOCABULARY.filter(
    (t) => !['SELECT', ';', 'CREATE', 'DROP', 'INSERT', 'DELETE', 'UPDATE'].includes(t),
  );
  const soup = fc
    .array(fc.constantFrom(...exprTokens), { minLength: 1, maxLength: 12 })
    .map((a) => 'SELECT ' + a.join(' '));
  fc.assert(fc.property(soup, assertFixedPoint), { numRuns: 6000 });
});

test('generated expressions print to a fixed point', () => {
  const leaf = fc.constantFrom('a', 't.b', '1', '2.5', "'x'", 'NULL', 'TRUE', '?', '@v', '@@x', 'NOW()', 'COUNT(*)');
  const { expr } = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(
          tie('expr'),
          fc.constantFrom(
            '+',
            '-',
            '*',
            '/',
            'DIV',
            '%',
            '^',
            '|',
            '&',
            '<<',
            '=',
            '<',
            '<=>',
            '<>',
            'AND',
            'OR',
            'XOR',
            '||',
            '&&',
          ),
          tie('expr'),
        )
        .map(([l, op, r]) => `${l} ${op} ${r}`),
      fc.tuple(fc.constantFrom('NOT ', '-', '~', '!', 'BINARY '), tie('expr')).map(([op, e]) => op + e),
      tie('expr').map((e) => `(${e})`),
      fc.tuple(tie('expr'), fc.constantFrom('IS NULL', 'IS NOT TRUE', 'IS UNKNOWN')).map(([e, s]) => `${e} ${s}`),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `${a} BETWEEN ${b} AND ${c}`),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a} NOT LIKE ${b}`),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a} IN (${b}, 1)`),
      tie('expr').map((e) => `CASE WHEN ${e} THEN 1 ELSE ${e} END`),
      tie('expr').map((e) => `${e} COLLATE utf8mb4_bin`),
      tie('expr').map((e) => `d + INTERVAL ${e} DAY`),
      tie('expr').map((e) => `(SELECT ${e} FROM t)`),
    ),
  }));
  fc.assert(
    fc.property(expr, (e) => assertFixedPoint('SELECT ' + e)),
    { numRuns: 3000 },
  );
});
