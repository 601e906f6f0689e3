// Unit tests for the record runner over a scripted fake connection: pass/fail rules, conditions, halt and labels.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SltConnection, SqlResult } from './slt-connection.js';
import { parseSlt } from './slt-parser.js';
import { runRecords } from './slt-runner.js';

/** Answers each SQL text from a table; unknown SQL fails like a server error. */
function fakeConnection(answers: Record<string, SqlResult>): SltConnection & { readonly seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    query: (sql: string) => {
      seen.push(sql);
      const answer = answers[sql];
      return answer ? Promise.resolve(answer) : Promise.reject(new Error(`no such thing: ${sql}`));
    },
  };
}

const OK: SqlResult = { rows: [], columns: 0 };

describe('runRecords', () => {
  it('passes statements that behave as declared and fails the others with a reason', async () => {
    const script = 'statement ok\nGOOD\n\nstatement ok\nBAD\n\nstatement error\nBAD\n\nstatement error\nGOOD\n';
    const outcome = await runRecords(parseSlt(script), fakeConnection({ GOOD: OK }));
    assert.equal(outcome.passed, 2);
    assert.equal(outcome.failed, 2);
    assert.deepEqual(
      outcome.failures.map((f) => [f.line, f.reason]),
      [
        [4, 'statement failed: no such thing: BAD'],
        [10, 'statement succeeded but an error was expected'],
      ],
    );
  });

  it('compares formatted, sorted query results and reports expected vs got', async () => {
    const conn = fakeConnection({
      Q: {
        rows: [
          [2, 'b'],
          [1, null],
        ],
        columns: 2,
      },
      W: { rows: [[1]], columns: 1 },
    });
    const script =
      'query IT rowsort\nQ\n----\n1\nNULL\n2\nb\n\nquery IT nosort\nQ\n----\n1\nNULL\n2\nb\n\nquery II nosort\nW\n----\n1\n\nquery I nosort\nNOPE\n----\n';
    const outcome = await runRecords(parseSlt(script), conn);
    assert.equal(outcome.passed, 1);
    assert.equal(outcome.failed, 3);
    assert.deepEqual(
      outcome.failures.map((f) => [f.line, f.reason, f.expected, f.actual]),
      [
        [9, 'result mismatch', '1\nNULL\n2\nb', '2\nb\n1\nNULL'],
        [17, 'expected 2 columns, got 1', undefined, undefined],
        [22, 'query failed: no such thing: NOPE', undefined, undefined],
      ],
    );
  });

  it('skips records for other engines, does not count control records, and stops at halt', async () => {
    const conn = fakeConnection({ GOOD: OK });
    const script =
      'hash-threshold 8\n\nskipif mysql\nstatement ok\nA\n\nonlyif sqlite\nstatement ok\nB\n\nonlyif mysql\nstatement ok\nGOOD\n\nskipif mysql\nhalt\n\nstatement ok\nGOOD\n\nhalt\n\nstatement ok\nC\n';
    const outcome = await runRecords(parseSlt(script), conn);
    assert.deepEqual([outcome.passed, outcome.failed], [2, 0]);
    assert.deepEqual(conn.seen, ['GOOD', 'GOOD']);
  });

  it('fails a labelled query whose result differs from an earlier one with the same label', async () => {
    const conn = fakeConnection({ A: { rows: [[1]], columns: 1 }, B: { rows: [[2]], columns: 1 } });
    const script = 'query I nosort lbl\nA\n----\n1\n\nquery I nosort lbl\nB\n----\n2\n';
    const outcome = await runRecords(parseSlt(script), conn);
    assert.deepEqual([outcome.passed, outcome.failed], [1, 1]);
    assert.equal(outcome.failures[0]?.reason, 'result differs from an earlier query labelled lbl');
  });

  it('keeps only the first failures but counts all, and can stop at the first one', async () => {
    const script = 'statement ok\nX1\n\nstatement ok\nX2\n\nstatement ok\nX3\n';
    const kept = await runRecords(parseSlt(script), fakeConnection({}), { keepFailures: 2 });
    assert.deepEqual([kept.failed, kept.failures.length, kept.stopped], [3, 2, false]);
    const stopped = await runRecords(parseSlt(script), fakeConnection({}), { stopOnFail: true });
    assert.deepEqual([stopped.failed, stopped.stopped], [1, true]);
  });
});
