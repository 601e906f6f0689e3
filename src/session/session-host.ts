// SessionHost: what the server gives every session: the SQL engine, the KV store and the status registry.
import type { KvEngine } from '../storage/kv.js';
import type { SqlEngine } from '../sql/index.js';
import type { InstanceControl } from './instance-control.js';
import type { RowLockManager } from './locks/row-lock-manager.js';
import type { StatusVariables } from './variables/index.js';

/** Server-wide services shared by all sessions. */
export interface SessionHost {
  readonly sql: SqlEngine;
  readonly kv: KvEngine;
  /** SHOW STATUS counters and providers (Uptime, Connections, Ssl_accepts, …). */
  readonly status: StatusVariables;
  /** Row locks of pessimistic transactions, shared by every session. */
  readonly locks: RowLockManager;
  /** ALTER INSTANCE actions; absent in hosts without a server (tests), where they are not supported. */
  readonly instance?: InstanceControl;
}
