// Row estimates for table reads: from ANALYZE TABLE's statistics when a table has them, else TiDB's pseudo statistics.
import { columnStats } from '../catalog/index.js';
import type { Expr } from '../ast/index.js';
import type { IndexInfo, TableInfo } from '../catalog/index.js';
import { PSEUDO_SELECTIVITY, PSEUDO_TABLE_ROWS } from './operator-plan.js';

/** TiDB's pseudo estimates: rows per equality on an index, and the share of a table a one- or two-sided range reads. */
const PSEUDO_INDEX_EQUAL_ROWS = 10;
const OPEN_RANGE_SHARE = 1 / 3;
const CLOSED_RANGE_SHARE = 250 / PSEUDO_TABLE_ROWS;

/** `, stats:pseudo` after an operator's info when the table has never been analyzed, as TiDB prints it; else nothing. */
export function statsSuffix(table: TableInfo): string {
  return table.stats === undefined ? ', stats:pseudo' : '';
}

/** The rows of the table: its analyzed row count, or 10000. */
export function tableRowCount(table: TableInfo): number {
  return table.stats?.rowCount ?? PSEUDO_TABLE_ROWS;
}

/**
 * Rows read by `points` equalities on the first column of `index`: the non-NULL rows over that column's NDV each
 * (none when it has no non-NULL value), or 10 each without statistics.
 */
export function indexEqualRows(table: TableInfo, index: IndexInfo, points: number): number {
  if (table.stats === undefined) return PSEUDO_INDEX_EQUAL_ROWS * points;
  const column = table.columns[index.columnOffsets[0]!]!;
  const entry = columnStats(table.stats, column.id);
  if (entry === undefined) return PSEUDO_INDEX_EQUAL_ROWS * points;
  // NULLs never equal a constant: the non-NULL rows share the distinct values.
  const nonNull = table.stats.rowCount - entry.nullCount;
  return entry.ndv === 0 ? 0 : Math.min(nonNull, (points * nonNull) / entry.ndv);
}

/** Rows read by a range with one side open, or both closed (no histograms are kept, so a fixed share of the rows). */
export function rangeRows(table: TableInfo, isOpen: boolean): number {
  return tableRowCount(table) * (isOpen ? OPEN_RANGE_SHARE : CLOSED_RANGE_SHARE);
}

/** Rows read by the handle range [low, high]: its width, at most the table's rows. */
export function handleRangeRows(table: TableInfo, low: bigint | undefined, high: bigint | undefined): number {
  if (low === undefined || high === undefined) return rangeRows(table, true);
  if (high < low) return 0;
  const count = high - low + 1n;
  const rows = tableRowCount(table);
  return count > BigInt(Math.ceil(rows)) ? rows : Number(count);
}

const CONSTANT_KINDS = new Set(['NumberLiteralExpr', 'StringLiteralExpr', 'HexLiteralExpr', 'BitLiteralExpr', 'BoolLiteralExpr', 'TemporalLiteralExpr', 'ParamExpr']);

/**
 * The share of rows a table's filter keeps. Without statistics, TiDB's pseudo 0.8 for the whole filter; with them, the
 * product over its conjuncts of (non-NULL share)/NDV for `column = constant` and 0.8 for anything else, leaving out the equalities on
 * `accessColumn` that the access path already counted.
 */
export function filterSelectivity(table: TableInfo, filter: readonly Expr[], accessColumn?: number): number {
  if (table.stats === undefined) return PSEUDO_SELECTIVITY;
  let share = 1;
  for (const conjunct of filter) {
    const offset = equalityColumn(table, conjunct);
    if (offset === undefined) {
      share *= PSEUDO_SELECTIVITY;
    } else if (offset !== accessColumn) {
      const entry = columnStats(table.stats, table.columns[offset]!.id);
      const rows = table.stats.rowCount;
      share *= entry === undefined ? PSEUDO_SELECTIVITY : entry.ndv === 0 || rows === 0 ? 0 : (rows - entry.nullCount) / rows / entry.ndv;
    }
  }
  return share;
}

/** The offset of the column `conjunct` compares with a constant by `=`, or undefined. */
function equalityColumn(table: TableInfo, conjunct: Expr): number | undefined {
  if (conjunct.kind !== 'BinaryExpr' || conjunct.op !== '=') return undefined;
  const [column, other] = conjunct.left.kind === 'ColumnRefExpr' ? [conjunct.left, conjunct.right] : [conjunct.right, conjunct.left];
  if (column.kind !== 'ColumnRefExpr' || !CONSTANT_KINDS.has(other.kind)) return undefined;
  const name = column.column.toLowerCase();
  const offset = table.columns.findIndex((entry) => entry.name.toLowerCase() === name);
  return offset < 0 ? undefined : offset;
}
