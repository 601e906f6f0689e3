// The slow query log format: what formatSlowQueryEntry writes, parseSlowQueryLog reads back, and TiDB's own entries
// (with fields TidalDB does not write) parse too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSlowLogTime, formatSlowQueryEntry, parseSlowQueryLog } from '../../../src/observability/slow-query-format.js';
import type { StatementRecord } from '../../../src/observability/statement-record.js';

const RECORD: StatementRecord = {
  type: 'Select',
  digest: 'a'.repeat(64),
  digestText: 'select * from `t` where `id` = ?',
  sampleText: 'SELECT *\nFROM t WHERE id = 1',
  schemaName: 'shop',
  user: 'app',
  host: '10.0.0.7',
  connectionId: 42,
  startedAt: Date.UTC(2026, 0, 2, 3, 4, 5, 678),
  latencyMs: 1234.5678,
  resultRows: 3,
  affectedRows: 0,
  warnings: 0,
  errorCode: undefined,
  isPrepared: true,
  isPlanFromCache: false,
};

test('an entry round-trips through the log text, multi-line statements included', () => {
  const text = formatSlowQueryEntry(RECORD) + formatSlowQueryEntry({ ...RECORD, schemaName: '', errorCode: 1146, sampleText: 'DELETE FROM x;' });
  const [first, second] = parseSlowQueryLog(text);
  // The log keeps microseconds.
  assert.equal(first?.time, Math.round((RECORD.startedAt + RECORD.latencyMs) * 1000) / 1000);
  assert.deepEqual({ ...first, time: 0 }, {
    time: 0, txnStartTs: 0n, user: 'app', host: '10.0.0.7', connectionId: 42, queryTime: 1.2345678, db: 'shop', isInternal: false,
    digest: 'a'.repeat(64), resultRows: 3, affectedRows: 0, isPrepared: true, isPlanFromCache: false, isSuccess: true,
    query: 'SELECT *\nFROM t WHERE id = 1;',
  });
  assert.equal(second?.db, '');
  assert.equal(second?.isSuccess, false);
  assert.equal(second?.query, 'DELETE FROM x;');
});

test("reads TiDB's own entries: several fields on a line, fields it does not know, a cut first entry", () => {
  const text = [
    'FROM cut_off_entry;',
    '# Time: 2019-08-14T09:26:59.487776265+08:00',
    '# Txn_start_ts: 410450924122144769',
    '# User@Host: root[root] @ localhost [127.0.0.1]',
    '# Conn_ID: 3086',
    '# Exec_retry_time: 5.1 Exec_retry_count: 3',
    '# Query_time: 1.527627037',
    '# Parse_time: 0.000054933',
    '# DB: test',
    '# Is_internal: false',
    '# Digest: 50a2e32d2abbd6c1764b1b7f2058d428ef2712b029282b776beb9506a365c0f1',
    '# Mem_max: 525211',
    '# Prepared: false',
    '# Plan_from_cache: false',
    '# Succ: true',
    '# Plan: tidb_decode_plan(\'ZJAwCTMyXzcJMAkyMAlkYXRhOlRhYmxlU2Nhbl82CjEJMTBfNgkxAR0AdAEY1Dp0LCByYW5nZTpbLWluZiwraW5mXSwga2VlcCBvcmRlcjpmYWxzZSwgc3RhdHM6cHNldWRvCg==\')',
    'use test;',
    'insert into t select * from t;',
  ].join('\n');
  const [entry, ...rest] = parseSlowQueryLog(text);
  assert.equal(rest.length, 0);
  assert.equal(entry?.txnStartTs, 410450924122144769n);
  assert.equal(entry?.user, 'root');
  assert.equal(entry?.host, 'localhost');
  assert.equal(entry?.connectionId, 3086);
  assert.equal(entry?.queryTime, 1.527627037);
  assert.equal(entry?.query, 'insert into t select * from t;');
  assert.equal(new Date(Math.floor(entry?.time ?? 0)).toISOString(), '2019-08-14T01:26:59.487Z');
});

test('# Time: is RFC 3339 with microseconds and the local offset', () => {
  assert.match(formatSlowLogTime(Date.UTC(2026, 0, 2, 3, 4, 5, 678) + 0.25), /^2026-01-0\dT\d\d:04:05\.678250[+-]\d\d:\d\d$/);
});
