// BuiltinFunction: one native SQL function's arity and compiler.
import type { FuncCallExpr } from '../../ast/index.js';
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
  compile(args: readonly CompiledExpr[], context: CompileContext, call: FuncCallExpr): CompiledExpr;
}
