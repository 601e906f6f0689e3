// Status variables for SHOW [GLOBAL|SESSION] STATUS: server counters, per-session counters and pluggable row providers.
import { COM_COUNTERS } from '../../sql/index.js';
import { optionalLikeMatcher } from './like-pattern.js';
import type { ShowRow } from './variable-access.js';

/**
 * The counters TidalDB keeps, with whether each also has a per-session value (SHOW SESSION STATUS shows the
 * session's own count for those, the server's for the others, as MySQL does).
 * See https://dev.mysql.com/doc/refman/8.0/en/server-status-variables.html.
 */
export const STATUS_COUNTERS = [
  { name: 'Aborted_clients', isPerSession: false },
  { name: 'Aborted_connects', isPerSession: false },
  { name: 'Bytes_received', isPerSession: true },
  { name: 'Bytes_sent', isPerSession: true },
  ...COM_COUNTERS.map((name) => ({ name, isPerSession: true })),
  { name: 'Connections', isPerSession: false },
  { name: 'Max_used_connections', isPerSession: false },
  { name: 'Prepared_stmt_count', isPerSession: false },
  { name: 'Queries', isPerSession: true },
  { name: 'Questions', isPerSession: true },
  { name: 'Slow_queries', isPerSession: true },
  { name: 'Threads_connected', isPerSession: false },
  { name: 'Threads_running', isPerSession: false },
] as const;

/** The name of one counter, e.g. `Com_select`. */
export type StatusCounterName = (typeof STATUS_COUNTERS)[number]['name'];

/** Which SHOW STATUS is being answered. */
export type StatusScope = 'global' | 'session';

/** A status value; numbers print in decimal. */
export type StatusValue = string | number | bigint;

/**
 * Rows a subsystem contributes to SHOW STATUS, computed at each call: the TLS code provides Ssl_* (server-wide
 * counters for 'global'; a session-level provider gives the connection's own Ssl_cipher and Ssl_version).
 */
export type StatusProvider = (scope: StatusScope) => Iterable<readonly [string, StatusValue]>;

const MILLISECONDS_PER_SECOND = 1000;
const perSessionCounters: ReadonlySet<string> = new Set(
  STATUS_COUNTERS.filter((c) => c.isPerSession).map((c) => c.name),
);

/** The server's status registry: global counters, Uptime, and providers; one per server. */
export class StatusVariables {
  readonly #counters = new Map<string, number>(STATUS_COUNTERS.map((counter) => [counter.name, 0]));
  readonly #providers = new Set<StatusProvider>();
  /** Counters kept elsewhere (the TLS handshake counts), summed across processes like the registry's own. */
  readonly #counterProviders = new Set<() => Iterable<readonly [string, number]>>();
  /** The counters of the server's other processes (max-procs > 1) as last gathered; summed into what SHOW shows. */
  #peerCounters: ReadonlyArray<ReadonlyArray<readonly [string, number]>> = [];
  #gatherPeers: (() => Promise<ReadonlyArray<ReadonlyArray<readonly [string, number]>>>) | undefined;
  readonly #now: () => number;
  readonly #startedAt: number;
  #flushedAt: number;

  /** `now` is a millisecond clock (Date.now by default), replaceable in tests. */
  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#startedAt = this.#now();
    this.#flushedAt = this.#startedAt;
  }

  /** Adds `by` to a server counter (Connections, Aborted_connects, …). Per-session counters go through SessionStatus. */
  increment(name: StatusCounterName, by = 1): void {
    this.#counters.set(name, (this.#counters.get(name) ?? 0) + by);
  }

  /** Sets a gauge (Threads_connected, Max_used_connections, Prepared_stmt_count). */
  set(name: StatusCounterName, value: number): void {
    this.#counters.set(name, value);
  }

  /** The server-wide value of a counter. */
  get(name: StatusCounterName): number {
    return this.#counters.get(name) ?? 0;
  }

  /** This process's own counters, for the server's other processes to sum. */
  ownCounters(): Array<readonly [string, number]> {
    const counters: Array<readonly [string, number]> = [...this.#counters];
    for (const provider of this.#counterProviders) counters.push(...provider());
    return counters;
  }

  /**
   * With several server processes: `gather` asks the others for their counters (see ownCounters), which SHOW
   * STATUS then sums with this process's own, so that the counters are the whole server's.
   */
  attachPeers(gather: () => Promise<ReadonlyArray<ReadonlyArray<readonly [string, number]>>>): void {
    this.#gatherPeers = gather;
  }

  /** Whether other server processes' counters are summed in (see attachPeers). */
  get hasPeers(): boolean {
    return this.#gatherPeers !== undefined;
  }

  /** Brings the other processes' counters up to date; before the statements that read status. */
  async refreshPeers(): Promise<void> {
    if (this.#gatherPeers) this.#peerCounters = await this.#gatherPeers();
  }

  /** Registers counters kept outside the registry, which SHOW STATUS sums over the server's processes. */
  addCounters(provider: () => Iterable<readonly [string, number]>): void {
    this.#counterProviders.add(provider);
  }

  /** Registers rows computed at each SHOW STATUS (e.g. the TLS context's Ssl_*); returns the unregister function. */
  addProvider(provider: StatusProvider): () => void {
    this.#providers.add(provider);
    return () => this.#providers.delete(provider);
  }

  /** A session's counters, also counted into this registry. */
  createSession(): SessionStatus {
    return new SessionStatus(this);
  }

  /** FLUSH STATUS: restarts Uptime_since_flush_status. */
  flush(): void {
    this.#flushedAt = this.#now();
  }

  /**
   * SHOW [GLOBAL|SESSION] STATUS [LIKE pattern], sorted by name ignoring case. For 'session', pass the session:
   * its per-session counters and its own providers' rows replace the global ones.
   */
  list(scope: StatusScope, likePattern?: string, session?: SessionStatus): ShowRow[] {
    const values = new Map<string, StatusValue>(this.ownCounters());
    for (const counters of this.#peerCounters) {
      for (const [name, value] of counters) values.set(name, Number(values.get(name) ?? 0) + value);
    }
    const uptimeSeconds = (since: number): number => Math.floor((this.#now() - since) / MILLISECONDS_PER_SECOND);
    values.set('Uptime', uptimeSeconds(this.#startedAt));
    values.set('Uptime_since_flush_status', uptimeSeconds(this.#flushedAt));
    for (const provider of this.#providers) addRows(values, provider(scope));
    if (scope === 'session' && session !== undefined) {
      for (const name of perSessionCounters) values.set(name, session.get(name as StatusCounterName));
      for (const provider of session.providers()) addRows(values, provider(scope));
    }
    const matches = optionalLikeMatcher(likePattern);
    return [...values]
      .filter(([name]) => matches(name))
      .sort(([a], [b]) => compareIgnoringCase(a, b))
      .map(([name, value]): ShowRow => [name, String(value)]);
  }
}

/** One session's status: its own counts of the per-session counters, and connection-level providers. */
export class SessionStatus {
  readonly #registry: StatusVariables;
  readonly #counters = new Map<string, number>();
  readonly #providers = new Set<StatusProvider>();
  /** ROW_COUNT(): the previous statement's affected rows, -1 when it returned rows. */
  lastRowCount = 0n;
  /** FOUND_ROWS(): how many rows the last statement that returned rows sent. */
  lastFoundRows = 0n;

  constructor(registry: StatusVariables) {
    this.#registry = registry;
  }

  /** Adds `by` to the session's count (for per-session counters) and to the server's. */
  increment(name: StatusCounterName, by = 1): void {
    if (perSessionCounters.has(name)) this.#counters.set(name, (this.#counters.get(name) ?? 0) + by);
    this.#registry.increment(name, by);
  }

  /** The session's count of a per-session counter; the server's value for the others. */
  get(name: StatusCounterName): number {
    return perSessionCounters.has(name) ? (this.#counters.get(name) ?? 0) : this.#registry.get(name);
  }

  /** Records a finished statement for ROW_COUNT(): its affected rows, or undefined when it returned rows (-1). */
  recordStatement(affectedRows: bigint | undefined): void {
    this.lastRowCount = affectedRows ?? -1n;
  }

  /** Registers connection-level rows (this connection's Ssl_cipher); returns the unregister function. */
  addProvider(provider: StatusProvider): () => void {
    this.#providers.add(provider);
    return () => this.#providers.delete(provider);
  }

  /** The connection-level providers. */
  providers(): Iterable<StatusProvider> {
    return this.#providers;
  }

  /** SHOW [SESSION] STATUS [LIKE pattern] for this session. */
  list(likePattern?: string): ShowRow[] {
    return this.#registry.list('session', likePattern, this);
  }
}

function addRows(values: Map<string, StatusValue>, rows: Iterable<readonly [string, StatusValue]>): void {
  for (const [name, value] of rows) values.set(name, value);
}

/** MySQL sorts status names case-insensitively. */
function compareIgnoringCase(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
