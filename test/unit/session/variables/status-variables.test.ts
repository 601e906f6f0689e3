// StatusVariables: global and per-session counters, Uptime, providers, LIKE and ordering.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatusVariables } from '../../../../src/session/variables/index.js';
import type { ShowRow } from '../../../../src/session/variables/index.js';

function valueOf(rows: readonly ShowRow[], name: string): string | undefined {
  return rows.find(([rowName]) => rowName === name)?.[1];
}

void describe('StatusVariables', () => {
  void it('counts per session and globally; global-only counters show the server value in both', () => {
    const status = new StatusVariables();
    const first = status.createSession();
    const second = status.createSession();
    first.increment('Com_select');
    first.increment('Com_select');
    second.increment('Com_select');
    status.increment('Connections', 2);
    assert.equal(valueOf(first.list(), 'Com_select'), '2');
    assert.equal(valueOf(second.list(), 'Com_select'), '1');
    assert.equal(valueOf(status.list('global'), 'Com_select'), '3');
    assert.equal(valueOf(first.list(), 'Connections'), '2');
    status.set('Threads_connected', 2);
    assert.equal(first.get('Threads_connected'), 2);
  });

  void it('computes Uptime from its clock and restarts Uptime_since_flush_status on FLUSH STATUS', () => {
    let now = 1_000_000;
    const status = new StatusVariables({ now: () => now });
    now += 90_500;
    assert.equal(valueOf(status.list('global'), 'Uptime'), '90');
    status.flush();
    now += 2_000;
    const rows = status.list('global', 'uptime%');
    assert.deepEqual(rows, [
      ['Uptime', '92'],
      ['Uptime_since_flush_status', '2'],
    ]);
  });

  void it('adds provider rows; a session provider overrides a global row of the same name in SHOW SESSION STATUS', () => {
    const status = new StatusVariables();
    const session = status.createSession();
    const remove = status.addProvider((scope) => [
      ['Ssl_accepts', scope === 'global' ? 8145 : 0],
      ['Ssl_cipher', ''],
      ['Ssl_verify_mode', 0],
    ]);
    session.addProvider(() => [
      ['Ssl_cipher', 'TLS_AES_256_GCM_SHA384'],
      ['Ssl_version', 'TLSv1.3'],
    ]);
    assert.deepEqual(session.list('Ssl_%'), [
      ['Ssl_accepts', '0'],
      ['Ssl_cipher', 'TLS_AES_256_GCM_SHA384'],
      ['Ssl_verify_mode', '0'],
      ['Ssl_version', 'TLSv1.3'],
    ]);
    assert.deepEqual(status.list('global', 'ssl%'), [
      ['Ssl_accepts', '8145'],
      ['Ssl_cipher', ''],
      ['Ssl_verify_mode', '0'],
    ]);
    remove();
    assert.deepEqual(status.list('global', 'ssl%'), []);
  });

  void it("matches LIKE '%Ssl%' case-insensitively, like MariaDB's Com_show_processlist row, sorted ignoring case", () => {
    const status = new StatusVariables();
    status.addProvider(() => [
      ['Ssl_version', 'TLSv1.3'],
      ['Ssl_accept_renegotiates', 0],
      ['Ssl_accepts', 1],
    ]);
    const names = status.list('global', '%Ssl%').map(([name]) => name);
    assert.deepEqual(names, ['Com_show_processlist', 'Ssl_accept_renegotiates', 'Ssl_accepts', 'Ssl_version']);
    const all = status.list('global').map(([name]) => name.toLowerCase());
    assert.deepEqual(all, [...all].sort());
  });
});
