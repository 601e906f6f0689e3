// planTableReader: how one base table is read: its access path (possibly in ORDER BY order), the conjuncts the path
// leaves to test, and what EXPLAIN shows; a reused plan re-chooses the path for each execution's values.
import type { Expr } from '../ast/index.js';
import type { TableInfo } from '../catalog/index.js';
import { LateBoundParams, compileExpr, containsParam, forEachExpr, withCurrentValues } from '../expression/index.js';
import type { CompileContext, StatementParams } from '../expression/index.js';
import { handleScope, tableScope } from '../table/table-scope.js';
import { accessConditions, chooseAccessPath, conjunction, consumesAll, isSamePathShape } from './access-path.js';
import { orderedPath } from './ordered-path.js';
import { substituteGeneratedColumns } from './generated-column-substitution.js';
import type { OrderRequest } from './ordered-path.js';
import type { ChosenPath, TableReaderPlan } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import { tableReadPlan } from './table-read-plan.js';

/** How FROM planning wants a table read beyond its WHERE conjuncts. */
export interface TableReaderOptions {
  /** The ORDER BY to deliver if an access path can (see ordered-path.ts). */
  readonly order?: OrderRequest | undefined;
  /** Append each row's handle as a hidden column (multi-table UPDATE/DELETE). */
  readonly withHandles?: boolean;
  /** The names of the only columns the query reads (lower case); undefined: all. */
  readonly columnNames?: ReadonlySet<string> | undefined;
}

/** A base table in FROM, its alias, and the conjuncts that only concern it. */
export function planTableReader(
  table: TableInfo,
  databaseName: string,
  alias: string | undefined,
  written: readonly Expr[],
  context: PlanContext,
  options: TableReaderOptions = {},
): TableReaderPlan {
  const { session, params } = context;
  const order = options.order;
  const scope = tableScope(table, databaseName, alias);
  const compileContext: CompileContext = { scope, clause: 'where clause', session, ...(params ? { params } : {}) };
  const conjuncts = substituteGeneratedColumns(table, alias, written, withCurrentValues(compileContext));
  const choose = (): ChosenPath => {
    const chosen = chooseAccessPath(table, conjunction(conjuncts), withCurrentValues(compileContext));
    const ordered = order ? orderedPath(table, scope, chosen, order, session) : undefined;
    return { path: ordered?.path ?? chosen, isReverse: ordered?.isReverse ?? false, isOrdered: ordered !== undefined };
  };
  const access = choose();
  const isLateBound = rebindsPath(params, conjuncts);
  // Conjuncts the access path satisfies by construction are not tested again (TiDB's access conditions). A reused
  // plan's path is chosen anew for each execution's values; it stays only while that path consumes them too.
  const consumed = accessConditions(access.path);
  const filterConjuncts = consumed.length === 0 ? conjuncts : conjuncts.filter((conjunct) => !consumed.includes(conjunct));
  const where = conjunction(filterConjuncts);
  const read = tableReadPlan(table, alias, access.path, filterConjuncts, scope, access.isOrdered ? { isReverse: access.isReverse } : undefined);
  const withHandles = options.withHandles ?? false;
  const plan: TableReaderPlan = {
    kind: 'TableReader',
    scope: withHandles ? scope.concat(handleScope(table, databaseName, alias)) : scope,
    explain: read.top,
    table,
    databaseName,
    alias,
    access,
    filter: where ? compileExpr(where, compileContext) : undefined,
    conjuncts,
    read,
    withHandles,
    readColumns: readColumns(table, withConditionColumns(options.columnNames, conjuncts)),
  };
  if (isLateBound) {
    params.onRebind(() => {
      const next = choose();
      if (!isSameShape(plan.access, next) || !consumesAll(next.path, consumed)) return false;
      plan.access = next;
      return true;
    });
  }
  return plan;
}

/**
 * `names` and the columns the conditions read after generated-column matching, which may name a generated column
 * (or a functional index's hidden one) the query itself never wrote.
 */
function withConditionColumns(names: ReadonlySet<string> | undefined, conjuncts: readonly Expr[]): ReadonlySet<string> | undefined {
  if (names === undefined) return undefined;
  const all = new Set(names);
  for (const conjunct of conjuncts) {
    forEachExpr(conjunct, (node) => {
      if (node.kind === 'ColumnRefExpr') all.add(node.column.toLowerCase());
      return true;
    });
  }
  return all;
}

/** The offsets of `table`'s columns named in `names`, or undefined when that is all of them (or no set was given). */
function readColumns(table: TableInfo, names: ReadonlySet<string> | undefined): readonly number[] | undefined {
  if (names === undefined) return undefined;
  const offsets: number[] = [];
  table.columns.forEach((column, offset) => {
    if (names.has(column.name.toLowerCase())) offsets.push(offset);
  });
  return offsets.length === table.columns.length ? undefined : offsets;
}

/** True when the path depends on late-bound parameter values, so it is chosen again for each execution. */
function rebindsPath(params: StatementParams | undefined, conjuncts: readonly Expr[]): params is LateBoundParams {
  return params instanceof LateBoundParams && conjuncts.some(containsParam);
}

/** A reused plan still fits a newly chosen path when it reads the same way and delivers the same order. */
function isSameShape(planned: ChosenPath, next: ChosenPath): boolean {
  return isSamePathShape(planned.path, next.path) && planned.isOrdered === next.isOrdered && planned.isReverse === next.isReverse;
}
