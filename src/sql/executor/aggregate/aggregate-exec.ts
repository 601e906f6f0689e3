// aggregateSource: groups input rows (GROUP BY) and computes aggregates; output = the group's first row + results.
import type { StatementParams } from '../../expression/index.js';
import { mysqlError, ER_INVALID_GROUP_FUNC_USE } from '../../../errors/index.js';
import type { Expr, FuncCallExpr } from '../../ast/index.js';
import type { ExecutionContext } from '../../execution-context.js';
import { Scope, compileExpr } from '../../expression/index.js';
import type { CompileContext, CompiledExpr } from '../../expression/index.js';
import { compareValues } from '../../types/index.js';
import { checkMemory } from '../memory-guard.js';
import type { Row, SqlValue } from '../../types/index.js';
import type { RowSource } from '../row-source.js';
import { describeConditions, describeExpr } from '../../planner/describe-expr.js';
import { PSEUDO_SELECTIVITY, endRun, operatorPlan, startRun } from '../../planner/operator-plan.js';
import type { OperatorPlan } from '../../planner/operator-plan.js';
import { aggregateKind, distinctKey } from './accumulator.js';
import type { Accumulator, AggregateKind } from './accumulator.js';
import { AGGREGATE_COLUMN_PREFIX, AggregateExtractor } from './extract-aggregates.js';

interface CompiledAggregate {
  readonly kind: AggregateKind;
  readonly args: readonly CompiledExpr[];
  readonly orderBy: readonly { expr: CompiledExpr; isDescending: boolean }[];
}

/**
 * Groups `input` by `groupBy` and evaluates `calls` per group. The output scope is the input scope followed by one
 * column per aggregate, so expressions over grouped columns read the group's first row (MySQL's ANY_VALUE
 * behaviour, which is exact for columns in GROUP BY). Without GROUP BY an empty input still yields one row.
 */
export function aggregateSource(input: RowSource, groupBy: readonly Expr[], calls: readonly FuncCallExpr[], session: ExecutionContext, params?: StatementParams): RowSource {
  const context: CompileContext = { scope: input.scope, clause: 'group statement', session, ...(params ? { params } : {}) };
  const keys = groupBy.map((expr) => compileExpr(expr, context));
  const fieldContext: CompileContext = { ...context, clause: 'field list' };
  const aggregates = calls.map((call) => compileAggregate(call, fieldContext, session));
  const scope = new Scope([
    ...input.scope.columns,
    ...aggregates.map((aggregate, index) => ({ name: `${AGGREGATE_COLUMN_PREFIX}${index}`, table: '', database: '', type: aggregate.kind.type, isNotNull: false })),
  ]);
  const width = input.scope.columns.length;
  const keyTypes = keys.map((key) => key.type);
  const plan = aggregatePlan(input, groupBy, calls);
  return {
    scope,
    plan,
    rows: async function* () {
      const startedAt = startRun(plan.stats);
      const groups = new Map<string, { first: Row; accumulators: Accumulator[]; ordered: { row: Row; values: SqlValue[] }[][] }>();
      for await (const batch of input.rows()) {
        checkMemory(session);
        for (const row of batch) {
          const key = keys.length === 0 ? '' : distinctKey(keys.map((k) => k.evaluate(row)), keyTypes);
          let group = groups.get(key);
          if (!group) {
            group = { first: row, accumulators: aggregates.map((a) => a.kind.create()), ordered: aggregates.map(() => []) };
            groups.set(key, group);
          }
          for (let i = 0; i < aggregates.length; i++) {
            const aggregate = aggregates[i]!;
            const values = aggregate.args.map((arg) => arg.evaluate(row));
            if (aggregate.orderBy.length > 0) group.ordered[i]!.push({ row, values });
            else group.accumulators[i]!.add(values);
          }
        }
      }
      if (groups.size === 0 && keys.length === 0) {
        groups.set('', { first: new Array<SqlValue>(width).fill(null), accumulators: aggregates.map((a) => a.kind.create()), ordered: aggregates.map(() => []) });
      }
      const out: Row[] = [];
      for (const group of groups.values()) {
        const row: Row = group.first.slice(0, width);
        for (let i = 0; i < aggregates.length; i++) {
          const aggregate = aggregates[i]!;
          const accumulator = group.accumulators[i]!;
          if (aggregate.orderBy.length > 0) {
            const entries = group.ordered[i]!;
            entries.sort((a, b) => compareOrdered(a.row, b.row, aggregate.orderBy, session));
            for (const entry of entries) accumulator.add(entry.values);
          }
          row.push(accumulator.result());
        }
        out.push(row);
        plan.stats.rows++;
        if (out.length >= 1024) yield out.splice(0, out.length);
      }
      endRun(plan.stats, startedAt);
      if (out.length > 0) yield out;
    },
  };
}

/** TiDB's HashAgg (groups live in a hash map): `group by:…, funcs:count(1)->Column#0, …`. */
function aggregatePlan(input: RowSource, groupBy: readonly Expr[], calls: readonly FuncCallExpr[]): OperatorPlan {
  const estRows = groupBy.length === 0 ? 1 : (input.plan.estRows ?? 0) * PSEUDO_SELECTIVITY;
  const info = (): string => {
    const parts: string[] = [];
    if (groupBy.length > 0) parts.push(`group by:${describeConditions(groupBy, input.scope)}`);
    if (calls.length > 0) parts.push(`funcs:${calls.map((call, i) => `${describeExpr(call, input.scope)}->Column#${i}`).join(', ')}`);
    return parts.join(', ');
  };
  return operatorPlan('HashAgg', estRows, [input.plan], info);
}

function compileAggregate(call: FuncCallExpr, context: CompileContext, session: ExecutionContext): CompiledAggregate {
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

function compareOrdered(a: Row, b: Row, keys: readonly { expr: CompiledExpr; isDescending: boolean }[], session: ExecutionContext): number {
  for (const key of keys) {
    const x = key.expr.evaluate(a);
    const y = key.expr.evaluate(b);
    const order = x === null || y === null ? (x === y ? 0 : x === null ? -1 : 1) : compareValues(x, y, key.expr.type.collation, session.warnings);
    if (order !== 0) return key.isDescending ? -order : order;
  }
  return 0;
}
