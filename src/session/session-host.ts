// SessionHost: what the server gives every session: the SQL engine, the KV store and the status registry.
import type { KvEngine } from '../storage/kv.js';
import type { StatementObserver } from '../observability/statement-observer.js';
import type { SqlEngine } from '../sql/index.js';
import type { InstanceControl } from './instance-control.js';
import type { RowLockManager } from './locks/row-lock-manager.js';
import type { UserLockManager } from './locks/user-lock-manager.js';
import type { ServerEvents } from './cluster/server-events.js';
import type { StatusVariables } from './variables/index.js';

/** Server-wide services shared by all sessions. */
export interface SessionHost {
  readonly sql: SqlEngine;
  readonly kv: KvEngine;
  /** SHOW STATUS counters and providers (Uptime, Connections, Ssl_accepts, …). */
  readonly status: StatusVariables;
  /** Row locks of pessimistic transactions, shared by every session. */
  readonly locks: RowLockManager;
  /** GET_LOCK()'s named locks, shared by every session. */
  readonly userLocks: UserLockManager;
  /** ALTER INSTANCE actions; absent in hosts without a server (tests), where they are not supported. */
  readonly instance?: InstanceControl;
  /** The server's connections, for PROCESSLIST and KILL; absent where there is no server (tools, tests). */
  readonly processes?: ProcessList;
  /** Finished statements: the statement summary and the slow query log behind information_schema; absent in tests. */
  readonly observer?: StatementObserver;
  /**
   * The other processes of the server (max-procs > 1): a statement that changed the schema or accounts tells them
   * and waits until they have taken it in before it answers. Absent with one process.
   */
  readonly events?: ServerEvents;
}

/** One connection as SHOW PROCESSLIST shows it. */
export interface ProcessInfo {
  readonly id: number;
  readonly user: string;
  readonly host: string;
  readonly db: string | undefined;
  /** `Sleep`, `Query`, `Execute`, … */
  readonly command: string;
  /** Seconds in the current command (or idle). */
  readonly time: number;
  readonly state: string;
  /** The statement text being run, or undefined when idle. */
  readonly info: string | undefined;
  /** `TLSv1.3 TLS_AES_256_GCM_SHA384`, or '' for a plain connection. */
  readonly tls: string;
}

/** The server's live connections. */
export interface ProcessList {
  list(): ProcessInfo[];
  /** One connection, or undefined when there is none with that id (or it has not logged in). */
  find(id: number): ProcessInfo | undefined;
  /** KILL [QUERY] id: false when there is no such connection. */
  kill(id: number, isQueryOnly: boolean): boolean | Promise<boolean>;
  /**
   * With several server processes: brings what `list` and `find` tell of the other processes' connections up to
   * date. Called before the statements that read the process list (SHOW PROCESSLIST, KILL, information_schema).
   */
  refresh?(): Promise<void>;
  /**
   * information_schema.CLUSTER_PROCESSLIST: every node's connections with the node's `host:port`, as of the last
   * refresh. Absent on a server that is not one node of several: then it is `list()` under this server's name.
   */
  clusterList?(): ReadonlyArray<{ readonly instance: string; readonly process: ProcessInfo }>;
}
