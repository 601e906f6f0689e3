// LocalUserLockManager: user-level locks in this process: holders with hold counts, FIFO waiters, and MySQL's
// deadlock check over who waits for whose lock.
import { mysqlError, ER_USER_LOCK_DEADLOCK } from '../../errors/index.js';
import type { UserLockOutcome } from '../../sql/index.js';
import type { UserLockManager, UserLockOwner } from './user-lock-manager.js';

interface Waiter {
  readonly owner: UserLockOwner;
  readonly grant: () => void;
}

interface HeldLock {
  owner: UserLockOwner;
  count: number;
  readonly waiters: Waiter[];
}

export class LocalUserLockManager implements UserLockManager {
  private readonly locks = new Map<string, HeldLock>();
  /** The lock each waiting owner waits for. */
  private readonly waitingFor = new Map<UserLockOwner, string>();

  acquire(owner: UserLockOwner, name: string, timeoutMs: number | undefined, signal: AbortSignal | undefined): Promise<UserLockOutcome> {
    const lock = this.locks.get(name);
    if (lock === undefined) {
      this.locks.set(name, { owner, count: 1, waiters: [] });
      return Promise.resolve('acquired');
    }
    if (lock.owner === owner) {
      lock.count++;
      return Promise.resolve('acquired');
    }
    if (timeoutMs === 0) return Promise.resolve('timed-out');
    if (signal?.aborted) return Promise.resolve('interrupted');
    if (this.wouldDeadlock(owner, lock.owner)) return Promise.reject(mysqlError(ER_USER_LOCK_DEADLOCK));
    return new Promise((resolve) => {
      const finish = (outcome: UserLockOutcome): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.waitingFor.delete(owner);
        resolve(outcome);
      };
      const waiter: Waiter = { owner, grant: () => finish('acquired') };
      const giveUp = (outcome: UserLockOutcome): void => {
        const index = lock.waiters.indexOf(waiter);
        if (index >= 0) lock.waiters.splice(index, 1);
        finish(outcome);
      };
      const onAbort = (): void => giveUp('interrupted');
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => giveUp('timed-out'), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      lock.waiters.push(waiter);
      this.waitingFor.set(owner, name);
    });
  }

  /** True when `holder` waits, directly or through others, for a lock `owner` holds. */
  private wouldDeadlock(owner: UserLockOwner, holder: UserLockOwner): boolean {
    const seen = new Set<UserLockOwner>();
    for (let current: UserLockOwner | undefined = holder; current !== undefined && !seen.has(current); ) {
      if (current === owner) return true;
      seen.add(current);
      const name = this.waitingFor.get(current);
      current = name === undefined ? undefined : this.locks.get(name)?.owner;
    }
    return false;
  }

  release(owner: UserLockOwner, name: string): Promise<'released' | 'not-owner' | 'free'> {
    const lock = this.locks.get(name);
    if (lock === undefined) return Promise.resolve('free');
    if (lock.owner !== owner) return Promise.resolve('not-owner');
    if (--lock.count === 0) this.handOver(name, lock);
    return Promise.resolve('released');
  }

  releaseAll(owner: UserLockOwner): Promise<number> {
    let released = 0;
    for (const [name, lock] of [...this.locks]) {
      if (lock.owner !== owner) continue;
      released += lock.count;
      lock.count = 0;
      this.handOver(name, lock);
    }
    return Promise.resolve(released);
  }

  holderOf(name: string): Promise<UserLockOwner | undefined> {
    return Promise.resolve(this.locks.get(name)?.owner);
  }

  /** A lock nobody holds any more goes to its first waiter, or away. */
  private handOver(name: string, lock: HeldLock): void {
    const next = lock.waiters.shift();
    if (next === undefined) {
      this.locks.delete(name);
      return;
    }
    lock.owner = next.owner;
    lock.count = 1;
    next.grant();
  }
}
