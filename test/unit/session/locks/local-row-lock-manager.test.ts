// LocalRowLockManager: modes, FIFO waits, deadlock detection, timeouts, NOWAIT and stale-read marking.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LocalRowLockManager } from '../../../../src/session/locks/local-row-lock-manager.js';
import type { LockRequest } from '../../../../src/session/locks/row-lock-manager.js';
import type { LockMode } from '../../../../src/sql/index.js';

const k = (name: string): Buffer => Buffer.from(name, 'latin1');
const WAIT_MS = 5_000;

function request(owner: number, keys: string[], mode: LockMode = 'exclusive', statement = 0, timeoutMs = WAIT_MS): LockRequest {
  return { owner, keys: keys.map(k), mode, timeoutMs, statement };
}

/** 'granted' when `promise` resolved by the next macrotask, else 'waiting'. */
async function state(promise: Promise<unknown>): Promise<'granted' | 'waiting' | 'failed'> {
  let outcome: 'granted' | 'waiting' | 'failed' = 'waiting';
  promise.then(
    () => (outcome = 'granted'),
    () => (outcome = 'failed'),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return outcome;
}

describe('LocalRowLockManager', () => {
  it('grants free keys, lets an owner re-lock its own keys, and makes others wait until release', async () => {
    const locks = new LocalRowLockManager();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    assert.deepEqual(await locks.acquire(request(a, ['r1', 'r2'])), { isStale: false });
    await locks.acquire(request(a, ['r1'], 'shared'));
    const waiting = locks.acquire(request(b, ['r2']));
    assert.equal(await state(waiting), 'waiting');
    assert.equal(locks.waitingCount, 1);
    locks.releaseAll(a);
    assert.equal(await state(waiting), 'granted');
    assert.equal(locks.waitingCount, 0);
  });

  it('shares shared locks, blocks exclusive ones behind them, and upgrades a sole shared holder', async () => {
    const locks = new LocalRowLockManager();
    const [a, b, c] = [locks.newOwner(), locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['r'], 'shared'));
    await locks.acquire(request(b, ['r'], 'shared'));
    const writer = locks.acquire(request(c, ['r']));
    assert.equal(await state(writer), 'waiting');
    const upgrade = locks.acquire(request(a, ['r']));
    assert.equal(await state(upgrade), 'waiting');
    locks.releaseAll(b);
    assert.equal(await state(upgrade), 'granted', 'the only remaining shared holder may upgrade');
    assert.equal(await state(writer), 'waiting');
    locks.releaseAll(a);
    assert.equal(await state(writer), 'granted');
  });

  it('fails the request that would close a cycle with 1213, directly or through other waiters', async () => {
    const locks = new LocalRowLockManager();
    const [a, b, c] = [locks.newOwner(), locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['x']));
    await locks.acquire(request(b, ['y']));
    await locks.acquire(request(c, ['z']));
    const aWaits = locks.acquire(request(a, ['y']));
    const bWaits = locks.acquire(request(b, ['z']));
    await assert.rejects(locks.acquire(request(c, ['x'])), (error: { code?: number }) => error.code === 1213);
    locks.releaseAll(c);
    assert.equal(await state(bWaits), 'granted');
    locks.releaseAll(b);
    assert.equal(await state(aWaits), 'granted');
  });

  it('detects the deadlock of two shared holders that both want to upgrade', async () => {
    const locks = new LocalRowLockManager();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['r'], 'shared'));
    await locks.acquire(request(b, ['r'], 'shared'));
    const upgrade = locks.acquire(request(a, ['r']));
    await assert.rejects(locks.acquire(request(b, ['r'])), (error: { code?: number }) => error.code === 1213);
    locks.releaseAll(b);
    assert.equal(await state(upgrade), 'granted');
  });

  it('times out with 1205 and lets later waiters through; NOWAIT fails at once with 3572', async () => {
    const locks = new LocalRowLockManager();
    const [a, b, c] = [locks.newOwner(), locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['r']));
    await assert.rejects(locks.acquire(request(b, ['r'], 'exclusive', 0, 0)), (error: { code?: number }) => error.code === 3572);
    await assert.rejects(locks.acquire(request(b, ['r'], 'exclusive', 0, 30)), (error: { code?: number }) => error.code === 1205);
    assert.equal(locks.waitingCount, 0);
    const later = locks.acquire(request(c, ['r']));
    locks.releaseAll(a);
    assert.equal(await state(later), 'granted');
  });

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

  it('tryAcquireAll locks all keys or none and names a held key', async () => {
    const locks = new LocalRowLockManager();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['held']));
    assert.deepEqual(await locks.tryAcquireAll(b, [k('free'), k('held')]), k('held'));
    assert.equal(await locks.tryAcquireAll(a, [k('free')]), undefined);
    assert.equal(await state(locks.acquire(request(b, ['free']))), 'waiting', 'free was locked by a, not by the failed attempt');
    locks.releaseAll(a);
  });

  it('releaseAll cancels the owner’s own pending wait', async () => {
    const locks = new LocalRowLockManager();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['r']));
    const waiting = locks.acquire(request(b, ['r']));
    locks.releaseAll(b);
    assert.equal(await state(waiting), 'failed');
    assert.equal(locks.waitingCount, 0);
    locks.releaseAll(a);
  });
});
