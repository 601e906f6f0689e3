// LATERAL derived tables: a FROM list that has one is joined in written order, and each LATERAL derived table is
// planned and run against every row of what stands before it (TiDB's Apply).
// https://dev.mysql.com/doc/refman/8.0/en/lateral-derived-tables.html
import { mysqlError, ER_DERIVED_MUST_HAVE_ALIAS, ER_TF_MUST_HAVE_ALIAS } from '../../errors/index.js';
import type { DerivedTableRef, Expr, JoinRef, JsonTableRef, QueryExpr, TableRef } from '../ast/index.js';
import { compileExpr } from '../expression/index.js';
import type { OuterBinding, Scope } from '../expression/index.js';
import type { Row } from '../types/index.js';
import { describeConditions } from './describe-expr.js';
import { PSEUDO_SELECTIVITY, operatorPlan } from './operator-plan.js';
import type { OperatorPlan } from './operator-plan.js';
import type { JoinKind, LateralJoinPlan, PhysicalPlan } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import { planJsonTable } from './plan-json-table.js';
import { splitConjuncts } from './access-path.js';

/** How the query planner plans and runs a LATERAL derived table's query for the rows before it. */
export interface LateralPlanner {
  /** The enclosing query's own outer row, which a LATERAL derived table may read too. */
  readonly outer: OuterBinding | undefined;
  /** Plans the query against `binding` (for its row layout and what EXPLAIN shows). */
  plan(query: QueryExpr, binding: OuterBinding): Promise<PhysicalPlan>;
  /** Plans and runs the query for `binding`'s current row, adding the run's statistics to `shown`. */
  run(query: QueryExpr, binding: OuterBinding, shown: OperatorPlan): Promise<Row[]>;
}

/** What sequential FROM planning needs of the FROM planner (injected: the FROM planner imports this file). */
export interface SequentialFrom {
  readonly plan: PlanContext;
  readonly lateral: LateralPlanner;
  /** Plans one table reference (a base table, view, derived table or join) with nothing before it. */
  planRef(ref: TableRef, isNullSupplying: boolean): Promise<PhysicalPlan>;
  /** Registers a derived table's alias (1066 when it repeats). */
  registerAlias(alias: string): void;
  /** The WHERE conjuncts that can be tested on a join of `left` and `right` (removed from the pending ones). */
  takeConjuncts(left: Scope, right: Scope): Expr | undefined;
  /** Joins two inputs by the usual method. */
  join(left: PhysicalPlan, right: PhysicalPlan, kind: JoinKind, condition: Expr | undefined): PhysicalPlan;
  /** A derived table's rows under its alias and column names. */
  renamed(source: PhysicalPlan, alias: string, columns: readonly string[] | undefined): PhysicalPlan;
}

/** True when `ref` is a LATERAL derived table, or JSON_TABLE (which may always read the tables before it). */
export function isLateral(ref: TableRef): ref is (DerivedTableRef & { readonly isLateral: true }) | JsonTableRef {
  return (ref.kind === 'DerivedTableRef' && ref.isLateral === true) || ref.kind === 'JsonTableRef';
}

/** True when `ref` is, or joins (along its left-deep spine), a LATERAL derived table. */
export function hasLateral(ref: TableRef): boolean {
  return spine(ref).some((step) => isLateral(step.ref));
}

/** One table of a left-deep join chain and how it joins what precedes it (absent for the first). */
interface SpineStep {
  readonly ref: TableRef;
  readonly join?: JoinRef;
}

/**
 * `a JOIN b ON … LEFT JOIN c ON …` as [a, b, c] with their joins. RIGHT joins, and joins with USING or NATURAL,
 * are kept whole (they are not chains a row of the left side can drive).
 */
function spine(ref: TableRef): SpineStep[] {
  if (ref.kind !== 'JoinRef' || ref.joinType === 'RIGHT' || ref.isNatural || ref.using !== undefined) return [{ ref }];
  return [...spine(ref.left), { ref: ref.right, join: ref }];
}

/**
 * A FROM list with a LATERAL derived table, joined in written order: the comma items and the tables of each item's
 * join chain one after another (`t, u JOIN LATERAL (…) d ON …` as `(t × u) ⋈ d`, the same rows for inner and left
 * joins), each LATERAL derived table run for every row joined so far.
 */
export async function planSequentialFrom(from: readonly TableRef[], seq: SequentialFrom): Promise<PhysicalPlan> {
  let joined: PhysicalPlan | undefined;
  for (const item of from) {
    for (const step of spine(item)) {
      const kind: JoinKind = step.join?.joinType === 'LEFT' ? 'left' : 'inner';
      if (joined && isLateral(step.ref)) {
        joined = await lateralJoin(joined, step.ref, kind, step.join?.on, seq);
        continue;
      }
      const right = await seq.planRef(step.ref, kind === 'left');
      if (!joined) {
        joined = right;
        continue;
      }
      const pushed = kind === 'inner' ? seq.takeConjuncts(joined.scope, right.scope) : undefined;
      joined = seq.join(joined, right, kind, and(step.join?.on, pushed));
    }
  }
  return joined!;
}

/** `left` joined with a LATERAL derived table or a JSON_TABLE, run for each of its rows (TiDB's Apply). */
async function lateralJoin(left: PhysicalPlan, ref: DerivedTableRef | JsonTableRef, kind: JoinKind, on: Expr | undefined, seq: SequentialFrom): Promise<LateralJoinPlan> {
  if (ref.alias === undefined) throw mysqlError(ref.kind === 'JsonTableRef' ? ER_TF_MUST_HAVE_ALIAS : ER_DERIVED_MUST_HAVE_ALIAS);
  seq.registerAlias(ref.alias);
  const binding: OuterBinding = { scope: left.scope, current: [], wasRead: false, parent: seq.lateral.outer };
  let right: PhysicalPlan;
  let run: () => Promise<Row[]>;
  if (ref.kind === 'JsonTableRef') {
    const table = planJsonTable(ref, seq.plan, binding);
    right = table;
    run = () => Promise.resolve(table.rows(seq.plan.session.warnings));
  } else {
    const query = ref.query;
    const shown = await seq.lateral.plan(query, binding);
    right = seq.renamed(shown, ref.alias, ref.columns);
    run = () => seq.lateral.run(query, binding, shown.explain);
  }
  const pushed = kind === 'inner' ? seq.takeConjuncts(left.scope, right.scope) : undefined;
  const condition = and(on, pushed);
  const scope = left.scope.concat(right.scope);
  const { session, params } = seq.plan;
  const compiled = condition ? compileExpr(condition, { scope, clause: 'on clause', session, ...(params ? { params } : {}) }) : undefined;
  const info = (): string => {
    const join = kind === 'left' ? 'left outer join' : 'inner join';
    return condition ? `${join}, other cond:${describeConditions(splitConjuncts(condition), scope)}` : `CARTESIAN ${join}`;
  };
  const estRows = (left.explain.estRows ?? 0) * (right.explain.estRows ?? 0) * (condition ? PSEUDO_SELECTIVITY : 1);
  const explain = operatorPlan('Apply', estRows, [left.explain, right.explain], info, { roles: ['Build', 'Probe'] });
  return {
    kind: 'LateralJoin',
    scope,
    explain,
    left,
    right,
    binding,
    run,
    joinKind: kind,
    condition: compiled,
  };
}

function and(a: Expr | undefined, b: Expr | undefined): Expr | undefined {
  if (!a) return b;
  if (!b) return a;
  return { kind: 'BinaryExpr', op: 'AND', left: a, right: b };
}
