// The RowLockManager contract as tests, run on the in-process manager (unit) and the etcd one (test/cluster).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LockRequest, RowLockManager } from '../../../../src/session/locks/row-lock-manager.js';
import type { LockMode } from '../../../../src/sql/index.js';
import { waitFor } from '../../../e2e/helpers/wait-for.js';

export const k = (name: string): Buffer => Buffer.from(name, 'latin1');
const WAIT_MS = 60_000;

export function request(owner: number, keys: string[], mode: LockMode = 'exclusive', statement = 0, timeoutMs = WAIT_MS): LockRequest {
  return { owner, keys: keys.map(k), mode, timeoutMs, statement };
}

/** How a manager under test is made, and how long a request may take to settle when nothing blocks it. */
export interface ContractSubject {
  open(): Promise<RowLockManager>;
  /**
   * How long to watch a request before calling it "still waiting": a macrotask for the in-process manager, a few
   * etcd round trips for a distributed one. Only "still waiting" is judged this way; grants are awaited.
   */
  readonly settleMs: number;
}

/** Registers the contract's tests (call inside a describe). */
export function rowLockManagerContract(subject: ContractSubject): void {
  /** True when `promise` has neither resolved nor rejected after the subject's settle time. */
  const isWaiting = async (promise: Promise<unknown>): Promise<boolean> => {
    let isSettled = false;
    promise.then(
      () => (isSettled = true),
      () => (isSettled = true),
    );
    if (subject.settleMs === 0) await new Promise((resolve) => setImmediate(resolve));
    else await new Promise((resolve) => setTimeout(resolve, subject.settleMs));
    return !isSettled;
  };
  const waiters = (locks: RowLockManager, count: number) =>
    waitFor(() => locks.waitingCount === count, `${count} waiters`, 30_000);

  it('grants free keys, lets an owner re-lock its own keys, and makes others wait until release', async () => {
    const locks = await subject.open();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    assert.deepEqual(await locks.acquire(request(a, ['r1', 'r2'])), { isStale: false });
    await locks.acquire(request(a, ['r1'], 'shared'));
    const waiting = locks.acquire(request(b, ['r2']));
    assert.equal(await isWaiting(waiting), true);
    await waiters(locks, 1);
    locks.releaseAll(a);
    await waiting;
    assert.equal(locks.waitingCount, 0);
    locks.releaseAll(b);
  });

  it('shares shared locks, blocks exclusive ones behind them, and upgrades a sole shared holder', async () => {
    const locks = await subject.open();
    const [a, b, c] = [locks.newOwner(), locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['r'], 'shared'));
    await locks.acquire(request(b, ['r'], 'shared'));
    const writer = locks.acquire(request(c, ['r']));
    assert.equal(await isWaiting(writer), true);
    const upgrade = locks.acquire(request(a, ['r']));
    assert.equal(await isWaiting(upgrade), true);
    locks.releaseAll(b);
    await upgrade;
    assert.equal(await isWaiting(writer), true, 'the writer still waits for the upgraded holder');
    locks.releaseAll(a);
    await writer;
    locks.releaseAll(c);
  });

  it('fails the request that would close a cycle with 1213, directly or through other waiters', async () => {
    const locks = await subject.open();
    const [a, b, c] = [locks.newOwner(), locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['x']));
    await locks.acquire(request(b, ['y']));
    await locks.acquire(request(c, ['z']));
    const aWaits = locks.acquire(request(a, ['y']));
    await waiters(locks, 1);
    const bWaits = locks.acquire(request(b, ['z']));
    await waiters(locks, 2);
    await assert.rejects(locks.acquire(request(c, ['x'])), (error: { code?: number }) => error.code === 1213);
    locks.releaseAll(c);
    await bWaits;
    locks.releaseAll(b);
    await aWaits;
    locks.releaseAll(a);
  });

  it('detects the deadlock of two shared holders that both want to upgrade', async () => {
    const locks = await subject.open();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['r'], 'shared'));
    await locks.acquire(request(b, ['r'], 'shared'));
    const upgrade = locks.acquire(request(a, ['r']));
    await waiters(locks, 1);
    await assert.rejects(locks.acquire(request(b, ['r'])), (error: { code?: number }) => error.code === 1213);
    locks.releaseAll(b);
    await upgrade;
    locks.releaseAll(a);
  });

  it('times out with 1205 and lets later waiters through; NOWAIT fails at once with 3572', async () => {
    const locks = await subject.open();
    const [a, b, c] = [locks.newOwner(), locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['r']));
    await assert.rejects(locks.acquire(request(b, ['r'], 'exclusive', 0, 0)), (error: { code?: number }) => error.code === 3572);
    await assert.rejects(locks.acquire(request(b, ['r'], 'exclusive', 0, 30)), (error: { code?: number }) => error.code === 1205);
    assert.equal(locks.waitingCount, 0);
    const later = locks.acquire(request(c, ['r']));
    locks.releaseAll(a);
    await later;
    locks.releaseAll(b);
    locks.releaseAll(c);
  });

  it('ends a wait when its signal is aborted, with the signal’s reason, keeping earlier keys', async () => {
    const locks = await subject.open();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['held']));
    const controller = new AbortController();
    const waiting = locks.acquire({ ...request(b, ['mine', 'held']), signal: controller.signal });
    await waiters(locks, 1);
    controller.abort(Object.assign(new Error('Query execution was interrupted'), { code: 1317 }));
    await assert.rejects(waiting, (error: { code?: number }) => error.code === 1317);
    assert.equal(locks.waitingCount, 0);
    assert.equal(await isWaiting(locks.acquire(request(a, ['mine']))), true, 'b still holds the key granted before');
    locks.releaseAll(b);
    locks.releaseAll(a);
  });

  it('SKIP LOCKED locks the free keys and skips the held ones', async () => {
    const locks = await subject.open();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['s2']));
    const answer = await locks.acquireAvailable(request(b, ['s1', 's2', 's3']));
    assert.deepEqual(answer.locked, [true, false, true]);
    assert.equal(answer.isStale, false);
    assert.deepEqual((await locks.acquireAvailable(request(a, ['s1', 's2']))).locked, [false, true]);
    locks.releaseAll(a);
    locks.releaseAll(b);
  });

  it('tryAcquireAll locks all keys or none and names a held key', async () => {
    const locks = await subject.open();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['held']));
    assert.deepEqual(await locks.tryAcquireAll(b, [k('free'), k('held')]), k('held'));
    assert.equal(await locks.tryAcquireAll(a, [k('free')]), undefined);
    assert.equal(await isWaiting(locks.acquire(request(b, ['free']))), true, 'free was locked by a, not by the failed attempt');
    locks.releaseAll(a);
    locks.releaseAll(b);
  });

  it('releaseAll cancels the owner’s own pending wait', async () => {
    const locks = await subject.open();
    const [a, b] = [locks.newOwner(), locks.newOwner()];
    await locks.acquire(request(a, ['r']));
    const waiting = locks.acquire(request(b, ['r']));
    await waiters(locks, 1);
    locks.releaseAll(b);
    await assert.rejects(waiting);
    assert.equal(locks.waitingCount, 0);
    locks.releaseAll(a);
  });
}
