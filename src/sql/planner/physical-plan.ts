// PhysicalPlan: the tree of plan nodes the planner produces for a query and the executor builds operators from.
import type { Expr, UnionStmt } from '../ast/index.js';
import type { Catalog, IndexInfo, TableInfo } from '../catalog/index.js';
import type { AggregateKind, AsyncPart, CompiledExpr, OuterBinding, Scope } from '../expression/index.js';
import type { SystemTable } from '../infoschema/system-table.js';
import type { ResultColumn } from '../statement-result.js';
import type { FieldType, Row, WarningSink } from '../types/index.js';
import type { AccessPath } from './access-path.js';
import type { OperatorPlan } from './operator-plan.js';
import type { TableReadPlan } from './table-read-plan.js';
import type { FramePlan, WindowFunctionPlan } from './window-function-plan.js';

/**
 * Every plan node: plain data the planner decided (compiled expressions, access paths, join method), the layout of
 * the rows it produces, and the description EXPLAIN prints, whose `stats` the running operator fills in. A node is
 * built once per statement (once per cached plan) and may be executed many times.
 */
interface PlanNode {
  readonly scope: Scope;
  readonly explain: OperatorPlan;
}

/** An access path with the direction to read it in; `isOrdered` when it delivers the requested ORDER BY. */
export interface ChosenPath {
  readonly path: AccessPath;
  readonly isReverse: boolean;
  readonly isOrdered: boolean;
}

/** One base table through its access path, with the WHERE conjuncts that only concern it applied as it is read. */
export interface TableReaderPlan extends PlanNode {
  readonly kind: 'TableReader';
  readonly table: TableInfo;
  readonly databaseName: string;
  readonly alias: string | undefined;
  /** Chosen again for each execution of a reused plan whose conjuncts have `?` placeholders. */
  access: ChosenPath;
  /** The conjuncts still tested on the rows read (those the path guarantees are left out). */
  readonly filter: CompiledExpr | undefined;
  /** Every conjunct of its own, as written (an index join reads the table by key and tests them all). */
  readonly conjuncts: readonly Expr[];
  readonly read: TableReadPlan;
  /** Each row's handle is appended as a hidden column (multi-table UPDATE/DELETE). */
  readonly withHandles: boolean;
  /**
   * The offsets of the only columns the query reads, in table order, when that is not all of them: a plain range
   * or full read decodes just these and leaves the others NULL. Undefined: every column.
   */
  readonly readColumns: readonly number[] | undefined;
}

/** Rows already in memory: `SELECT` without FROM, or a recursive CTE's result (TiDB's TableDual). */
export interface TableDualPlan extends PlanNode {
  readonly kind: 'TableDual';
  readonly rows: readonly Row[];
}

/**
 * JSON_TABLE's rows, computed when read from the document its expression gives (for the current row of the tables
 * before it, when it follows them: then it is the right side of a LateralJoin).
 */
export interface JsonTablePlan extends PlanNode {
  readonly kind: 'JsonTable';
  readonly rows: (warnings: WarningSink) => Row[];
}

/** An information_schema table, its rows computed when it is read (TiDB's MemTableScan). */
export interface MemTableScanPlan extends PlanNode {
  readonly kind: 'MemTableScan';
  readonly table: SystemTable;
  readonly catalog: Catalog;
}

/** The input's rows under another layout: renamed (derived tables, views, USING) or with its columns reordered. */
export interface ColumnMapPlan extends PlanNode {
  readonly kind: 'ColumnMap';
  readonly input: PhysicalPlan;
  /** Output column i is input column `permutation[i]`; absent when only names change. */
  readonly permutation?: readonly number[] | undefined;
}

/** Keeps the rows for which `filter` is true (TiDB's Selection); subqueries are prepared per batch first. */
export interface SelectionPlan extends PlanNode {
  readonly kind: 'Selection';
  readonly input: PhysicalPlan;
  readonly filter: CompiledExpr;
  readonly parts: readonly AsyncPart[];
}

/** Which rows a join keeps: matches only, or also unmatched left rows padded with NULLs. */
export type JoinKind = 'inner' | 'left';

/** One `left = right` conjunct of a join condition, each side compiled over its own input. */
export interface EquiKey {
  readonly left: CompiledExpr;
  readonly right: CompiledExpr;
  /** `left = right` as written, for EXPLAIN. */
  readonly condition: Expr;
  /** The side of `condition` that reads the left input. */
  readonly outer: Expr;
}

/**
 * A join that reads its right input once per execution: hashed on `keys` when there are any (HashJoin), else
 * buffered and looped over (NestedLoopJoin). Output rows are left columns then right columns.
 */
export interface HashJoinPlan extends PlanNode {
  readonly kind: 'HashJoin';
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
  readonly joinKind: JoinKind;
  readonly keys: readonly EquiKey[];
  /** The rest of the condition, tested on joined rows. */
  readonly residual: CompiledExpr | undefined;
}

/**
 * TiDB's Apply for a LATERAL derived table: for each row of `left` (bound as `binding`'s current row), the derived
 * table's rows from `run`, joined as `joinKind` on `condition`. Output rows are left columns then right columns.
 */
export interface LateralJoinPlan extends PlanNode {
  readonly kind: 'LateralJoin';
  readonly left: PhysicalPlan;
  /** The derived table as planned for EXPLAIN (its layout is the right half of a joined row). */
  readonly right: PhysicalPlan;
  /** The row of `left` the derived table reads. */
  readonly binding: OuterBinding;
  /** Plans and runs the derived table for the binding's current row. */
  readonly run: () => Promise<Row[]>;
  readonly joinKind: JoinKind;
  readonly condition: CompiledExpr | undefined;
}

/** How an index join fetches inner rows: by the table's integer handle, or by the first column of `index`. */
export interface KeyLookupPlan {
  readonly table: TableInfo;
  /** Undefined when the key column is the handle. */
  readonly index: IndexInfo | undefined;
  /** The inner table's own conjuncts, tested on the rows fetched. */
  readonly filter: CompiledExpr | undefined;
  /** The inner side as EXPLAIN shows it (a range scan, and the Selection of the filter). */
  readonly explain: OperatorPlan;
}

/** TiDB's IndexJoin: each batch of outer rows fetches only the inner rows whose key matches. */
export interface IndexJoinPlan extends PlanNode {
  readonly kind: 'IndexJoin';
  readonly outer: PhysicalPlan;
  readonly lookup: KeyLookupPlan;
  /** The equality whose outer side gives the lookup values. */
  readonly lookupKey: EquiKey;
  readonly keys: readonly EquiKey[];
  readonly joinKind: JoinKind;
  readonly residual: CompiledExpr | undefined;
  readonly innerWidth: number;
}

/** One aggregate call of a HashAgg: its accumulator factory, arguments, and ORDER BY (GROUP_CONCAT). */
export interface CompiledAggregate {
  readonly kind: AggregateKind;
  readonly args: readonly CompiledExpr[];
  readonly orderBy: readonly SortKey[];
}

/**
 * GROUP BY `keys` with `aggregates` per group (TiDB's HashAgg). The output scope is the input's followed by one
 * column per aggregate; without GROUP BY an empty input still yields one row. With `rollup` (WITH ROLLUP) it also
 * yields the super-aggregate groups, keys dropped from the right, each row followed by its group values (NULL where
 * rolled up) and its level (the number of keys it keeps), in key order with each super-aggregate after its groups.
 */
export interface HashAggPlan extends PlanNode {
  readonly kind: 'HashAgg';
  readonly input: PhysicalPlan;
  readonly keys: readonly CompiledExpr[];
  readonly aggregates: readonly CompiledAggregate[];
  /** Subqueries in the keys and arguments (GROUP BY an alias of EXISTS(…)), run per batch before it is grouped. */
  readonly parts: readonly AsyncPart[];
  readonly rollup?: boolean;
}

/** The input's rows sorted by `keys` (TiDB's Sort), for a Window operator that needs its partitions in order. */
export interface SortPlan extends PlanNode {
  readonly kind: 'Sort';
  readonly input: PhysicalPlan;
  readonly keys: readonly SortKey[];
  /** Subqueries of the sort keys, prepared per input batch. */
  readonly parts: readonly AsyncPart[];
}

/**
 * TiDB's Window: over input sorted by PARTITION BY then ORDER BY, appends one column per function to each row
 * (the functions share this window and frame). Partitions are read one at a time.
 */
export interface WindowPlan extends PlanNode {
  readonly kind: 'Window';
  readonly input: PhysicalPlan;
  /** The window's name for messages (`<unnamed window>` when written inline). */
  readonly windowName: string;
  readonly partitionBy: readonly CompiledExpr[];
  /** Rows that compare equal on these are peers. */
  readonly orderBy: readonly SortKey[];
  /** Undefined: every row's frame is its whole partition. */
  readonly frame: FramePlan | undefined;
  readonly functions: readonly WindowFunctionPlan[];
  /** Subqueries of the partition, order and argument expressions, prepared per input batch. */
  readonly parts: readonly AsyncPart[];
  /** The input's rows are made for this execution alone, so the results may be appended to them in place. */
  readonly isInputOwned: boolean;
}

/** One result column and the expression computing it from the input row. */
export interface Projection {
  readonly column: ResultColumn;
  readonly expr: CompiledExpr;
}

export interface SortKey {
  readonly expr: CompiledExpr;
  readonly isDescending: boolean;
}

/** LIMIT count OFFSET offset, evaluated while planning. */
export interface LimitValue {
  readonly count: number;
  readonly offset: number;
}

/** The EXPLAIN operators an OutputPlan stands for: Projection, HashAgg (DISTINCT), then Sort, TopN or Limit. */
export interface OutputOperators {
  readonly projection?: OperatorPlan;
  readonly distinct?: OperatorPlan;
  readonly order?: OperatorPlan;
  readonly top: OperatorPlan;
}

/**
 * The top of every query: projection, DISTINCT, ORDER BY and LIMIT run as one operator (each layer of async
 * generator costs every batch more promise hops). `columns` is the query's result metadata.
 */
export interface OutputPlan extends PlanNode {
  readonly kind: 'Output';
  readonly input: PhysicalPlan;
  readonly columns: readonly ResultColumn[];
  readonly projections: readonly Projection[];
  /** Empty when the input already delivers the order. */
  readonly sortKeys: readonly SortKey[];
  readonly isDistinct: boolean;
  readonly limit: LimitValue | undefined;
  /** Subqueries of the select list and ORDER BY, prepared per input batch. */
  readonly parts: readonly AsyncPart[];
  readonly operators: OutputOperators;
}

/** The operators of a set operation as EXPLAIN shows them; `concat` counts both inputs' rows when there is one. */
export interface SetOperators {
  readonly top: OperatorPlan;
  readonly nodes: readonly OperatorPlan[];
  readonly concat?: OperatorPlan;
}

/** UNION / INTERSECT / EXCEPT [ALL]: both inputs read into memory, then combined. */
export interface SetOperationPlan extends PlanNode {
  readonly kind: 'SetOperation';
  readonly left: OutputPlan;
  readonly right: OutputPlan;
  readonly op: UnionStmt['op'];
  readonly isAll: boolean;
  /** The unified column types, by which rows compare. */
  readonly types: readonly FieldType[];
  readonly operators: SetOperators;
}

/**
 * Every kind of plan node. Adding an operator: a node type here, a planner step that makes it, a case in the
 * executor's `buildExec` (executor/build-exec.ts; the switch is exhaustive, so a missing case fails to compile) and
 * its Exec file.
 */
export type PhysicalPlan =
  | TableReaderPlan
  | TableDualPlan
  | JsonTablePlan
  | MemTableScanPlan
  | ColumnMapPlan
  | SelectionPlan
  | HashJoinPlan
  | IndexJoinPlan
  | LateralJoinPlan
  | HashAggPlan
  | SortPlan
  | WindowPlan
  | OutputPlan
  | SetOperationPlan;

/**
 * TiDB's PointGet / BatchPointGet: a query whose only input is one base table read by primary-key handles (`pk = ?`,
 * `pk IN (…)`), with a plain projection on top. It is not a member of the operator tree: the executor reads its rows
 * in one step (no operator per row batch) and hands back a complete result. `output` is the general plan it stands
 * for (EXPLAIN and ANALYZE print that tree, whose stats it fills in); `reader` is `output.input`.
 */
export interface PointGetPlan {
  readonly kind: 'PointGet';
  readonly output: OutputPlan;
  readonly reader: TableReaderPlan;
}
