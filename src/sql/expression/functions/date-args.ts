// Helpers shared by the date functions: reading an argument as a date/time, day numbers, names of months and days.
import { MySqlError, formatMessage, ER_TRUNCATED_WRONG_VALUE, ER_WRONG_VALUE } from '../../../errors/index.js';
import { MysqlDateTime, MysqlTime, toText } from '../../types/index.js';
import type { WarningSink } from '../../types/index.js';
import type { PresentValue } from './fold-call.js';

const MILLIS_PER_DAY = 86_400_000;
/** Fraction digits kept when reading a date from text, so MICROSECOND() and %f see the whole fraction. */
const FULL_FSP = 6;

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
/** Day names indexed by JavaScript's getUTCDay(): 0 is Sunday. */
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * Reads a function argument as a date/time: temporal values as they are, strings and numbers (20081231,
 * 20081231235959) parsed. Anything else is NULL with warning 1292 "Incorrect datetime value: '…'", as MySQL does.
 */
export function toDateTimeArg(value: PresentValue, warnings: WarningSink): MysqlDateTime | null {
  if (value instanceof MysqlDateTime) return value;
  // A TIME in date context is a DATETIME on the current date, as MySQL converts it.
  if (value instanceof MysqlTime) return value.toDateTime(MysqlDateTime.now(), value.fsp);
  const text = toText(value) ?? '';
  const parsed = MysqlDateTime.tryParse(text, 'datetime', FULL_FSP);
  if (parsed) return parsed;
  warnings.warn(new MySqlError(ER_TRUNCATED_WRONG_VALUE, formatMessage(ER_WRONG_VALUE.template, ['datetime', text])));
  return null;
}

/** A UTC Date at midnight of a proleptic Gregorian date (years 0–99 included, which Date.UTC would shift). */
export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Days since 1970-01-01 (negative before); differences of day numbers count days. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(utcDate(year, month, day).getTime() / MILLIS_PER_DAY);
}

/** The weekday of a date: 0 = Sunday … 6 = Saturday. */
export function sundayWeekday(year: number, month: number, day: number): number {
  return utcDate(year, month, day).getUTCDay();
}

/** 28–31. */
export function daysInMonth(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate();
}

export const daysInYear = (year: number): number => (dayNumber(year + 1, 1, 1) - dayNumber(year, 1, 1));

/** 1–366. */
export function dayOfYear(value: MysqlDateTime): number {
  return dayNumber(value.year, value.month, value.day) - dayNumber(value.year, 1, 1) + 1;
}
