// compileFunctionCall: looks a function name up in the builtin registry and checks its argument count.
import { mysqlError, ER_INVALID_GROUP_FUNC_USE, ER_SP_DOES_NOT_EXIST, ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT } from '../../../errors/index.js';
import type { Expr, FuncCallExpr } from '../../ast/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import type { CompileContext } from '../compile-context.js';
import { AGGREGATE_FUNCTION_NAMES, builtinFunctions } from './builtin-functions.js';

type Compile = (expr: Expr, context: CompileContext) => CompiledExpr;

/** Compiles a scalar function call; aggregates reaching here are misplaced (1111). */
export function compileFunctionCall(call: FuncCallExpr, context: CompileContext, compile: Compile): CompiledExpr {
  const name = call.name.toUpperCase();
  if (AGGREGATE_FUNCTION_NAMES.has(name)) throw mysqlError(ER_INVALID_GROUP_FUNC_USE);
  const builtin = builtinFunctions.get(name);
  if (!builtin || call.db !== undefined) {
    const database = call.db ?? context.session.currentDatabase ?? '';
    throw mysqlError(ER_SP_DOES_NOT_EXIST, 'FUNCTION', `${database}.${call.name.toLowerCase()}`);
  }
  const count = call.args.length;
  if (count < builtin.minArgs || count > builtin.maxArgs) throw mysqlError(ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, name);
  return builtin.compile(call.args.map((arg) => compile(arg, context)), context);
}
