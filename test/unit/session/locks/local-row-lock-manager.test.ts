// LocalRowLockManager: the shared RowLockManager contract, and stale-read marking by release order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LocalRowLockManager } from '../../../../src/session/locks/local-row-lock-manager.js';
import { request, rowLockManagerContract } from './row-lock-manager-contract.js';

void describe('LocalRowLockManager', () => {
  rowLockManagerContract({ open: () => Promise.resolve(new LocalRowLockManager()), settleMs: 0 });

  it('marks a grant stale when another owner released the key after the statement began', async () => {
    const locks = new LocalRowLockManager();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['r']));
    const before = locks.beginStatement();
    locks.releaseAll(a);
    const after = locks.beginStatement();
    assert.deepEqual(await locks.acquire(request(b, ['r'], 'exclusive', before)), { isStale: true });
    assert.deepEqual(await locks.acquire(request(b, ['r'], 'exclusive', after)), { isStale: false });
    locks.endStatement(before);
    locks.endStatement(after);
  });
});
