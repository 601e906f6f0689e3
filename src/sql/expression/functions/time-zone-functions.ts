// CONVERT_TZ(dt, from_tz, to_tz): a wall-clock time moved between time zones (names, offsets or SYSTEM).
// https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html#function_convert-tz
import { toText } from '../../types/index.js';
import type { SqlValue } from '../../types/index.js';
import { convertWallClock, findTimeZone, instantOf } from '../../timezone/time-zone.js';
import type { TimeZone } from '../../timezone/time-zone.js';
import { dateTimeType } from '../literal-types.js';
import { timePrecisionOf } from '../time-arg.js';
import type { BuiltinFunction } from './builtin-function.js';
import { toDateTimeArg } from './date-args.js';
import { strictCall } from './fold-call.js';

/** TIMESTAMP's range in microseconds since the epoch: 1970-01-01 00:00:01 … 2038-01-19 03:14:07.999999 UTC. */
const TimestampRange = { min: 1_000_000, max: 2_147_483_647_999_999 } as const;

function zoneOf(value: Exclude<SqlValue, null>): TimeZone | undefined {
  return findTimeZone((toText(value) ?? '').trim());
}

/**
 * CONVERT_TZ: NULL for an unknown zone or a value that is no date (warning 1292); a value whose instant lies outside
 * TIMESTAMP's range is returned unconverted, as MySQL does.
 */
const convertTzFunction: BuiltinFunction = {
  minArgs: 3,
  maxArgs: 3,
  compile: (args, { session }) => {
    const fsp = timePrecisionOf(args[0]!);
    return strictCall(args, dateTimeType(fsp), ([value, fromName, toName]) => {
      const from = zoneOf(fromName!);
      const to = zoneOf(toName!);
      const dateTime = toDateTimeArg(value!, session.warnings);
      if (from === undefined || to === undefined || dateTime === null) return null;
      const wallClock = dateTime.withKind('datetime', fsp);
      const instant = instantOf(from, wallClock);
      if (instant < TimestampRange.min || instant > TimestampRange.max) return wallClock;
      return convertWallClock(wallClock, from, to).withKind('datetime', fsp);
    });
  },
};

export const timeZoneFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([['CONVERT_TZ', convertTzFunction]]);
