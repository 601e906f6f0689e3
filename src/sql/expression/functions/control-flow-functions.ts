// Control-flow and NULL functions: IF, IFNULL, NULLIF, COALESCE, ISNULL, ANY_VALUE, and NAME_CONST.
import { mysqlError, ER_WRONG_ARGUMENTS } from '../../../errors/index.js';
import { compareValues, toBoolean } from '../../types/index.js';
import type { SqlValue } from '../../types/index.js';
import { comparisonCollation, unifyTypes } from '../type-inference.js';
import { BOOL_RESULT_TYPE } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { foldCall } from './fold-call.js';

/** NAME_CONST(name, value): the constant value (MySQL names the result column after `name`); both must be constants. */
const nameConstFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: ([name, value]) => {
    if (name!.constantValue === undefined || value!.constantValue === undefined) throw mysqlError(ER_WRONG_ARGUMENTS, 'NAME_CONST');
    return value!;
  },
};

export const controlFlowFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['NAME_CONST', nameConstFunction],
  ['IF', { minArgs: 3, maxArgs: 3, compile: ([test, then, otherwise], { session }) => ({
    type: unifyTypes([then!.type, otherwise!.type]),
    isNullable: then!.isNullable || otherwise!.isNullable,
    evaluate: (row) => (toBoolean(test!.evaluate(row), session.warnings) === true ? then!.evaluate(row) : otherwise!.evaluate(row)),
  }) }],
  ['IFNULL', { minArgs: 2, maxArgs: 2, compile: ([first, second]) => ({
    type: unifyTypes([first!.type, second!.type]),
    isNullable: second!.isNullable,
    evaluate: (row) => first!.evaluate(row) ?? second!.evaluate(row),
  }) }],
  ['NULLIF', { minArgs: 2, maxArgs: 2, compile: ([first, second], { session }) => {
    const collation = comparisonCollation(first!.type, second!.type, 'nullif');
    return {
      type: first!.type,
      isNullable: true,
      evaluate: (row) => {
        const a = first!.evaluate(row);
        const b = second!.evaluate(row);
        if (a === null || b === null) return a;
        return compareValues(a, b, collation, session.warnings) === 0 ? null : a;
      },
    };
  } }],
  ['COALESCE', { minArgs: 1, maxArgs: Infinity, compile: (args) => ({
    type: unifyTypes(args.map((arg) => arg.type)),
    isNullable: args.every((arg) => arg.isNullable),
    evaluate: (row) => {
      for (const arg of args) {
        const value: SqlValue = arg.evaluate(row);
        if (value !== null) return value;
      }
      return null;
    },
  }) }],
  ['ISNULL', { minArgs: 1, maxArgs: 1, compile: (args) => foldCall(args, BOOL_RESULT_TYPE, ([value]) => (value === null ? 1n : 0n), false) }],
  // Exempts its argument from the ONLY_FULL_GROUP_BY check; a group's ungrouped columns come from one of its rows.
  ['ANY_VALUE', { minArgs: 1, maxArgs: 1, compile: ([value]) => value! }],
]);
