// chooseRowLocks / chooseUserLocks: which lock managers a server (or one worker of several) uses for its store.
import type { ClusterMember } from '../session/cluster/cluster-member.js';
import { EtcdRowLockManager } from '../session/locks/etcd-row-lock-manager.js';
import { EtcdUserLockManager } from '../session/locks/etcd-user-lock-manager.js';
import { LocalRowLockManager } from '../session/locks/local-row-lock-manager.js';
import { LocalUserLockManager } from '../session/locks/local-user-lock-manager.js';
import type { LockObserver, RowLockManager } from '../session/locks/row-lock-manager.js';
import type { UserLockManager } from '../session/locks/user-lock-manager.js';
import { etcdCoordinationOf } from '../storage/index.js';
import type { KvEngine } from '../storage/index.js';

/**
 * On etcd the locks live in etcd, shared by every node and by every worker process of a node (each worker takes its
 * own locks there, as another node would: the primary's lock table is not used). On LMDB a single process keeps
 * them in memory and the workers of max-procs > 1 ask the primary. The etcd managers close with the engine.
 */
export function chooseRowLocks(engine: KvEngine, member: ClusterMember | undefined, observer: LockObserver | undefined): RowLockManager {
  const etcd = etcdCoordinationOf(engine);
  if (etcd !== undefined) return new EtcdRowLockManager(etcd, observer);
  return member?.locks ?? new LocalRowLockManager(observer);
}

/** GET_LOCK names: in etcd (a lock manager of their own, owners being connection ids), else as row locks are. */
export function chooseUserLocks(engine: KvEngine, member: ClusterMember | undefined): UserLockManager {
  const etcd = etcdCoordinationOf(engine);
  if (etcd !== undefined) return new EtcdUserLockManager(new EtcdRowLockManager(etcd));
  return member?.userLocks ?? new LocalUserLockManager();
}
