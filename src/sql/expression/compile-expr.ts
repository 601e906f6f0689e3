// compileExpr: turns an expression AST into a CompiledExpr (closures), resolving columns, types and functions once.
import { Decimal } from 'decimal.js';
import { mysqlError, ER_WRONG_VALUE, ER_DATA_OUT_OF_RANGE, ER_NOT_SUPPORTED_YET, ER_OPERAND_COLUMNS } from '../../errors/index.js';
import type { BinaryExpr, ColumnRefExpr, Expr, FuncCallExpr, NumberLiteralExpr, StringLiteralExpr } from '../ast/index.js';
import { formatSql } from '../parser/index.js';
import { TypeKind, compareValues, encodeUtf8Lossless, fieldType, hasRawBytes, isStringType, readType, toBoolean, toDouble, toInteger, JsonValue, MysqlDateTime, MysqlTime } from '../types/index.js';
import type { FieldType, Row, SqlValue } from '../types/index.js';
import { comparisonCollation, comparisonTest, unifyTypes } from './type-inference.js';
import { arithmeticDomain, arithmeticResultType, evaluateArithmetic } from './arithmetic.js';
import type { ArithmeticOp } from './arithmetic.js';
import { LateBoundParams } from './statement-params.js';
import { constantExpr } from './compiled-expr.js';
import type { CompiledExpr } from './compiled-expr.js';
import type { CompileContext, OuterBinding } from './compile-context.js';
import { compileExistsSubquery, compileQuantifiedSubquery, compileScalarSubquery } from './subquery-expr.js';
import { compileFunctionCall } from './functions/compile-function-call.js';
import { compileLike } from './like.js';
import { compileCollate, compileConvertUsing, connectionCollation, literalCollation } from './collate-expr.js';
import { aggregateDerivations } from './collation-derivation.js';
import { SYSTEM_COLLATION } from '../collation/index.js';
import { jsonPathCall } from './map-expr.js';
import { jsonComparisonOperands } from './json-operands.js';
import { BIGINT_TYPE, BOOL_RESULT_TYPE, DATE_TYPE, DOUBLE_TYPE, JSON_TYPE, NULL_TYPE, dateTimeType, decimalType, integerLiteralType, timeType, varcharType } from './literal-types.js';
import { compileRegexpOperator } from './functions/regexp-functions.js';
import { compileCast } from './compile-cast.js';
import { compileDefaultFunction } from './default-function.js';
import { bitLiteralExpr, comparisonOperands, hexLiteralExpr, inNumericContext } from './hex-literal.js';

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** Compiles `expr` for rows laid out as `context.scope`. Throws MySqlError for unknown columns, functions, etc. */
export function compileExpr(expr: Expr, context: CompileContext): CompiledExpr {
  switch (expr.kind) {
    case 'NumberLiteralExpr':
      return compileNumber(expr);
    case 'StringLiteralExpr':
      // A quoted literal carrying bytes that are not UTF-8 (mysqlclient sends a BLOB as '…' with its raw bytes) is
      // those bytes, as _binary'…' is: MySQL keeps a literal's bytes as sent.
      return expr.charset === 'binary' || hasRawBytes(expr.value)
        ? constantExpr(encodeUtf8Lossless(expr.value), { ...fieldType(TypeKind.VarBinary, { length: expr.value.length }), coercibility: 'coercible' })
        : constantExpr(expr.value, { ...varcharType(expr.value.length), collation: literalCollation(expr.charset, context), coercibility: 'coercible' });
    case 'HexLiteralExpr':
      return hexLiteralExpr(expr.hex);
    case 'BitLiteralExpr':
      return bitLiteralExpr(expr.bits);
    case 'NullLiteralExpr':
      return constantExpr(null, NULL_TYPE);
    case 'BoolLiteralExpr':
      return constantExpr(expr.value ? 1n : 0n, BOOL_RESULT_TYPE);
    case 'TemporalLiteralExpr':
      if (expr.type === 'TIME') return compileTimeLiteral(expr.value);
      return expr.type === 'DATE'
        ? constantExpr(MysqlDateTime.parse(expr.value, 'date'), DATE_TYPE)
        : compileDateTimeLiteral(expr.value);
    case 'ColumnRefExpr':
      return compileColumnRef(expr, context);
    case 'SysVarExpr': {
      const scope = expr.scope === 'GLOBAL' ? 'global' : expr.scope === 'SESSION' ? 'session' : 'default';
      const value = context.session.systemVariable(expr.name, scope);
      const type: FieldType = typeof value === 'bigint' ? BIGINT_TYPE : typeof value === 'number' ? DOUBLE_TYPE : { ...varcharType(String(value ?? '').length), collation: SYSTEM_COLLATION, coercibility: 'sysconst' };
      // A variable is read once per statement, as MySQL does.
      return constantExpr(value, type);
    }
    case 'UserVarExpr': {
      const session = context.session;
      const name = expr.name;
      const current = session.userVariable(name);
      return { type: typeOfValue(current, connectionCollation(context)), isNullable: true, evaluate: () => session.userVariable(name) };
    }
    case 'AssignExpr': {
      const value = compileExpr(expr.value, context);
      const session = context.session;
      const name = expr.target.name;
      return {
        type: value.type,
        isNullable: value.isNullable,
        evaluate: (row) => {
          const result = value.evaluate(row);
          session.setUserVariable(name, result);
          return result;
        },
      };
    }
    case 'ParamExpr': {
      const params = context.params;
      const index = expr.index;
      if (params instanceof LateBoundParams) {
        // A cached plan is reused only for values of the same types (see the plan cache key), so the type holds.
        const current = params.value(index);
        return { type: typeOfValue(current, connectionCollation(context)), isNullable: current === null, evaluate: () => params.value(index) };
      }
      const value = params?.[index] ?? null;
      return constantExpr(value, typeOfValue(value, connectionCollation(context)));
    }
    case 'UnaryExpr':
      return compileUnary(expr.op, compileExpr(expr.operand, context), context, () => formatSql(expr));
    case 'BinaryExpr':
      return compileBinary(expr, context);
    case 'IsExpr':
      return compileIs(expr.test, expr.isNot, compileExpr(expr.operand, context), context);
    case 'LikeExpr':
      return compileLike(
        compileExpr(expr.operand, context),
        compileExpr(expr.pattern, context),
        expr.escape ? compileExpr(expr.escape, context) : undefined,
        expr.isNot,
        context.session.warnings,
      );
    case 'InListExpr':
      return compileInList(expr.isNot, compileExpr(expr.operand, context), expr.list.map((item) => compileExpr(item, context)), context);
    case 'BetweenExpr':
      return compileBetween(expr.isNot, compileExpr(expr.operand, context), compileExpr(expr.low, context), compileExpr(expr.high, context), context);
    case 'CaseExpr':
      return compileCase(expr, context);
    case 'FuncCallExpr':
      return compileFunctionCall(expr, context, compileExpr);
    case 'CastExpr':
      return compileCast(expr.type, compileExpr(expr.operand, context), context, () => formatSql(expr));
    case 'ConvertUsingExpr':
      return compileConvertUsing(compileExpr(expr.operand, context), expr.charset);
    case 'CollateExpr':
      return compileCollate(compileExpr(expr.operand, context), expr.collation, context);
    case 'RowExpr':
      throw mysqlError(ER_OPERAND_COLUMNS, 1);
    case 'DefaultExpr':
      return compileDefaultFunction(expr, context, compileExpr);
    case 'SubqueryExpr':
      return compileScalarSubquery(expr.query, context);
    case 'ExistsExpr':
      return compileExistsSubquery(expr.query, context);
    case 'InSubqueryExpr':
      return compileQuantifiedSubquery(compileExpr(expr.operand, context), '=', 'ANY', expr.isNot, expr.query, context);
    case 'QuantifiedCompareExpr':
      return compileQuantifiedSubquery(compileExpr(expr.left, context), expr.op, expr.quantifier, false, expr.query, context);
    case 'RegexpExpr':
      return compileRegexpOperator(compileExpr(expr.operand, context), compileExpr(expr.pattern, context), expr.isNot, context);
    case 'JsonPathExpr':
      return compileExpr(jsonPathCall(expr.operand, expr.path, expr.isUnquote), context);
    case 'IntervalExpr':
    case 'IntervalUnitExpr':
    case 'MatchExpr':
      throw mysqlError(ER_NOT_SUPPORTED_YET, formatSql(expr));
  }
}

/**
 * A column reference: a position in the input row, or, inside a subquery, a column of an enclosing query's current
 * row (a correlated reference), searched from the innermost query outwards.
 */
function compileColumnRef(ref: ColumnRefExpr, context: CompileContext): CompiledExpr {
  if (!context.outer || context.scope.has(ref)) {
    const index = context.scope.resolve(ref, context.clause);
    const column = context.scope.columns[index]!;
    return { type: readType(column.type), isNullable: !column.isNotNull, evaluate: (row: Row) => row[index] ?? null, columnIndex: index };
  }
  for (let binding: OuterBinding | undefined = context.outer; binding; binding = binding.parent) {
    if (!binding.scope.has(ref)) continue;
    const index = binding.scope.resolve(ref, context.clause);
    const column = binding.scope.columns[index]!;
    const target = binding;
    for (let b: OuterBinding | undefined = context.outer; b; b = b.parent) {
      b.isReferenced = true;
      if (b === target) break;
    }
    return {
      type: readType(column.type),
      isNullable: true,
      evaluate: () => {
        // Every subquery between here and the binding depends on the outer row.
        for (let b: OuterBinding | undefined = context.outer; b; b = b.parent) {
          b.wasRead = true;
          if (b === target) break;
        }
        return target.current[index] ?? null;
      },
    };
  }
  context.scope.resolve(ref, context.clause);
  throw mysqlError(ER_NOT_SUPPORTED_YET, 'this column reference');
}

/**
 * The static type MySQL reports for a runtime value of unknown origin (variables, parameters); text is coercible,
 * in `collation` (the connection's).
 */
export function typeOfValue(value: SqlValue, collation = 'utf8mb4_bin'): FieldType {
  if (value === null) return NULL_TYPE;
  if (typeof value === 'bigint') return BIGINT_TYPE;
  if (typeof value === 'number') return DOUBLE_TYPE;
  if (typeof value === 'string') return { ...varcharType(value.length), collation, coercibility: 'coercible' };
  if (Buffer.isBuffer(value)) return fieldType(TypeKind.VarBinary, { length: value.length });
  if (value instanceof MysqlDateTime) return value.kind === 'date' ? DATE_TYPE : dateTimeType(value.fsp);
  if (value instanceof MysqlTime) return timeType(value.fsp);
  if (value instanceof JsonValue) return JSON_TYPE;
  return decimalType(Math.max(value.precision(true), 1), Math.max(value.decimalPlaces(), 0));
}

/** `TIMESTAMP 'YYYY-MM-DD hh:mm:ss[.frac]'`: a DATETIME whose fsp is the literal's fraction digits. */
function compileDateTimeLiteral(text: string): CompiledExpr {
  const fsp = Math.min(/\d[ T]+\d+[:.]\d+[:.]\d+\.(\d+)/.exec(text)?.[1]?.length ?? 0, 6);
  return constantExpr(MysqlDateTime.parse(text, 'datetime', fsp), dateTimeType(fsp));
}

/** `TIME 'hh:mm:ss[.frac]'`: its fsp is the literal's fraction digits; text that is no time is error 1525. */
function compileTimeLiteral(text: string): CompiledExpr {
  const fraction = /\.(\d+)/.exec(text);
  const fsp = Math.min(fraction ? fraction[1]!.length : 0, 6);
  const conversion = MysqlTime.fromText(text, fsp);
  if (!conversion || conversion.isTruncated || conversion.isOutOfRange) throw mysqlError(ER_WRONG_VALUE, 'TIME', text);
  return constantExpr(conversion.time, timeType(fsp));
}

/** The value of a number or plain string literal (the text plan cache passes a query's literals as parameters). */
export function literalValue(expr: NumberLiteralExpr | StringLiteralExpr): SqlValue {
  return expr.kind === 'StringLiteralExpr' ? expr.value : compileNumber(expr).evaluate([]);
}

function compileNumber(expr: NumberLiteralExpr): CompiledExpr {
  switch (expr.numberKind) {
    case 'int': {
      const value = BigInt(expr.text);
      if (value <= INT64_MAX) return constantExpr(value, integerLiteralType(expr.text.length, false));
      if (value <= UINT64_MAX) return constantExpr(value, integerLiteralType(expr.text.length, true));
      const decimal = new Decimal(expr.text);
      return constantExpr(decimal, decimalType(expr.text.length, 0));
    }
    case 'decimal': {
      const decimal = new Decimal(expr.text);
      const fraction = expr.text.includes('.') ? expr.text.length - expr.text.indexOf('.') - 1 : 0;
      return constantExpr(decimal, decimalType(Math.max(expr.text.replace('.', '').length, fraction), fraction));
    }
    case 'float':
      return constantExpr(Number(expr.text), DOUBLE_TYPE);
  }
}

function compileUnary(op: string, argument: CompiledExpr, context: CompileContext, text: () => string): CompiledExpr {
  const warnings = context.session.warnings;
  const operand = op === '-' || op === '~' ? inNumericContext(argument) : argument;
  switch (op) {
    case '-': {
      const type = operand.type.kind === TypeKind.Decimal ? operand.type : isStringType(operand.type) ? DOUBLE_TYPE : operand.type.kind === TypeKind.Double || operand.type.kind === TypeKind.Float ? DOUBLE_TYPE : BIGINT_TYPE;
      return fold(operand, type, (value) => negate(value, warnings, text));
    }
    case '+':
      return operand;
    case '!':
    case 'NOT':
      return fold(operand, BOOL_RESULT_TYPE, (value) => {
        const truth = toBoolean(value, warnings);
        return truth === null ? null : truth ? 0n : 1n;
      });
    case '~':
      return fold(operand, fieldType(TypeKind.BigInt, { length: 20, isUnsigned: true }), (value) => {
        const integer = toInteger(value, warnings);
        return integer === null ? null : BigInt.asUintN(64, ~integer);
      });
    default:
      // BINARY x: a binary-collation view of the operand.
      return { ...operand, type: { ...operand.type, collation: 'binary' } };
  }
}

function negate(value: SqlValue, warnings: CompileContext['session']['warnings'], text: () => string): SqlValue {
  if (value === null) return null;
  if (typeof value === 'bigint') {
    const negated = -value;
    if (negated > INT64_MAX || negated < -INT64_MAX - 1n) throw mysqlError(ER_DATA_OUT_OF_RANGE, 'BIGINT', text());
    return negated;
  }
  if (typeof value === 'number') return -value;
  if (value instanceof Decimal) return value.negated();
  return -(toDouble(value, warnings) ?? 0);
}

/** Wraps a unary function; folds it to a constant when the operand is constant. */
function fold(operand: CompiledExpr, type: FieldType, apply: (value: SqlValue) => SqlValue): CompiledExpr {
  if (operand.constantValue !== undefined) return constantExpr(apply(operand.constantValue), type);
  return { type, isNullable: true, evaluate: (row) => apply(operand.evaluate(row)) };
}

const comparisonOps = new Set(['=', '<=>', '<>', '<', '<=', '>', '>=']);

function compileBinary(expr: BinaryExpr, context: CompileContext): CompiledExpr {
  const intervalCall = temporalIntervalCall(expr);
  if (intervalCall) return compileExpr(intervalCall, context);
  const leftOperand = compileExpr(expr.left, context);
  const rightOperand = compileExpr(expr.right, context);
  const warnings = context.session.warnings;
  const op = expr.op;
  if (op === 'AND' || op === 'OR' || op === 'XOR') return compileLogic(op, leftOperand, rightOperand, context);
  if (comparisonOps.has(op)) return compileComparison(op, ...comparisonOperands(leftOperand, rightOperand), context);
  const left = inNumericContext(leftOperand);
  const right = inNumericContext(rightOperand);
  if (op === '|' || op === '&' || op === '<<' || op === '>>' || op === '^') {
    return binaryFold(left, right, fieldType(TypeKind.BigInt, { length: 20, isUnsigned: true }), (a, b) => {
      if (a === null || b === null) return null;
      const x = BigInt.asUintN(64, toInteger(a, warnings)!);
      const y = BigInt.asUintN(64, toInteger(b, warnings)!);
      switch (op) {
        case '|':
          return x | y;
        case '&':
          return x & y;
        case '^':
          return x ^ y;
        case '<<':
          return y >= 64n ? 0n : BigInt.asUintN(64, x << y);
        default:
          return y >= 64n ? 0n : x >> y;
      }
    });
  }
  const arithmeticOp = op as ArithmeticOp;
  const divPrecision = Number(context.session.systemVariable('div_precision_increment', 'default') ?? 4n);
  const type = arithmeticResultType(arithmeticOp, left.type, right.type, divPrecision);
  const domain = arithmeticDomain(arithmeticOp, left.type, right.type);
  const text = (): string => formatSql(expr);
  return binaryFold(left, right, type, (a, b) =>
    evaluateArithmetic(arithmeticOp, domain, type.isUnsigned, Math.max(type.decimals, 0), a, b, warnings, text),
  );
}

/** `date + INTERVAL n unit`, `INTERVAL n unit + date` and `date - INTERVAL n unit` are DATE_ADD / DATE_SUB. */
function temporalIntervalCall(expr: BinaryExpr): FuncCallExpr | undefined {
  if (expr.op === '+' && expr.left.kind === 'IntervalExpr') return { kind: 'FuncCallExpr', name: 'DATE_ADD', args: [expr.right, expr.left] };
  if ((expr.op === '+' || expr.op === '-') && expr.right.kind === 'IntervalExpr') {
    return { kind: 'FuncCallExpr', name: expr.op === '+' ? 'DATE_ADD' : 'DATE_SUB', args: [expr.left, expr.right] };
  }
  return undefined;
}

/** Wraps a binary function; folds it when both sides are constant. */
function binaryFold(left: CompiledExpr, right: CompiledExpr, type: FieldType, apply: (a: SqlValue, b: SqlValue) => SqlValue): CompiledExpr {
  if (left.constantValue !== undefined && right.constantValue !== undefined) {
    return constantExpr(apply(left.constantValue, right.constantValue), type);
  }
  return { type, isNullable: true, evaluate: (row) => apply(left.evaluate(row), right.evaluate(row)) };
}

function compileLogic(op: 'AND' | 'OR' | 'XOR', left: CompiledExpr, right: CompiledExpr, context: CompileContext): CompiledExpr {
  const warnings = context.session.warnings;
  const truth = (value: SqlValue): boolean | null => toBoolean(value, warnings);
  const toSql = (value: boolean | null): SqlValue => (value === null ? null : value ? 1n : 0n);
  switch (op) {
    case 'AND':
      return { type: BOOL_RESULT_TYPE, isNullable: true, evaluate: (row) => {
        const a = truth(left.evaluate(row));
        if (a === false) return 0n;
        const b = truth(right.evaluate(row));
        if (b === false) return 0n;
        return a === null || b === null ? null : 1n;
      } };
    case 'OR':
      return { type: BOOL_RESULT_TYPE, isNullable: true, evaluate: (row) => {
        const a = truth(left.evaluate(row));
        if (a === true) return 1n;
        const b = truth(right.evaluate(row));
        if (b === true) return 1n;
        return a === null || b === null ? null : 0n;
      } };
    case 'XOR':
      return { type: BOOL_RESULT_TYPE, isNullable: true, evaluate: (row) => {
        const a = truth(left.evaluate(row));
        const b = truth(right.evaluate(row));
        return a === null || b === null ? null : toSql(a !== b);
      } };
  }
}


function compileComparison(op: string, leftExpr: CompiledExpr, rightExpr: CompiledExpr, context: CompileContext): CompiledExpr {
  const warnings = context.session.warnings;
  const [left, right] = jsonComparisonOperands(leftExpr, rightExpr);
  const collation = comparisonCollation(left.type, right.type, op);
  const test = comparisonTest(op);
  const isNullSafe = op === '<=>';
  return binaryFold(left, right, BOOL_RESULT_TYPE, (a, b) => {
    if (a === null || b === null) {
      if (!isNullSafe) return null;
      return a === b ? 1n : 0n;
    }
    return test(compareValues(a, b, collation, warnings)) ? 1n : 0n;
  });
}


function compileIs(test: 'NULL' | 'TRUE' | 'FALSE' | 'UNKNOWN', isNot: boolean, operand: CompiledExpr, context: CompileContext): CompiledExpr {
  const warnings = context.session.warnings;
  const check = (value: SqlValue): boolean => {
    switch (test) {
      case 'NULL':
      case 'UNKNOWN':
        return value === null;
      case 'TRUE':
        return toBoolean(value, warnings) === true;
      case 'FALSE':
        return toBoolean(value, warnings) === false;
    }
  };
  return { type: BOOL_RESULT_TYPE, isNullable: false, evaluate: (row) => (check(operand.evaluate(row)) !== isNot ? 1n : 0n) };
}

function compileInList(isNot: boolean, operand: CompiledExpr, list: CompiledExpr[], context: CompileContext): CompiledExpr {
  const warnings = context.session.warnings;
  const collation = aggregateDerivations([operand.type, ...list.map((item) => item.type)], 'in', operand.type.collation, true).collation;
  const collations = list.map((item) => (isStringType(operand.type) && isStringType(item.type) ? collation : comparisonCollation(operand.type, item.type, 'in')));
  return {
    type: BOOL_RESULT_TYPE,
    isNullable: true,
    evaluate: (row) => {
      const value = operand.evaluate(row);
      if (value === null) return null;
      let sawNull = false;
      for (let i = 0; i < list.length; i++) {
        const candidate = list[i]!.evaluate(row);
        if (candidate === null) {
          sawNull = true;
        } else if (compareValues(value, candidate, collations[i]!, warnings) === 0) {
          return isNot ? 0n : 1n;
        }
      }
      if (sawNull) return null;
      return isNot ? 1n : 0n;
    },
  };
}

function compileBetween(isNot: boolean, operand: CompiledExpr, low: CompiledExpr, high: CompiledExpr, context: CompileContext): CompiledExpr {
  const warnings = context.session.warnings;
  const collation = aggregateDerivations([operand.type, low.type, high.type], 'between', operand.type.collation, true).collation;
  const lowCollation = isStringType(operand.type) && isStringType(low.type) ? collation : comparisonCollation(operand.type, low.type, 'between');
  const highCollation = isStringType(operand.type) && isStringType(high.type) ? collation : comparisonCollation(operand.type, high.type, 'between');
  return {
    type: BOOL_RESULT_TYPE,
    isNullable: true,
    evaluate: (row) => {
      const value = operand.evaluate(row);
      const a = low.evaluate(row);
      const b = high.evaluate(row);
      const aboveLow = value === null || a === null ? null : compareValues(value, a, lowCollation, warnings) >= 0;
      const belowHigh = value === null || b === null ? null : compareValues(value, b, highCollation, warnings) <= 0;
      if (aboveLow === false || belowHigh === false) return isNot ? 1n : 0n;
      if (aboveLow === null || belowHigh === null) return null;
      return isNot ? 0n : 1n;
    },
  };
}

function compileCase(expr: Extract<Expr, { kind: 'CaseExpr' }>, context: CompileContext): CompiledExpr {
  const warnings = context.session.warnings;
  const operand = expr.operand ? compileExpr(expr.operand, context) : undefined;
  const whens = expr.whens.map((w) => ({ when: compileExpr(w.when, context), then: compileExpr(w.then, context) }));
  const otherwise = expr.else ? compileExpr(expr.else, context) : undefined;
  const results = [...whens.map((w) => w.then), ...(otherwise ? [otherwise] : [])];
  const type = unifyTypes(results.map((r) => r.type));
  const collations = whens.map((branch) => (operand ? comparisonCollation(operand.type, branch.when.type, 'case') : ''));
  return {
    type,
    isNullable: true,
    evaluate: (row) => {
      const subject = operand?.evaluate(row);
      for (let i = 0; i < whens.length; i++) {
        const branch = whens[i]!;
        const candidate = branch.when.evaluate(row);
        if (operand) {
          if (subject === null || subject === undefined || candidate === null) continue;
          if (compareValues(subject, candidate, collations[i]!, warnings) === 0) return branch.then.evaluate(row);
        } else if (toBoolean(candidate, warnings) === true) {
          return branch.then.evaluate(row);
        }
      }
      return otherwise ? otherwise.evaluate(row) : null;
    },
  };
}
