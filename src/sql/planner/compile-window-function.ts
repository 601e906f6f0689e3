// compileWindowFunction: one window function call compiled over its Window operator's input rows, with MySQL's
// argument rules (constant offsets and counts, 1210 for a wrong one) and result types.
// https://dev.mysql.com/doc/refman/8.0/en/window-function-descriptions.html
import { mysqlError, ER_SP_DOES_NOT_EXIST, ER_WRONG_ARGUMENTS } from '../../errors/index.js';
import type { Expr, FuncCallExpr } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { AGGREGATE_FUNCTION_NAMES, BIGINT_TYPE, DOUBLE_TYPE, compileExpr, forEachExpr, unifyTypes } from '../expression/index.js';
import type { CompileContext, CompiledExpr } from '../expression/index.js';
import { toInteger } from '../types/index.js';
import type { SqlValue, WarningSink } from '../types/index.js';
import { compileAggregate } from './plan-aggregate.js';
import type { WindowFunctionPlan } from './window-function-plan.js';

const ONE: Expr = { kind: 'NumberLiteralExpr', numberKind: 'int', text: '1' };

/** `call` (its OVER clause already resolved by the caller) as the plan of what its Window operator computes. */
export function compileWindowFunction(call: FuncCallExpr, context: CompileContext, session: ExecutionContext): WindowFunctionPlan {
  const name = call.name.toUpperCase();
  const arg = (index: number): CompiledExpr => compileExpr(call.args[index]!, context);
  const constantArg = (index: number, fallback?: Expr): CompiledExpr => {
    const expr = call.args[index] ?? fallback!;
    if (!isLiteralOrParam(expr)) throw mysqlError(ER_WRONG_ARGUMENTS, name.toLowerCase());
    const compiled = compileExpr(expr, context);
    // A `?` is checked when the statement runs (a prepared statement is planned with placeholder values first).
    if (compiled.constantValue !== undefined && expr.kind !== 'ParamExpr') windowArgument(compiled.constantValue, name, session.warnings);
    return compiled;
  };
  switch (name) {
    case 'ROW_NUMBER':
    case 'RANK':
    case 'DENSE_RANK':
      return { kind: name, type: BIGINT_TYPE };
    case 'PERCENT_RANK':
    case 'CUME_DIST':
      return { kind: name, type: DOUBLE_TYPE };
    case 'NTILE':
      return { kind: name, type: BIGINT_TYPE, buckets: constantArg(0) };
    case 'LAG':
    case 'LEAD': {
      const value = arg(0);
      const fallback = call.args[2] === undefined ? undefined : arg(2);
      const type = fallback ? unifyTypes([value.type, fallback.type]) : value.type;
      return { kind: name, type, value, offset: constantArg(1, ONE), fallback };
    }
    case 'FIRST_VALUE':
    case 'LAST_VALUE': {
      const value = arg(0);
      return { kind: name, type: value.type, value };
    }
    case 'NTH_VALUE': {
      const value = arg(0);
      return { kind: name, type: value.type, value, position: constantArg(1) };
    }
    default: {
      if (!AGGREGATE_FUNCTION_NAMES.has(name)) {
        throw mysqlError(ER_SP_DOES_NOT_EXIST, 'FUNCTION', `${session.currentDatabase ?? ''}.${call.name.toLowerCase()}`);
      }
      const compiled = compileAggregate(call, context, session);
      return { kind: 'AGGREGATE', type: compiled.kind.type, aggregate: compiled.kind, args: compiled.args };
    }
  }
}

/**
 * The value of NTILE's bucket count, LAG/LEAD's offset or NTH_VALUE's position as an integer, or 1210 when it is
 * NULL or out of range (NTILE and NTH_VALUE take 1 or more, LAG and LEAD 0 or more).
 */
export function windowArgument(value: SqlValue, functionName: string, warnings: WarningSink): number {
  const number = value === null || typeof value === 'string' ? null : toInteger(value, warnings);
  const least = functionName === 'LAG' || functionName === 'LEAD' ? 0n : 1n;
  if (number === null || number < least) throw mysqlError(ER_WRONG_ARGUMENTS, functionName.toLowerCase());
  return number > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(number);
}

/** A literal or `?`: MySQL's grammar takes nothing else for these arguments. */
function isLiteralOrParam(expr: Expr): boolean {
  let isFixed = true;
  forEachExpr(expr, (node) => {
    if (!node.kind.endsWith('LiteralExpr') && node.kind !== 'ParamExpr' && node.kind !== 'UnaryExpr') isFixed = false;
    return isFixed;
  });
  return isFixed;
}
