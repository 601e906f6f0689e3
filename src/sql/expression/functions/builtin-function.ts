// BuiltinFunction: one native SQL function's arity and compiler.
import type { Expr, FuncCallExpr } from '../../ast/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import type { CompileContext } from '../compile-context.js';

/**
 * A native function: how many arguments it takes and how to compile a call from compiled arguments. `call` is the
 * call's AST, for syntax that is not an argument (TRIM's LEADING/TRAILING) and for the expression text MySQL quotes
 * in errors such as 1690.
 */
export interface BuiltinFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** True when the function takes `INTERVAL expr unit` or bare unit arguments (DATE_ADD, EXTRACT, TIMESTAMPDIFF). */
  readonly takesUnits?: boolean;
  /** True when the first argument names an object (NEXTVAL's sequence): it is read from the call, not compiled. */
  readonly takesObjectName?: boolean;
  /**
   * Expressions written in the call's own syntax rather than as arguments (JSON_VALUE's DEFAULT … ON EMPTY/ERROR):
   * they are compiled like arguments and passed after them.
   */
  clauseExprs?(call: FuncCallExpr): readonly Expr[];
  compile(args: readonly CompiledExpr[], context: CompileContext, call: FuncCallExpr): CompiledExpr;
}
