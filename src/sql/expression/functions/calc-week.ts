// calcWeek: MySQL's week numbering (calc_week in sql-common/my_time.cc) behind WEEK() and DATE_FORMAT's %U %u %V %v %X %x.
import type { MysqlDateTime } from '../../types/index.js';
import { dayNumber, daysInYear, sundayWeekday } from './date-args.js';

/** The bits of MySQL's week behaviour. https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html#function_week */
export const WeekFlag = {
  /** Weeks start on Monday (else Sunday). */
  MondayFirst: 1,
  /** Weeks belong to the year most of their days are in: 1–53, never 0. */
  WeekYear: 2,
  /** Week 1 is the first week containing the first day of the week (else the first with 4+ days in the year). */
  FirstWeekday: 4,
} as const;

/** The week number (0–53) and the year it belongs to, for a week behaviour built from WeekFlag bits. */
export function calcWeek(value: MysqlDateTime, behaviour: number): { week: number; year: number } {
  const isMondayFirst = (behaviour & WeekFlag.MondayFirst) !== 0;
  let isWeekYear = (behaviour & WeekFlag.WeekYear) !== 0;
  const isFirstWeekday = (behaviour & WeekFlag.FirstWeekday) !== 0;
  const day = dayNumber(value.year, value.month, value.day);
  let firstDay = dayNumber(value.year, 1, 1);
  const firstSundayBased = sundayWeekday(value.year, 1, 1);
  let weekday = isMondayFirst ? (firstSundayBased + 6) % 7 : firstSundayBased;
  let year = value.year;
  const startsLate = (w: number): boolean => (isFirstWeekday && w !== 0) || (!isFirstWeekday && w >= 4);
  if (value.month === 1 && value.day <= 7 - weekday) {
    if (!isWeekYear && startsLate(weekday)) return { week: 0, year };
    isWeekYear = true;
    year--;
    const days = daysInYear(year);
    firstDay -= days;
    weekday = (weekday + 53 * 7 - days) % 7;
  }
  const days = startsLate(weekday) ? day - (firstDay + (7 - weekday)) : day - (firstDay - weekday);
  if (isWeekYear && days >= 52 * 7) {
    const nextWeekday = (weekday + daysInYear(year)) % 7;
    if ((!isFirstWeekday && nextWeekday < 4) || (isFirstWeekday && nextWeekday === 0)) return { week: 1, year: year + 1 };
  }
  return { week: Math.floor(days / 7) + 1, year };
}

/** The behaviour WEEK(date, mode) uses for mode 0–7 (MySQL's week_mode()). */
export function weekModeBehaviour(mode: number): number {
  let behaviour = mode & 7;
  if ((behaviour & WeekFlag.MondayFirst) === 0) behaviour ^= WeekFlag.FirstWeekday;
  return behaviour;
}
