// StatementObserver: the one door every finished statement goes through: Prometheus metrics, the statement summary
// and the slow query log each take what they need from its StatementRecord.
import type { ServerMetrics } from './server-metrics.js';
import type { SlowQueryLog } from './slow-query-log.js';
import type { StatementRecord } from './statement-record.js';
import type { StatementSummary } from './statement-summary.js';

/** What the observer feeds; metrics only while the status port runs, the slow log only when it could be opened. */
export interface StatementObservers {
  readonly metrics?: ServerMetrics;
  readonly summary: StatementSummary;
  readonly slowLog?: SlowQueryLog;
}

export class StatementObserver {
  /** tidb_slow_log_threshold in milliseconds; a negative value logs nothing. Kept in step by a variable listener. */
  slowThresholdMs: number;
  /** tidb_enable_stmt_summary. */
  isSummaryEnabled = true;

  constructor(
    readonly observers: StatementObservers,
    slowThresholdMs: number,
  ) {
    this.slowThresholdMs = slowThresholdMs;
  }

  /** Records a finished statement; true when it was slow (the caller counts Slow_queries). */
  record(record: StatementRecord): boolean {
    const isSlow = this.slowThresholdMs >= 0 && record.latencyMs >= this.slowThresholdMs;
    this.observers.metrics?.recordStatement(record, isSlow);
    if (this.isSummaryEnabled) this.observers.summary.record(record);
    if (isSlow) this.observers.slowLog?.write(record);
    return isSlow;
  }
}
