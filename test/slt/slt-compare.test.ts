// Unit tests for result ordering, hashing and comparison as SQLite's sqllogictest does them.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { compareResult, hashValues, orderValues } from './slt-compare.js';

describe('orderValues', () => {
  const rows = [
    ['b', '1'],
    ['a', '2'],
    ['a', '10'],
  ];

  it('keeps nosort order, sorts whole rows for rowsort and single values for valuesort (as strings)', () => {
    assert.deepEqual(orderValues(rows, 'nosort'), ['b', '1', 'a', '2', 'a', '10']);
    assert.deepEqual(orderValues(rows, 'rowsort'), ['a', '10', 'a', '2', 'b', '1']);
    assert.deepEqual(orderValues(rows, 'valuesort'), ['1', '10', '2', 'a', 'a', 'b']);
  });
});

describe('hashValues', () => {
  it('is the md5 of each value followed by a newline', () => {
    const expected = createHash('md5').update('1\n2\n3\n').digest('hex');
    assert.equal(hashValues(['1', '2', '3']), expected);
    assert.equal(hashValues(['1', '2', '3']), 'c0710d6b4f15dfa88f600b0e6b624077');
  });
});

describe('compareResult', () => {
  it('matches "N values hashing to" by count and md5', () => {
    const expected = { kind: 'hash', count: 3, md5: 'c0710d6b4f15dfa88f600b0e6b624077' } as const;
    assert.deepEqual(compareResult(expected, ['1', '2', '3'], 1), {
      isMatch: true,
      expected: '3 values hashing to c0710d6b4f15dfa88f600b0e6b624077',
      actual: '3 values hashing to c0710d6b4f15dfa88f600b0e6b624077',
    });
    assert.equal(compareResult(expected, ['1', '2', '4'], 1).isMatch, false);
    assert.equal(compareResult(expected, ['1', '2'], 1).isMatch, false);
  });

  it('matches literal values one per line, or one row per line', () => {
    assert.equal(compareResult({ kind: 'values', values: ['1', 'x'] }, ['1', 'x'], 2).isMatch, true);
    assert.equal(compareResult({ kind: 'values', values: ['1 x'] }, ['1', 'x'], 2).isMatch, true);
    const mismatch = compareResult({ kind: 'values', values: ['1', 'y'] }, ['1', 'x'], 2);
    assert.deepEqual(mismatch, { isMatch: false, expected: '1\ny', actual: '1\nx' });
    assert.equal(compareResult({ kind: 'values', values: [] }, [], 1).isMatch, true);
  });
});
