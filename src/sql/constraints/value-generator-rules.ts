// findValueGeneratorProblem: what MySQL refuses in the expression of a generated column or a CHECK constraint.
import { mysqlError } from '../../errors/index.js';
import type { ErrorSpec } from '../../errors/index.js';
import type { Expr } from '../ast/index.js';
import { disallowedValueGeneratorFunction, forEachExpr } from '../expression/index.js';

/**
 * Why an expression may not generate a column value or check a row (Item::check_function_as_value_generator): a
 * named function that reads more than its arguments, a subquery or stored function (no name in the message), a
 * user or system variable, a row value, or whatever `column` says about a column it reads.
 */
export type ValueGeneratorProblem =
  | { readonly kind: 'function'; readonly name: string }
  | { readonly kind: 'unnamed-function' }
  | { readonly kind: 'variable' }
  | { readonly kind: 'row-value' }
  | { readonly kind: 'column'; readonly error: Error };

/** Judges a function call: the name MySQL prints for one the expression may not call, or undefined. */
export type FunctionRule = (name: string, argCount: number, isWindowed: boolean) => string | undefined;

/**
 * The first problem of `expr`, or undefined; `column` judges each column reference (undefined: allowed), and
 * `functionRule` each built-in function call (generated columns' and CHECKs' rule unless told).
 */
export function findValueGeneratorProblem(
  expr: Expr,
  column: (name: string) => Error | undefined,
  functionRule: FunctionRule = disallowedValueGeneratorFunction,
): ValueGeneratorProblem | undefined {
  let problem: ValueGeneratorProblem | undefined;
  forEachExpr(expr, (node) => {
    problem ??= nodeProblem(node, column, functionRule);
    return problem === undefined;
  });
  return problem;
}

function nodeProblem(node: Expr, column: (name: string) => Error | undefined, functionRule: FunctionRule): ValueGeneratorProblem | undefined {
  switch (node.kind) {
    case 'SubqueryExpr':
    case 'ExistsExpr':
    case 'InSubqueryExpr':
    case 'QuantifiedCompareExpr':
    case 'ParamExpr':
    case 'MatchExpr':
      return { kind: 'unnamed-function' };
    case 'UserVarExpr':
    case 'SysVarExpr':
    case 'AssignExpr':
      return { kind: 'variable' };
    case 'RowExpr':
      return { kind: 'row-value' };
    case 'DefaultExpr':
      return { kind: 'function', name: 'default' };
    case 'ColumnRefExpr': {
      const error = column(node.column);
      return error ? { kind: 'column', error } : undefined;
    }
    case 'FuncCallExpr': {
      if (node.db !== undefined) return { kind: 'unnamed-function' };
      const name = functionRule(node.name, node.args.length, node.over !== undefined);
      return name === undefined ? undefined : { kind: 'function', name };
    }
    default:
      return undefined;
  }
}

/** The errors a kind of value generator gives for each problem (each takes the column name; `named` the function's too). */
export interface ValueGeneratorErrors {
  readonly named: ErrorSpec;
  readonly unnamed: ErrorSpec;
  readonly variable: ErrorSpec;
  readonly rowValue: ErrorSpec;
}

/** The MySQL error for `problem` in the expression of `columnName`. */
export function valueGeneratorError(problem: ValueGeneratorProblem, columnName: string, errors: ValueGeneratorErrors): Error {
  switch (problem.kind) {
    case 'function':
      return mysqlError(errors.named, columnName, problem.name);
    case 'unnamed-function':
      return mysqlError(errors.unnamed, columnName);
    case 'variable':
      return mysqlError(errors.variable, columnName);
    case 'row-value':
      return mysqlError(errors.rowValue, columnName);
    case 'column':
      return problem.error;
  }
}
