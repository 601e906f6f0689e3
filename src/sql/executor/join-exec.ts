// joinSource: INNER/CROSS/LEFT joins, by hash on equality conditions when there are any, else nested loops.
import type { StatementParams } from '../expression/index.js';
import type { Expr } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr, forEachExpr } from '../expression/index.js';
import type { CompileContext, CompiledExpr, Scope } from '../expression/index.js';
import { isStringType, isTemporalType, toBoolean } from '../types/index.js';
import type { FieldType, Row, SqlValue } from '../types/index.js';
import { hashRows, nestedLoopRows, probeRows, rebatch } from './hash-rows.js';
import type { RowSource } from './row-source.js';
import { planIndexJoin } from './index-join-exec.js';
import { checkMemory } from '../memory-guard.js';
import { splitConjuncts } from '../planner/access-path.js';
import { conjunction } from './table-source.js';
import { describeConditions } from '../planner/describe-expr.js';
import { PSEUDO_SELECTIVITY, endRun, operatorPlan, startRun } from '../planner/operator-plan.js';
import type { OperatorPlan } from '../planner/operator-plan.js';

/** Which rows a join keeps: matches only, or also unmatched left rows padded with NULLs. */
export type JoinKind = 'inner' | 'left';

export interface EquiKey {
  readonly left: CompiledExpr;
  readonly right: CompiledExpr;
  /** `left = right` as written, for EXPLAIN. */
  readonly condition: Expr;
  /** The side of `condition` that reads the left input. */
  readonly outer: Expr;
}

/**
 * Joins `left` and `right`; output rows are left columns then right columns. The inner side is read once per
 * execution and, when the condition has `leftExpr = rightExpr` conjuncts of comparable types, hashed on them.
 */
export function joinSource(left: RowSource, right: RowSource, kind: JoinKind, condition: Expr | undefined, session: ExecutionContext, params?: StatementParams): RowSource {
  const scope = left.scope.concat(right.scope);
  const context: CompileContext = { scope, clause: 'on clause', session, ...(params ? { params } : {}) };
  const { keys, rest } = splitEquiKeys(condition, left.scope, right.scope, context);
  const residual = rest ? compileExpr(rest, context) : undefined;
  const warnings = session.warnings;
  const rightWidth = right.scope.columns.length;
  const matches = (row: Row): boolean => !residual || toBoolean(residual.evaluate(row), warnings) === true;
  const indexJoin = planIndexJoin(left, right, kind, keys, rest, scope, matches);
  if (indexJoin) return indexJoin;
  const plan = joinPlan(left, right, kind, keys, rest, scope);
  return {
    scope,
    plan,
    rows: async function* () {
      const startedAt = startRun(plan.stats);
      try {
        const inner: Row[] = [];
        for await (const batch of right.rows()) {
          for (const row of batch) inner.push(row);
          checkMemory();
        }
        const table =
          keys.length > 0
            ? hashRows(
                inner,
                keys.map((key) => key.right),
                keys.map((key) => key.right.type),
              )
            : undefined;
        const leftTypes = keys.map((key) => key.right.type);
        const nulls: SqlValue[] = new Array<SqlValue>(rightWidth).fill(null);
        for await (const batch of left.rows()) {
          const padding = kind === 'left' ? nulls : undefined;
          const joined = table
            ? probeRows(
                batch,
                table,
                keys.map((key) => key.left),
                leftTypes,
                matches,
                padding,
              )
            : nestedLoopRows(batch, inner, matches, padding);
          yield* rebatch(joined, plan);
        }
      } finally {
        endRun(plan.stats, startedAt);
      }
    },
  };
}

/**
 * TiDB's HashJoin when there are equality keys (the right input is hashed: Build; the left probes), else a nested
 * loop over the buffered right input, which TiDB would show as a CARTESIAN HashJoin.
 */
function joinPlan(
  left: RowSource,
  right: RowSource,
  kind: JoinKind,
  keys: readonly EquiKey[],
  rest: Expr | undefined,
  scope: Scope,
): OperatorPlan {
  const leftRows = left.plan.estRows ?? 0;
  const rightRows = right.plan.estRows ?? 0;
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
  return operatorPlan(keys.length > 0 ? 'HashJoin' : 'NestedLoopJoin', estRows, [right.plan, left.plan], info, {
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
