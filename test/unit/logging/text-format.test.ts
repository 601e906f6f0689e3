// TiDB's text log layout: brackets, level names, quoting as pingcap/log quotes, and the caller's file and line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTextRecord } from '../../../src/logging/index.js';
import { callerOf, formatTime } from '../../../src/logging/text-format.js';

test('formats [time] [LEVEL] [file:line] [message] [key=value], quoting only what needs it', () => {
  const time = new Date(2026, 0, 2, 3, 4, 5, 6);
  const line = formatTextRecord('warn', time, 'login.ts:42', 'login failed', { peer: '127.0.0.1:5000', reason: 'bad "cert"', n: 3, ok: true, list: [1, 'a'], big: 7n });
  assert.equal(line, `[${formatTime(time)}] [WARN] [login.ts:42] ["login failed"] [peer=127.0.0.1:5000] [reason="bad \\"cert\\""] [n=3] [ok=true] [list="[1,\\"a\\"]"] [big=7]\n`);
  assert.match(formatTime(time), /^2026\/01\/02 03:04:05\.006 [+-]\d\d:\d\d$/);
  assert.equal(formatTextRecord('info', time, 'x.ts:1', 'started', {}), `[${formatTime(time)}] [INFO] [x.ts:1] [started]\n`);
});

test('prints an error as its message and stack', () => {
  const error = new Error('disk full');
  const line = formatTextRecord('error', new Date(0), 'a.ts:1', 'commit failed', { err: error });
  assert.match(line, /\["commit failed"\] \[error="disk full"\] \[errorVerbose="Error: disk full\\n {4}at /);
});

test('names the first caller outside the logging module', () => {
  const stack = ['Error', '    at write (/app/src/logging/logger.ts:90:20)', '    at Object.info (/app/src/logging/logger.ts:120:5)', '    at TidalServer.start (/app/src/server/tidal-server.ts:131:14)'].join('\n');
  assert.equal(callerOf(stack), 'tidal-server.ts:131');
  assert.equal(callerOf(undefined), '<unknown>');
});
