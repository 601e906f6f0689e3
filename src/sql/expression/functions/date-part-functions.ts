// Functions reading parts of a date: DATE, YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, MICROSECOND, QUARTER,
// DAYOFWEEK, DAYOFYEAR, WEEKDAY, MONTHNAME, DAYNAME, LAST_DAY, DATEDIFF, DATE_FORMAT, STR_TO_DATE.
// https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html
import { MAX_FSP, MysqlDateTime, toText } from '../../types/index.js';
import type { MysqlTime } from '../../types/index.js';
import { readTime } from '../time-arg.js';
import type { FieldType } from '../../types/index.js';
import { BIGINT_TYPE, DATE_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { DAY_NAMES, MONTH_NAMES, dayNumber, dayOfYear, daysInMonth, sundayWeekday, toDateTimeArg } from './date-args.js';
import { formatDate } from './date-format.js';
import { strictCall } from './fold-call.js';
import { strToDateFunction } from './str-to-date.js';

const MONTHS_PER_QUARTER = 3;
const MONTH_NAME_LENGTH = 9;
/** DATE_FORMAT results are at most this long per pattern character (%W → "Wednesday"). */
const FORMAT_EXPANSION = 10;

/** A one-argument function of a date/time: NULL (with warning 1292) when the argument is not a date. */
export function datePart(type: FieldType, read: (value: MysqlDateTime) => string | bigint | MysqlDateTime): BuiltinFunction {
  return {
    minArgs: 1,
    maxArgs: 1,
    compile: (args, { session }) =>
      strictCall(args, type, ([value]) => {
        const date = toDateTimeArg(value!, session.warnings);
        return date === null ? null : read(date);
      }),
  };
}

const integerPart = (read: (value: MysqlDateTime) => number): BuiltinFunction => datePart(BIGINT_TYPE, (value) => BigInt(read(value)));

/**
 * HOUR, MINUTE, SECOND, MICROSECOND read their argument as a TIME, as MySQL does: HOUR('100:00:00') is 100, and a
 * DATETIME gives its time of day. NULL (with warning 1292) when the argument is no time.
 */
const timePart = (read: (value: MysqlTime) => number): BuiltinFunction => ({
  minArgs: 1,
  maxArgs: 1,
  compile: (args, { session }) =>
    strictCall(args, BIGINT_TYPE, ([value]) => {
      const time = readTime(value!, MAX_FSP, session.warnings);
      return time === null ? null : BigInt(read(time));
    }),
});

const dayOfMonth = integerPart((value) => value.day);

/** DATEDIFF(a, b): days from b to a, ignoring the times of day. */
const dateDiffFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args, { session }) =>
    strictCall(args, BIGINT_TYPE, ([a, b]) => {
      const left = toDateTimeArg(a!, session.warnings);
      const right = toDateTimeArg(b!, session.warnings);
      if (left === null || right === null) return null;
      return BigInt(dayNumber(left.year, left.month, left.day) - dayNumber(right.year, right.month, right.day));
    }),
};

const dateFormatFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args, { session }) =>
    strictCall(args, varcharType(Math.max(args[1]!.type.length, 1) * FORMAT_EXPANSION), ([value, format]) => {
      const date = toDateTimeArg(value!, session.warnings);
      return date === null ? null : formatDate(date, toText(format!) ?? '');
    }),
};

export const datePartFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['DATE', datePart(DATE_TYPE, (value) => value.withKind('date'))],
  ['YEAR', integerPart((value) => value.year)],
  ['MONTH', integerPart((value) => value.month)],
  ['DAY', dayOfMonth],
  ['DAYOFMONTH', dayOfMonth],
  ['HOUR', timePart((value) => value.hour)],
  ['MINUTE', timePart((value) => value.minute)],
  ['SECOND', timePart((value) => value.second)],
  ['MICROSECOND', timePart((value) => value.microsecond)],
  ['QUARTER', integerPart((value) => Math.ceil(value.month / MONTHS_PER_QUARTER))],
  ['DAYOFWEEK', integerPart((value) => sundayWeekday(value.year, value.month, value.day) + 1)],
  ['WEEKDAY', integerPart((value) => (sundayWeekday(value.year, value.month, value.day) + 6) % 7)],
  ['DAYOFYEAR', integerPart(dayOfYear)],
  ['MONTHNAME', datePart(varcharType(MONTH_NAME_LENGTH), (value) => MONTH_NAMES[value.month - 1] ?? '')],
  ['DAYNAME', datePart(varcharType(MONTH_NAME_LENGTH), (value) => DAY_NAMES[sundayWeekday(value.year, value.month, value.day)]!)],
  ['LAST_DAY', datePart(DATE_TYPE, (value) => new MysqlDateTime('date', value.year, value.month, daysInMonth(value.year, value.month)))],
  ['DATEDIFF', dateDiffFunction],
  ['DATE_FORMAT', dateFormatFunction],
  ['STR_TO_DATE', strToDateFunction],
]);
