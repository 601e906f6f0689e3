// StatementSummary: statements aggregated by schema and digest, as TiDB's statement summary tables hold them.
// https://docs.pingcap.com/tidb/stable/statement-summary-tables/
import type { StatementRecord } from './statement-record.js';

/** One digest's aggregate in the current window (latencies in milliseconds, times in epoch milliseconds). */
export interface StatementSummaryEntry {
  readonly type: string;
  readonly schemaName: string;
  readonly digest: string;
  readonly digestText: string;
  readonly sampleText: string;
  readonly sampleUser: string;
  execCount: number;
  sumErrors: number;
  sumWarnings: number;
  sumLatencyMs: number;
  maxLatencyMs: number;
  minLatencyMs: number;
  sumResultRows: number;
  maxResultRows: number;
  minResultRows: number;
  sumAffectedRows: number;
  planCacheHits: number;
  readonly firstSeen: number;
  lastSeen: number;
}

/** Settings TiDB exposes as tidb_stmt_summary_* variables. */
export interface StatementSummaryOptions {
  /** Digests kept at most (tidb_stmt_summary_max_stmt_count); the least recently seen goes first. */
  readonly maxCount: number;
  /** Milliseconds a window lasts before the summary starts afresh (tidb_stmt_summary_refresh_interval). */
  readonly refreshIntervalMs: number;
  readonly now?: () => number;
}

/**
 * Aggregates finished statements by (schema, digest). Windows are TiDB's: every `refreshIntervalMs` the summary
 * starts again, and SUMMARY_BEGIN_TIME / SUMMARY_END_TIME say which window the rows cover.
 */
export class StatementSummary {
  /** tidb_stmt_summary_max_stmt_count, changeable at run time. */
  maxCount: number;
  /** tidb_stmt_summary_refresh_interval in milliseconds, changeable at run time. */
  refreshIntervalMs: number;
  private entries = new Map<string, StatementSummaryEntry>();
  private windowStart: number;
  private readonly now: () => number;

  constructor(options: StatementSummaryOptions) {
    this.maxCount = options.maxCount;
    this.refreshIntervalMs = options.refreshIntervalMs;
    this.now = options.now ?? Date.now;
    this.windowStart = this.now();
  }

  /** The current window: its start, its planned end, and its rows (most recently seen last). */
  window(): { readonly begin: number; readonly end: number; readonly entries: readonly StatementSummaryEntry[] } {
    this.roll(this.now());
    return { begin: this.windowStart, end: this.windowStart + this.refreshIntervalMs, entries: [...this.entries.values()] };
  }

  record(record: StatementRecord): void {
    const now = record.startedAt + record.latencyMs;
    this.roll(now);
    const key = `${record.schemaName}\u0000${record.digest}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = {
        type: record.type,
        schemaName: record.schemaName,
        digest: record.digest,
        digestText: record.digestText,
        sampleText: record.sampleText,
        sampleUser: record.user,
        execCount: 0,
        sumErrors: 0,
        sumWarnings: 0,
        sumLatencyMs: 0,
        maxLatencyMs: 0,
        minLatencyMs: Infinity,
        sumResultRows: 0,
        maxResultRows: 0,
        minResultRows: Infinity,
        sumAffectedRows: 0,
        planCacheHits: 0,
        firstSeen: record.startedAt,
        lastSeen: record.startedAt,
      };
      while (this.entries.size >= this.maxCount) this.evictOldest();
    } else {
      // Map order is recency order: move the entry to the end.
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    entry.execCount++;
    if (record.errorCode !== undefined) entry.sumErrors++;
    entry.sumWarnings += record.warnings;
    entry.sumLatencyMs += record.latencyMs;
    entry.maxLatencyMs = Math.max(entry.maxLatencyMs, record.latencyMs);
    entry.minLatencyMs = Math.min(entry.minLatencyMs, record.latencyMs);
    entry.sumResultRows += record.resultRows;
    entry.maxResultRows = Math.max(entry.maxResultRows, record.resultRows);
    entry.minResultRows = Math.min(entry.minResultRows, record.resultRows);
    entry.sumAffectedRows += record.affectedRows;
    if (record.isPlanFromCache) entry.planCacheHits++;
    entry.lastSeen = record.startedAt;
  }

  /** Forgets everything (SET GLOBAL tidb_enable_stmt_summary = OFF, as TiDB clears it). */
  clear(): void {
    this.entries = new Map();
    this.windowStart = this.now();
  }

  private roll(now: number): void {
    if (now - this.windowStart < this.refreshIntervalMs) return;
    this.entries = new Map();
    const interval = this.refreshIntervalMs;
    this.windowStart += Math.floor((now - this.windowStart) / interval) * interval;
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (oldest.done !== true) this.entries.delete(oldest.value);
  }
}
