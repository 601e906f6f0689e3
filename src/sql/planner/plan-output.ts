// outputOperators: the parts of a query's Output node planned alike for SELECT and set operations: the result
// layout, LIMIT's values, and what EXPLAIN shows for it: Projection, HashAgg (DISTINCT), then Sort, TopN or Limit.
import { mysqlError, ER_WRONG_ARGUMENTS } from '../../errors/index.js';
import type { Expr, Limit } from '../ast/index.js';
import { Scope, compileExpr } from '../expression/index.js';
import type { AsyncPart, CompileContext } from '../expression/index.js';
import type { ResultColumn } from '../statement-result.js';
import { toInteger } from '../types/index.js';
import { PSEUDO_SELECTIVITY, operatorPlan } from './operator-plan.js';
import type { OperatorPlan } from './operator-plan.js';
import type { LimitValue, OutputOperators } from './physical-plan.js';

/** The layout of a query's result rows: its result columns, under no table. */
export function resultScope(columns: readonly ResultColumn[]): Scope {
  return new Scope(
    columns.map((column) => ({
      name: column.name,
      table: '',
      database: '',
      type: column.type,
      isNotNull: column.isNotNull,
    })),
  );
}

/** LIMIT [offset,] count: constants (or `?`) that are non-negative integers, else 1210. */
export function evaluateLimit(limit: Limit | undefined, context: CompileContext): LimitValue | undefined {
  if (!limit) return undefined;
  const value = (expr: Expr): number => {
    const compiled = compileExpr(expr, context);
    const number = compiled.constantValue === undefined ? null : toInteger(compiled.constantValue, context.session.warnings);
    if (number === null || number < 0n) throw mysqlError(ER_WRONG_ARGUMENTS, 'LIMIT');
    return number > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(number);
  };
  return { count: value(limit.count), offset: limit.offset ? value(limit.offset) : 0 };
}

/** The operators EXPLAIN shows above `input`, each present only when the query has that step. */
export function outputOperators(
  input: OperatorPlan,
  parts: {
    projection?: () => string;
    subqueries: readonly AsyncPart[];
    distinct?: () => string;
    sort: readonly { text: () => string; isDescending: boolean }[];
    limit: LimitValue | undefined;
  },
): OutputOperators {
  let top = input;
  let projection: OperatorPlan | undefined;
  let distinct: OperatorPlan | undefined;
  let order: OperatorPlan | undefined;
  if (parts.projection || parts.subqueries.length > 0) {
    projection = operatorPlan('Projection', top.estRows, [top], parts.projection ?? (() => ''), {
      subqueries: parts.subqueries,
    });
    top = projection;
  }
  if (parts.distinct) {
    const text = parts.distinct;
    distinct = { ...operatorPlan('HashAgg', (top.estRows ?? 0) * PSEUDO_SELECTIVITY, [top], () => `group by:${text()}`), isDistinct: true };
    top = distinct;
  }
  const sortText = (): string =>
    parts.sort.map((item) => `${item.text()}${item.isDescending ? ':desc' : ''}`).join(', ');
  const limit = parts.limit;
  const limited = (rows: number | undefined): number => (limit ? Math.min(limit.count, rows ?? 0) : (rows ?? 0));
  if (parts.sort.length > 0 && limit)
    order = operatorPlan(
      'TopN',
      limited(top.estRows),
      [top],
      () => `${sortText()}, offset:${limit.offset}, count:${limit.count}`,
    );
  else if (parts.sort.length > 0) order = operatorPlan('Sort', top.estRows, [top], sortText);
  else if (limit)
    order = operatorPlan('Limit', limited(top.estRows), [top], () => `offset:${limit.offset}, count:${limit.count}`);
  if (order) top = order;
  return { ...(projection ? { projection } : {}), ...(distinct ? { distinct } : {}), ...(order ? { order } : {}), top };
}
