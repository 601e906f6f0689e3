// chooseAccessPath: picks point gets or a handle range from WHERE conjuncts on the integer primary key.
import type { BinaryExpr, Expr } from '../ast/index.js';
import type { IndexInfo, TableInfo } from '../catalog/index.js';
import type { KeyRange } from '../../storage/kv.js';
import { chooseIndexPath } from './index-path.js';
import type { CompiledExpr } from '../expression/index.js';
import { LateBoundParams, compileExpr } from '../expression/index.js';
import type { CompileContext } from '../expression/index.js';
import { toInteger } from '../types/index.js';
import type { SqlValue } from '../types/index.js';

/** How a single-table statement reads its rows. */
export type AccessPath =
  | { readonly kind: 'point'; readonly handles: readonly bigint[]; readonly consumed?: readonly Expr[] }
  | { readonly kind: 'range'; readonly low?: bigint; readonly high?: bigint; readonly consumed?: readonly Expr[] }
  | { readonly kind: 'index'; readonly index: IndexInfo; readonly ranges: readonly KeyRange[]; readonly rangeText: readonly string[] }
  | { readonly kind: 'full' };

/**
 * The conjuncts the rows read by `path` satisfy by construction (integer constants on a signed handle), which the
 * table's filter need not test again; TiDB calls them access conditions.
 */
export function accessConditions(path: AccessPath): readonly Expr[] {
  return path.kind === 'point' || path.kind === 'range' ? (path.consumed ?? []) : [];
}

/**
 * Whether `path` satisfies every one of `conjuncts` by construction: a reused plan whose filter left them out (they
 * were its path's access conditions) still fits a new path only if that path consumes them too.
 */
export function consumesAll(path: AccessPath, conjuncts: readonly Expr[]): boolean {
  const consumed = accessConditions(path);
  return conjuncts.every((conjunct) => consumed.includes(conjunct));
}

/** Two paths read the same way (kind, and the same index): a reused plan built around one fits the other. */
export function isSamePathShape(a: AccessPath, b: AccessPath): boolean {
  return a.kind === b.kind && (a.kind !== 'index' || (b.kind === 'index' && a.index === b.index));
}

/** Splits `a AND b AND c` into its conjuncts. */
export function splitConjuncts(expr: Expr | undefined): Expr[] {
  if (!expr) return [];
  if (expr.kind === 'BinaryExpr' && expr.op === 'AND') return [...splitConjuncts(expr.left), ...splitConjuncts(expr.right)];
  return [expr];
}

/** `a AND b AND …` of the conjuncts, or undefined for none. */
export function conjunction(conjuncts: readonly Expr[]): Expr | undefined {
  let result: Expr | undefined;
  for (const conjunct of conjuncts) result = result ? { kind: 'BinaryExpr', op: 'AND', left: result, right: conjunct } : conjunct;
  return result;
}

/**
 * Looks for `pk = c`, `pk IN (c, …)` and `pk <, <=, >, >=, BETWEEN c` on the handle column among the conjuncts of
 * `where`, with constant sides. The full WHERE is still applied to the rows read, so the path only has to be a
 * superset of the matching rows.
 */
export function chooseAccessPath(table: TableInfo, where: Expr | undefined, context: CompileContext): AccessPath {
  const path = chooseHandlePath(table, where, context);
  if (path.kind !== 'full' || !where) return path;
  return chooseIndexPath(table, splitConjuncts(where), context) ?? path;
}

function chooseHandlePath(table: TableInfo, where: Expr | undefined, context: CompileContext): AccessPath {
  const handleOffset = table.handleColumnOffset;
  if (handleOffset === undefined || !where) return { kind: 'full' };
  const handleName = table.columns[handleOffset]!.name.toLowerCase();
  const isHandle = (expr: Expr): boolean => expr.kind === 'ColumnRefExpr' && expr.column.toLowerCase() === handleName;
  // A bare `?` (every reused plan's key condition) is its value: compiling it only to read the constant back costs
  // each execution of a prepared point select a closure and a collation lookup.
  const values = context.params instanceof LateBoundParams ? undefined : context.params;
  const constant = (expr: Expr): SqlValue | undefined =>
    expr.kind === 'ParamExpr' && values !== undefined ? (values[expr.index] ?? null) : constantOf(compileQuietly(expr, context));
  // Rows read by handle equal integer constants exactly; other constants (1.0, '1') keep their conjunct as a filter.
  const canConsume = !table.columns[handleOffset]!.type.isUnsigned;
  const isExact = (...exprs: Expr[]): boolean => canConsume && exprs.every((expr) => typeof constant(expr) === 'bigint');
  let low: bigint | undefined;
  let high: bigint | undefined;
  const consumed: Expr[] = [];
  for (const conjunct of splitConjuncts(where)) {
    if (conjunct.kind === 'BinaryExpr' && conjunct.op === '=') {
      const other = isHandle(conjunct.left) ? conjunct.right : isHandle(conjunct.right) ? conjunct.left : undefined;
      const handle = integralHandle(other && constant(other), context);
      if (handle !== undefined) return { kind: 'point', handles: handle === null ? [] : [handle], ...(isExact(other!) ? { consumed: [conjunct] } : {}) };
    }
    if (conjunct.kind === 'InListExpr' && !conjunct.isNot && isHandle(conjunct.operand)) {
      const values = conjunct.list.map((item) => integralHandle(constant(item), context));
      if (values.every((value) => value !== undefined)) {
        const handles = [...new Set(values.filter((value): value is bigint => value !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return { kind: 'point', handles, ...(isExact(...conjunct.list) ? { consumed: [conjunct] } : {}) };
      }
    }
    if (conjunct.kind === 'BinaryExpr') {
      const bound = rangeBound(conjunct, isHandle, constant, context);
      if (bound?.low !== undefined && (low === undefined || bound.low > low)) low = bound.low;
      if (bound?.high !== undefined && (high === undefined || bound.high < high)) high = bound.high;
      if (bound && isExact(isHandle(conjunct.left) ? conjunct.right : conjunct.left)) consumed.push(conjunct);
    }
    if (conjunct.kind === 'BetweenExpr' && !conjunct.isNot && isHandle(conjunct.operand)) {
      const from = ceilHandle(constant(conjunct.low), context);
      const to = floorHandle(constant(conjunct.high), context);
      if (from !== undefined && (low === undefined || from > low)) low = from;
      if (to !== undefined && (high === undefined || to < high)) high = to;
      if (from !== undefined && to !== undefined && isExact(conjunct.low, conjunct.high)) consumed.push(conjunct);
    }
  }
  if (low === undefined && high === undefined) return { kind: 'full' };
  return { kind: 'range', ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }), ...(consumed.length > 0 ? { consumed } : {}) };
}

function compileQuietly(expr: Expr, context: CompileContext): CompiledExpr | undefined {
  try {
    return compileExpr(expr, context);
  } catch {
    return undefined;
  }
}

function constantOf(compiled: CompiledExpr | undefined): SqlValue | undefined {
  return compiled?.constantValue;
}

/** A handle for `pk = value`: null when nothing can match (NULL or a non-integral number), undefined when unknown. */
function integralHandle(value: SqlValue | undefined, context: CompileContext): bigint | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string') return undefined;
  const asNumber = Number(typeof value === 'number' ? value : value.toString());
  if (!Number.isFinite(asNumber)) return undefined;
  return Number.isInteger(asNumber) ? (toInteger(value, context.session.warnings) ?? null) : null;
}

function ceilHandle(value: SqlValue | undefined, context: CompileContext): bigint | undefined {
  if (value === undefined || value === null || typeof value === 'string') return undefined;
  if (typeof value === 'bigint') return value;
  const number = Number(typeof value === 'number' ? value : value.toString());
  return Number.isFinite(number) ? toInteger(Math.ceil(number), context.session.warnings) ?? undefined : undefined;
}

function floorHandle(value: SqlValue | undefined, context: CompileContext): bigint | undefined {
  if (value === undefined || value === null || typeof value === 'string') return undefined;
  if (typeof value === 'bigint') return value;
  const number = Number(typeof value === 'number' ? value : value.toString());
  return Number.isFinite(number) ? toInteger(Math.floor(number), context.session.warnings) ?? undefined : undefined;
}

function rangeBound(
  expr: BinaryExpr,
  isHandle: (expr: Expr) => boolean,
  constant: (expr: Expr) => SqlValue | undefined,
  context: CompileContext,
): { low?: bigint; high?: bigint } | undefined {
  let op = expr.op;
  let valueSide: Expr;
  if (isHandle(expr.left)) {
    valueSide = expr.right;
  } else if (isHandle(expr.right)) {
    valueSide = expr.left;
    op = op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : op === '>=' ? '<=' : op;
  } else {
    return undefined;
  }
  const value = constant(valueSide);
  switch (op) {
    case '>': {
      const bound = floorHandle(value, context);
      return bound === undefined ? undefined : { low: bound + 1n };
    }
    case '>=': {
      const bound = ceilHandle(value, context);
      return bound === undefined ? undefined : { low: bound };
    }
    case '<': {
      const bound = ceilHandle(value, context);
      return bound === undefined ? undefined : { high: bound - 1n };
    }
    case '<=': {
      const bound = floorHandle(value, context);
      return bound === undefined ? undefined : { high: bound };
    }
    default:
      return undefined;
  }
}
