// CompileContext: what compiling an expression needs besides the AST: the row layout, the session, subquery support.
import type { StatementParams } from './statement-params.js';
import type { QueryExpr } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { FieldType, Row } from '../types/index.js';
import type { ClauseName, Scope } from './scope.js';

/**
 * The row of an enclosing query that a correlated subquery reads. `current` is set before each run of the
 * subquery; `wasRead` records whether the subquery looked at it (if not, its result is the same for every row).
 */
export interface OuterBinding {
  readonly scope: Scope;
  current: Row;
  wasRead: boolean;
  /** Set when a column reference to this row is compiled: EXPLAIN's MySQL forms call such a subquery `dependent`. */
  isReferenced?: boolean;
  readonly parent: OuterBinding | undefined;
}

/** The rows a subquery produced, with their column types. */
export interface SubqueryResult {
  readonly rows: readonly Row[];
  readonly types: readonly FieldType[];
}

/** Runs a nested query with `outer` as its enclosing row. */
export type SubqueryRunner = (query: QueryExpr, outer: OuterBinding) => Promise<SubqueryResult>;

/**
 * Work an expression must do asynchronously before it can be evaluated synchronously over some rows (running its
 * subqueries, SLEEP()). Operators call `prepare(batch)` once per batch, then `evaluate(row)` per row.
 */
export interface AsyncPart {
  prepare(rows: readonly Row[]): Promise<void>;
  /** The subquery this part runs and the binding it runs under (what EXPLAIN plans to show it); absent for SLEEP. */
  readonly query?: QueryExpr | undefined;
  readonly binding?: OuterBinding | undefined;
}

/** Inputs to expression compilation. */
export interface CompileContext {
  readonly scope: Scope;
  readonly clause: ClauseName;
  readonly session: ExecutionContext;
  /** Values bound to `?` placeholders, when executing a prepared statement. */
  readonly params?: StatementParams;
  /** The enclosing query's row, for correlated column references. */
  readonly outer?: OuterBinding | undefined;
  /** Runs subqueries; without it a subquery is "not supported here". */
  readonly runSubquery?: SubqueryRunner | undefined;
  /**
   * The result column types of scalar subqueries, planned ahead by the caller (compiling is synchronous); without
   * an entry a scalar subquery is typed VARCHAR.
   */
  readonly subqueryTypes?: ReadonlyMap<QueryExpr, FieldType> | undefined;
  /** Where compiled subqueries register their preparation step; the operator evaluating the expression awaits them. */
  readonly asyncParts?: AsyncPart[] | undefined;
}
