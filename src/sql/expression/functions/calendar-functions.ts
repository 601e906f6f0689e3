// Calendar arithmetic: TO_DAYS, FROM_DAYS, TO_SECONDS, MAKEDATE, PERIOD_ADD, PERIOD_DIFF, WEEK, WEEKOFYEAR, YEARWEEK,
// GET_FORMAT, with MySQL's day numbers (day 1 is 0000-01-01) and its two-digit-year rules.
// https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html
import { mysqlError, ER_WRONG_ARGUMENTS } from '../../../errors/index.js';
import { MysqlDateTime, toInteger, toText } from '../../types/index.js';
import type { WarningSink } from '../../types/index.js';
import { BIGINT_TYPE, DATE_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { WeekFlag, calcWeek, weekModeBehaviour } from './calc-week.js';
import { toDateTimeArg, utcDate } from './date-args.js';
import { datePart } from './date-part-functions.js';
import { strictCall } from './fold-call.js';
import type { PresentValue } from './fold-call.js';

const SECONDS_PER_DAY = 86_400n;
const MONTHS_PER_YEAR = 12;
/** TO_DAYS('1970-01-01'): JavaScript's day 0 in MySQL's numbering. */
const EPOCH_DAY_NUMBER = 719_528;
/** FROM_DAYS gives 0000-00-00 before day 366 (0001-01-01) and after 9999-12-31. */
const FromDaysRange = { min: 366, max: 3_652_424 } as const;
/** Two-digit years below this are 20xx, the rest 19xx (MySQL's YY_PART_YEAR). */
const TWO_DIGIT_YEAR_PIVOT = 70;
const MAX_YEAR = 9999;
/** WEEKOFYEAR is WEEK(date, 3): Monday first, weeks 1–53 by the ISO rule. */
const ISO_WEEK_MODE = 3;
const FORMAT_LENGTH = 17;

/** MySQL's calc_daynr (sql-common/my_time.cc): day 1 is 0000-01-01; year 0 has no leap day. */
export function mysqlDayNumber(year: number, month: number, day: number): number {
  if (year === 0 && month === 0) return 0;
  let delsum = 365 * year + 31 * (month - 1) + day;
  let y = year;
  if (month <= 2) y--;
  else delsum -= Math.trunc((month * 4 + 23) / 10);
  const temp = Math.trunc(((Math.trunc(y / 100) + 1) * 3) / 4);
  return delsum + Math.trunc(y / 4) - temp;
}

/** The date of MySQL day number `dayNumber`, or 0000-00-00 outside 0001-01-01 … 9999-12-31. */
function dateOfDayNumber(dayNumber: number): MysqlDateTime {
  if (dayNumber < FromDaysRange.min || dayNumber > FromDaysRange.max) return new MysqlDateTime('date', 0, 0, 0);
  const date = utcDate(1970, 1, 1 + (dayNumber - EPOCH_DAY_NUMBER));
  return new MysqlDateTime('date', date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A year as MySQL reads a short one: 0–69 → 2000–2069, 70–99 → 1970–1999. */
function fullYear(year: number): number {
  if (year >= 100) return year;
  return year < TWO_DIGIT_YEAR_PIVOT ? 2000 + year : 1900 + year;
}

/** A period YYMM / YYYYMM as a month count (0 stays 0); a month outside 1–12 is 1210, as MySQL 8.0 reports. */
function periodMonths(value: PresentValue, name: string, warnings: WarningSink): number {
  const period = Number(toInteger(value, warnings));
  if (period === 0) return 0;
  const month = period % 100;
  if (period < 0 || month < 1 || month > MONTHS_PER_YEAR) throw mysqlError(ER_WRONG_ARGUMENTS, name);
  return fullYear(Math.trunc(period / 100)) * MONTHS_PER_YEAR + month - 1;
}

function monthsPeriod(months: number): bigint {
  if (months === 0) return 0n;
  return BigInt(fullYear(Math.trunc(months / MONTHS_PER_YEAR)) * 100 + (months % MONTHS_PER_YEAR) + 1);
}

const dateFunction = (read: (date: MysqlDateTime) => bigint): BuiltinFunction => datePart(BIGINT_TYPE, read);

/** MAKEDATE(year, dayofyear): NULL for day 0 or less, or past 9999. */
const makedateFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args, { session }) =>
    strictCall(args, DATE_TYPE, ([yearValue, dayValue]) => {
      const year = toInteger(yearValue!, session.warnings)!;
      const dayOfYear = toInteger(dayValue!, session.warnings)!;
      if (dayOfYear <= 0n || year < 0n || year > BigInt(MAX_YEAR)) return null;
      const dayNumber = mysqlDayNumber(fullYear(Number(year)), 1, 1) + Number(dayOfYear) - 1;
      const date = dateOfDayNumber(dayNumber);
      return date.year === 0 ? null : date;
    }),
};

/**
 * WEEK(date[, mode]) and YEARWEEK: MySQL's week numbering for mode 0–7, with `extraBehaviour` added (YEARWEEK counts
 * weeks in the year they belong to); `read` makes the result from the week and its year. Without a mode WEEK uses
 * @@default_week_format and YEARWEEK mode 0, as MySQL does.
 */
function weekFunction(extraBehaviour: number, read: (week: { week: number; year: number }) => number, isDefaultFormatRead: boolean): BuiltinFunction {
  return {
    minArgs: 1,
    maxArgs: 2,
    compile: (args, { session }) => {
      const defaultMode = isDefaultFormatRead ? (session.systemVariable('default_week_format', 'default') ?? 0n) : 0n;
      return strictCall(args, BIGINT_TYPE, ([value, mode]) => {
        const date = toDateTimeArg(value!, session.warnings);
        if (date === null) return null;
        const weekMode = Number(BigInt.asUintN(3, toInteger(mode ?? defaultMode, session.warnings)!));
        return BigInt(read(calcWeek(date, weekModeBehaviour(weekMode) | extraBehaviour)));
      });
    },
  };
}

/** The DATE_FORMAT patterns GET_FORMAT returns, by type and standard. */
const FORMATS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  DATE: { USA: '%m.%d.%Y', JIS: '%Y-%m-%d', ISO: '%Y-%m-%d', EUR: '%d.%m.%Y', INTERNAL: '%Y%m%d' },
  DATETIME: { USA: '%Y-%m-%d %H.%i.%s', JIS: '%Y-%m-%d %H:%i:%s', ISO: '%Y-%m-%d %H:%i:%s', EUR: '%Y-%m-%d %H.%i.%s', INTERNAL: '%Y%m%d%H%i%s' },
  TIME: { USA: '%h:%i:%s %p', JIS: '%H:%i:%s', ISO: '%H:%i:%s', EUR: '%H.%i.%s', INTERNAL: '%H%i%s' },
};

/** GET_FORMAT({DATE|TIME|DATETIME|TIMESTAMP}, 'USA'|'JIS'|'ISO'|'EUR'|'INTERNAL'); the parser passes the type as text. */
const getFormatFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args) =>
    strictCall(args, varcharType(FORMAT_LENGTH), ([type, standard]) => {
      const kind = (toText(type!) ?? '').toUpperCase();
      return FORMATS[kind === 'TIMESTAMP' ? 'DATETIME' : kind]?.[(toText(standard!) ?? '').toUpperCase()] ?? null;
    }),
};

export const calendarFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['TO_DAYS', dateFunction((date) => BigInt(mysqlDayNumber(date.year, date.month, date.day)))],
  ['TO_SECONDS', dateFunction((date) => BigInt(mysqlDayNumber(date.year, date.month, date.day)) * SECONDS_PER_DAY + BigInt(date.hour * 3600 + date.minute * 60 + date.second))],
  ['FROM_DAYS', { minArgs: 1, maxArgs: 1, compile: (args, { session }) => strictCall(args, DATE_TYPE, ([value]) => dateOfDayNumber(Number(toInteger(value!, session.warnings)))) }],
  ['MAKEDATE', makedateFunction],
  ['PERIOD_ADD', { minArgs: 2, maxArgs: 2, compile: (args, { session }) =>
    strictCall(args, BIGINT_TYPE, ([period, months]) => {
      // Period 0 stays 0, as MySQL returns it before any check.
      if (toInteger(period!, session.warnings) === 0n) return 0n;
      return monthsPeriod(periodMonths(period!, 'period_add', session.warnings) + Number(toInteger(months!, session.warnings)));
    }) }],
  ['PERIOD_DIFF', { minArgs: 2, maxArgs: 2, compile: (args, { session }) =>
    strictCall(args, BIGINT_TYPE, ([a, b]) => BigInt(periodMonths(a!, 'period_diff', session.warnings) - periodMonths(b!, 'period_diff', session.warnings))) }],
  ['WEEKOFYEAR', dateFunction((date) => BigInt(calcWeek(date, weekModeBehaviour(ISO_WEEK_MODE)).week))],
  ['WEEK', weekFunction(0, ({ week }) => week, true)],
  ['YEARWEEK', weekFunction(WeekFlag.WeekYear, ({ week, year }) => year * 100 + week, false)],
  ['GET_FORMAT', getFormatFunction],
]);
