// compileFunctionCall: looks a function name up in the builtin registry and checks its argument count.
import {
  mysqlError,
  ER_INVALID_GROUP_FUNC_USE,
  ER_SP_DOES_NOT_EXIST,
  ER_WINDOW_INVALID_WINDOW_FUNC_USE,
  ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT,
} from '../../../errors/index.js';
import type { Expr, FuncCallExpr } from '../../ast/index.js';
import { constantExpr } from '../compiled-expr.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { varcharType } from '../literal-types.js';
import type { CompileContext } from '../compile-context.js';
import { AGGREGATE_FUNCTION_NAMES, builtinFunctions } from './builtin-functions.js';
import { BINARY_COLLATION, SYSTEM_COLLATION } from '../../collation/index.js';
import { TypeKind, bitAsString, fieldType, isTextType } from '../../types/index.js';
import { aggregateDerivations } from '../collation-derivation.js';
import { connectionCollation } from '../collate-expr.js';

type Compile = (expr: Expr, context: CompileContext) => CompiledExpr;

/** Compiles a scalar function call; aggregates reaching here are misplaced (1111). */
export function compileFunctionCall(call: FuncCallExpr, context: CompileContext, compile: Compile): CompiledExpr {
  const name = call.name.toUpperCase();
  // The planner computes window calls where they may stand (the select list, ORDER BY); anywhere else is 3593.
  if (call.over) throw mysqlError(ER_WINDOW_INVALID_WINDOW_FUNC_USE, call.name.toLowerCase());
  // GROUPING() is computed by a WITH ROLLUP query's planner; anywhere else it is misplaced, as an aggregate is.
  if (AGGREGATE_FUNCTION_NAMES.has(name) || (name === 'GROUPING' && call.db === undefined)) throw mysqlError(ER_INVALID_GROUP_FUNC_USE);
  const builtin = builtinFunctions.get(name);
  if (!builtin || call.db !== undefined) {
    const database = call.db ?? context.session.currentDatabase ?? '';
    throw mysqlError(ER_SP_DOES_NOT_EXIST, 'FUNCTION', `${database}.${call.name.toLowerCase()}`);
  }
  const count = call.args.length;
  if (count < builtin.minArgs || count > builtin.maxArgs) throw mysqlError(ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, name);
  const compileArg = builtin.takesUnits === true ? (arg: Expr): CompiledExpr => compileUnitArgument(arg, context, compile) : (arg: Expr): CompiledExpr => compile(arg, context);
  const clauseExprs = builtin.clauseExprs?.(call) ?? [];
  const compiled = [...call.args.slice(builtin.takesObjectName === true ? 1 : 0), ...clauseExprs].map(compileArg);
  const args = BIT_AS_BYTES_FUNCTIONS.has(name) ? compiled.map(bitArgumentAsBytes) : compiled;
  return withResultCollation(builtin.compile(args, context, call), name, args, context);
}

/**
 * String functions that read a BIT(M) argument in string context, as its ceil(M/8) big-endian bytes (LENGTH(b) is
 * 2 for BIT(12)); the others (HEX, arithmetic, comparisons) take its number.
 */
const BIT_AS_BYTES_FUNCTIONS: ReadonlySet<string> = new Set([
  'LENGTH', 'OCTET_LENGTH', 'CHAR_LENGTH', 'CHARACTER_LENGTH', 'BIT_LENGTH', 'SUBSTRING', 'SUBSTR', 'MID', 'LEFT',
  'RIGHT', 'REVERSE', 'LPAD', 'RPAD', 'INSTR', 'LOCATE', 'POSITION', 'REPLACE', 'ASCII', 'ORD', 'LOWER', 'UPPER',
  'LCASE', 'UCASE', 'MD5', 'SHA1', 'SHA', 'SHA2', 'TO_BASE64', 'CRC32', 'QUOTE', 'CONCAT_WS', 'REPEAT', 'INSERT',
  'TRIM', 'LTRIM', 'RTRIM', 'SUBSTRING_INDEX', 'STRCMP',
]);

/** A BIT(M) argument as the binary string of its bytes. */
function bitArgumentAsBytes(arg: CompiledExpr): CompiledExpr {
  if (arg.type.kind !== TypeKind.Bit) return arg;
  const bitType = arg.type;
  const type = fieldType(TypeKind.VarBinary, { length: Math.ceil(bitType.length / 8) });
  // Not a spread of `arg`: its columnIndex would let callers read the column's number past `evaluate`.
  if (arg.constantValue !== undefined) return constantExpr(bitAsString(arg.constantValue, bitType), type);
  return { type, isNullable: arg.isNullable, evaluate: (row) => bitAsString(arg.evaluate(row), bitType) };
}

/** MySQL's own strings (user and database names, the version): utf8_general_ci, coercibility SYSCONST. */
const SYSTEM_STRING_FUNCTIONS: ReadonlySet<string> = new Set(['USER', 'SESSION_USER', 'SYSTEM_USER', 'CURRENT_USER', 'CURRENT_ROLE', 'DATABASE', 'SCHEMA', 'VERSION']);

/**
 * Functions that make their text themselves (digits, digests, names of days): the connection's collation whatever
 * their arguments' (MD5 of a BLOB is text, not bytes), as MySQL.
 */
const CONNECTION_STRING_FUNCTIONS: ReadonlySet<string> = new Set([
  'MD5', 'SHA1', 'SHA', 'SHA2', 'HEX', 'TO_BASE64', 'BIN', 'OCT', 'CONV', 'FORMAT', 'INET_NTOA', 'INET6_NTOA',
  'DATE_FORMAT', 'TIME_FORMAT', 'FROM_UNIXTIME', 'DAYNAME', 'MONTHNAME', 'SPACE', 'UUID', 'BIN_TO_UUID',
  'FORMAT_BYTES', 'FORMAT_PICO_TIME', 'STATEMENT_DIGEST_TEXT', 'STATEMENT_DIGEST', 'GET_FORMAT',
]);

/**
 * Gives a text result the collation MySQL derives for it: the aggregation of the string arguments' collations
 * (CONCAT(ci_column, 'x') is the column's), the connection's when no argument is a string (HEX(1), UUID()).
 */
function withResultCollation(result: CompiledExpr, name: string, args: readonly CompiledExpr[], context: CompileContext): CompiledExpr {
  if (!isTextType(result.type) || result.type.collation === BINARY_COLLATION) return result;
  if (result.type.coercibility === 'sysconst') return result;
  if (SYSTEM_STRING_FUNCTIONS.has(name)) return { ...result, type: { ...result.type, collation: SYSTEM_COLLATION, coercibility: 'sysconst' } };
  if (CONNECTION_STRING_FUNCTIONS.has(name)) return { ...result, type: { ...result.type, collation: connectionCollation(context), coercibility: 'coercible' } };
  const derived = aggregateDerivations(args.map((arg) => arg.type), name.toLowerCase(), connectionCollation(context), false);
  return { ...result, type: { ...result.type, collation: derived.collation, coercibility: derived.coercibility } };
}

/**
 * Compiles one argument of a function taking units, which reads the unit from the call's AST: `INTERVAL expr unit`
 * compiles to `expr`, and a bare unit (EXTRACT, TIMESTAMPDIFF) to its name.
 */
function compileUnitArgument(arg: Expr, context: CompileContext, compile: Compile): CompiledExpr {
  if (arg.kind === 'IntervalExpr') return compile(arg.value, context);
  if (arg.kind === 'IntervalUnitExpr') return constantExpr(arg.unit, varcharType(arg.unit.length));
  return compile(arg, context);
}
