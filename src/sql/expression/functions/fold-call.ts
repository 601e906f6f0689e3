// foldCall / strictCall: wrap an n-ary function body as a CompiledExpr, folded to a constant when every argument is.
import type { FieldType, SqlValue } from '../../types/index.js';
import { constantExpr } from '../compiled-expr.js';
import type { CompiledExpr } from '../compiled-expr.js';

/** A SQL value known not to be NULL. */
export type PresentValue = Exclude<SqlValue, null>;

/**
 * Builds a call of a deterministic function: `apply` receives every argument's value. When all arguments are
 * constant the call is evaluated once, at compile time (warnings go to the session then, as MySQL's folding does).
 * Never use it for non-deterministic functions (RAND, UUID): they must run per row.
 */
export function foldCall(
  args: readonly CompiledExpr[],
  type: FieldType,
  apply: (values: readonly SqlValue[]) => SqlValue,
  isNullable = true,
): CompiledExpr {
  if (args.every((arg) => arg.constantValue !== undefined)) {
    return constantExpr(apply(args.map((arg) => arg.constantValue ?? null)), type);
  }
  return { type, isNullable, evaluate: (row) => apply(args.map((arg) => arg.evaluate(row))) };
}

/** Like `foldCall` for the usual "NULL in → NULL out" functions: `apply` only sees calls with no NULL argument. */
export function strictCall(
  args: readonly CompiledExpr[],
  type: FieldType,
  apply: (values: readonly PresentValue[]) => SqlValue,
): CompiledExpr {
  return foldCall(args, type, (values) => (values.some((value) => value === null) ? null : apply(values as readonly PresentValue[])));
}
