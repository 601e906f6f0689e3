// OperatorPlan: the description of one planned operator, which EXPLAIN prints and EXPLAIN ANALYZE reads (the running
// operator fills in its stats).
import type { QueryExpr } from '../ast/index.js';
import type { OuterBinding } from '../expression/index.js';

/** What an operator did while it ran: rows it produced, times its rows were read, wall time from first to last pull. */
export interface OperatorStats {
  rows: number;
  loops: number;
  timeMs: number;
}

/** A subquery an operator runs for its input rows (EXPLAIN shows it under an Apply). */
export interface SubqueryPlanRef {
  /** Absent for asynchronous work that is not a subquery (SLEEP()), which EXPLAIN does not show. */
  readonly query?: QueryExpr | undefined;
  readonly binding?: OuterBinding | undefined;
}

/** The table (and key) a read operator reads, for EXPLAIN's MySQL forms (FORMAT=JSON / TREE). */
export interface TableAccess {
  /** The name the query gives the table (its alias, else its name). */
  readonly table: string;
  /** MySQL's access type: `ALL` (full scan), `const`, `eq_ref`, `ref` (key equality), `range`, `index` (whole index). */
  readonly accessType: 'ALL' | 'const' | 'eq_ref' | 'ref' | 'range' | 'index';
  /** `PRIMARY` or the index's name, when the read goes through a key. */
  readonly key?: string | undefined;
  readonly keyParts?: readonly string[];
  readonly columns: readonly string[];
}

/**
 * One operator of a statement's plan, held by the plan node it describes (its `explain`). Descriptions
 * are closures so the normal path never formats anything; `stats` is filled by the running operator itself.
 */
export interface OperatorPlan {
  /** TiDB's operator name without its id: `TableFullScan`, `HashJoin`, … */
  readonly operator: string;
  /** Estimated output rows; undefined prints as `N/A` (write operators, as TiDB). */
  readonly estRows: number | undefined;
  /** `table:t`, `table:t, index:idx(c)`, or ''. */
  readonly accessObject: string;
  /** TiDB's `operator info` column. */
  readonly info: () => string;
  readonly children: readonly OperatorPlan[];
  /** Per child, TiDB's `(Build)` / `(Probe)` role, when the operator has one. */
  readonly roles?: readonly (string | undefined)[];
  /** Subqueries the operator evaluates for its input (shown as an Apply between it and its input). */
  readonly subqueries?: readonly SubqueryPlanRef[];
  /** A HashAgg that removes duplicate rows (SELECT DISTINCT), not one that groups for GROUP BY. */
  readonly isDistinct?: boolean;
  /** Set on the operators that read a table. */
  readonly access?: TableAccess;
  readonly stats: OperatorStats;
}

/** Builds an operator description with zeroed stats. */
export function operatorPlan(
  operator: string,
  estRows: number | undefined,
  children: readonly OperatorPlan[],
  info: () => string = () => '',
  extra: { accessObject?: string; roles?: readonly (string | undefined)[]; subqueries?: readonly SubqueryPlanRef[]; access?: TableAccess } = {},
): OperatorPlan {
  return {
    operator,
    estRows,
    accessObject: extra.accessObject ?? '',
    info,
    children,
    ...(extra.roles ? { roles: extra.roles } : {}),
    ...(extra.subqueries && extra.subqueries.length > 0 ? { subqueries: extra.subqueries } : {}),
    ...(extra.access ? { access: extra.access } : {}),
    stats: { rows: 0, loops: 0, timeMs: 0 },
  };
}

/** TiDB's pseudo statistics: a table of unknown size has 10000 rows and a filter keeps 80% of them. */
export const PSEUDO_TABLE_ROWS = 10000;
export const PSEUDO_SELECTIVITY = 0.8;

/** Marks the start of one run of an operator; pass the result to `endRun` when it is done. */
export function startRun(stats: OperatorStats): number {
  stats.loops++;
  return performance.now();
}

export function endRun(stats: OperatorStats, startedAt: number): void {
  stats.timeMs += performance.now() - startedAt;
}
