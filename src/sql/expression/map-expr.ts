// mapExpr / forEachExpr: generic traversal of expression trees (not into subqueries, but into a window call's
// PARTITION BY and ORDER BY), for rewrites and analysis.
import type { Expr, WindowSpec } from '../ast/index.js';

/**
 * Rebuilds `expr` bottom-up after offering each node to `replace` first: when `replace` returns a node, that node is
 * used as is (its children are not visited). Subqueries are left alone: they have their own scope.
 */
export function mapExpr(expr: Expr, replace: (node: Expr) => Expr | undefined): Expr {
  const replaced = replace(expr);
  if (replaced) return replaced;
  const map = (child: Expr): Expr => mapExpr(child, replace);
  switch (expr.kind) {
    case 'UnaryExpr':
      return { ...expr, operand: map(expr.operand) };
    case 'BinaryExpr':
      return { ...expr, left: map(expr.left), right: map(expr.right) };
    case 'IsExpr':
      return { ...expr, operand: map(expr.operand) };
    case 'LikeExpr':
      return { ...expr, operand: map(expr.operand), pattern: map(expr.pattern), ...(expr.escape ? { escape: map(expr.escape) } : {}) };
    case 'RegexpExpr':
      return { ...expr, operand: map(expr.operand), pattern: map(expr.pattern) };
    case 'InListExpr':
      return { ...expr, operand: map(expr.operand), list: expr.list.map(map) };
    case 'InSubqueryExpr':
      return { ...expr, operand: map(expr.operand) };
    case 'BetweenExpr':
      return { ...expr, operand: map(expr.operand), low: map(expr.low), high: map(expr.high) };
    case 'QuantifiedCompareExpr':
      return { ...expr, left: map(expr.left) };
    case 'CollateExpr':
      return { ...expr, operand: map(expr.operand) };
    case 'AssignExpr':
      return { ...expr, value: map(expr.value) };
    case 'FuncCallExpr':
      return { ...expr, args: expr.args.map(map), ...(expr.over ? { over: mapWindowSpec(expr.over, map) } : {}) };
    case 'CastExpr':
    case 'ConvertUsingExpr':
      return { ...expr, operand: map(expr.operand) };
    case 'CaseExpr':
      return {
        ...expr,
        ...(expr.operand ? { operand: map(expr.operand) } : {}),
        whens: expr.whens.map((w) => ({ when: map(w.when), then: map(w.then) })),
        ...(expr.else ? { else: map(expr.else) } : {}),
      };
    case 'IntervalExpr':
      return { ...expr, value: map(expr.value) };
    case 'RowExpr':
      return { ...expr, items: expr.items.map(map) };
    case 'JsonPathExpr': {
      // `->` takes a column only; a column replaced by an expression (a view's) becomes the JSON_EXTRACT it stands for.
      const operand = map(expr.operand);
      return operand.kind === 'ColumnRefExpr' ? { ...expr, operand } : jsonPathCall(operand, expr.path, expr.isUnquote);
    }
    case 'NumberLiteralExpr':
    case 'StringLiteralExpr':
    case 'HexLiteralExpr':
    case 'BitLiteralExpr':
    case 'NullLiteralExpr':
    case 'BoolLiteralExpr':
    case 'TemporalLiteralExpr':
    case 'ColumnRefExpr':
    case 'UserVarExpr':
    case 'SysVarExpr':
    case 'ParamExpr':
    case 'DefaultExpr':
    case 'IntervalUnitExpr':
    case 'ExistsExpr':
    case 'SubqueryExpr':
    case 'MatchExpr':
      return expr;
  }
}

/** A window specification with its PARTITION BY and ORDER BY expressions mapped (frame offsets are constants). */
export function mapWindowSpec(spec: WindowSpec, map: (expr: Expr) => Expr): WindowSpec {
  return {
    ...spec,
    ...(spec.partitionBy ? { partitionBy: spec.partitionBy.map(map) } : {}),
    ...(spec.orderBy ? { orderBy: spec.orderBy.map((item) => ({ ...item, expr: map(item.expr) })) } : {}),
  };
}

/** `doc->'path'` as the call it abbreviates: JSON_EXTRACT(doc, 'path'), inside JSON_UNQUOTE for `->>`. */
export function jsonPathCall(operand: Expr, path: string, isUnquote: boolean): Expr {
  const extract: Expr = { kind: 'FuncCallExpr', name: 'JSON_EXTRACT', args: [operand, { kind: 'StringLiteralExpr', value: path }] };
  return isUnquote ? { kind: 'FuncCallExpr', name: 'JSON_UNQUOTE', args: [extract] } : extract;
}

/** Calls `visit` on every node of `expr` (pre-order, not into subqueries); `visit` returning false skips children. */
export function forEachExpr(expr: Expr, visit: (node: Expr) => boolean | void): void {
  if (visit(expr) === false) return;
  for (const child of childrenOf(expr)) forEachExpr(child, visit);
}

const NO_CHILDREN: readonly Expr[] = [];

/** The direct sub-expressions of `expr` (not subqueries), without rebuilding anything. */
function childrenOf(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'UnaryExpr':
    case 'IsExpr':
    case 'CollateExpr':
    case 'CastExpr':
    case 'ConvertUsingExpr':
    case 'InSubqueryExpr':
      return [expr.operand];
    case 'BinaryExpr':
      return [expr.left, expr.right];
    case 'LikeExpr':
      return expr.escape ? [expr.operand, expr.pattern, expr.escape] : [expr.operand, expr.pattern];
    case 'RegexpExpr':
      return [expr.operand, expr.pattern];
    case 'InListExpr':
      return [expr.operand, ...expr.list];
    case 'BetweenExpr':
      return [expr.operand, expr.low, expr.high];
    case 'QuantifiedCompareExpr':
      return [expr.left];
    case 'AssignExpr':
      return [expr.value];
    case 'FuncCallExpr':
      return expr.over ? [...expr.args, ...(expr.over.partitionBy ?? []), ...(expr.over.orderBy ?? []).map((item) => item.expr)] : expr.args;
    case 'CaseExpr': {
      const children: Expr[] = expr.operand ? [expr.operand] : [];
      for (const branch of expr.whens) children.push(branch.when, branch.then);
      if (expr.else) children.push(expr.else);
      return children;
    }
    case 'IntervalExpr':
      return [expr.value];
    case 'RowExpr':
      return expr.items;
    case 'JsonPathExpr':
      return [expr.operand];
    default:
      return NO_CHILDREN;
  }
}
