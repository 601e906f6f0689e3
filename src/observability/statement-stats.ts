// StatementStats: statements counted by type and result, and their latency histogram, as plain numbers on the hot
// path (one Map lookup and a few additions per statement); prom-client's registry renders them at scrape time.
import type { Metric, Registry } from 'prom-client';

/** One statement type's counts; `buckets[i]` counts latencies in (bounds[i-1], bounds[i]], the last one above all. */
interface TypeStats {
  ok: number;
  error: number;
  readonly buckets: number[];
  sum: number;
}

/** A sample as prom-client's registry prints it. */
interface Sample {
  readonly metricName?: string;
  readonly labels: Record<string, string | number>;
  readonly value: number;
}

export class StatementStats {
  private readonly byType = new Map<string, TypeStats>();

  /** `bounds` are the histogram's upper bounds in seconds, ascending. */
  constructor(private readonly bounds: readonly number[]) {}

  record(type: string, isError: boolean, seconds: number): void {
    let stats = this.byType.get(type);
    if (stats === undefined) {
      stats = { ok: 0, error: 0, buckets: new Array<number>(this.bounds.length + 1).fill(0), sum: 0 };
      this.byType.set(type, stats);
    }
    if (isError) stats.error++;
    else stats.ok++;
    let bucket = 0;
    while (bucket < this.bounds.length && seconds > this.bounds[bucket]!) bucket++;
    stats.buckets[bucket]!++;
    stats.sum += seconds;
  }

  /** Counts by type: statements that succeeded and failed. */
  counts(): Map<string, { readonly ok: number; readonly error: number }> {
    return new Map([...this.byType].map(([type, stats]) => [type, { ok: stats.ok, error: stats.error }]));
  }

  /** Cumulative counts per upper bound over all types (the last bound, -1, stands for +Inf). */
  overallBuckets(): { readonly bounds: number[]; readonly counts: number[] } {
    const counts = new Array<number>(this.bounds.length + 1).fill(0);
    for (const stats of this.byType.values()) {
      let cumulative = 0;
      stats.buckets.forEach((count, i) => {
        cumulative += count;
        counts[i]! += cumulative;
      });
    }
    return { bounds: [...this.bounds, -1], counts };
  }

  /** Registers `tidal_server_query_total` (counter) and `tidal_server_handle_query_duration_seconds` (histogram). */
  register(registry: Registry): void {
    registry.registerMetric(pulled('tidal_server_query_total', 'Statements run, by statement type and result (OK or Error).', 'counter', () =>
      [...this.byType].flatMap(([type, stats]) => [
        { labels: { type, result: 'OK' }, value: stats.ok },
        { labels: { type, result: 'Error' }, value: stats.error },
      ]),
    ));
    const name = 'tidal_server_handle_query_duration_seconds';
    registry.registerMetric(pulled(name, 'Statement latency from receipt to the last row sent, by statement type.', 'histogram', () =>
      [...this.byType].flatMap(([type, stats]): Sample[] => {
        let cumulative = 0;
        const buckets = stats.buckets.map((count, i): Sample => {
          cumulative += count;
          return { metricName: `${name}_bucket`, labels: { le: this.bounds[i] ?? '+Inf', sql_type: type }, value: cumulative };
        });
        return [...buckets, { metricName: `${name}_sum`, labels: { sql_type: type }, value: stats.sum }, { metricName: `${name}_count`, labels: { sql_type: type }, value: cumulative }];
      }),
    ));
  }
}

/**
 * A metric whose samples are computed at scrape time, in the shape prom-client's registry reads (`get()`); the
 * registry's own types only name its built-in classes, hence the cast.
 */
function pulled(name: string, help: string, type: 'counter' | 'histogram', samples: () => Sample[]): Metric {
  const metric = { name, help, type, aggregator: 'sum', get: () => Promise.resolve({ name, help, type, aggregator: 'sum', values: samples() }), reset: () => undefined };
  return metric as unknown as Metric;
}
