// The statement summary's aggregation: by schema and digest, least recently seen evicted first, windows that roll.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatementSummary } from '../../../src/observability/statement-summary.js';
import type { StatementRecord } from '../../../src/observability/statement-record.js';

function record(digest: string, overrides: Partial<StatementRecord> = {}): StatementRecord {
  return {
    type: 'Select', digest, digestText: `text of ${digest}`, sampleText: 'SELECT 1', schemaName: 'db', user: 'u', host: 'h',
    connectionId: 1, startedAt: 1000, latencyMs: 10, resultRows: 1, affectedRows: 0, warnings: 0, errorCode: undefined,
    isPrepared: false, isPlanFromCache: false, ...overrides,
  };
}

test('aggregates counts, latency sum/max/min, rows, errors, warnings and first/last seen per schema and digest', () => {
  const summary = new StatementSummary({ maxCount: 10, refreshIntervalMs: 60_000, now: () => 1000 });
  summary.record(record('d1', { latencyMs: 5, resultRows: 4, startedAt: 1000 }));
  summary.record(record('d1', { latencyMs: 20, resultRows: 0, startedAt: 2000, errorCode: 1146, warnings: 2 }));
  summary.record(record('d1', { schemaName: 'other' }));
  const entries = summary.window().entries;
  assert.equal(entries.length, 2);
  const d1 = entries.find((entry) => entry.schemaName === 'db');
  assert.deepEqual(
    [d1?.execCount, d1?.sumLatencyMs, d1?.maxLatencyMs, d1?.minLatencyMs, d1?.sumResultRows, d1?.maxResultRows, d1?.minResultRows, d1?.sumErrors, d1?.sumWarnings, d1?.firstSeen, d1?.lastSeen],
    [2, 25, 20, 5, 4, 4, 0, 1, 2, 1000, 2000],
  );
});

test('keeps at most maxCount digests, evicting the least recently seen', () => {
  const summary = new StatementSummary({ maxCount: 2, refreshIntervalMs: 60_000, now: () => 1000 });
  summary.record(record('a'));
  summary.record(record('b'));
  summary.record(record('a'));
  summary.record(record('c'));
  assert.deepEqual(summary.window().entries.map((entry) => entry.digest), ['a', 'c']);
});

test('starts a new window every refresh interval', () => {
  let now = 1000;
  const summary = new StatementSummary({ maxCount: 10, refreshIntervalMs: 60_000, now: () => now });
  summary.record(record('a', { startedAt: 1000 }));
  now = 61_500;
  const window = summary.window();
  assert.deepEqual([window.begin, window.end, window.entries.length], [61_000, 121_000, 0]);
});
