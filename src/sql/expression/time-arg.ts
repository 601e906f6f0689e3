// Reading values as TIME in expression context (CAST, TIME functions) and the fsp MySQL gives such a TIME.
import { Decimal } from 'decimal.js';
import { mysqlError, ER_TRUNCATED_WRONG_VALUE } from '../../errors/index.js';
import { MAX_FSP, MysqlDateTime, MysqlTime, TypeKind, isIntegerType, toText } from '../types/index.js';
import type { SqlValue, WarningSink } from '../types/index.js';
import type { CompiledExpr } from './compiled-expr.js';

/**
 * `value` as a TIME rounded to `fsp`: a DATETIME gives its time of day; text and numbers are read as MySQL does.
 * Unreadable text is NULL; trailing garbage or clipping to ±838:59:59 keep the value; each warns 1292 "Truncated
 * incorrect time value", as MySQL's CAST(… AS TIME) does.
 */
export function readTime(value: Exclude<SqlValue, null>, fsp: number, warnings: WarningSink): MysqlTime | null {
  if (value instanceof MysqlTime) return value.round(fsp);
  if (value instanceof MysqlDateTime) return MysqlTime.fromDateTime(value, fsp);
  const isNumber = typeof value === 'bigint' || typeof value === 'number' || value instanceof Decimal;
  const conversion = isNumber ? MysqlTime.fromNumber(value, fsp) : MysqlTime.fromText(toText(value) ?? '', fsp);
  if (!conversion || conversion.isTruncated || conversion.isOutOfRange) {
    warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, 'time', toText(value) ?? ''));
  }
  if (!conversion) return null;
  // A number with 60 minutes or seconds is no time at all: MySQL gives NULL for it in expressions.
  if (isNumber && conversion.isOutOfRange && conversion.time.micros === 0) return null;
  return conversion.time;
}

/**
 * The fractional digits of a TIME made from `arg` (MySQL's Item::time_precision): a temporal argument keeps its fsp,
 * integers have none, decimals keep theirs, a constant string has as many as it writes, other text and doubles 6.
 */
export function timePrecisionOf(arg: CompiledExpr): number {
  const type = arg.type;
  if (type.kind === TypeKind.Time || type.kind === TypeKind.DateTime || type.kind === TypeKind.Timestamp) return Math.max(type.decimals, 0);
  if (type.kind === TypeKind.Date || isIntegerType(type) || type.kind === TypeKind.Null) return 0;
  if (type.kind === TypeKind.Decimal) return Math.min(Math.max(type.decimals, 0), MAX_FSP);
  const constant = arg.constantValue;
  if (typeof constant === 'string') {
    const fraction = /^[^.]*\d\.(\d+)/.exec(constant.trim());
    return Math.min(fraction ? fraction[1]!.length : 0, MAX_FSP);
  }
  return MAX_FSP;
}
