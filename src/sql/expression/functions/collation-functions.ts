// COLLATION(), CHARSET(), COERCIBILITY(): what MySQL derives for an expression's string value.
// https://dev.mysql.com/doc/refman/8.0/en/information-functions.html
import { SYSTEM_COLLATION, collationInfo } from '../../collation/index.js';
import { isStringType } from '../../types/index.js';
import { constantExpr } from '../compiled-expr.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { COERCIBILITY_VALUES, derivationOf } from '../collation-derivation.js';
import { connectionCollation } from '../collate-expr.js';
import type { CompileContext } from '../compile-context.js';
import { BIGINT_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';

/** The collation an argument's value has: its own for strings, the connection's for numbers and dates. */
function collationOfArgument(arg: CompiledExpr, context: CompileContext): string {
  return isStringType(arg.type) ? arg.type.collation : connectionCollation(context);
}

/** A system string result: utf8_general_ci with coercibility SYSCONST, as MySQL's own strings. */
function systemString(value: string): CompiledExpr {
  return constantExpr(value, { ...varcharType(value.length), collation: SYSTEM_COLLATION, coercibility: 'sysconst' });
}

export const collationFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['COLLATION', { minArgs: 1, maxArgs: 1, compile: ([arg], context) => systemString(collationOfArgument(arg!, context)) }],
  ['CHARSET', { minArgs: 1, maxArgs: 1, compile: ([arg], context) => systemString(collationInfo(collationOfArgument(arg!, context)).charset) }],
  ['COERCIBILITY', { minArgs: 1, maxArgs: 1, compile: ([arg]) => constantExpr(BigInt(COERCIBILITY_VALUES[derivationOf(arg!.type).coercibility]), BIGINT_TYPE) }],
]);
