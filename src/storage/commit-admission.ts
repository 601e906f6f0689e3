// CommitAdmission: the door to the one place that admits commits when several processes share a store.
//
// With an embedded store (LMDB) shared by worker processes, reads are local (memory-mapped) but the conflict check
// and the commit version must come from one place, as TiKV's commits take their versions from PD's timestamp
// oracle: one process owns admission (the engine with the commit oracle) and the others send it their commits.
// An etcd store needs none of this: etcd itself checks and orders commits for every node.
import type { CommitRequest, CommitResult } from './kv.js';

/**
 * Admits commits on behalf of a process that reads the store itself. `floor` is a lower bound of every snapshot
 * version the sending process has open or will open (the oldest open one, else the newest version it has seen):
 * the admitting side forgets conflict records at or below every member's floor, so each member must report a floor
 * that never goes down.
 */
export interface CommitAdmission {
  /** Checks and applies `request` durably (KvEngine.commit's contract); rejects with WriteConflictError on conflict. */
  commit(request: CommitRequest, floor: bigint): Promise<CommitResult>;
  /** Reports the floor without committing (a member that only reads), so that conflict records can be forgotten. */
  reportFloor(floor: bigint): void;
}
