// RemoteUserLockManager: a worker process's GET_LOCK family, answered by the one table of named locks the primary
// keeps, so that a name is exclusive across every worker.
import type { UserLockOutcome } from '../../sql/index.js';
import type { UserLockManager, UserLockOwner } from '../locks/user-lock-manager.js';
import type { ClusterRpc } from './cluster-rpc.js';

/** Owners are connection ids, unique server-wide (see ConnectionIds), so the primary needs no mapping. */
export class RemoteUserLockManager implements UserLockManager {
  private lastRequest = 0;

  constructor(private readonly rpc: ClusterRpc) {}

  acquire(owner: UserLockOwner, name: string, timeoutMs: number | undefined, signal: AbortSignal | undefined): Promise<UserLockOutcome> {
    const requestId = ++this.lastRequest;
    const answer = this.rpc.request<UserLockOutcome>('userlock.acquire', { requestId, owner, name, timeoutMs: timeoutMs ?? null });
    if (signal === undefined) return answer;
    // The primary ends the wait and answers 'interrupted' (or 'acquired' if it granted first: the hold then stands).
    const onAbort = (): void => this.rpc.notify('userlock.cancel', { requestId });
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    return answer.finally(() => signal.removeEventListener('abort', onAbort));
  }

  release(owner: UserLockOwner, name: string): Promise<'released' | 'not-owner' | 'free'> {
    return this.rpc.request('userlock.release', { owner, name });
  }

  releaseAll(owner: UserLockOwner): Promise<number> {
    return this.rpc.request('userlock.releaseAll', { owner });
  }

  async holderOf(name: string): Promise<UserLockOwner | undefined> {
    return (await this.rpc.request<UserLockOwner | null>('userlock.holderOf', { name })) ?? undefined;
  }
}
