// TableStats: what ANALYZE TABLE learns of a table's rows, kept with its definition for the planner's estimates.

/** The distinct values and NULLs of one column, or of one index's key tuples (a tuple with a NULL part counts as NULL). */
export interface ValueStats {
  /** The id of the column or index (ids survive ALTERs that rename or move them). */
  readonly id: number;
  /** Number of distinct non-NULL values; a lower bound once the exact count gave way to an estimate. */
  readonly ndv: number;
  readonly nullCount: number;
}

/** A table's statistics as of its last ANALYZE TABLE (TiDB's stats_meta and per-column/index NDV). */
export interface TableStats {
  readonly rowCount: number;
  /** When it was analyzed, ISO 8601 (SHOW STATS_META's Update_time). */
  readonly analyzedAt: string;
  readonly columns: readonly ValueStats[];
  readonly indexes: readonly ValueStats[];
}

/** The NDV of the index with `indexId`, when analyzed. */
export function indexStats(stats: TableStats | undefined, indexId: number): ValueStats | undefined {
  return stats?.indexes.find((entry) => entry.id === indexId);
}

/** The NDV of the column with `columnId`, when analyzed. */
export function columnStats(stats: TableStats | undefined, columnId: number): ValueStats | undefined {
  return stats?.columns.find((entry) => entry.id === columnId);
}

/**
 * MySQL's CARDINALITY of the first `parts` columns of an index (SHOW INDEX, information_schema.STATISTICS): the
 * index's NDV for the whole key; for a shorter prefix, the largest NDV of its columns, which the key's NDV bounds.
 * 0 before ANALYZE TABLE (what the server showed before it kept statistics).
 */
export function indexCardinality(table: { readonly stats?: TableStats; readonly columns: readonly { readonly id: number }[] }, index: { readonly id: number; readonly columnOffsets: readonly number[] }, parts: number): bigint {
  const whole = indexStats(table.stats, index.id);
  if (whole === undefined) return 0n;
  if (parts >= index.columnOffsets.length) return BigInt(whole.ndv);
  const prefix = index.columnOffsets.slice(0, parts).map((offset) => columnStats(table.stats, table.columns[offset]?.id ?? -1)?.ndv ?? 0);
  return BigInt(Math.min(whole.ndv, Math.max(0, ...prefix)));
}
