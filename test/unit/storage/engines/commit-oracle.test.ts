// Tests the CommitOracle: version order, conflict detection and forgetting what no snapshot needs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommitOracle } from '../../../../src/storage/engines/commit-oracle.js';
import { WriteConflictError } from '../../../../src/storage/index.js';

const key = (text: string): Buffer => Buffer.from(text);
const write = (startVersion: bigint, ...keys: string[]) => ({
  startVersion,
  mutations: keys.map((k) => ({ key: key(k), value: key('v') })),
  readKeys: [],
});

void describe('CommitOracle', () => {
  void it('hands out increasing versions starting after the initial one', () => {
    const oracle = new CommitOracle(10n);
    assert.equal(oracle.admit(write(10n, 'a')), 11n);
    assert.equal(oracle.admit(write(10n, 'b')), 12n);
    assert.equal(oracle.visibleVersion, 10n);
    oracle.markVisible(12n);
    oracle.markVisible(11n);
    assert.equal(oracle.visibleVersion, 12n);
  });

  void it('rejects writes and reads of keys committed after the start version, recording nothing', () => {
    const oracle = new CommitOracle(0n);
    const first = oracle.admit(write(0n, 'a'));
    oracle.markVisible(first);
    assert.throws(
      () => oracle.admit(write(0n, 'b', 'a')),
      (error: unknown) => {
        assert.ok(error instanceof WriteConflictError);
        assert.equal(error.conflictCommitVersion, first);
        assert.equal(error.keyHex, key('a').toString('hex'));
        return true;
      },
    );
    // 'b' was not recorded by the failed admission: a transaction from version 0 may still write it.
    assert.equal(oracle.admit(write(0n, 'b')), 2n);
    assert.throws(() => oracle.admit({ startVersion: 1n, mutations: [], readKeys: [key('b')] }), WriteConflictError);
    assert.equal(oracle.admit({ startVersion: 2n, mutations: [], readKeys: [key('a'), key('b')] }), 1n);
  });

  void it('forgets commits once no snapshot is older, but not while one is', () => {
    const oracle = new CommitOracle(0n);
    oracle.registerSnapshot(0n);
    for (let i = 0; i < 200; i++) oracle.markVisible(oracle.admit(write(oracle.visibleVersion, `k${i}`)));
    oracle.prune();
    assert.equal(oracle.trackedKeyCount, 200);
    assert.throws(() => oracle.admit(write(0n, 'k5')), WriteConflictError);
    oracle.releaseSnapshot(0n);
    oracle.prune();
    assert.equal(oracle.trackedKeyCount, 0);
    assert.equal(oracle.admit(write(200n, 'k5')), 201n);
  });

  void it('fails safe for a start version older than what it forgot', () => {
    const oracle = new CommitOracle(0n);
    for (let i = 0; i < 10; i++) oracle.markVisible(oracle.admit(write(oracle.visibleVersion, 'hot')));
    oracle.prune();
    assert.throws(() => oracle.admit(write(3n, 'cold')), WriteConflictError);
    assert.equal(oracle.admit(write(10n, 'cold')), 11n);
  });
});
