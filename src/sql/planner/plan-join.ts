// planJoin: the join method for two inputs: an index join when the inner side can be fetched by key and the outer
// side is small, else a hash join on the equality conjuncts, else a nested loop.
import type { Expr } from '../ast/index.js';
import { compileExpr, forEachExpr } from '../expression/index.js';
import type { CompileContext, Scope } from '../expression/index.js';
import { isStringType, isTemporalType } from '../types/index.js';
import type { FieldType } from '../types/index.js';
import { conjunction, splitConjuncts } from './access-path.js';
import { describeConditions } from './describe-expr.js';
import { PSEUDO_SELECTIVITY, operatorPlan } from './operator-plan.js';
import type { OperatorPlan } from './operator-plan.js';
import type { EquiKey, HashJoinPlan, IndexJoinPlan, JoinKind, PhysicalPlan } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';
import { planIndexJoin } from './plan-index-join.js';

/**
 * Joins `left` and `right`; output rows are left columns then right columns. When the condition has
 * `leftExpr = rightExpr` conjuncts of comparable types, the inner side is fetched by key or hashed on them.
 */
export function planJoin(left: PhysicalPlan, right: PhysicalPlan, kind: JoinKind, condition: Expr | undefined, context: PlanContext): HashJoinPlan | IndexJoinPlan {
  const scope = left.scope.concat(right.scope);
  const { session, params } = context;
  const compileContext: CompileContext = { scope, clause: 'on clause', session, ...(params ? { params } : {}) };
  const { keys, rest } = splitEquiKeys(condition, left.scope, right.scope, compileContext);
  const residual = rest ? compileExpr(rest, compileContext) : undefined;
  const indexJoin = planIndexJoin(left, right, kind, keys, rest, residual, scope, context);
  if (indexJoin) return indexJoin;
  return { kind: 'HashJoin', scope, explain: joinExplain(left, right, kind, keys, rest, scope), left, right, joinKind: kind, keys, residual };
}

/**
 * TiDB's HashJoin when there are equality keys (the right input is hashed: Build; the left probes), else a nested
 * loop over the buffered right input, which TiDB would show as a CARTESIAN HashJoin.
 */
function joinExplain(
  left: PhysicalPlan,
  right: PhysicalPlan,
  kind: JoinKind,
  keys: readonly EquiKey[],
  rest: Expr | undefined,
  scope: Scope,
): OperatorPlan {
  const leftRows = left.explain.estRows ?? 0;
  const rightRows = right.explain.estRows ?? 0;
  const estRows =
    keys.length > 0 ? Math.max(leftRows, rightRows) : leftRows * rightRows * (rest ? PSEUDO_SELECTIVITY : 1);
  const info = (): string => {
    const parts = [
      `${keys.length === 0 && !rest ? 'CARTESIAN ' : ''}${kind === 'left' ? 'left outer join' : 'inner join'}`,
    ];
    if (keys.length > 0)
      parts.push(
        `equal:[${describeConditions(
          keys.map((key) => key.condition),
          scope,
        )}]`,
      );
    if (rest) parts.push(`other cond:${describeConditions(splitConjuncts(rest), scope)}`);
    return parts.join(', ');
  };
  return operatorPlan(keys.length > 0 ? 'HashJoin' : 'NestedLoopJoin', estRows, [right.explain, left.explain], info, {
    roles: ['Build', 'Probe'],
  });
}

/**
 * Finds `l = r` conjuncts whose sides read only the left and only the right input, with types that hash alike
 * (both numeric, or both text of one collation). The rest of the condition stays a filter on joined rows.
 */
function splitEquiKeys(condition: Expr | undefined, left: Scope, right: Scope, context: CompileContext): { keys: EquiKey[]; rest: Expr | undefined } {
  const keys: EquiKey[] = [];
  const rest: Expr[] = [];
  const leftContext = { ...context, scope: left };
  const rightContext = { ...context, scope: right };
  for (const conjunct of splitConjuncts(condition)) {
    if (conjunct.kind === 'BinaryExpr' && conjunct.op === '=') {
      const a = sideOf(conjunct.left, left, right);
      const b = sideOf(conjunct.right, left, right);
      const pair = a === 'left' && b === 'right' ? [conjunct.left, conjunct.right] : a === 'right' && b === 'left' ? [conjunct.right, conjunct.left] : undefined;
      if (pair) {
        const key = {
          left: compileExpr(pair[0]!, leftContext),
          right: compileExpr(pair[1]!, rightContext),
          condition: conjunct,
          outer: pair[0]!,
        };
        if (hashCompatible(key.left.type, key.right.type)) {
          keys.push(key);
          continue;
        }
      }
    }
    rest.push(conjunct);
  }
  return { keys, rest: conjunction(rest) };
}

function hashCompatible(a: FieldType, b: FieldType): boolean {
  const isText = (type: FieldType): boolean => isStringType(type);
  if (isText(a) !== isText(b)) return false;
  if (isText(a)) return a.collation === b.collation;
  return !(isTemporalType(a) || isTemporalType(b));
}

/** Which input an expression reads: only the left, only the right, none (a constant), or both/unknown. */
export function sideOf(expr: Expr, left: Scope, right: Scope): 'left' | 'right' | 'none' | 'both' {
  let usesLeft = false;
  let usesRight = false;
  let isUnknown = false;
  forEachExpr(expr, (node) => {
    if (node.kind === 'SubqueryExpr' || node.kind === 'ExistsExpr' || node.kind === 'InSubqueryExpr' || node.kind === 'QuantifiedCompareExpr') isUnknown = true;
    if (node.kind === 'UserVarExpr' || node.kind === 'AssignExpr') isUnknown = true;
    if (node.kind !== 'ColumnRefExpr') return;
    const inLeft = left.has(node);
    const inRight = right.has(node);
    if (inLeft && inRight) isUnknown = true;
    else if (inLeft) usesLeft = true;
    else if (inRight) usesRight = true;
    else isUnknown = true;
  });
  if (isUnknown || (usesLeft && usesRight)) return 'both';
  if (usesLeft) return 'left';
  if (usesRight) return 'right';
  return 'none';
}
