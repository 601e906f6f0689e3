// Unit tests for the sqllogictest parser: record kinds, conditions, multi-line SQL, hashes and labels.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SltParseError, parseSlt } from './slt-parser.js';
import { appliesTo } from './slt-record.js';

const SCRIPT = [
  '# a comment',
  'hash-threshold 8',
  '',
  'statement ok',
  'CREATE TABLE t1(a INTEGER,',
  '  b INTEGER)',
  '',
  'statement error',
  'SELECT nosuch FROM t1',
  '',
  'skipif mysql # not compatible',
  'onlyif sqlite',
  'query II rowsort label-7',
  'SELECT a, b',
  '  FROM t1',
  '----',
  '1',
  '2   ',
  '',
  'query T nosort',
  'SELECT 1',
  '----',
  '30 values hashing to 3c13dee48d9356ae19af2515e05e6b54',
  '',
  'query R',
  'SELECT 1.5',
  '----',
  '',
  'onlyif mysql',
  'halt',
].join('\r\n');

describe('parseSlt', () => {
  const records = parseSlt(SCRIPT);

  it('reads every record kind in order with its first line', () => {
    assert.deepEqual(
      records.map((r) => [r.kind, r.line]),
      [
        ['hash-threshold', 2],
        ['statement', 4],
        ['statement', 8],
        ['query', 13],
        ['query', 20],
        ['query', 25],
        ['halt', 30],
      ],
    );
  });

  it('keeps multi-line SQL and the expectation of statements', () => {
    const [, created, failing] = records;
    assert.deepEqual(created, {
      kind: 'statement',
      line: 4,
      conditions: [],
      expectError: false,
      sql: 'CREATE TABLE t1(a INTEGER,\n  b INTEGER)',
    });
    assert.equal(failing?.kind === 'statement' && failing.expectError, true);
  });

  it('reads query types, sort mode, label, conditions and literal values (trailing blanks trimmed)', () => {
    assert.deepEqual(records[3], {
      kind: 'query',
      line: 13,
      conditions: [
        { kind: 'skipif', engine: 'mysql' },
        { kind: 'onlyif', engine: 'sqlite' },
      ],
      types: 'II',
      sortMode: 'rowsort',
      label: 'label-7',
      sql: 'SELECT a, b\n  FROM t1',
      expected: { kind: 'values', values: ['1', '2'] },
    });
  });

  it('reads a hash line, and an empty result with nosort as the default', () => {
    const hashed = records[4];
    assert.deepEqual(hashed?.kind === 'query' ? hashed.expected : undefined, {
      kind: 'hash',
      count: 30,
      md5: '3c13dee48d9356ae19af2515e05e6b54',
    });
    const empty = records[5];
    assert.equal(empty?.kind === 'query' && empty.sortMode, 'nosort');
    assert.deepEqual(empty?.kind === 'query' ? empty.expected : undefined, { kind: 'values', values: [] });
  });

  it('applies skipif/onlyif for an engine', () => {
    const query = records[3];
    const halt = records[6];
    assert.ok(query && halt);
    assert.equal(appliesTo(query, 'mysql'), false);
    assert.equal(appliesTo(query, 'sqlite'), true);
    assert.equal(appliesTo(halt, 'mysql'), true);
    assert.equal(appliesTo(halt, 'postgresql'), false);
  });

  it('rejects an unknown record with its line', () => {
    assert.throws(
      () => parseSlt('statement ok\nSELECT 1\n\nfrobnicate\n'),
      (error: unknown) => error instanceof SltParseError && error.line === 4,
    );
    assert.throws(() => parseSlt('query X nosort\nSELECT 1\n'), SltParseError);
  });
});
