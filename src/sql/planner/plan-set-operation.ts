// planSetOperation: UNION / INTERSECT / EXCEPT [ALL|DISTINCT] over two planned queries, with their ORDER BY and LIMIT.
import { mysqlError, ER_BAD_FIELD_ERROR, ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT } from '../../errors/index.js';
import type { UnionStmt } from '../ast/index.js';
import { Scope, compileExpr, unifyTypes } from '../expression/index.js';
import type { CompileContext } from '../expression/index.js';
import { expressionColumn } from '../statement-result.js';
import type { FieldType, Row } from '../types/index.js';
import { describeExpr } from './describe-expr.js';
import { PSEUDO_SELECTIVITY, operatorPlan } from './operator-plan.js';
import type { OperatorPlan } from './operator-plan.js';
import type { OutputPlan, Projection, SetOperationPlan, SetOperators, SortKey } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import { evaluateLimit, outputOperators, resultScope } from './plan-output.js';

/**
 * Both sides are materialised when run, columns named after the left side, types unified; ORDER BY and LIMIT
 * apply to the combined rows.
 */
export function planSetOperation(union: UnionStmt, left: OutputPlan, right: OutputPlan, planContext: PlanContext): OutputPlan {
  const { session, params } = planContext;
  if (left.columns.length !== right.columns.length) throw mysqlError(ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT);
  const types: FieldType[] = left.columns.map((column, i) => unifyTypes([column.type, right.columns[i]!.type]));
  const columns = left.columns.map((column, i) =>
    expressionColumn(column.name, types[i]!, column.isNotNull && right.columns[i]!.isNotNull),
  );
  const scope = resultScope(columns);
  const context: CompileContext = { scope, clause: 'order clause', session, ...(params ? { params } : {}) };
  const sortKeys: SortKey[] = (union.orderBy ?? []).map((item) => {
    const expr = item.expr;
    if (expr.kind === 'NumberLiteralExpr' && expr.numberKind === 'int') {
      const index = Number(expr.text) - 1;
      if (index < 0 || index >= columns.length) throw mysqlError(ER_BAD_FIELD_ERROR, expr.text, 'order clause');
      return { expr: { type: types[index]!, isNullable: true, evaluate: (row: Row) => row[index] ?? null }, isDescending: item.direction === 'DESC' };
    }
    const unqualified = expr.kind === 'ColumnRefExpr' ? { ...expr, table: undefined, db: undefined } : expr;
    return { expr: compileExpr(unqualified, context), isDescending: item.direction === 'DESC' };
  });
  const limit = evaluateLimit(union.limit, { ...context, scope: Scope.empty });
  const projections: Projection[] = columns.map((column, index) => ({
    column,
    expr: { type: column.type, isNullable: true, evaluate: (row: Row) => row[index] ?? null },
  }));
  const setOperators = setOperationOperators(union, left.explain, right.explain, scope);
  const combined: SetOperationPlan = {
    kind: 'SetOperation',
    scope,
    explain: setOperators.top,
    left,
    right,
    op: union.op,
    isAll: union.isAll,
    types,
    operators: setOperators,
  };
  const operators = outputOperators(combined.explain, {
    subqueries: [],
    sort: (union.orderBy ?? []).map((item) => ({
      text: () => describeExpr(item.expr, scope),
      isDescending: item.direction === 'DESC',
    })),
    limit,
  });
  return { kind: 'Output', scope, explain: operators.top, input: combined, columns, projections, sortKeys, isDistinct: false, limit, parts: [], operators };
}

/**
 * UNION ALL is TiDB's Union; UNION (DISTINCT) a HashAgg over it; INTERSECT and EXCEPT count rows of the right side
 * in a hash map and filter the left (`concat` is the node whose rows are both inputs together, when there is one).
 */
function setOperationOperators(union: UnionStmt, left: OperatorPlan, right: OperatorPlan, scope: Scope): SetOperators {
  const groupBy = (): string => `group by:${scope.columns.map((_, i) => `Column#${i}`).join(', ')}`;
  if (union.op === 'UNION') {
    const concat = operatorPlan('Union', (left.estRows ?? 0) + (right.estRows ?? 0), [left, right]);
    if (union.isAll) return { top: concat, nodes: [concat], concat };
    const distinct = operatorPlan('HashAgg', (concat.estRows ?? 0) * PSEUDO_SELECTIVITY, [concat], groupBy);
    return { top: distinct, nodes: [concat, distinct], concat };
  }
  const name = union.op === 'INTERSECT' ? 'Intersect' : 'Except';
  const node = operatorPlan(
    name,
    (left.estRows ?? 0) * PSEUDO_SELECTIVITY,
    [left, right],
    () => (union.isAll ? 'all' : 'distinct'),
    { roles: ['Probe', 'Build'] },
  );
  return { top: node, nodes: [node] };
}
