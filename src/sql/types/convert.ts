// Value conversions with MySQL's semantics: to number, to text, truthiness, and numeric-prefix parsing of strings.
import { Decimal } from 'decimal.js';
import { mysqlError, ER_INVALID_JSON_VALUE_FOR_CAST, ER_TRUNCATED_WRONG_VALUE } from '../../errors/index.js';
import { MysqlDateTime } from './mysql-datetime.js';
import { MysqlTime } from './mysql-time.js';
import type { SqlValue } from './sql-value.js';
import type { WarningSink } from './warnings.js';
import { formatDouble } from './format-double.js';
import { JsonValue } from './json/json-value.js';
import { jsonToSqlScalar } from './json/json-convert.js';

export { formatDouble };

const numericPrefix = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/**
 * Converts to a double as MySQL does in numeric context. A string is read up to its longest numeric prefix; when
 * anything is left over, MySQL warns 1292 "Truncated incorrect DOUBLE value".
 */
export function toDouble(value: SqlValue, warnings: WarningSink): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return parseNumericPrefix(value, 'DOUBLE', warnings);
  if (value instanceof MysqlDateTime || value instanceof MysqlTime) return value.toNumber();
  if (Buffer.isBuffer(value)) return parseNumericPrefix(value.toString('latin1'), 'DOUBLE', warnings);
  if (value instanceof JsonValue) return toDouble(jsonScalar(value, 'DOUBLE', warnings), warnings);
  return value.toNumber();
}

/**
 * A JSON value in numeric context: its scalar (a JSON string by its text, true/false as 1/0); anything else is 0
 * with MySQL's warning 3156.
 */
function jsonScalar(value: JsonValue, typeName: string, warnings: WarningSink): Exclude<SqlValue, JsonValue | null> {
  const scalar = jsonToSqlScalar(value);
  if (scalar !== undefined) return scalar;
  warnings.warn(mysqlError(ER_INVALID_JSON_VALUE_FOR_CAST, typeName, '', 'json', 1));
  return 0n;
}

/** Reads the numeric prefix of `text`; 0 when there is none. Warns when characters are ignored. */
export function parseNumericPrefix(text: string, typeName: string, warnings: WarningSink): number {
  const match = numericPrefix.exec(text);
  if (!match) {
    if (text.trim() !== '') warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, typeName, text));
    return 0;
  }
  if (match[0].length !== text.length && text.slice(match[0].length).trim() !== '') {
    warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, typeName, text));
  }
  return Number(match[0]);
}

/** Converts to an exact decimal (for DECIMAL arithmetic and columns). */
export function toDecimal(value: SqlValue, warnings: WarningSink): Decimal | null {
  if (value === null) return null;
  if (value instanceof Decimal) return value;
  if (typeof value === 'bigint') return new Decimal(value.toString());
  if (typeof value === 'number') return new Decimal(value);
  if (typeof value === 'string') {
    const match = numericPrefix.exec(value);
    if (!match || (match[0].length !== value.length && value.slice(match[0].length).trim() !== '')) {
      warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, 'DECIMAL', value));
    }
    return new Decimal(match ? match[0].trim() : 0);
  }
  if (value instanceof MysqlDateTime) return new Decimal(value.toNumber());
  if (value instanceof MysqlTime) return value.toDecimal();
  if (value instanceof JsonValue) return toDecimal(jsonScalar(value, 'DECIMAL', warnings), warnings);
  return toDecimal(value.toString('latin1'), warnings);
}

/**
 * Converts to a signed integer, rounding as MySQL does (half away from zero) and saturating at the int64 range.
 * Returns null for NULL.
 */
export function toInteger(value: SqlValue, warnings: WarningSink): bigint | null {
  if (value === null) return null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return roundDoubleToBigInt(value);
  if (value instanceof Decimal) return BigInt(value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^[+-]?\d+$/.test(trimmed)) return BigInt(trimmed);
    return roundDoubleToBigInt(parseNumericPrefix(value, 'INTEGER', warnings));
  }
  if (value instanceof MysqlDateTime) return BigInt(Math.round(value.toNumber()));
  if (value instanceof MysqlTime) return BigInt(value.toDecimal().toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
  if (value instanceof JsonValue) return toInteger(jsonScalar(value, 'INTEGER', warnings), warnings);
  return toInteger(value.toString('latin1'), warnings);
}

function roundDoubleToBigInt(value: number): bigint {
  if (Number.isNaN(value)) return 0n;
  const rounded = value < 0 ? -Math.round(-value) : Math.round(value);
  if (rounded >= 9.223372036854776e18) return 9223372036854775807n;
  if (rounded <= -9.223372036854776e18) return -9223372036854775808n;
  return BigInt(rounded);
}


/** Converts to text as MySQL does in string context (CONCAT, comparison with a string, text protocol). */
export function toText(value: SqlValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return formatDouble(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value instanceof MysqlDateTime || value instanceof MysqlTime || value instanceof JsonValue) return value.toString();
  return value.toFixed();
}

/** SQL truthiness: NULL stays unknown (null); numbers are true when non-zero; strings by their numeric prefix. */
export function toBoolean(value: SqlValue, warnings: WarningSink): boolean | null {
  if (value === null) return null;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'number') return value !== 0;
  if (value instanceof Decimal) return !value.isZero();
  if (value instanceof MysqlDateTime) return true;
  if (value instanceof MysqlTime) return value.micros !== 0;
  const number = toDouble(value, warnings);
  return number !== null && number !== 0;
}
