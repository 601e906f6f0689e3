// AccountUsageTable: the one table of per-account counts behind MAX_USER_CONNECTIONS, max_user_connections and the
// hourly limits (in the primary when the server runs several worker processes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountUsageTable } from '../../../src/session/account-usage.js';
import type { ResourceLimits } from '../../../src/session/account-usage.js';

const NONE: ResourceLimits = { maxQuestions: 0, maxUpdates: 0, maxConnections: 0, maxUserConnections: 0 };

describe('AccountUsageTable', () => {
  it('counts open connections per account against MAX_USER_CONNECTIONS, then the global max_user_connections', () => {
    const table = new AccountUsageTable();
    const own = { account: { ...NONE, maxUserConnections: 1 }, globalUserConnections: 5 };
    assert.equal(table.admit('a', own), undefined);
    assert.equal(table.admit('a', own), 'max_user_connections');
    assert.equal(table.admit('b', own), undefined);
    table.release('a');
    assert.equal(table.admit('a', own), undefined);
    const global = { account: NONE, globalUserConnections: 2 };
    assert.equal(table.admit('c', global), undefined);
    assert.equal(table.admit('c', global), undefined);
    assert.equal(table.admit('c', global), 'global_max_user_connections');
  });

  it('counts logins, statements and updates per hour; a refused one is not counted', () => {
    const table = new AccountUsageTable();
    const login = { account: { ...NONE, maxConnections: 1 }, globalUserConnections: 0 };
    assert.equal(table.admit('a', login), undefined);
    table.release('a');
    assert.equal(table.admit('a', login), 'max_connections_per_hour');
    const limits = { ...NONE, maxQuestions: 3, maxUpdates: 1 };
    assert.equal(table.countStatement('q', limits, true), undefined);
    assert.equal(table.countStatement('q', limits, true), 'max_updates');
    assert.equal(table.countStatement('q', limits, false), undefined);
    assert.equal(table.countStatement('q', limits, false), undefined);
    assert.equal(table.countStatement('q', limits, false), 'max_questions');
  });
});
