// RemoteRowLockManager: a worker process's RowLockManager: every request goes to the one lock table the primary
// keeps (ClusterCoordinator), so waits, NOWAIT, SKIP LOCKED, deadlock detection and timeouts span all workers.
import type { LockMode } from '../../sql/index.js';
import type { LockGrant, LockOwnerId, LockRequest, RowLockManager } from '../locks/row-lock-manager.js';
import type { ClusterRpc } from './cluster-rpc.js';
import { sharedClockMicros } from './shared-clock.js';

/** A lock request as it crosses to the primary (no signal: a KILL sends `rowlock.cancel` instead). */
export interface WireLockRequest {
  readonly requestId: number;
  readonly owner: LockOwnerId;
  readonly keys: readonly Uint8Array[];
  readonly mode: LockMode;
  readonly timeoutMs: number;
  readonly statement: number;
}

/**
 * Owner ids are this worker's own (the primary maps them per worker). Statement tokens are readings of the shared
 * monotonic clock (see sharedClockMicros), which the primary's lock table also stamps releases with: no round trip
 * to begin a statement. Only locking statements pay round trips; plain reads never reach this class, and neither do
 * requests for keys the owner already holds exclusively (SELECT … FOR UPDATE then UPDATE, DELETE then INSERT of one
 * row): a held lock stays until releaseAll, so such a request is granted and cannot be stale (nobody else released
 * the key since the statement began).
 */
export class RemoteRowLockManager implements RowLockManager {
  private lastOwner = 0;
  private lastRequest = 0;
  private waiting = 0;
  /** The keys (latin1 strings) each live owner of this worker was granted exclusively; dropped by releaseAll. */
  private readonly exclusiveKeys = new Map<LockOwnerId, Set<string>>();

  constructor(private readonly rpc: ClusterRpc) {}

  get waitingCount(): number {
    return this.waiting;
  }

  newOwner(): LockOwnerId {
    const owner = ++this.lastOwner;
    this.exclusiveKeys.set(owner, new Set());
    return owner;
  }

  beginStatement(): number {
    return sharedClockMicros();
  }

  endStatement(): void {}

  async acquire(request: LockRequest): Promise<LockGrant> {
    if (this.holdsExclusively(request.owner, request.keys)) return NOT_STALE;
    const grant = await this.acquireRemote(request);
    // An owner released while its request was on the way (its session closed) is not written down again.
    const held = request.mode === 'exclusive' ? this.exclusiveKeys.get(request.owner) : undefined;
    if (held !== undefined) for (const key of request.keys) held.add(keyName(key));
    return grant;
  }

  private holdsExclusively(owner: LockOwnerId, keys: readonly Uint8Array[]): boolean {
    const held = this.exclusiveKeys.get(owner);
    if (held === undefined) return false;
    for (const key of keys) if (!held.has(keyName(key))) return false;
    return true;
  }

  private async acquireRemote(request: LockRequest): Promise<LockGrant> {
    const signal = request.signal;
    const requestId = ++this.lastRequest;
    const wire: WireLockRequest = { requestId, owner: request.owner, keys: request.keys, mode: request.mode, timeoutMs: request.timeoutMs, statement: request.statement };
    const answer = this.rpc.request<LockGrant>('rowlock.acquire', wire);
    if (signal === undefined) return this.counted(answer);
    return this.counted(
      new Promise<LockGrant>((resolve, reject) => {
        const onAbort = (): void => {
          // The primary stops the wait (or, if it granted meanwhile, the keys stay held until releaseAll, as the
          // contract says of keys granted before an abort).
          this.rpc.notify('rowlock.cancel', { requestId });
          reject(abortReason(signal));
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
        answer.then(
          (grant) => {
            signal.removeEventListener('abort', onAbort);
            resolve(grant);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }),
    );
  }

  acquireAvailable(request: LockRequest): Promise<{ readonly locked: readonly boolean[]; readonly isStale: boolean }> {
    const wire: WireLockRequest = { requestId: ++this.lastRequest, owner: request.owner, keys: request.keys, mode: request.mode, timeoutMs: 0, statement: request.statement };
    return this.rpc.request('rowlock.acquireAvailable', wire);
  }

  async tryAcquireAll(owner: LockOwnerId, keys: readonly Uint8Array[]): Promise<Uint8Array | undefined> {
    const held = await this.rpc.request<Uint8Array | null>('rowlock.tryAcquireAll', { owner, keys });
    return held ?? undefined;
  }

  releaseAll(owner: LockOwnerId): void {
    this.exclusiveKeys.delete(owner);
    this.rpc.notify('rowlock.releaseAll', { owner });
  }

  private async counted(answer: Promise<LockGrant>): Promise<LockGrant> {
    this.waiting++;
    try {
      return await answer;
    } finally {
      this.waiting--;
    }
  }
}

const NOT_STALE: LockGrant = { isStale: false };

function keyName(key: Uint8Array): string {
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('latin1');
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('lock wait aborted');
}
