// LockReleaseWatch: one etcd watch over every row lock of the keyspace, waking this node's waiters when a key frees.
import type { Etcd3, Watcher } from 'etcd3';
import type { EtcdLockKeys } from './etcd-lock-keys.js';

/** A registered interest in one key's releases. */
export interface ReleaseListener {
  /** Resolves at the first release (or lost watch) after `listen`. */
  readonly released: Promise<void>;
  stop(): void;
}

/**
 * Watches deletes only (a release, a lease expiry of a dead node, or a NOWAIT/SKIP LOCKED loser's cleanup), never
 * puts, so taking a lock costs no watch traffic. A waiter registers before it re-reads the key's holders: any release
 * after that read is then seen. When the watch breaks, every waiter is woken to re-check (a needless retry, never a
 * missed release); etcd3 re-opens the watch from the last revision it saw.
 */
export class LockReleaseWatch {
  private watcher: Promise<Watcher> | undefined;
  private readonly listeners = new Map<string, Set<() => void>>();
  private isClosed = false;

  constructor(
    private readonly client: Etcd3,
    private readonly keys: EtcdLockKeys,
  ) {}

  /** Resolves once the watch runs, so that releases after this point are delivered. */
  async ready(): Promise<void> {
    if (this.isClosed) throw new Error('the row-lock watch is closed');
    this.watcher ??= this.open();
    await this.watcher;
  }

  listen(hex: string): ReleaseListener {
    let wake!: () => void;
    const released = new Promise<void>((resolve) => (wake = resolve));
    let set = this.listeners.get(hex);
    if (set === undefined) this.listeners.set(hex, (set = new Set()));
    set.add(wake);
    return {
      released,
      stop: () => {
        set.delete(wake);
        if (set.size === 0 && this.listeners.get(hex) === set) this.listeners.delete(hex);
      },
    };
  }

  async close(): Promise<void> {
    this.isClosed = true;
    this.wakeAll();
    const watcher = this.watcher;
    this.watcher = undefined;
    if (watcher !== undefined) await watcher.then((w) => w.cancel()).catch(() => undefined);
  }

  private open(): Promise<Watcher> {
    const opened = this.client
      .watch()
      .prefix(this.keys.lockArea)
      .only('delete')
      .create()
      .then((watcher) => {
        watcher.on('delete', (kv) => this.wake(this.keys.hexOf(kv.key)));
        watcher.on('disconnected', () => this.wakeAll());
        watcher.on('connected', () => this.wakeAll());
        watcher.on('error', () => {
          // A watch etcd ended for good (compacted past its revision): open a new one at the next wait.
          if (this.watcher === opened) this.watcher = undefined;
          this.wakeAll();
        });
        return watcher;
      });
    opened.catch(() => {
      if (this.watcher === opened) this.watcher = undefined;
    });
    return opened;
  }

  private wake(hex: string | undefined): void {
    if (hex === undefined) return;
    const set = this.listeners.get(hex);
    if (set === undefined) return;
    this.listeners.delete(hex);
    for (const wake of set) wake();
  }

  private wakeAll(): void {
    const sets = [...this.listeners.values()];
    this.listeners.clear();
    for (const set of sets) for (const wake of set) wake();
  }
}
