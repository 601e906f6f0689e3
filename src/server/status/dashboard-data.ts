// The dashboard's JSON snapshot: cumulative counters the page turns into rates and percentiles between two polls,
// plus the certificates in force and the costliest statements of the statement summary.
import type { MetricsSources, ServerMetrics } from '../../observability/server-metrics.js';
import type { StatementSummary, StatementSummaryEntry } from '../../observability/statement-summary.js';

/** Rows of each statement table on the page. */
const TOP_STATEMENTS = 10;

/** One statement line on the page. */
interface StatementLine {
  readonly type: string;
  readonly schema: string;
  readonly digestText: string;
  readonly execCount: number;
  readonly errors: number;
  readonly avgLatencyMs: number;
  readonly maxLatencyMs: number;
  readonly sumLatencyMs: number;
  readonly avgRows: number;
}

export function dashboardData(metrics: ServerMetrics, sources: MetricsSources, summary: StatementSummary): unknown {
  const connections = { plain: 0, tls: 0, byVersion: {} as Record<string, number> };
  for (const connection of sources.connections()) {
    if (connection.tlsVersion === '') {
      connections.plain++;
    } else {
      connections.tls++;
      connections.byVersion[connection.tlsVersion] = (connections.byVersion[connection.tlsVersion] ?? 0) + 1;
    }
  }
  const handshakes = sources.tlsHandshakes();
  const failures: Record<string, number> = {};
  for (const failure of handshakes.failures) failures[failure.kind === failure.reason ? failure.kind : `${failure.kind}: ${failure.reason}`] = failure.count;
  const entries = summary.window().entries;
  return {
    time: Date.now(),
    queries: Object.fromEntries(metrics.queryCounts()),
    latency: metrics.latencyBuckets(),
    connections,
    handshakes: { started: handshakes.started, finished: handshakes.finished, failures },
    certificates: [...sources.certificates()].map((certificate) => ({ ...certificate, notAfter: certificate.notAfter.getTime() })),
    slowest: top(entries, (entry) => entry.maxLatencyMs),
    statements: top(entries, (entry) => entry.sumLatencyMs),
  };
}

function top(entries: readonly StatementSummaryEntry[], key: (entry: StatementSummaryEntry) => number): StatementLine[] {
  return [...entries]
    .sort((a, b) => key(b) - key(a))
    .slice(0, TOP_STATEMENTS)
    .map((entry) => ({
      type: entry.type,
      schema: entry.schemaName,
      digestText: entry.digestText,
      execCount: entry.execCount,
      errors: entry.sumErrors,
      avgLatencyMs: entry.sumLatencyMs / entry.execCount,
      maxLatencyMs: entry.maxLatencyMs,
      sumLatencyMs: entry.sumLatencyMs,
      avgRows: entry.sumResultRows / entry.execCount,
    }));
}
