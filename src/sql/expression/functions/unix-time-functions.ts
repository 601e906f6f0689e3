// Functions between dates and Unix time: UNIX_TIMESTAMP, FROM_UNIXTIME, and the UTC clock: UTC_TIMESTAMP, UTC_DATE.
// Dates are wall-clock times of the session's time_zone.
// https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html#function_unix-timestamp
import { Decimal } from 'decimal.js';
import { TypeKind, toDecimal, toText, wallClockMicros } from '../../types/index.js';
import type { MysqlDateTime } from '../../types/index.js';
import { sessionTimeZone } from '../../timezone/session-time-zone.js';
import { UTC_ZONE, instantOf, wallClockAt } from '../../timezone/time-zone.js';
import type { TimeZone } from '../../timezone/time-zone.js';
import { storedInstant } from '../../timezone/timestamp-storage.js';
import type { FieldType } from '../../types/index.js';
import { constantExpr } from '../compiled-expr.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { BIGINT_TYPE, DATE_TYPE, DATETIME_TYPE, decimalType, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { toDateTimeArg } from './date-args.js';
import { formatDate } from './date-format.js';
import { strictCall } from './fold-call.js';

const MILLIS_PER_SECOND = 1000;
const MICROS_PER_SECOND = 1_000_000;
const MAX_FSP = 6;
/** The last second FROM_UNIXTIME/UNIX_TIMESTAMP accept on 64-bit platforms: 3001-01-18 23:59:59 UTC (MySQL 8.0.28+). */
const MAX_UNIX_SECONDS = 32_536_771_199;
const UNIX_TIMESTAMP_DIGITS = 11;

/** The current UTC wall clock, cut to `fsp` digits. */
function utcNow(fsp: number): MysqlDateTime {
  return wallClockAt(UTC_ZONE, wallClockMicros()).truncate(fsp);
}

/**
 * Seconds since the epoch of a wall-clock time of `zone` (fraction dropped). A TIMESTAMP value read from a table
 * keeps its exact instant, as MySQL reads the stored UTC value.
 */
function epochSeconds(value: MysqlDateTime, zone: TimeZone): number {
  const instant = storedInstant(value) ?? instantOf(zone, value);
  return Math.floor(instant / MICROS_PER_SECOND);
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
    const zone = sessionTimeZone(session);
    const fsp = fractionDigits(args[0]!);
    const type: FieldType = fsp === 0 ? BIGINT_TYPE : decimalType(UNIX_TIMESTAMP_DIGITS + fsp, fsp);
    return strictCall(args, type, ([value]) => {
      const date = toDateTimeArg(value!, session.warnings);
      if (date === null) return null;
      const seconds = epochSeconds(date, zone);
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
    const zone = sessionTimeZone(session);
    return strictCall(args, type, ([value, format]) => {
      const seconds = toDecimal(value!, session.warnings)!;
      if (seconds.isNegative() || seconds.greaterThan(MAX_UNIX_SECONDS)) return null;
      const micros = seconds.times(MICROS_PER_SECOND).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber();
      const datetime = wallClockAt(zone, micros).round(fsp);
      return format === undefined ? datetime : formatDate(datetime, toText(format) ?? '');
    });
  },
};

const utcTimestampFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 1,
  compile: ([fspArg]) => {
    const fsp = typeof fspArg?.constantValue === 'bigint' ? Math.min(Math.max(Number(fspArg.constantValue), 0), MAX_FSP) : 0;
    return constantExpr(utcNow(fsp), { ...DATETIME_TYPE, decimals: fsp, length: fsp > 0 ? 20 + fsp : 19 });
  },
};

const utcDateFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 0,
  compile: () => constantExpr(utcNow(0).withKind('date'), DATE_TYPE),
};

export const unixTimeFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['UNIX_TIMESTAMP', unixTimestampFunction],
  ['FROM_UNIXTIME', fromUnixtimeFunction],
  ['UTC_TIMESTAMP', utcTimestampFunction],
  ['UTC_DATE', utcDateFunction],
]);
