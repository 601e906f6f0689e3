// RemoteCommitAdmission: a worker process's CommitAdmission: its commits go to the primary, which owns the data
// directory's commit oracle (see storage/commit-admission.ts).
import type { CommitAdmission } from '../../storage/commit-admission.js';
import type { CommitRequest, CommitResult } from '../../storage/kv.js';
import type { ClusterRpc } from './cluster-rpc.js';

export class RemoteCommitAdmission implements CommitAdmission {
  constructor(private readonly rpc: ClusterRpc) {}

  commit(request: CommitRequest, floor: bigint): Promise<CommitResult> {
    return this.rpc.request('kv.commit', { request, floor });
  }

  reportFloor(floor: bigint): void {
    this.rpc.notify('kv.floor', { floor });
  }
}
