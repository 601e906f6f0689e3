// EtcdUserLockManager: GET_LOCK names shared by every node on one etcd keyspace, kept as exclusive etcd row locks.
import { mysqlError, ER_LOCK_DEADLOCK, ER_LOCK_NOWAIT, ER_LOCK_WAIT_TIMEOUT, ER_USER_LOCK_DEADLOCK } from '../../errors/index.js';
import type { UserLockOutcome } from '../../sql/index.js';
import type { EtcdRowLockManager } from './etcd-row-lock-manager.js';
import type { UserLockManager, UserLockOwner } from './user-lock-manager.js';

/** Keys of user locks start with a byte no table or meta key starts with, so they never meet a row's lock. */
const NAME_PREFIX = Buffer.from('\xffuser-lock:', 'latin1');
/** "For ever" as a timer allows (about 24 days). */
const FOREVER_MS = 2 ** 31 - 1;

/**
 * A lock of the row-lock manager given (its own instance: owners here are connection ids) on a reserved key per name,
 * so waits, leases (a dead node's names go with its lease) and deadlock detection are the row locks'. Hold counts of
 * a re-entrant name stay in this process, since only its holder changes them.
 */
export class EtcdUserLockManager implements UserLockManager {
  private readonly counts = new Map<UserLockOwner, Map<string, number>>();

  constructor(private readonly locks: EtcdRowLockManager) {}

  async acquire(owner: UserLockOwner, name: string, timeoutMs: number | undefined, signal: AbortSignal | undefined): Promise<UserLockOutcome> {
    let names = this.counts.get(owner);
    const held = names?.get(name);
    if (held !== undefined) {
      names!.set(name, held + 1);
      return 'acquired';
    }
    try {
      await this.locks.acquire({
        owner,
        keys: [nameKey(name)],
        mode: 'exclusive',
        timeoutMs: timeoutMs ?? FOREVER_MS,
        statement: Number.MAX_SAFE_INTEGER,
        ...(signal && { signal }),
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === ER_LOCK_DEADLOCK.code) throw mysqlError(ER_USER_LOCK_DEADLOCK);
      if (code === ER_LOCK_WAIT_TIMEOUT.code || code === ER_LOCK_NOWAIT.code) return 'timed-out';
      if (signal?.aborted === true) return 'interrupted';
      throw error;
    }
    if (names === undefined) this.counts.set(owner, (names = new Map<string, number>()));
    names.set(name, 1);
    return 'acquired';
  }

  async release(owner: UserLockOwner, name: string): Promise<'released' | 'not-owner' | 'free'> {
    const names = this.counts.get(owner);
    const held = names?.get(name);
    if (held === undefined) return (await this.holderOf(name)) === undefined ? 'free' : 'not-owner';
    if (held > 1) {
      names!.set(name, held - 1);
      return 'released';
    }
    names!.delete(name);
    if (names!.size === 0) this.counts.delete(owner);
    await this.locks.releaseKeys(owner, [nameKey(name)]);
    return 'released';
  }

  async releaseAll(owner: UserLockOwner): Promise<number> {
    const names = this.counts.get(owner);
    this.counts.delete(owner);
    this.locks.releaseAll(owner);
    // RELEASE_ALL_LOCKS answers once the names are free for every node.
    await this.locks.whenReleased(owner);
    let released = 0;
    for (const count of names?.values() ?? []) released += count;
    return released;
  }

  async holderOf(name: string): Promise<UserLockOwner | undefined> {
    const [holder] = await this.locks.holdersOf(nameKey(name));
    // A holder is `<node>.<connection id>`.
    return holder === undefined ? undefined : Number(holder.slice(holder.indexOf('.') + 1));
  }
}

function nameKey(name: string): Buffer {
  return Buffer.concat([NAME_PREFIX, Buffer.from(name, 'utf8')]);
}
