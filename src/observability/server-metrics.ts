// ServerMetrics: the Prometheus registry of the status port's /metrics, built on prom-client. Hot paths (statements,
// KV reads, lock waits) update pre-bound children or plain numbers; everything the server already counts is read
// only when Prometheus scrapes.
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { KvCounters } from './observed-kv-engine.js';
import type { StatementRecord } from './statement-record.js';
import { StatementStats } from './statement-stats.js';

/** Latency buckets in seconds, from a point get to a minutes-long report. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Lock waits last from a moment to innodb_lock_wait_timeout (50 s by default). */
const LOCK_WAIT_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 50];

/** One live connection's transport: TLS version and cipher, or '' for a plain connection. */
export interface ConnectionTransport {
  readonly tlsVersion: string;
  readonly cipher: string;
}

/** One certificate in force, for the not-after gauge. */
export interface CertificateInForce {
  /** `server`, `server-alt`, `ca`, `cluster`, `cluster-ca`. */
  readonly role: string;
  readonly file: string;
  readonly subject: string;
  readonly notAfter: Date;
}

/** TLS handshake counts since the server started. */
export interface TlsHandshakeCounts {
  readonly started: number;
  readonly finished: number;
  readonly resumed: number;
  /** Failures by kind (`timeout`, `client-closed`, `certificate-refused`, `protocol`) and reason. */
  readonly failures: Iterable<{ readonly kind: string; readonly reason: string; readonly count: number }>;
}

/** What the server already knows, read at every scrape. */
export interface MetricsSources {
  connections(): Iterable<ConnectionTransport>;
  /** Connections accepted since start (the Connections status variable). */
  connectionsAccepted(): number;
  tlsHandshakes(): TlsHandshakeCounts;
  certificates(): Iterable<CertificateInForce>;
  /** Row-lock requests waiting right now. */
  lockWaiters(): number;
}

/** How a lock wait ended, as the lock manager reports it. */
export type LockWaitResult = 'granted' | 'timeout' | 'killed' | 'aborted';

/** Names and help texts are documented in README.md ("Metrics"). */
export class ServerMetrics {
  readonly registry = new Registry();
  private gatherPeers: (() => Promise<unknown[]>) | undefined;
  /** KV traffic, counted by the ObservedKvEngine and read at scrape time. */
  readonly kv: KvCounters = { readKeys: 0, readBytes: 0, writeKeys: 0, writeBytes: 0, commits: 0, conflicts: 0, commitErrors: 0 };
  /** Statements by type: plain numbers on the hot path, rendered at scrape time. */
  private readonly statements = new StatementStats(LATENCY_BUCKETS);
  private readonly slowQueries: Counter;
  private readonly transactions: Counter<'type'>;
  private readonly lockWaits: Counter<'result'>;
  private readonly lockWaitSeconds: Histogram;
  private readonly deadlocks: Counter;
  private readonly commitSeconds: Histogram;

  constructor(sources: MetricsSources, info: { readonly version: string; readonly gitHash: string }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({ name: 'tidal_server_info', help: 'Version and git hash of this server (value 1).', labelNames: ['version', 'git_hash'], aggregator: 'first', registers }).set({ version: info.version, git_hash: info.gitHash }, 1);
    this.statements.register(this.registry);
    this.slowQueries = new Counter({ name: 'tidal_server_slow_query_total', help: 'Statements that reached tidb_slow_log_threshold (Slow_queries).', registers });
    this.transactions = new Counter({ name: 'tidal_session_transaction_total', help: 'Explicit COMMIT and ROLLBACK statements that succeeded.', labelNames: ['type'], registers });
    this.lockWaits = new Counter({ name: 'tidal_lock_wait_total', help: 'Row-lock requests that had to wait, by how the wait ended.', labelNames: ['result'], registers });
    this.lockWaitSeconds = new Histogram({ name: 'tidal_lock_wait_duration_seconds', help: 'How long row-lock requests waited.', buckets: LOCK_WAIT_BUCKETS, registers });
    this.deadlocks = new Counter({ name: 'tidal_deadlock_total', help: 'Deadlocks detected (each rolls back one transaction with error 1213).', registers });
    this.commitSeconds = new Histogram({ name: 'tidal_kv_commit_duration_seconds', help: 'Durable commits of write transactions to the store.', buckets: LATENCY_BUCKETS, registers });
    this.registerPulled(sources, registers);
  }

  /** Counts a finished statement (called for every statement: a Map lookup and a few additions). */
  recordStatement(record: StatementRecord, isSlow: boolean): void {
    const isError = record.errorCode !== undefined;
    this.statements.record(record.type, isError, record.latencyMs / 1000);
    if (!isError && (record.type === 'Commit' || record.type === 'Rollback')) this.transactions.inc({ type: record.type.toLowerCase() });
    if (isSlow) this.slowQueries.inc();
  }

  /** A row-lock wait ended (the lock manager's LockObserver.waitEnded). */
  waitEnded(result: LockWaitResult, waitedMs: number): void {
    this.lockWaits.inc({ result });
    this.lockWaitSeconds.observe(waitedMs / 1000);
  }

  /** The lock manager's LockObserver.deadlockDetected. */
  deadlockDetected(): void {
    this.deadlocks.inc();
  }

  recordCommit(durationMs: number): void {
    this.commitSeconds.observe(durationMs / 1000);
  }

  /** Statements run so far by type, with how many failed (for the dashboard). */
  queryCounts(): Map<string, { readonly ok: number; readonly error: number }> {
    return this.statements.counts();
  }

  /** The latency histogram over all statement types: cumulative counts per upper bound in seconds (-1: +Inf). */
  latencyBuckets(): { readonly bounds: number[]; readonly counts: number[] } {
    return this.statements.overallBuckets();
  }

  /**
   * With several server processes: `gather` asks the others for their metrics (see ownMetrics), which /metrics then
   * adds up with this process's own, as prom-client's AggregatorRegistry does for node:cluster.
   */
  attachPeers(gather: () => Promise<unknown[]>): void {
    this.gatherPeers = gather;
  }

  /** This process's metrics, for the server's other processes to add up. */
  ownMetrics(): Promise<unknown> {
    return this.registry.getMetricsAsJSON();
  }

  /** The Prometheus text exposition of every metric (the whole server's). */
  async exposition(): Promise<string> {
    if (this.gatherPeers === undefined) return this.registry.metrics();
    const [own, others] = await Promise.all([this.registry.getMetricsAsJSON(), this.gatherPeers()]);
    return AggregatorRegistry.aggregate([own, ...others.filter((metrics): metrics is object => typeof metrics === 'object' && metrics !== null)]).metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private registerPulled(sources: MetricsSources, registers: Registry[]): void {
    const kv = this.kv;
    new Gauge({
      name: 'tidal_server_connections',
      help: 'Open client connections, by transport (plain, or the TLS version) and TLS cipher.',
      labelNames: ['transport', 'cipher'],
      registers,
      collect() {
        this.reset();
        const counts = new Map<string, { transport: string; cipher: string; count: number }>();
        for (const connection of sources.connections()) {
          const transport = connection.tlsVersion === '' ? 'plain' : connection.tlsVersion;
          const key = `${transport}\u0000${connection.cipher}`;
          const entry = counts.get(key) ?? { transport, cipher: connection.cipher, count: 0 };
          entry.count++;
          counts.set(key, entry);
        }
        for (const entry of counts.values()) this.set({ transport: entry.transport, cipher: entry.cipher }, entry.count);
      },
    });
    pulledCounter(registers, 'tidal_server_connections_accepted_total', 'Client connections accepted since start.', () => sources.connectionsAccepted());
    new Counter({
      name: 'tidal_tls_handshake_total',
      help: 'TLS handshakes by outcome: started, finished (accepted) and resumed (session reuse).',
      labelNames: ['result'],
      registers,
      collect() {
        const counts = sources.tlsHandshakes();
        this.reset();
        this.inc({ result: 'started' }, counts.started);
        this.inc({ result: 'finished' }, counts.finished);
        this.inc({ result: 'resumed' }, counts.resumed);
      },
    });
    new Counter({
      name: 'tidal_tls_handshake_failure_total',
      help: 'Failed TLS handshakes by kind (timeout, client-closed, certificate-refused, protocol) and reason.',
      labelNames: ['kind', 'reason'],
      registers,
      collect() {
        this.reset();
        for (const failure of sources.tlsHandshakes().failures) this.inc({ kind: failure.kind, reason: failure.reason }, failure.count);
      },
    });
    new Gauge({
      name: 'tidal_tls_certificate_not_after_seconds',
      help: 'Expiry (notAfter, Unix seconds) of each certificate in force, by role, file and subject.',
      labelNames: ['role', 'file', 'subject'],
      // Every process of the server serves the same files: a date, not a count.
      aggregator: 'first',
      registers,
      collect() {
        this.reset();
        for (const certificate of sources.certificates()) {
          this.set({ role: certificate.role, file: certificate.file, subject: certificate.subject }, Math.floor(certificate.notAfter.getTime() / 1000));
        }
      },
    });
    new Gauge({ name: 'tidal_lock_waiting', help: 'Row-lock requests waiting now.', registers, collect() { this.set(sources.lockWaiters()); } });
    pulledCounter(registers, 'tidal_kv_read_keys_total', 'Key-value pairs read from the store.', () => kv.readKeys);
    pulledCounter(registers, 'tidal_kv_read_bytes_total', 'Bytes of keys and values read from the store (values only, for scans that need no keys).', () => kv.readBytes);
    pulledCounter(registers, 'tidal_kv_write_keys_total', 'Keys written (put or deleted) by commits.', () => kv.writeKeys);
    pulledCounter(registers, 'tidal_kv_write_bytes_total', 'Bytes of keys and values written by commits.', () => kv.writeBytes);
    new Counter({
      name: 'tidal_kv_commit_total',
      help: 'Commits of write transactions to the store, by result: ok, conflict (write conflict, 9007) or error.',
      labelNames: ['result'],
      registers,
      collect() {
        this.reset();
        this.inc({ result: 'ok' }, kv.commits);
        this.inc({ result: 'conflict' }, kv.conflicts);
        this.inc({ result: 'error' }, kv.commitErrors);
      },
    });
  }
}

/** A counter whose value something else keeps: read at each scrape. */
function pulledCounter(registers: Registry[], name: string, help: string, read: () => number): void {
  new Counter({
    name,
    help,
    registers,
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}
