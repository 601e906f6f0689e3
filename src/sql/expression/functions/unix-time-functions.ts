// Functions between dates and Unix time: UNIX_TIMESTAMP, FROM_UNIXTIME, and the UTC clock: UTC_TIMESTAMP, UTC_DATE.
// The session time zone is the server process's (MySQL's time_zone = SYSTEM).
// https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html#function_unix-timestamp
import { Decimal } from 'decimal.js';
import { MysqlDateTime, TypeKind, toDecimal, toText } from '../../types/index.js';
import type { FieldType } from '../../types/index.js';
import { constantExpr } from '../compiled-expr.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { BIGINT_TYPE, DATE_TYPE, DATETIME_TYPE, decimalType, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { toDateTimeArg } from './date-args.js';
import { formatDate } from './date-format.js';
import { strictCall } from './fold-call.js';

const MILLIS_PER_SECOND = 1000;
const MICROS_PER_MILLI = 1000;
const MAX_FSP = 6;
/** The last second FROM_UNIXTIME/UNIX_TIMESTAMP accept on 64-bit platforms: 3001-01-18 23:59:59 UTC (MySQL 8.0.28+). */
const MAX_UNIX_SECONDS = 32_536_771_199;
const UNIX_TIMESTAMP_DIGITS = 11;

/** A MysqlDateTime from a JS Date's local (or UTC) wall clock, keeping milliseconds. */
function fromDate(date: Date, isUtc: boolean, fsp: number): MysqlDateTime {
  const parts = isUtc
    ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  return new MysqlDateTime('datetime', year, month, day, hour, minute, second, date.getMilliseconds() * MICROS_PER_MILLI, MAX_FSP).round(fsp);
}

/** Seconds since the epoch of a local wall-clock time (fraction dropped). */
function localEpochSeconds(value: MysqlDateTime): number {
  const date = new Date(0);
  date.setFullYear(value.year, value.month - 1, value.day);
  date.setHours(value.hour, value.minute, value.second, 0);
  return Math.floor(date.getTime() / MILLIS_PER_SECOND);
}

/** The fraction digits UNIX_TIMESTAMP(arg) shows: the temporal type's, a constant string's own, else 6. */
function fractionDigits(arg: CompiledExpr): number {
  if (arg.type.kind === TypeKind.Date) return 0;
  if (arg.type.kind === TypeKind.DateTime || arg.type.kind === TypeKind.Timestamp) return Math.max(arg.type.decimals, 0);
  if (typeof arg.constantValue === 'string') {
    const fraction = /\.(\d+)\s*$/.exec(arg.constantValue.trim().split(/[ T]/)[1] ?? '');
    return Math.min(fraction?.[1]?.length ?? 0, MAX_FSP);
  }
  if (typeof arg.constantValue === 'bigint') return 0;
  return MAX_FSP;
}

/**
 * UNIX_TIMESTAMP(): now, as BIGINT, fixed for the statement. UNIX_TIMESTAMP(date): its seconds since the epoch,
 * DECIMAL(…, fsp) when the argument has a fraction; 0 outside 1970 … 3001, NULL (warning 1292) for a non-date.
 */
const unixTimestampFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 1,
  compile: (args, { session }) => {
    if (args.length === 0) return constantExpr(BigInt(Math.floor(Date.now() / MILLIS_PER_SECOND)), BIGINT_TYPE);
    const fsp = fractionDigits(args[0]!);
    const type: FieldType = fsp === 0 ? BIGINT_TYPE : decimalType(UNIX_TIMESTAMP_DIGITS + fsp, fsp);
    return strictCall(args, type, ([value]) => {
      const date = toDateTimeArg(value!, session.warnings);
      if (date === null) return null;
      const seconds = localEpochSeconds(date);
      const isInRange = seconds >= 0 && seconds <= MAX_UNIX_SECONDS;
      if (fsp === 0) return isInRange ? BigInt(seconds) : 0n;
      if (!isInRange) return new Decimal(0);
      const micros = String(date.microsecond).padStart(MAX_FSP, '0').slice(0, fsp);
      return new Decimal(`${seconds}.${micros}`);
    });
  },
};

/**
 * FROM_UNIXTIME(seconds[, format]): the local DATETIME of a Unix time (with the argument's fraction digits), or
 * DATE_FORMAT of it. NULL for negative or too large times.
 */
const fromUnixtimeFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 2,
  compile: (args, { session }) => {
    const argType = args[0]!.type;
    const fsp = argType.kind === TypeKind.Decimal ? Math.min(Math.max(argType.decimals, 0), MAX_FSP) : argType.kind === TypeKind.Double || argType.kind === TypeKind.VarChar ? MAX_FSP : 0;
    const type = args.length === 2 ? varcharType(255) : { ...DATETIME_TYPE, decimals: fsp, length: fsp > 0 ? 20 + fsp : 19 };
    return strictCall(args, type, ([value, format]) => {
      const seconds = toDecimal(value!, session.warnings)!;
      if (seconds.isNegative() || seconds.greaterThan(MAX_UNIX_SECONDS)) return null;
      const wholeMillis = seconds.floor().times(MILLIS_PER_SECOND).toNumber();
      const micros = seconds.minus(seconds.floor()).times(1_000_000).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber();
      const base = fromDate(new Date(wholeMillis), false, 0);
      const datetime = new MysqlDateTime('datetime', base.year, base.month, base.day, base.hour, base.minute, base.second, micros, MAX_FSP).round(fsp);
      return format === undefined ? datetime : formatDate(datetime, toText(format) ?? '');
    });
  },
};

const utcTimestampFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 1,
  compile: ([fspArg]) => {
    const fsp = typeof fspArg?.constantValue === 'bigint' ? Math.min(Math.max(Number(fspArg.constantValue), 0), MAX_FSP) : 0;
    return constantExpr(fromDate(new Date(), true, fsp), { ...DATETIME_TYPE, decimals: fsp, length: fsp > 0 ? 20 + fsp : 19 });
  },
};

const utcDateFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 0,
  compile: () => constantExpr(fromDate(new Date(), true, 0).withKind('date'), DATE_TYPE),
};

export const unixTimeFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['UNIX_TIMESTAMP', unixTimestampFunction],
  ['FROM_UNIXTIME', fromUnixtimeFunction],
  ['UTC_TIMESTAMP', utcTimestampFunction],
  ['UTC_DATE', utcDateFunction],
]);
