// coerceToColumn: converts a value for storage in a column, with MySQL's strict-mode errors and lenient warnings.
import { Decimal } from 'decimal.js';
import {
  MySqlError,
  formatMessage,
  mysqlError,
  ER_DATA_TOO_LONG,
  ER_INVALID_JSON_CHARSET,
  ER_INVALID_JSON_TEXT,
  ER_TRUNCATED_WRONG_VALUE,
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD,
  ER_WARN_DATA_OUT_OF_RANGE,
} from '../../errors/index.js';
import { toDecimal, toDouble, toInteger, toText } from './convert.js';
import { TypeKind, blobMaxBytes, integerRange, isIntegerType } from './field-type.js';
import type { FieldType } from './field-type.js';
import { MysqlDateTime } from './mysql-datetime.js';
import { MysqlTime } from './mysql-time.js';
import type { TimeConversion } from './mysql-time.js';
import type { SqlValue } from './sql-value.js';
import type { WarningSink } from './warnings.js';
import { encodeUtf8Lossless } from './lossless-utf8.js';
import { literalNumberOf } from './literal-number.js';
import { coerceEnumOrSet } from './enum-set-value.js';
import { coerceBit } from './bit-value.js';
import { JsonValue } from './json/json-value.js';
import { parseJsonForColumn } from './json/json-convert.js';

/** Where a value is being stored, for error messages and strictness. */
export interface StoreContext {
  readonly columnName: string;
  /** The table's name, for messages that name the column as `table.column` (3140). */
  readonly tableName?: string;
  /** 1-based row number within the statement, as MySQL reports it. */
  readonly rowNumber: number;
  /** STRICT_TRANS_TABLES / STRICT_ALL_TABLES in force: bad values are errors, not warnings. */
  readonly isStrict: boolean;
  readonly warnings: WarningSink;
}

/**
 * Converts `value` to what column type `type` stores: integers range-checked (1264), strings length-checked (1406),
 * text that is not a number for a numeric column rejected (1366), dates parsed (1292). In non-strict mode the value is
 * clipped and a warning recorded instead, as MySQL does.
 */
export function coerceToColumn(stored: SqlValue, type: FieldType, context: StoreContext): SqlValue {
  if (stored === null) return null;
  const value = isNumericColumn(type) ? (literalNumberOf(stored) ?? stored) : stored;
  if (type.valueSet) return coerceEnumOrSet(value, type, type.valueSet, context);
  if (type.kind === TypeKind.Bit) return coerceBit(value, type, context);
  if (isIntegerType(type)) return coerceInteger(value, type, context);
  switch (type.kind) {
    case TypeKind.Json:
      return coerceJson(value, context);
    case TypeKind.Float:
    case TypeKind.Double:
      return coerceDouble(value, type, context);
    case TypeKind.Decimal:
      return coerceDecimal(value, type, context);
    case TypeKind.Date:
    case TypeKind.DateTime:
    case TypeKind.Timestamp:
      return coerceDateTime(value, type, context);
    case TypeKind.Time:
      return coerceTime(value, type, context);
    default:
      return coerceString(value, type, context);
  }
}

function isNumericColumn(type: FieldType): boolean {
  return isIntegerType(type) || type.kind === TypeKind.Float || type.kind === TypeKind.Double || type.kind === TypeKind.Decimal;
}

function fail(context: StoreContext, error: MySqlError): void {
  if (context.isStrict) throw error;
  context.warnings.warn(error);
}

function incorrectValue(typeName: string, value: SqlValue, context: StoreContext, code = ER_TRUNCATED_WRONG_VALUE_FOR_FIELD): MySqlError {
  const text = toText(value) ?? 'NULL';
  const message = formatMessage(ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.template, [typeName, text, context.columnName, context.rowNumber]);
  return new MySqlError(code, message);
}

function outOfRange(context: StoreContext): MySqlError {
  return mysqlError(ER_WARN_DATA_OUT_OF_RANGE, context.columnName, context.rowNumber);
}

const strictNumber = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function coerceInteger(value: SqlValue, type: FieldType, context: StoreContext): bigint {
  if (typeof value === 'string' && !strictNumber.test(value)) {
    fail(context, incorrectValue('integer', value, context));
  }
  const collected: MySqlError[] = [];
  let integer = toInteger(value, { warn: (error) => collected.push(error) }) ?? 0n;
  if (type.kind === TypeKind.Year && integer > 0n && integer < 100n) integer += integer < 70n ? 2000n : 1900n;
  const { min, max } = integerRange(type);
  if (integer < min || integer > max) {
    fail(context, outOfRange(context));
    integer = integer < min ? min : max;
  }
  return integer;
}

function coerceDouble(value: SqlValue, type: FieldType, context: StoreContext): number {
  if (typeof value === 'string' && !strictNumber.test(value)) {
    fail(context, incorrectValue('double', value, context));
  }
  let number = toDouble(value, context.warnings) ?? 0;
  if (!Number.isFinite(number)) {
    fail(context, outOfRange(context));
    number = number > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  }
  if (type.kind === TypeKind.Float) number = Math.fround(number);
  if (type.decimals >= 0 && type.length > 0) number = Number(number.toFixed(type.decimals));
  if (type.isUnsigned && number < 0) {
    fail(context, outOfRange(context));
    number = 0;
  }
  return number;
}

function coerceDecimal(value: SqlValue, type: FieldType, context: StoreContext): Decimal {
  if (typeof value === 'string' && !strictNumber.test(value)) {
    fail(context, incorrectValue('decimal', value, context));
  }
  const precision = type.length < 0 ? 10 : type.length;
  const scale = type.decimals < 0 ? 0 : type.decimals;
  let decimal = (toDecimal(value, context.warnings) ?? new Decimal(0)).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
  const limit = new Decimal(10).pow(precision - scale);
  if (decimal.abs().gte(limit) || (type.isUnsigned && decimal.isNegative() && !decimal.isZero())) {
    fail(context, outOfRange(context));
    const max = limit.minus(new Decimal(10).pow(-scale));
    decimal = decimal.isNegative() ? (type.isUnsigned ? new Decimal(0) : max.negated()) : max;
  }
  return decimal;
}

function coerceDateTime(value: SqlValue, type: FieldType, context: StoreContext): MysqlDateTime | null {
  const kind = type.kind === TypeKind.Date ? 'date' : type.kind === TypeKind.Timestamp ? 'timestamp' : 'datetime';
  const fsp = Math.max(type.decimals, 0);
  if (value instanceof MysqlDateTime) return value.withKind(kind, fsp);
  if (value instanceof MysqlTime) return value.toDateTime(MysqlDateTime.now(), fsp).withKind(kind, fsp);
  const text = toText(value) ?? '';
  const parsed = MysqlDateTime.tryParse(text, kind, fsp);
  if (parsed) return parsed;
  fail(context, incorrectValue(kind, value, context, ER_TRUNCATED_WRONG_VALUE));
  return null;
}

/**
 * A TIME column: text and numbers read as MySQL does, rounded to the column's fsp. Clipping to ±838:59:59 warns 1264
 * and unreadable text or trailing garbage warns 1292, storing 00:00:00 for the unreadable; in strict mode either is
 * error 1292 "Incorrect time value", as MySQL's Field_temporal::set_warnings reports it.
 */
function coerceTime(value: Exclude<SqlValue, null>, type: FieldType, context: StoreContext): MysqlTime {
  const fsp = Math.max(type.decimals, 0);
  if (value instanceof MysqlTime) return value.round(fsp);
  if (value instanceof MysqlDateTime) return MysqlTime.fromDateTime(value, fsp);
  const conversion = timeConversion(value, fsp);
  const invalid = (): MySqlError => incorrectValue('time', value, context, ER_TRUNCATED_WRONG_VALUE);
  if (!conversion) {
    fail(context, invalid());
    return new MysqlTime(0, fsp);
  }
  if (conversion.isTruncated || (conversion.isOutOfRange && context.isStrict)) fail(context, invalid());
  else if (conversion.isOutOfRange) fail(context, outOfRange(context));
  return conversion.time;
}

function timeConversion(value: Exclude<SqlValue, null>, fsp: number): TimeConversion | undefined {
  if (typeof value === 'bigint' || typeof value === 'number' || value instanceof Decimal) return MysqlTime.fromNumber(value, fsp);
  return MysqlTime.fromText(toText(value) ?? '', fsp);
}

/**
 * A JSON column takes JSON values and JSON text (validated and normalised: 3140 for bad text, whatever the SQL
 * mode); a number or date must be CAST first and a binary string is refused (3144), as in MySQL.
 */
function coerceJson(value: Exclude<SqlValue, null>, context: StoreContext): JsonValue {
  if (value instanceof JsonValue) return value;
  const column = context.tableName === undefined ? context.columnName : `${context.tableName}.${context.columnName}`;
  if (typeof value === 'string') return parseJsonForColumn(value, column);
  if (Buffer.isBuffer(value)) throw mysqlError(ER_INVALID_JSON_CHARSET, 'binary');
  throw mysqlError(ER_INVALID_JSON_TEXT, 'not a JSON text, may need CAST', 0, column);
}

function coerceString(value: SqlValue, type: FieldType, context: StoreContext): string | Buffer {
  const isBinary = type.collation === 'binary';
  if (isBinary) {
    const bytes = Buffer.isBuffer(value) ? value : encodeUtf8Lossless(toText(value) ?? '');
    const max = type.length >= 0 ? type.length : (blobMaxBytes[type.kind] ?? Infinity);
    if (bytes.length > max) {
      fail(context, mysqlError(ER_DATA_TOO_LONG, context.columnName, context.rowNumber));
      return bytes.subarray(0, max);
    }
    return type.kind === TypeKind.Binary && bytes.length < max ? Buffer.concat([bytes, Buffer.alloc(max - bytes.length)]) : bytes;
  }
  let text = toText(value) ?? '';
  if (type.kind === TypeKind.Char || type.kind === TypeKind.VarChar) {
    const limit = type.kind === TypeKind.Char && type.length < 0 ? 1 : type.length;
    if (countCodePoints(text) > limit) {
      // Trailing spaces beyond the limit are silently dropped in MySQL, anything else is too long.
      const cut = sliceCodePoints(text, limit);
      if (text.slice(cut.length).trim() !== '') fail(context, mysqlError(ER_DATA_TOO_LONG, context.columnName, context.rowNumber));
      text = cut;
    }
    return type.kind === TypeKind.Char ? text.trimEnd() : text;
  }
  const max = blobMaxBytes[type.kind] ?? Infinity;
  if (Buffer.byteLength(text, 'utf8') > max) {
    fail(context, mysqlError(ER_DATA_TOO_LONG, context.columnName, context.rowNumber));
    text = Buffer.from(text, 'utf8').subarray(0, max).toString('utf8');
  }
  return text;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) count++;
  }
  return count;
}

function sliceCodePoints(text: string, limit: number): string {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) {
      if (count === limit) return text.slice(0, i);
      count++;
    }
  }
  return text;
}
