// Shared helper: runs a table of `input → canonical output` cases through parse and format.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSql, parseSql } from '../../../../src/sql/parser/index.js';

/** [input, canonical output]; a one-element entry means the input is already canonical. */
export type RoundTripCase = readonly [string, string?];

/**
 * For each case: the input parses to exactly one statement, prints as the expected canonical text, and the
 * canonical text parses and prints back to itself.
 */
export function roundTripSuite(name: string, cases: readonly RoundTripCase[]): void {
  for (const [input, expected = input] of cases) {
    test(`${name}: ${input}`, () => {
      const stmts = parseSql(input);
      assert.equal(stmts.length, 1, 'one statement');
      const printed = formatSql(stmts[0]!);
      assert.equal(printed, expected);
      const again = parseSql(printed);
      assert.equal(formatSql(again[0]!), printed, 'canonical text is a fixed point');
    });
  }
}
