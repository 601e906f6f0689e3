// Arithmetic operators (+ - * / DIV %) with MySQL's result types: integer, exact DECIMAL or DOUBLE.
import { Decimal } from 'decimal.js';
import { mysqlError, ER_DATA_OUT_OF_RANGE, ER_DIVISION_BY_ZERO } from '../../errors/index.js';
import { TypeKind, isFloatType, isIntegerType, isStringType, isTemporalType, toDecimal, toDouble, toInteger } from '../types/index.js';
import type { FieldType, SqlValue, WarningSink } from '../types/index.js';
import { BIGINT_TYPE, DOUBLE_TYPE, UNSIGNED_BIGINT_TYPE, decimalType } from './literal-types.js';

export type ArithmeticOp = '+' | '-' | '*' | '/' | 'DIV' | '%';

/** How an arithmetic operation computes: the evaluation domain MySQL picks from the operand types. */
export type ArithmeticDomain = 'integer' | 'decimal' | 'double';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/**
 * MySQL's evaluation domain for `op` over operands of these types. A temporal operand counts as an integer
 * (TIME '12:34:56' + 0 is 123456), or as a DECIMAL when it has a fraction, as MySQL's numeric context does.
 */
export function arithmeticDomain(op: ArithmeticOp, left: FieldType, right: FieldType): ArithmeticDomain {
  if (op === 'DIV') return 'integer';
  const isApprox = (t: FieldType): boolean => isFloatType(t) || isStringType(t) || t.kind === TypeKind.Null;
  if (isApprox(left) || isApprox(right)) return 'double';
  if (op === '/') return 'decimal';
  const isExactDecimal = (t: FieldType): boolean => t.kind === TypeKind.Decimal || (isTemporalType(t) && t.decimals > 0);
  if (isExactDecimal(left) || isExactDecimal(right)) return 'decimal';
  return 'integer';
}

/** The static result type of `left op right`. */
export function arithmeticResultType(op: ArithmeticOp, left: FieldType, right: FieldType, divPrecision: number): FieldType {
  const domain = arithmeticDomain(op, left, right);
  if (domain === 'double') return DOUBLE_TYPE;
  if (domain === 'integer') {
    const isUnsigned = (isIntegerType(left) && left.isUnsigned) || (isIntegerType(right) && right.isUnsigned);
    return isUnsigned ? UNSIGNED_BIGINT_TYPE : BIGINT_TYPE;
  }
  const scaleOf = (t: FieldType): number => (t.kind === TypeKind.Decimal || isTemporalType(t) ? Math.max(t.decimals, 0) : 0);
  const precisionOf = (t: FieldType): number => (t.length > 0 ? t.length : 20);
  const scale =
    op === '/' ? Math.min(scaleOf(left) + divPrecision, 30)
    : op === '*' ? Math.min(scaleOf(left) + scaleOf(right), 30)
    : Math.max(scaleOf(left), scaleOf(right));
  return decimalType(Math.min(Math.max(precisionOf(left), precisionOf(right)) + scale + 1, 65), scale);
}

/**
 * Computes `left op right` in `domain`. NULL in → NULL out; division by zero → NULL with warning 1365; integer
 * overflow → 1690 naming `exprText`, as MySQL does.
 */
export function evaluateArithmetic(
  op: ArithmeticOp,
  domain: ArithmeticDomain,
  isUnsigned: boolean,
  resultScale: number,
  left: SqlValue,
  right: SqlValue,
  warnings: WarningSink,
  exprText: () => string,
): SqlValue {
  if (left === null || right === null) return null;
  switch (domain) {
    case 'integer':
      return integerArithmetic(op, left, right, isUnsigned, warnings, exprText);
    case 'decimal':
      return decimalArithmetic(op, toDecimal(left, warnings)!, toDecimal(right, warnings)!, resultScale, warnings);
    case 'double':
      return doubleArithmetic(op, toDouble(left, warnings)!, toDouble(right, warnings)!, warnings, exprText);
  }
}

function integerArithmetic(
  op: ArithmeticOp,
  leftValue: SqlValue,
  rightValue: SqlValue,
  isUnsigned: boolean,
  warnings: WarningSink,
  exprText: () => string,
): SqlValue {
  if (op === 'DIV' && (typeof leftValue !== 'bigint' || typeof rightValue !== 'bigint')) {
    const quotient = decimalArithmetic('/', toDecimal(leftValue, warnings)!, toDecimal(rightValue, warnings)!, 30, warnings);
    if (quotient === null) return null;
    return checkRange(BigInt((quotient).trunc().toFixed(0)), isUnsigned, exprText);
  }
  const a = toInteger(leftValue, warnings)!;
  const b = toInteger(rightValue, warnings)!;
  let result: bigint;
  switch (op) {
    case '+':
      result = a + b;
      break;
    case '-':
      result = a - b;
      break;
    case '*':
      result = a * b;
      break;
    case 'DIV':
    case '/':
      if (b === 0n) return divisionByZero(warnings);
      result = a / b;
      break;
    case '%':
      if (b === 0n) return divisionByZero(warnings);
      result = a % b;
      break;
  }
  return checkRange(result, isUnsigned, exprText);
}

function checkRange(value: bigint, isUnsigned: boolean, exprText: () => string): bigint {
  const min = isUnsigned ? 0n : INT64_MIN;
  const max = isUnsigned ? UINT64_MAX : INT64_MAX;
  if (value < min || value > max) {
    throw mysqlError(ER_DATA_OUT_OF_RANGE, isUnsigned ? 'BIGINT UNSIGNED' : 'BIGINT', exprText());
  }
  return value;
}

function divisionByZero(warnings: WarningSink): null {
  warnings.warn(mysqlError(ER_DIVISION_BY_ZERO));
  return null;
}

function decimalArithmetic(op: ArithmeticOp, a: Decimal, b: Decimal, scale: number, warnings: WarningSink): Decimal | null {
  switch (op) {
    case '+':
      return a.plus(b);
    case '-':
      return a.minus(b);
    case '*':
      return a.times(b);
    case '/':
      if (b.isZero()) return divisionByZero(warnings);
      return a.dividedBy(b).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
    case 'DIV':
      if (b.isZero()) return divisionByZero(warnings);
      return a.dividedBy(b).trunc();
    case '%':
      if (b.isZero()) return divisionByZero(warnings);
      return a.mod(b);
  }
}

function doubleArithmetic(op: ArithmeticOp, a: number, b: number, warnings: WarningSink, exprText: () => string): number | null {
  let result: number;
  switch (op) {
    case '+':
      result = a + b;
      break;
    case '-':
      result = a - b;
      break;
    case '*':
      result = a * b;
      break;
    case '/':
    case 'DIV':
      if (b === 0) return divisionByZero(warnings);
      result = a / b;
      break;
    case '%':
      if (b === 0) return divisionByZero(warnings);
      result = a % b;
      break;
  }
  if (!Number.isFinite(result)) throw mysqlError(ER_DATA_OUT_OF_RANGE, 'DOUBLE', exprText());
  return result;
}
