// WritePlan: the plan nodes of INSERT, UPDATE and DELETE, which the executor runs with `runWrite`.
import type { DeleteStmt, Expr, InsertStmt, UpdateStmt } from '../ast/index.js';
import type { AutoIncrementAllocator, ColumnInfo, TableInfo } from '../catalog/index.js';
import type { AsyncPart, CompiledExpr } from '../expression/index.js';
import type { AccessPath } from './access-path.js';
import type { OperatorPlan } from './operator-plan.js';
import type { OutputPlan, PhysicalPlan } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import type { TableReadPlan } from './table-read-plan.js';
import type { WriteTarget } from './write-target.js';

/**
 * INSERT/REPLACE into `target` (a view already turned into its base table): the columns its values fill, in order,
 * and the plan of its SELECT when it has one. VALUES rows and ON DUPLICATE KEY UPDATE are compiled as it runs.
 */
export interface InsertPlan {
  readonly kind: 'Insert';
  readonly stmt: InsertStmt;
  readonly target: WriteTarget;
  readonly columns: readonly ColumnInfo[];
  readonly query: OutputPlan | undefined;
  readonly allocator: AutoIncrementAllocator;
  readonly context: PlanContext;
  readonly explain: OperatorPlan;
}

/** How UPDATE/DELETE find their rows: the access path, and the plan EXPLAIN shows (a table read, then Sort/TopN/Limit). */
export interface MatchingRowsPlan {
  /** Chosen again for each execution of a reused plan whose WHERE has `?` placeholders. */
  path: AccessPath;
  /** The WHERE conjuncts still tested on the rows read (those the path guarantees are left out). */
  readonly filterConjuncts: readonly Expr[];
  readonly read: TableReadPlan;
  readonly top: OperatorPlan;
}

/** One `SET column = value` of a single-table UPDATE: the visible column it assigns and the base column it stores. */
export interface UpdateAssignment {
  readonly offset: number;
  readonly column: ColumnInfo;
  readonly value: CompiledExpr;
  readonly parts: readonly AsyncPart[];
}

/**
 * Single-table UPDATE (also through updatable views). The rows are collected with `matching` when it runs, its
 * WHERE and ORDER BY compiled then, so that each execution of a reused plan is checked and warned about anew.
 */
export interface UpdatePlan {
  readonly kind: 'Update';
  readonly stmt: UpdateStmt;
  readonly target: WriteTarget;
  readonly assignments: readonly UpdateAssignment[];
  readonly matching: MatchingRowsPlan;
  readonly context: PlanContext;
  readonly explain: OperatorPlan;
}

/** Single-table DELETE (also through updatable views), its rows collected as for UPDATE. */
export interface DeletePlan {
  readonly kind: 'Delete';
  readonly stmt: DeleteStmt;
  readonly target: WriteTarget;
  readonly matching: MatchingRowsPlan;
  readonly context: PlanContext;
  readonly explain: OperatorPlan;
}

/** A table a multi-table statement writes: where its columns and row handle sit in the joined row. */
export interface JoinTarget {
  readonly alias: string;
  readonly databaseName: string;
  readonly table: TableInfo;
  readonly handleOffset: number;
  /** The joined-row position of each of the table's columns, by column offset. */
  readonly columnOffsets: readonly number[];
}

/** The join a multi-table UPDATE/DELETE reads (base tables with their row handles) and the WHERE left above it. */
export interface JoinRead {
  readonly join: PhysicalPlan;
  readonly filter: CompiledExpr | undefined;
  readonly parts: readonly AsyncPart[];
}

/** One `SET t.column = value` of a multi-table UPDATE: `offset` is the joined-row column, `target` its table. */
export interface MultiUpdateAssignment extends UpdateAssignment {
  readonly target: JoinTarget;
}

/** `UPDATE t1 JOIN t2 … SET …`: each target row is updated once, with the first joined row it appears in. */
export interface MultiUpdatePlan {
  readonly kind: 'MultiUpdate';
  readonly stmt: UpdateStmt;
  readonly read: JoinRead;
  readonly targets: readonly JoinTarget[];
  readonly assignments: readonly MultiUpdateAssignment[];
  readonly context: PlanContext;
}

/** `DELETE t1, t2 FROM …`: every row of a target that takes part in a joined row passing WHERE is deleted once. */
export interface MultiDeletePlan {
  readonly kind: 'MultiDelete';
  readonly stmt: DeleteStmt;
  readonly read: JoinRead;
  readonly targets: readonly JoinTarget[];
  readonly context: PlanContext;
}

/** Every kind of write plan; the executor's `runWrite` has one case for each. */
export type WritePlan = InsertPlan | UpdatePlan | DeletePlan | MultiUpdatePlan | MultiDeletePlan;
