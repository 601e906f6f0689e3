// planAggregate: GROUP BY and aggregate calls as a HashAgg node: compiled keys, accumulator kinds and arguments.
import { mysqlError, ER_INVALID_GROUP_FUNC_USE } from '../../errors/index.js';
import type { Expr, FuncCallExpr } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, aggregateKind, compileExpr } from '../expression/index.js';
import type { AsyncPart, CompileContext } from '../expression/index.js';
import { describeConditions, describeExpr } from './describe-expr.js';
import { AGGREGATE_COLUMN_PREFIX, AggregateExtractor } from './extract-aggregates.js';
import { PSEUDO_SELECTIVITY, operatorPlan } from './operator-plan.js';
import type { OperatorPlan } from './operator-plan.js';
import type { CompiledAggregate, HashAggPlan, PhysicalPlan } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';

/**
 * Groups `input` by `groupBy` and evaluates `calls` per group. The output scope is the input scope followed by one
 * column per aggregate, so expressions over grouped columns read the group's first row (MySQL's ANY_VALUE
 * behaviour, which is exact for columns in GROUP BY).
 */
export function planAggregate(input: PhysicalPlan, groupBy: readonly Expr[], calls: readonly FuncCallExpr[], context: PlanContext, compileContext: CompileContext): HashAggPlan {
  const { session } = context;
  const parts = compileContext.asyncParts ?? [];
  const keys = groupBy.map((expr) => compileExpr(expr, compileContext));
  const fieldContext: CompileContext = { ...compileContext, clause: 'field list' };
  const aggregates = calls.map((call) => compileAggregate(call, fieldContext, session));
  const scope = new Scope([
    ...input.scope.columns,
    ...aggregates.map((aggregate, index) => ({ name: `${AGGREGATE_COLUMN_PREFIX}${index}`, table: '', database: '', type: aggregate.kind.type, isNotNull: false })),
  ]);
  return { kind: 'HashAgg', scope, explain: aggregateExplain(input, groupBy, calls, parts), input, keys, aggregates, parts };
}

/** TiDB's HashAgg (groups live in a hash map): `group by:…, funcs:count(1)->Column#0, …`. */
function aggregateExplain(input: PhysicalPlan, groupBy: readonly Expr[], calls: readonly FuncCallExpr[], subqueries: readonly AsyncPart[]): OperatorPlan {
  const estRows = groupBy.length === 0 ? 1 : (input.explain.estRows ?? 0) * PSEUDO_SELECTIVITY;
  const info = (): string => {
    const parts: string[] = [];
    if (groupBy.length > 0) parts.push(`group by:${describeConditions(groupBy, input.scope)}`);
    if (calls.length > 0) parts.push(`funcs:${calls.map((call, i) => `${describeExpr(call, input.scope)}->Column#${i}`).join(', ')}`);
    return parts.join(', ');
  };
  return operatorPlan('HashAgg', estRows, [input.explain], info, subqueries.length > 0 ? { subqueries } : undefined);
}

/** One aggregate call compiled over its input rows: its accumulator factory, arguments and GROUP_CONCAT ORDER BY. */
export function compileAggregate(call: FuncCallExpr, context: CompileContext, session: ExecutionContext): CompiledAggregate {
  const name = call.name.toUpperCase();
  // An aggregate inside an aggregate's argument (SUM(COUNT(*))) is MySQL's 1111.
  if (call.args.some((arg) => AggregateExtractor.contains(arg))) throw mysqlError(ER_INVALID_GROUP_FUNC_USE);
  const args = call.isStar ? [] : call.args.map((arg) => compileExpr(arg, context));
  const kind = aggregateKind(name, args.map((arg) => arg.type), {
    isStar: call.isStar ?? false,
    isDistinct: call.isDistinct ?? false,
    separator: call.separator ?? ',',
    divPrecision: Number(session.systemVariable('div_precision_increment', 'default') ?? 4n),
    groupConcatMaxLength: Number(session.systemVariable('group_concat_max_len', 'default') ?? 1024n),
    warnings: session.warnings,
  });
  const orderBy = (call.orderBy ?? []).map((item) => ({ expr: compileExpr(item.expr, { ...context, clause: 'order clause' }), isDescending: item.direction === 'DESC' }));
  return { kind, args, orderBy };
}
