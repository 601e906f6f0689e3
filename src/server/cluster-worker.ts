// The worker side of a server run as several processes (max-procs > 1): the store read locally with commits sent
// to the primary, and the events and questions of the other workers taken in.
import type { ServerConfig } from '../config/index.js';
import { storeLocation } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import type { ServerMetrics } from '../observability/server-metrics.js';
import { LmdbMemberEngine, openKvEngine } from '../storage/index.js';
import type { KvEngine } from '../storage/kv.js';
import type { SqlEngine } from '../sql/index.js';
import type { ClusterMember } from '../session/cluster/cluster-member.js';
import type { ServerEvent } from '../session/cluster/server-events.js';
import type { InstanceControl } from '../session/instance-control.js';
import { DEFAULT_VALUE } from '../session/variables/index.js';
import type { GlobalVariables, StatusVariables } from '../session/variables/index.js';
import type { Sha2PasswordCache } from './sha2-password-cache.js';

/** A worker's store: an LMDB directory is read here and committed through the primary; etcd admits its own. */
export function openWorkerStore(config: ServerConfig, logger: Logger, member: ClusterMember): Promise<KvEngine> {
  const location = storeLocation(config);
  if (location.kind === 'lmdb') return LmdbMemberEngine.open(location.directory, member.commits);
  return openKvEngine(location, logger);
}

/** What a worker changes when another worker tells it of a change. */
export interface WorkerState {
  readonly sql: SqlEngine;
  readonly globals: GlobalVariables;
  readonly status: StatusVariables;
  readonly tls: InstanceControl;
  readonly sha2Cache: Sha2PasswordCache;
  readonly logger: Logger;
}

/** /metrics on any worker adds up every worker's metrics (each answers the others with its own). */
export function shareMetrics(member: ClusterMember, metrics: ServerMetrics): void {
  member.peers.answer('metrics', () => metrics.ownMetrics());
  metrics.attachPeers(() => member.peers.gather('metrics', undefined));
}

/** Applies the other workers' changes here before the statement that made them answers (see ServerEvents). */
export function applyClusterEvents(member: ClusterMember, state: WorkerState): void {
  member.events.subscribe((event) => applyEvent(event, state));
  member.peers.answer('status', () => state.status.ownCounters());
  state.status.attachPeers(() => member.peers.gather('status', undefined));
}

/** Takes in one change another process (or SQL node) made. */
export async function applyEvent(event: ServerEvent, state: WorkerState): Promise<void> {
  switch (event.kind) {
    case 'schema-changed':
      await state.sql.reloadSchema();
      return;
    case 'accounts-changed':
      await state.sql.accounts.reload();
      return;
    case 'global-variable-set':
      state.globals.set(event.name, typeof event.value === 'object' && event.value !== null ? DEFAULT_VALUE : event.value);
      return;
    case 'tls-reload':
      for (const warning of state.tls.reloadTls(event.noRollbackOnError)) state.logger.warn(`TLS reload told by another worker: ${warning.message}`);
      return;
    case 'status-flushed':
      state.status.flush();
      return;
    case 'sha2-password-cached':
      state.sha2Cache.take(event);
      return;
    case 'failed-logins':
      state.sql.accounts.failedLogins.take(event);
      return;
  }
}

/** ALTER INSTANCE RELOAD TLS: reloads here, then tells the other workers (their file watchers also see rotations). */
export function clusterInstanceControl(local: InstanceControl, member: ClusterMember, logger: Logger): InstanceControl {
  return {
    reloadTls: (noRollbackOnError) => {
      const warnings = local.reloadTls(noRollbackOnError);
      member.events.publish({ kind: 'tls-reload', noRollbackOnError }).catch((error: unknown) =>
        logger.warn('could not tell the other workers to reload TLS', { err: error instanceof Error ? error : new Error(String(error)) }),
      );
      return warnings;
    },
  };
}
