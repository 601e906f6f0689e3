// planWindowFrame: a window's frame clause checked as MySQL checks it and compiled into the bounds the Window operator
// computes per row; without a frame clause, MySQL's default frame.
// https://dev.mysql.com/doc/refman/8.0/en/window-functions-frames.html
import {
  mysqlError,
  ER_NOT_SUPPORTED_YET,
  ER_WINDOW_FRAME_END_ILLEGAL,
  ER_WINDOW_FRAME_ILLEGAL,
  ER_WINDOW_FRAME_START_ILLEGAL,
  ER_WINDOW_RANGE_BOUND_NOT_CONSTANT,
  ER_WINDOW_RANGE_FRAME_NUMERIC_TYPE,
  ER_WINDOW_RANGE_FRAME_ORDER_TYPE,
  ER_WINDOW_RANGE_FRAME_TEMPORAL_TYPE,
  ER_WINDOW_ROWS_INTERVAL_USE,
} from '../../errors/index.js';
import type { Expr, FrameBound, OrderItem, WindowFrame } from '../ast/index.js';
import { compileExpr, forEachExpr } from '../expression/index.js';
import type { CompileContext, CompiledExpr } from '../expression/index.js';
import { isFloatType, isIntegerType, isTemporalType, toDouble, TypeKind } from '../types/index.js';
import type { FieldType, SqlValue, WarningSink } from '../types/index.js';
import type { BoundPlan, FramePlan } from './window-function-plan.js';

const CURRENT_ROW: FrameBound = { kind: 'CURRENT ROW' };

/** The window's frame, checked; undefined when every row's frame is its whole partition. */
export function planWindowFrame(
  frame: WindowFrame | undefined,
  windowName: string,
  orderBy: readonly OrderItem[],
  orderTypes: readonly FieldType[],
  context: CompileContext,
): FramePlan | undefined {
  // Without a frame clause: up to the current row's last peer when ordered, else the whole partition.
  if (!frame) return orderBy.length > 0 ? { units: 'RANGE', start: { kind: 'unbounded' }, end: { kind: 'current' } } : undefined;
  if (frame.exclude !== undefined) throw mysqlError(ER_NOT_SUPPORTED_YET, 'EXCLUDE');
  if (frame.units === 'GROUPS') throw mysqlError(ER_NOT_SUPPORTED_YET, 'GROUPS');
  let start = frame.start;
  let end = frame.end ?? CURRENT_ROW;
  const isRange = frame.units === 'RANGE';
  if (isRange) {
    // Without ORDER BY all rows are peers, so a RANGE frame's CURRENT ROW reaches the partition's ends.
    if (orderBy.length === 0) {
      if (start.kind === 'CURRENT ROW') start = { kind: 'UNBOUNDED PRECEDING' };
      if (end.kind === 'CURRENT ROW') end = { kind: 'UNBOUNDED FOLLOWING' };
    }
    for (const bound of [start, end]) if ('value' in bound) checkRangeOrder(bound.value, windowName, orderTypes);
  }
  checkShape(start, end, frame.units, windowName);
  const compile = (bound: FrameBound): BoundPlan => {
    switch (bound.kind) {
      case 'UNBOUNDED PRECEDING':
      case 'UNBOUNDED FOLLOWING':
        return { kind: 'unbounded' };
      case 'CURRENT ROW':
        return { kind: 'current' };
      case 'PRECEDING':
      case 'FOLLOWING': {
        const isPreceding = bound.kind === 'PRECEDING';
        const value = bound.value.kind === 'IntervalExpr' ? bound.value.value : bound.value;
        const offset = compileExpr(value, context);
        // A `?` is checked when the statement runs (a prepared statement is planned with placeholder values first).
        if (value.kind !== 'ParamExpr') checkOffsetValue(offset, isRange, windowName, context.session.warnings);
        if (!isRange) return { kind: 'rows', offset, isPreceding };
        const item = orderBy[0]!;
        // MySQL's build_addop: the bound is the current row's value moved towards the frame's side.
        const isBackwards = isPreceding !== (item.direction === 'DESC');
        const moved: Expr =
          bound.value.kind === 'IntervalExpr'
            ? { kind: 'FuncCallExpr', name: isBackwards ? 'DATE_SUB' : 'DATE_ADD', args: [item.expr, bound.value] }
            : { kind: 'BinaryExpr', op: isBackwards ? '-' : '+', left: item.expr, right: bound.value };
        return { kind: 'range', bound: compileExpr(moved, { ...context, clause: 'window order by' }), offset };
      }
    }
  };
  return { units: frame.units, start: compile(start), end: compile(end) };
}

/** 3587 unless the window has one numeric or temporal ORDER BY key, then 3588/3589 for a bound of the other kind. */
function checkRangeOrder(value: Expr, windowName: string, orderTypes: readonly FieldType[]): void {
  const type = orderTypes.length === 1 ? orderTypes[0]! : undefined;
  const isNumeric = type !== undefined && (isIntegerType(type) || isFloatType(type) || type.kind === TypeKind.Decimal);
  const isTemporal = type !== undefined && isTemporalType(type);
  if (!isNumeric && !isTemporal) throw mysqlError(ER_WINDOW_RANGE_FRAME_ORDER_TYPE, windowName);
  const isInterval = value.kind === 'IntervalExpr';
  if (isTemporal && !isInterval) throw mysqlError(ER_WINDOW_RANGE_FRAME_TEMPORAL_TYPE, windowName);
  if (isNumeric && isInterval) throw mysqlError(ER_WINDOW_RANGE_FRAME_NUMERIC_TYPE, windowName);
}

/** MySQL's check_border_sanity1: the bounds' kinds and order, INTERVAL only with RANGE, constant offsets. */
function checkShape(start: FrameBound, end: FrameBound, units: WindowFrame['units'], windowName: string): void {
  if (start.kind === 'UNBOUNDED FOLLOWING') throw mysqlError(ER_WINDOW_FRAME_START_ILLEGAL, windowName);
  if (end.kind === 'UNBOUNDED PRECEDING') throw mysqlError(ER_WINDOW_FRAME_END_ILLEGAL, windowName);
  const isBackwards =
    (start.kind === 'CURRENT ROW' && end.kind === 'PRECEDING') ||
    (start.kind === 'FOLLOWING' && (end.kind === 'CURRENT ROW' || end.kind === 'PRECEDING'));
  if (isBackwards) throw mysqlError(ER_WINDOW_FRAME_ILLEGAL, windowName);
  for (const bound of [start, end]) {
    if (!('value' in bound)) continue;
    if (units === 'ROWS' && bound.value.kind === 'IntervalExpr') throw mysqlError(ER_WINDOW_ROWS_INTERVAL_USE, windowName);
    if (!isConstant(bound.value)) throw mysqlError(ER_WINDOW_RANGE_BOUND_NOT_CONSTANT, windowName);
  }
}

/** Reads no column, no subquery and no variable: the same value for every row of an execution. */
function isConstant(expr: Expr): boolean {
  let isFixed = true;
  forEachExpr(expr, (node) => {
    const kind = node.kind;
    if (kind === 'ColumnRefExpr' || kind === 'SubqueryExpr' || kind === 'ExistsExpr' || kind === 'InSubqueryExpr' || kind === 'UserVarExpr' || kind === 'AssignExpr') isFixed = false;
    return isFixed;
  });
  return isFixed;
}

/**
 * MySQL's check_border_sanity2 for an offset known while planning (a `?` is checked when the statement runs, by
 * `frameOffset`): ROWS takes a non-negative integer, RANGE a non-negative number or INTERVAL.
 */
function checkOffsetValue(offset: CompiledExpr, isRange: boolean, windowName: string, warnings: WarningSink): void {
  if (offset.constantValue === undefined) return;
  if (!isRange && !isIntegerType(offset.type)) throw mysqlError(ER_WINDOW_FRAME_ILLEGAL, windowName);
  frameOffset(offset.constantValue, windowName, warnings);
}

/** A frame offset's value as a number, or 3586 when it is NULL or negative. */
export function frameOffset(value: SqlValue, windowName: string, warnings: WarningSink): number {
  const number = value === null ? null : toDouble(value, warnings);
  if (number === null || number < 0 || Number.isNaN(number)) throw mysqlError(ER_WINDOW_FRAME_ILLEGAL, windowName);
  return number;
}
