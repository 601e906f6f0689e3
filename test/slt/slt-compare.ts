// Sorts, hashes and compares query results the way SQLite's sqllogictest runner does.
import { createHash } from 'node:crypto';
import { SortMode } from './slt-record.js';
import type { ExpectedResult } from './slt-record.js';

/** Byte-wise string order (the formatted values are printable ASCII, so this is C's strcmp). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRows(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareText(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Flattens formatted rows into the value list the expected result is written in, after `mode`'s sorting. */
export function orderValues(rows: readonly (readonly string[])[], mode: SortMode): string[] {
  switch (mode) {
    case SortMode.NOSORT:
      return rows.flat();
    case SortMode.ROWSORT:
      return [...rows].sort(compareRows).flat();
    case SortMode.VALUESORT:
      return rows.flat().sort(compareText);
  }
}

/** MD5 (hex) of every value followed by a newline, concatenated. */
export function hashValues(values: readonly string[]): string {
  const md5 = createHash('md5');
  for (const value of values) md5.update(`${value}\n`);
  return md5.digest('hex');
}

/** sqllogictest's hash line: `N values hashing to <md5>`. */
export function hashLine(count: number, md5: string): string {
  return `${count} values hashing to ${md5}`;
}

/** The outcome of comparing one query's result with its expectation. */
export interface Comparison {
  readonly isMatch: boolean;
  /** The expected result as written in the script. */
  readonly expected: string;
  /** Our result in the same form (values one per line, or the hash line when the script used a hash). */
  readonly actual: string;
}

/**
 * Compares ordered `values` (of rows `columns` wide) with `expected`. A hash expectation compares the count and MD5.
 * Literal values compare one per line; a script that writes each row on one line (values separated by spaces, as some
 * generators do) also matches.
 */
export function compareResult(expected: ExpectedResult, values: readonly string[], columns: number): Comparison {
  if (expected.kind === 'hash') {
    const actual = hashLine(values.length, hashValues(values));
    return {
      isMatch: actual === hashLine(expected.count, expected.md5),
      expected: hashLine(expected.count, expected.md5),
      actual,
    };
  }
  const expectedText = expected.values.join('\n');
  const actualText = values.join('\n');
  if (expectedText === actualText) return { isMatch: true, expected: expectedText, actual: actualText };
  const rowLines: string[] = [];
  for (let i = 0; i < values.length; i += columns) rowLines.push(values.slice(i, i + columns).join(' '));
  const isRowMatch =
    columns > 1 && expected.values.length * columns === values.length && rowLines.join('\n') === expectedText;
  return { isMatch: isRowMatch, expected: expectedText, actual: actualText };
}
