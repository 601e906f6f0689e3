// compareValues: MySQL's comparison rules between two non-NULL values of possibly different kinds.
import { Decimal } from 'decimal.js';
import { MysqlDateTime } from './mysql-datetime.js';
import { MAX_FSP, MysqlTime } from './mysql-time.js';
import type { SqlValue } from './sql-value.js';
import { toDecimal, toDouble, toText } from './convert.js';
import type { CollationName } from './field-type.js';
import type { WarningSink } from './warnings.js';
import { BINARY_COLLATION, collatorFor } from '../collation/index.js';
import { encodeUtf8Lossless } from './lossless-utf8.js';

/** utf8mb4_bin, the collation of most existing tables, is looked up once: its comparison is the hot path. */
const DEFAULT_BIN = 'utf8mb4_bin';
const binCollator = collatorFor(DEFAULT_BIN);
import { JsonValue } from './json/json-value.js';
import { compareJsonNodes } from './json/json-compare.js';
import { sqlToJsonNode } from './json/json-convert.js';

/**
 * Compares two values as MySQL does (https://dev.mysql.com/doc/refman/8.0/en/type-conversion.html): two strings by
 * collation, a temporal value against a string by parsing the string, integers exactly, decimals exactly, anything
 * else as doubles. Returns a negative number, 0 or a positive number. NULLs must be handled by the caller.
 */
export function compareValues(
  a: Exclude<SqlValue, null>,
  b: Exclude<SqlValue, null>,
  collation: CollationName,
  warnings: WarningSink,
): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b, collation);
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  // A JSON value against anything: the other side as JSON (a string is a JSON string), by JSON's own order.
  if (a instanceof JsonValue || b instanceof JsonValue) return compareJsonNodes(sqlToJsonNode(a), sqlToJsonNode(b));
  if (a instanceof MysqlTime || b instanceof MysqlTime) return compareTime(a, b, collation, warnings);
  if (a instanceof MysqlDateTime || b instanceof MysqlDateTime) return compareTemporal(a, b, collation, warnings);
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return Buffer.compare(a, b);
  if (isExact(a) && isExact(b)) return toExactDecimal(a).comparedTo(toExactDecimal(b));
  if ((typeof a === 'string' || Buffer.isBuffer(a)) && (typeof b === 'string' || Buffer.isBuffer(b))) {
    // A binary string against text compares bytes: the text's own bytes, raw ones kept (a driver's literal of a BLOB).
    if (collation === BINARY_COLLATION && (Buffer.isBuffer(a) || Buffer.isBuffer(b))) return Buffer.compare(asBytes(a), asBytes(b));
    return compareStrings(toText(a) ?? '', toText(b) ?? '', collation);
  }
  const x = toDouble(a, warnings) ?? 0;
  const y = toDouble(b, warnings) ?? 0;
  return x < y ? -1 : x > y ? 1 : 0;
}

function asBytes(value: string | Buffer): Buffer {
  return Buffer.isBuffer(value) ? value : encodeUtf8Lossless(value);
}

function isExact(value: SqlValue): value is bigint | Decimal {
  return typeof value === 'bigint' || value instanceof Decimal;
}

function toExactDecimal(value: bigint | Decimal): Decimal {
  return typeof value === 'bigint' ? new Decimal(value.toString()) : value;
}

function compareTemporal(
  a: Exclude<SqlValue, null>,
  b: Exclude<SqlValue, null>,
  collation: CollationName,
  warnings: WarningSink,
): number {
  // Strings are read with every fraction digit: '10:00:00.4' must not round to equal a whole second.
  const left = a instanceof MysqlDateTime ? a : typeof a === 'string' ? MysqlDateTime.tryParse(a, 'datetime', MAX_FSP) : undefined;
  const right = b instanceof MysqlDateTime ? b : typeof b === 'string' ? MysqlDateTime.tryParse(b, 'datetime', MAX_FSP) : undefined;
  if (left && right) return left.compare(right);
  if (typeof a === 'string' || typeof b === 'string') {
    return compareStrings(toText(a) ?? '', toText(b) ?? '', collation);
  }
  const x = toDouble(a, warnings) ?? 0;
  const y = toDouble(b, warnings) ?? 0;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A TIME against anything: another TIME by duration, a DATETIME as a DATETIME on the current date, text read as a
 * TIME (compared as text when it is none), numbers numerically (TIME '12:00:00' = 120000), as MySQL does.
 */
function compareTime(a: Exclude<SqlValue, null>, b: Exclude<SqlValue, null>, collation: CollationName, warnings: WarningSink): number {
  if (a instanceof MysqlTime && b instanceof MysqlTime) return a.compare(b);
  if (a instanceof MysqlDateTime || b instanceof MysqlDateTime) {
    const today = MysqlDateTime.now();
    const left = a instanceof MysqlTime ? a.toDateTime(today, MAX_FSP) : a;
    const right = b instanceof MysqlTime ? b.toDateTime(today, MAX_FSP) : b;
    return compareValues(left, right, collation, warnings);
  }
  if (typeof a === 'string' || typeof b === 'string') {
    const left = a instanceof MysqlTime ? a : MysqlTime.fromText(toText(a) ?? '')?.time;
    const right = b instanceof MysqlTime ? b : MysqlTime.fromText(toText(b) ?? '')?.time;
    if (left && right) return left.compare(right);
    return compareStrings(toText(a) ?? '', toText(b) ?? '', collation);
  }
  const x = toDecimal(a, warnings) ?? new Decimal(0);
  const y = toDecimal(b, warnings) ?? new Decimal(0);
  return x.comparedTo(y);
}

/**
 * Compares strings under a collation (sql/collation): `utf8mb4_bin` by code point with trailing spaces ignored, the
 * `_ci` collations by their weights, `binary` by code point with every space counting.
 */
export function compareStrings(a: string, b: string, collation: CollationName): number {
  return (collation === DEFAULT_BIN ? binCollator : collatorFor(collation)).compare(a, b);
}
