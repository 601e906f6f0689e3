// BuiltinFunction: one native SQL function's arity and compiler.
import type { CompiledExpr } from '../compiled-expr.js';
import type { CompileContext } from '../compile-context.js';

/** A native function: how many arguments it takes and how to compile a call from compiled arguments. */
export interface BuiltinFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  compile(args: readonly CompiledExpr[], context: CompileContext): CompiledExpr;
}
