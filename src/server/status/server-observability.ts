// ServerObservability: builds and owns what watches the server: the statement observer (statement summary, slow
// query log, metrics), the counting KV wrapper and lock observer behind the metrics, and the status port.
import { join } from 'node:path';
import type { ServerConfig } from '../../config/index.js';
import { gitHash, packageInfo } from '../../config/index.js';
import { createRateLimitedLogger } from '../../logging/index.js';
import type { Logger, LogRotation, RateLimitedLogger } from '../../logging/index.js';
import { ObservedKvEngine } from '../../observability/observed-kv-engine.js';
import { ServerMetrics } from '../../observability/server-metrics.js';
import type { MetricsSources } from '../../observability/server-metrics.js';
import { SlowQueryLog } from '../../observability/slow-query-log.js';
import { StatementObserver } from '../../observability/statement-observer.js';
import { StatementSummary } from '../../observability/statement-summary.js';
import type { LockObserver } from '../../session/locks/row-lock-manager.js';
import type { GlobalVariables } from '../../session/variables/index.js';
import type { KvEngine } from '../../storage/kv.js';
import { loadClusterTls } from './cluster-tls.js';
import type { ClusterTls } from './cluster-tls.js';
import { loadDashboardAssets } from './dashboard-assets.js';
import { dashboardData } from './dashboard-data.js';
import { StatusServer } from './status-server.js';
import type { StatusBody } from './status-server.js';

/** TiDB's default slow log name, in the data directory when slow-query-file is not set. */
const DEFAULT_SLOW_LOG_NAME = 'tidb-slow.log';
const BYTES_PER_MB = 1024 * 1024;
const MS_PER_SECOND = 1000;
/** At most this many slow-log write failures a minute reach the server log. */
const SLOW_LOG_FAILURE_RATE = { limit: 5, intervalMs: 60_000 };

/** The log rotation of `[log.file]`, applied to the server log and the slow query log alike (as TiDB does). */
export function logRotation(config: ServerConfig): LogRotation {
  const file = config.log.file;
  return { maxSizeBytes: file.maxSize * BYTES_PER_MB, maxDays: file.maxDays, maxBackups: file.maxBackups };
}

export class ServerObservability {
  readonly observer: StatementObserver;
  /** Present while the status port is on (`report-status`): metrics cost nothing when nobody can read them. */
  readonly metrics: ServerMetrics | undefined;
  /** The commit this server runs from (TiDB's git_hash), or 'None'. */
  readonly gitHash = gitHash(packageInfo().root);
  private sources: MetricsSources | undefined;
  private statusServer: StatusServer | undefined;
  private isShuttingDown = false;

  private constructor(
    private readonly config: ServerConfig,
    private readonly logger: Logger,
    private clusterTls: ClusterTls | undefined,
    summary: StatementSummary,
    slowLog: SlowQueryLog,
  ) {
    const info = { version: packageInfo().version, gitHash: this.gitHash };
    this.metrics = config.status.reportStatus ? new ServerMetrics(this.lateSources(), info) : undefined;
    this.observer = new StatementObserver({ summary, slowLog, ...(this.metrics && { metrics: this.metrics }) }, config.log.slowThreshold);
  }

  /** Opens the slow query log and reads the cluster TLS files; either failing stops the start. */
  static async open(config: ServerConfig, logger: Logger): Promise<ServerObservability> {
    const clusterTls = config.status.reportStatus ? loadClusterTls(config.security) : undefined;
    // With etcd, `path` names the cluster: the node-local temp-dir keeps the file, as it keeps auto-tls's.
    const slowFile = config.log.slowQueryFile === '' ? join(config.store === 'etcd' ? config.tempDir : config.path, DEFAULT_SLOW_LOG_NAME) : config.log.slowQueryFile;
    // A full disk must not fail the statements being logged: the failure is logged, at a bounded rate.
    const failures = createRateLimitedLogger(logger, SLOW_LOG_FAILURE_RATE);
    const slowLog = await SlowQueryLog.open(slowFile, logRotation(config), (error) => {
      failures.log('warn', 'slow-query-log', 'cannot write the slow query log', { file: slowFile, error: error instanceof Error ? error.message : String(error) });
    });
    const summary = new StatementSummary({ maxCount: 3000, refreshIntervalMs: 1800 * MS_PER_SECOND });
    return new ServerObservability(config, logger, clusterTls, summary, slowLog);
  }

  /** The store, counted for the metrics when they are on. */
  wrapEngine(engine: KvEngine): KvEngine {
    const metrics = this.metrics;
    return metrics === undefined ? engine : new ObservedKvEngine(engine, metrics.kv, (ms) => metrics.recordCommit(ms));
  }

  /** What the lock manager reports lock waits and deadlocks to, when the metrics are on. */
  get lockObserver(): LockObserver | undefined {
    return this.metrics;
  }

  /** Keeps the observer in step with tidb_slow_log_threshold and the tidb_stmt_summary_* variables. */
  bindVariables(globals: GlobalVariables): void {
    const summary = this.observer.observers.summary;
    const apply = (): void => {
      this.observer.slowThresholdMs = Number(globals.get('tidb_slow_log_threshold'));
      const isEnabled = globals.get('tidb_enable_stmt_summary') === 1n;
      if (!isEnabled && this.observer.isSummaryEnabled) summary.clear();
      this.observer.isSummaryEnabled = isEnabled;
      summary.maxCount = Number(globals.get('tidb_stmt_summary_max_stmt_count'));
      summary.refreshIntervalMs = Number(globals.get('tidb_stmt_summary_refresh_interval')) * MS_PER_SECOND;
    };
    for (const name of ['tidb_slow_log_threshold', 'tidb_enable_stmt_summary', 'tidb_stmt_summary_max_stmt_count', 'tidb_stmt_summary_refresh_interval']) {
      globals.onChange(name, apply);
    }
    apply();
  }

  /** Starts the status port (when report-status is on) reading `sources`. */
  async startStatusServer(sources: MetricsSources, status: () => StatusBody, handshakeLog: RateLimitedLogger): Promise<void> {
    this.sources = sources;
    const metrics = this.metrics;
    if (metrics === undefined) return;
    const summary = this.observer.observers.summary;
    this.statusServer = await StatusServer.start({
      host: this.config.status.statusHost,
      port: this.config.status.statusPort,
      tls: this.clusterTls,
      logger: this.logger,
      handshakeLog,
      metrics,
      assets: loadDashboardAssets(),
      status,
      isHealthy: () => !this.isShuttingDown,
      dashboardData: () => dashboardData(metrics, sources, summary),
    });
  }

  /** The status port's bound port, or undefined when it is off. */
  get statusPort(): number | undefined {
    return this.statusServer?.port;
  }

  /** The certificates of the status port itself (cluster-ssl-*), for the not-after gauge. */
  get clusterCertificates(): ClusterTls['certificates'] {
    return this.clusterTls?.certificates ?? [];
  }

  /**
   * The cluster-ssl-* files changed: the status port serves `tls` to new connections and the not-after gauge shows
   * its certificates. Nothing changes when the port is plain HTTP or off.
   */
  useClusterTls(tls: ClusterTls): void {
    if (this.clusterTls === undefined) return;
    this.clusterTls = tls;
    this.statusServer?.useTls(tls);
  }

  /** Whether the status port serves HTTPS with the cluster-ssl-* files. */
  get isClusterTls(): boolean {
    return this.clusterTls !== undefined;
  }

  /** Shutdown has begun: /health answers 503 from now on. */
  beginShutdown(): void {
    this.isShuttingDown = true;
  }

  /** SIGHUP: the slow query log reopens its file. */
  reopenLogs(): void {
    this.observer.observers.slowLog?.reopen();
  }

  async close(): Promise<void> {
    await this.statusServer?.close();
    await this.observer.observers.slowLog?.close();
  }

  /** The metrics are built before the server they read exists; each read goes to the sources bound since. */
  private lateSources(): MetricsSources {
    return {
      connections: () => this.sources?.connections() ?? [],
      connectionsAccepted: () => this.sources?.connectionsAccepted() ?? 0,
      tlsHandshakes: () => this.sources?.tlsHandshakes() ?? { started: 0, finished: 0, resumed: 0, failures: [] },
      certificates: () => this.sources?.certificates() ?? [],
      lockWaiters: () => this.sources?.lockWaiters() ?? 0,
    };
  }
}
