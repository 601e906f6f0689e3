// LocalRowLockManager: the in-process RowLockManager: per-key holders and FIFO waiters, wait-for-graph deadlock
// detection at the moment a request would wait, and per-request timeouts.
import { mysqlError, ER_LOCK_DEADLOCK, ER_LOCK_NOWAIT, ER_LOCK_WAIT_TIMEOUT } from '../../errors/index.js';
import type { LockMode } from '../../sql/index.js';
import type { LockGrant, LockObserver, LockOwnerId, LockRequest, LockWaitResult, RowLockManager } from './row-lock-manager.js';

/** Prune release records once this many accumulate (only those no running statement can still need go). */
const PRUNE_RELEASES_AT = 4096;

interface Waiter {
  readonly owner: LockOwnerId;
  readonly mode: LockMode;
  readonly grant: () => void;
  readonly fail: (error: Error) => void;
}

interface LockEntry {
  readonly holders: Map<LockOwnerId, LockMode>;
  readonly waiters: Waiter[];
}

/**
 * Locks are keyed by the latin1 rendering of the key bytes. Whenever the last holder of a key lets go, the key gets
 * a release sequence number; a statement that began (and took its snapshot) before that number read the key before
 * the releasing transaction's commit may have become visible, so its grant is marked stale and the statement
 * re-runs (TiDB retries a pessimistic statement on a write conflict the same way).
 */
export class LocalRowLockManager implements RowLockManager {
  private readonly entries = new Map<string, LockEntry>();
  private readonly heldBy = new Map<LockOwnerId, Set<string>>();
  /** The key each waiting owner waits for: the edges of the wait-for graph go from it to that key's holders. */
  private readonly waitsFor = new Map<LockOwnerId, { key: string; waiter: Waiter }>();
  private readonly releasedAt = new Map<string, number>();
  private readonly runningStatements = new Map<number, number>();
  private sequence = 0;
  private lastOwner = 0;
  /** Shared-clock mode: releases older than this were forgotten, so a statement older than it re-runs. */
  private forgottenBefore = -Infinity;

  /**
   * With `clock`, statement tokens come from the requesters (readings of a clock every process shares, taken before
   * their snapshots) and releases are stamped with the same clock: the lock table of several worker processes.
   * Running statements are then unknown here, so old release stamps are forgotten by age and a statement that
   * began before the forgotten ones re-runs (a needless re-run, never a missed one).
   */
  constructor(
    private readonly observer?: LockObserver,
    private readonly clock?: () => number,
  ) {}

  get waitingCount(): number {
    return this.waitsFor.size;
  }

  newOwner(): LockOwnerId {
    return ++this.lastOwner;
  }

  beginStatement(): number {
    const token = this.sequence;
    this.runningStatements.set(token, (this.runningStatements.get(token) ?? 0) + 1);
    return token;
  }

  endStatement(statement: number): void {
    const count = this.runningStatements.get(statement);
    if (count === undefined) return;
    if (count <= 1) this.runningStatements.delete(statement);
    else this.runningStatements.set(statement, count - 1);
    if (this.runningStatements.size === 0) this.releasedAt.clear();
  }

  async acquire(request: LockRequest): Promise<LockGrant> {
    let isStale = false;
    for (const bytes of request.keys) {
      const key = keyName(bytes);
      const entry = this.tryGrant(key, request);
      if (entry !== undefined) await this.wait(entry, key, request);
      if (this.isReleasedSince(key, request)) isStale = true;
    }
    return { isStale };
  }

  acquireAvailable(request: LockRequest): Promise<{ locked: boolean[]; isStale: boolean }> {
    return Promise.resolve(this.acquireAvailableNow(request));
  }

  /** SKIP LOCKED, answered at once (the primary's lock table answers worker processes through this). */
  acquireAvailableNow(request: LockRequest): { locked: boolean[]; isStale: boolean } {
    let isStale = false;
    const locked = request.keys.map((bytes) => {
      const key = keyName(bytes);
      if (this.tryGrant(key, request) !== undefined) return false;
      if (this.isReleasedSince(key, request)) isStale = true;
      return true;
    });
    return { locked, isStale };
  }

  /** Grants `key` at once when nobody holds it incompatibly; otherwise returns its entry (to wait on or skip). */
  private tryGrant(key: string, request: LockRequest): LockEntry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.entries.set(key, { holders: new Map([[request.owner, request.mode]]), waiters: [] });
      this.noteHeld(request.owner, key);
      return undefined;
    }
    if (!isCompatible(entry, request.owner, request.mode)) return entry;
    this.grant(entry, key, request.owner, request.mode);
    return undefined;
  }

  /** Another transaction released `key` after the statement's snapshot: what it read may be stale. */
  private isReleasedSince(key: string, request: LockRequest): boolean {
    const released = this.releasedAt.get(key);
    if (released === undefined) return request.statement < this.forgottenBefore;
    return released >= request.statement;
  }

  tryAcquireAll(owner: LockOwnerId, keys: readonly Uint8Array[]): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.tryAcquireAllNow(owner, keys));
  }

  /** tryAcquireAll, answered at once. */
  tryAcquireAllNow(owner: LockOwnerId, keys: readonly Uint8Array[]): Uint8Array | undefined {
    const names = keys.map(keyName);
    for (let i = 0; i < names.length; i++) {
      const entry = this.entries.get(names[i]!);
      if (entry !== undefined && !isCompatible(entry, owner, 'exclusive')) return keys[i];
    }
    for (const key of names) {
      const entry = this.entries.get(key);
      if (entry === undefined) {
        this.entries.set(key, { holders: new Map([[owner, 'exclusive']]), waiters: [] });
        this.noteHeld(owner, key);
      } else {
        this.grant(entry, key, owner, 'exclusive');
      }
    }
    return undefined;
  }

  releaseAll(owner: LockOwnerId): void {
    const pending = this.waitsFor.get(owner);
    if (pending) {
      this.stopWaiting(owner, pending.key, pending.waiter);
      pending.waiter.fail(mysqlError(ER_LOCK_DEADLOCK));
    }
    const keys = this.heldBy.get(owner);
    if (!keys) return;
    this.heldBy.delete(owner);
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      entry.holders.delete(owner);
      this.releasedAt.set(key, this.clock ? this.clock() : this.sequence++);
      this.wakeWaiters(entry, key);
    }
    if (this.releasedAt.size >= PRUNE_RELEASES_AT) this.pruneReleases();
  }

  private wait(entry: LockEntry, key: string, request: LockRequest): Promise<void> {
    if (request.timeoutMs <= 0) return Promise.reject(mysqlError(ER_LOCK_NOWAIT));
    if (this.wouldDeadlock(request.owner, entry)) {
      this.observer?.deadlockDetected();
      return Promise.reject(mysqlError(ER_LOCK_DEADLOCK));
    }
    const signal = request.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const started = this.observer === undefined ? 0 : performance.now();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stopWaiting(request.owner, key, waiter);
        settle('timeout');
        reject(mysqlError(ER_LOCK_WAIT_TIMEOUT));
      }, request.timeoutMs);
      const onAbort = (): void => {
        this.stopWaiting(request.owner, key, waiter);
        settle('killed');
        reject(abortReason(signal!));
      };
      const settle = (result: LockWaitResult): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.observer?.waitEnded(result, performance.now() - started);
      };
      const waiter: Waiter = {
        owner: request.owner,
        mode: request.mode,
        grant: () => {
          settle('granted');
          resolve();
        },
        fail: (error) => {
          settle('aborted');
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.waiters.push(waiter);
      this.waitsFor.set(request.owner, { key, waiter });
    });
  }

  private stopWaiting(owner: LockOwnerId, key: string, waiter: Waiter): void {
    this.waitsFor.delete(owner);
    const entry = this.entries.get(key);
    if (!entry) return;
    const index = entry.waiters.indexOf(waiter);
    if (index >= 0) entry.waiters.splice(index, 1);
    if (entry.holders.size === 0 && entry.waiters.length === 0) this.entries.delete(key);
    else if (index === 0) this.wakeWaiters(entry, key);
  }

  /**
   * Grants waiting upgrades first (a shared holder that wants the lock exclusively would otherwise wait behind a
   * writer that waits for it), then waiters in arrival order while they are compatible with the holders.
   */
  private wakeWaiters(entry: LockEntry, key: string): void {
    for (let i = 0; i < entry.waiters.length; i++) {
      const waiter = entry.waiters[i]!;
      if (!entry.holders.has(waiter.owner) || !isCompatible(entry, waiter.owner, waiter.mode)) continue;
      entry.waiters.splice(i--, 1);
      this.waitsFor.delete(waiter.owner);
      this.grant(entry, key, waiter.owner, waiter.mode);
      waiter.grant();
    }
    while (entry.waiters.length > 0) {
      const next = entry.waiters[0]!;
      if (!isCompatible(entry, next.owner, next.mode)) break;
      entry.waiters.shift();
      this.waitsFor.delete(next.owner);
      this.grant(entry, key, next.owner, next.mode);
      next.grant();
    }
    if (entry.holders.size === 0 && entry.waiters.length === 0) this.entries.delete(key);
  }

  private grant(entry: LockEntry, key: string, owner: LockOwnerId, mode: LockMode): void {
    const held = entry.holders.get(owner);
    if (held !== 'exclusive') entry.holders.set(owner, mode);
    this.noteHeld(owner, key);
  }

  private noteHeld(owner: LockOwnerId, key: string): void {
    let keys = this.heldBy.get(owner);
    if (!keys) this.heldBy.set(owner, (keys = new Set()));
    keys.add(key);
  }

  /** True when some holder of `entry` already waits, directly or through others, for `owner`. */
  private wouldDeadlock(owner: LockOwnerId, entry: LockEntry): boolean {
    const pending: LockOwnerId[] = [];
    for (const holder of entry.holders.keys()) if (holder !== owner) pending.push(holder);
    const seen = new Set<LockOwnerId>();
    while (pending.length > 0) {
      const current = pending.pop()!;
      if (current === owner) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      const waiting = this.waitsFor.get(current);
      if (!waiting) continue;
      const blockers = this.entries.get(waiting.key)?.holders;
      if (blockers) for (const holder of blockers.keys()) if (holder !== current) pending.push(holder);
    }
    return false;
  }

  private pruneReleases(): void {
    if (this.clock) {
      // Keep the newest half; everything older is summed up by `forgottenBefore`.
      const stamps = [...this.releasedAt.values()].sort((a, b) => a - b);
      const cut = stamps[Math.floor(stamps.length / 2)] ?? -Infinity;
      for (const [key, stamp] of this.releasedAt) if (stamp < cut) this.releasedAt.delete(key);
      if (cut > this.forgottenBefore) this.forgottenBefore = cut;
      return;
    }
    let oldest = Infinity;
    for (const statement of this.runningStatements.keys()) if (statement < oldest) oldest = statement;
    for (const [key, sequence] of this.releasedAt) if (sequence < oldest) this.releasedAt.delete(key);
  }
}

/** Whether `owner` may take `mode` on `entry` now (its own holding never blocks it; shared locks share). */
function isCompatible(entry: LockEntry, owner: LockOwnerId, mode: LockMode): boolean {
  for (const [holder, held] of entry.holders) {
    if (holder === owner) continue;
    if (mode === 'exclusive' || held === 'exclusive') return false;
  }
  return true;
}

/** The error an aborted wait fails with: the signal's reason when it is an Error (KILL QUERY gives 1317). */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('lock wait aborted');
}

function keyName(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
