// compileCast: CAST(x AS type) / CONVERT(x, type) with MySQL 8.0's conversions, truncation warnings and wrapping.
// https://dev.mysql.com/doc/refman/8.0/en/cast-functions.html
import { Decimal } from 'decimal.js';
import { mysqlError, ER_NOT_SUPPORTED_YET, ER_TRUNCATED_WRONG_VALUE, ER_WARN_DATA_OUT_OF_RANGE } from '../../errors/index.js';
import type { CastType } from '../ast/index.js';
import { MysqlDateTime, TypeKind, bitAsString, fieldType, toDecimal, toDouble, toInteger, toText } from '../types/index.js';
import type { SqlValue, WarningSink } from '../types/index.js';
import type { CompiledExpr } from './compiled-expr.js';
import type { CompileContext } from './compile-context.js';
import { foldCall } from './functions/fold-call.js';
import { BIGINT_TYPE, DATE_TYPE, DOUBLE_TYPE, JSON_TYPE, UNSIGNED_BIGINT_TYPE, dateTimeType, decimalType, timeType, varcharType } from './literal-types.js';
import { connectionCollation } from './collate-expr.js';
import { castToJson } from './json-operands.js';
import { readTime } from './time-arg.js';
import { MysqlTime } from '../types/index.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
const YEAR_TYPE = fieldType(TypeKind.Year, { length: 4 });
/** CAST(x AS YEAR) reads two-digit years as 2000–2069 / 1970–1999 and accepts 1901–2155. */
const YearRange = { min: 1901, max: 2155, pivot: 70 } as const;

/** Compiles a cast of `operand` to `target`; `text` is the expression's SQL for warnings. */
export function compileCast(target: CastType, operand: CompiledExpr, context: CompileContext, text: () => string): CompiledExpr {
  const warnings = context.session.warnings;
  const cast = (type: CompiledExpr['type'], apply: (value: Exclude<SqlValue, null>) => SqlValue): CompiledExpr =>
    foldCall([operand], type, ([value]) => (value === null || value === undefined ? null : apply(value)));
  switch (target.name) {
    case 'SIGNED':
      return cast(BIGINT_TYPE, (value) => toSigned(value, warnings));
    case 'UNSIGNED':
      return cast(UNSIGNED_BIGINT_TYPE, (value) => BigInt.asUintN(64, toInteger(value, warnings)!));
    case 'CHAR':
      // The result is text of the connection's character set and collation, as in MySQL.
      return cast(
        { ...varcharType(target.length ?? Math.max(operand.type.length, 0)), collation: connectionCollation(context), coercibility: 'coercible' },
        (value) => castToChar(bitAsString(value, operand.type) ?? value, target.length, warnings),
      );
    case 'BINARY':
      return cast(fieldType(TypeKind.VarBinary, { length: target.length ?? Math.max(operand.type.length, 0) }), (value) => castToBinary(bitAsString(value, operand.type) ?? value, target.length, warnings));
    case 'DOUBLE':
    case 'FLOAT':
    case 'REAL':
      return cast(DOUBLE_TYPE, (value) => toDouble(value, warnings));
    case 'DECIMAL':
      return castToDecimal(operand, target.length ?? 10, target.scale ?? 0, warnings, text);
    case 'DATE':
    case 'DATETIME': {
      const kind = target.name === 'DATE' ? 'date' : 'datetime';
      const fsp = kind === 'date' ? 0 : Math.min(target.length ?? 0, 6);
      return cast(kind === 'date' ? DATE_TYPE : dateTimeType(fsp), (value) => {
        if (value instanceof MysqlDateTime) return value.withKind(kind, fsp);
        if (value instanceof MysqlTime) return value.toDateTime(MysqlDateTime.now(), fsp).withKind(kind, fsp);
        return MysqlDateTime.tryParse(toText(value) ?? '', kind, fsp) ?? null;
      });
    }
    case 'TIME': {
      const fsp = Math.min(target.length ?? 0, 6);
      return cast(timeType(fsp), (value) => readTime(value, fsp, warnings));
    }
    case 'YEAR':
      return cast(YEAR_TYPE, (value) => castToYear(value, warnings));
    case 'JSON':
      return foldCall([operand], JSON_TYPE, ([value]) => castToJson(value ?? null, operand.type));
    default:
      throw mysqlError(ER_NOT_SUPPORTED_YET, `CAST AS ${String(target.name)}`);
  }
}

/**
 * CAST(x AS SIGNED): an integer in BIGINT UNSIGNED's range wraps to its two's-complement value (so
 * `CAST(~0 AS SIGNED)` is -1 and bit operations round-trip), anything beyond 64 bits is clipped.
 */
function toSigned(value: Exclude<SqlValue, null>, warnings: WarningSink): bigint {
  const integer = toInteger(value, warnings)!;
  if (integer > INT64_MAX && integer <= UINT64_MAX) return BigInt.asIntN(64, integer);
  return integer > UINT64_MAX ? INT64_MAX : integer < INT64_MIN ? INT64_MIN : integer;
}

/** CAST(x AS CHAR(n)): the first n characters, with warning 1292 when some were cut. */
function castToChar(value: Exclude<SqlValue, null>, length: number | undefined, warnings: WarningSink): string {
  const textValue = toText(value) ?? '';
  if (length === undefined) return textValue;
  const chars = Array.from(textValue);
  if (chars.length <= length) return textValue;
  warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, `CHAR(${length})`, textValue));
  return chars.slice(0, length).join('');
}

/** CAST(x AS BINARY(n)): the bytes cut to n (warning 1292) or padded with 0x00 to n, as MySQL does. */
function castToBinary(value: Exclude<SqlValue, null>, length: number | undefined, warnings: WarningSink): Buffer {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(toText(value) ?? '', 'utf8');
  if (length === undefined || bytes.length === length) return bytes;
  if (bytes.length < length) return Buffer.concat([bytes, Buffer.alloc(length - bytes.length)]);
  warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, `BINARY(${length})`, toText(value) ?? ''));
  return bytes.subarray(0, length);
}

/** CAST(x AS DECIMAL(M,D)): rounded half up to D digits; out of range clips to the largest value with warning 1264. */
function castToDecimal(operand: CompiledExpr, precision: number, digits: number, warnings: WarningSink, text: () => string): CompiledExpr {
  return foldCall([operand], decimalType(precision, digits), ([value]) => {
    if (value === null || value === undefined) return null;
    const decimal = (toDecimal(value, warnings) ?? new Decimal(0)).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
    const limit = new Decimal(10).pow(precision - digits);
    if (decimal.abs().gte(limit)) {
      warnings.warn(mysqlError(ER_WARN_DATA_OUT_OF_RANGE, text(), 1));
      const max = limit.minus(new Decimal(10).pow(-digits));
      return decimal.isNegative() ? max.negated() : max;
    }
    return decimal;
  });
}

/** CAST(x AS YEAR) (MySQL 8.0.22): a year number, a date's year, or NULL with warning 1292 when out of range. */
function castToYear(value: Exclude<SqlValue, null>, warnings: WarningSink): bigint | null {
  if (value instanceof MysqlDateTime) return BigInt(value.year);
  const isText = typeof value === 'string' || Buffer.isBuffer(value);
  const year = Number(toInteger(value, warnings));
  if (year === 0) return isText ? 2000n : 0n;
  if (year > 0 && year < 100) return BigInt(year < YearRange.pivot ? 2000 + year : 1900 + year);
  if (year >= YearRange.min && year <= YearRange.max) return BigInt(year);
  warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, 'YEAR', toText(value) ?? ''));
  return null;
}
