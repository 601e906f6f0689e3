// extractAggregates: replaces aggregate calls in expressions with references to per-group result columns.
import type { ColumnRefExpr, Expr, FuncCallExpr, WindowSpec } from '../ast/index.js';
import { AGGREGATE_FUNCTION_NAMES, forEachExpr, mapExpr } from '../expression/index.js';
import { formatSql } from '../parser/index.js';

/** The name prefix of the synthetic columns that hold aggregate results; no user column can have it. */
export const AGGREGATE_COLUMN_PREFIX = '\u0000agg';

/** Collects distinct aggregate calls across several expressions and rewrites the expressions to reference them. */
export class AggregateExtractor {
  readonly calls: FuncCallExpr[] = [];
  private readonly byText = new Map<string, number>();

  /** True when `expr` contains an aggregate call (outside subqueries). */
  static contains(expr: Expr): boolean {
    let found = false;
    forEachExpr(expr, (node) => {
      if (node.kind === 'FuncCallExpr' && AGGREGATE_FUNCTION_NAMES.has(node.name.toUpperCase()) && !node.over) found = true;
      return !found;
    });
    return found;
  }

  /** True when a window definition's PARTITION BY or ORDER BY contains an aggregate call. */
  static containsInWindow(spec: WindowSpec): boolean {
    return [...(spec.partitionBy ?? []), ...(spec.orderBy ?? []).map((item) => item.expr)].some((expr) => AggregateExtractor.contains(expr));
  }

  /** `expr` with each aggregate call replaced by a column reference to its result slot. */
  rewrite(expr: Expr): Expr {
    return mapExpr(expr, (node) => {
      if (node.kind !== 'FuncCallExpr' || !AGGREGATE_FUNCTION_NAMES.has(node.name.toUpperCase()) || node.over) return undefined;
      const text = formatSql(node);
      let index = this.byText.get(text);
      if (index === undefined) {
        index = this.calls.length;
        this.calls.push(node);
        this.byText.set(text, index);
      }
      const ref: ColumnRefExpr = { kind: 'ColumnRefExpr', column: `${AGGREGATE_COLUMN_PREFIX}${index}` };
      return ref;
    });
  }
}
