// Date arithmetic with INTERVAL units: reading an interval value for its unit, adding it, and splitting a date by unit.
// https://dev.mysql.com/doc/refman/8.0/en/expressions.html#temporal-intervals
import { Decimal } from 'decimal.js';
import type { IntervalUnit } from '../../ast/index.js';
import { MysqlDateTime, toDecimal, toText } from '../../types/index.js';
import type { MysqlTime } from '../../types/index.js';
import type { WarningSink } from '../../types/index.js';
import { dayNumber, daysInMonth, utcDate } from './date-args.js';
import type { PresentValue } from './fold-call.js';

const MICROS_PER_SECOND = 1_000_000n;
const MICROS_PER_MINUTE = 60n * MICROS_PER_SECOND;
const MICROS_PER_HOUR = 60n * MICROS_PER_MINUTE;
const MICROS_PER_DAY = 24n * MICROS_PER_HOUR;
const MILLIS_PER_DAY = 86_400_000;
const MONTHS_PER_YEAR = 12n;
const MICROSECOND_DIGITS = 6;
const MAX_YEAR = 9999;

/** An interval split the way MySQL adds it: calendar months first, then an exact number of microseconds. */
export interface Interval {
  readonly months: bigint;
  readonly micros: bigint;
}

/** What each field of a unit is worth: months for YEAR/MONTH fields, microseconds for the rest. */
type Field = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'microsecond';

const FIELDS_OF: Record<IntervalUnit, readonly Field[]> = {
  MICROSECOND: ['microsecond'],
  SECOND: ['second'],
  MINUTE: ['minute'],
  HOUR: ['hour'],
  DAY: ['day'],
  WEEK: ['day'],
  MONTH: ['month'],
  QUARTER: ['month'],
  YEAR: ['year'],
  SECOND_MICROSECOND: ['second', 'microsecond'],
  MINUTE_MICROSECOND: ['minute', 'second', 'microsecond'],
  MINUTE_SECOND: ['minute', 'second'],
  HOUR_MICROSECOND: ['hour', 'minute', 'second', 'microsecond'],
  HOUR_SECOND: ['hour', 'minute', 'second'],
  HOUR_MINUTE: ['hour', 'minute'],
  DAY_MICROSECOND: ['day', 'hour', 'minute', 'second', 'microsecond'],
  DAY_SECOND: ['day', 'hour', 'minute', 'second'],
  DAY_MINUTE: ['day', 'hour', 'minute'],
  DAY_HOUR: ['day', 'hour'],
  YEAR_MONTH: ['year', 'month'],
};

const MICROS_OF: Record<Exclude<Field, 'year' | 'month'>, bigint> = {
  day: MICROS_PER_DAY,
  hour: MICROS_PER_HOUR,
  minute: MICROS_PER_MINUTE,
  second: MICROS_PER_SECOND,
  microsecond: 1n,
};

/** True for units that move only the date (the result of DATE + such an interval stays a DATE). */
export function isDateUnit(unit: IntervalUnit): boolean {
  return FIELDS_OF[unit].every((field) => field === 'year' || field === 'month' || field === 'day');
}

/** True for units made only of hours, minutes, seconds and microseconds, which EXTRACT reads from a TIME. */
export function isTimeUnit(unit: IntervalUnit): boolean {
  return FIELDS_OF[unit].every((field) => field === 'hour' || field === 'minute' || field === 'second' || field === 'microsecond');
}

/** EXTRACT of a time unit from a TIME: hours may pass 23, and a negative TIME gives a negative result. */
export function extractTimeFields(value: MysqlTime, unit: IntervalUnit): bigint {
  const parts: Record<'hour' | 'minute' | 'second' | 'microsecond', [number, number]> = {
    hour: [value.hour, 2],
    minute: [value.minute, 2],
    second: [value.second, 2],
    microsecond: [value.microsecond, MICROSECOND_DIGITS],
  };
  const result = FIELDS_OF[unit].reduce((total, field) => {
    const [part, width] = parts[field as keyof typeof parts];
    return total * 10n ** BigInt(width) + BigInt(part);
  }, 0n);
  return value.isNegative ? -result : result;
}

function addField(interval: Interval, field: Field, amount: bigint): Interval {
  if (field === 'year') return { ...interval, months: interval.months + amount * MONTHS_PER_YEAR };
  if (field === 'month') return { ...interval, months: interval.months + amount };
  return { ...interval, micros: interval.micros + amount * MICROS_OF[field] };
}

/**
 * Reads `value` as an interval of `unit`. A single-field unit takes a number (SECOND keeps a fraction, the others
 * round half away from zero); WEEK and QUARTER scale it. A composite unit takes text whose digit groups fill the
 * unit's fields from the right ('1:30' HOUR_SECOND is 1 minute 30 seconds), with a leading '-' negating all.
 */
export function readInterval(value: PresentValue, unit: IntervalUnit, warnings: WarningSink): Interval {
  const fields = FIELDS_OF[unit];
  let interval: Interval = { months: 0n, micros: 0n };
  if (fields.length === 1) {
    const number = toDecimal(value, warnings)!;
    if (unit === 'SECOND') return { months: 0n, micros: BigInt(number.times(1_000_000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)) };
    const amount = BigInt(number.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
    const scaled = unit === 'WEEK' ? amount * 7n : unit === 'QUARTER' ? amount * 3n : amount;
    return addField(interval, fields[0]!, scaled);
  }
  const text = (toText(value) ?? '').trim();
  const groups = text.match(/\d+/g) ?? [];
  const isNegative = text.startsWith('-');
  const used = groups.slice(-fields.length);
  const offset = fields.length - used.length;
  used.forEach((group, index) => {
    const field = fields[offset + index]!;
    const digits = field === 'microsecond' ? group.slice(0, MICROSECOND_DIGITS).padEnd(MICROSECOND_DIGITS, '0') : group;
    interval = addField(interval, field, BigInt(digits));
  });
  return isNegative ? { months: -interval.months, micros: -interval.micros } : interval;
}

/** `value` plus `interval` times `sign`; undefined when the result leaves years 1–9999 (MySQL's 1441 overflow). */
export function addInterval(value: MysqlDateTime, interval: Interval, sign: 1n | -1n): MysqlDateTime | undefined {
  const totalMonths = BigInt(value.year) * MONTHS_PER_YEAR + BigInt(value.month - 1) + sign * interval.months;
  const year = Number(totalMonths / MONTHS_PER_YEAR);
  const month = Number(totalMonths % MONTHS_PER_YEAR) + 1;
  if (totalMonths < 0n || year < 1 || year > MAX_YEAR) return undefined;
  const day = Math.min(value.day, daysInMonth(year, month));
  const timeOfDay = BigInt(value.hour) * MICROS_PER_HOUR + BigInt(value.minute) * MICROS_PER_MINUTE + BigInt(value.second) * MICROS_PER_SECOND + BigInt(value.microsecond);
  let total = BigInt(dayNumber(year, month, day)) * MICROS_PER_DAY + timeOfDay + sign * interval.micros;
  let days = total / MICROS_PER_DAY;
  if (total < 0n && total % MICROS_PER_DAY !== 0n) days -= 1n;
  total -= days * MICROS_PER_DAY;
  const date = new Date(Number(days) * MILLIS_PER_DAY);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > MAX_YEAR) return undefined;
  const hour = Number(total / MICROS_PER_HOUR);
  const minute = Number((total % MICROS_PER_HOUR) / MICROS_PER_MINUTE);
  const second = Number((total % MICROS_PER_MINUTE) / MICROS_PER_SECOND);
  const micro = Number(total % MICROS_PER_SECOND);
  return new MysqlDateTime(value.kind, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, second, micro, value.fsp);
}

/** EXTRACT(unit FROM value): the unit's fields of `value` written side by side (DAY_MINUTE of 2nd 01:02 is 20102). */
export function extractFields(value: MysqlDateTime, unit: IntervalUnit, week: (value: MysqlDateTime) => number): bigint {
  if (unit === 'WEEK') return BigInt(week(value));
  if (unit === 'QUARTER') return BigInt(Math.ceil(value.month / 3));
  const parts: Record<Field, [number, number]> = {
    year: [value.year, 4],
    month: [value.month, 2],
    day: [value.day, 2],
    hour: [value.hour, 2],
    minute: [value.minute, 2],
    second: [value.second, 2],
    microsecond: [value.microsecond, MICROSECOND_DIGITS],
  };
  return FIELDS_OF[unit].reduce((result, field) => {
    const [part, width] = parts[field];
    return result * 10n ** BigInt(width) + BigInt(part);
  }, 0n);
}

/** Whole `unit`s from `from` to `to` (TIMESTAMPDIFF), truncated toward zero; months compare day and time too. */
export function unitsBetween(from: MysqlDateTime, to: MysqlDateTime, unit: IntervalUnit): bigint {
  const monthsPer = unit === 'YEAR' ? 12n : unit === 'QUARTER' ? 3n : unit === 'MONTH' ? 1n : 0n;
  if (monthsPer > 0n) {
    let months = BigInt((to.year - from.year) * 12 + (to.month - from.month));
    const rest = (v: MysqlDateTime): bigint => BigInt(v.day) * MICROS_PER_DAY + instantOf(v) % MICROS_PER_DAY;
    if (months > 0n && rest(to) < rest(from)) months -= 1n;
    if (months < 0n && rest(to) > rest(from)) months += 1n;
    return months / monthsPer;
  }
  const difference = instantOf(to) - instantOf(from);
  const perUnit = unit === 'WEEK' ? 7n * MICROS_PER_DAY : MICROS_OF[FIELDS_OF[unit][0] as Exclude<Field, 'year' | 'month'>];
  return difference / perUnit;
}

function instantOf(value: MysqlDateTime): bigint {
  const midnight = BigInt(utcDate(value.year, value.month, value.day).getTime() / MILLIS_PER_DAY);
  return midnight * MICROS_PER_DAY + BigInt(value.hour) * MICROS_PER_HOUR + BigInt(value.minute) * MICROS_PER_MINUTE + BigInt(value.second) * MICROS_PER_SECOND + BigInt(value.microsecond);
}
