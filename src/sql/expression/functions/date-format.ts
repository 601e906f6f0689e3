// formatDate: DATE_FORMAT's specifiers (%Y, %m, %d, %H, %i, %s, %W, %M, %j, %U …) applied to a date/time.
// https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html#function_date-format
import type { MysqlDateTime } from '../../types/index.js';
import { WeekFlag, calcWeek } from './calc-week.js';
import { DAY_NAMES, MONTH_NAMES, dayOfYear, sundayWeekday } from './date-args.js';

const HOURS_PER_HALF_DAY = 12;
const ABBREVIATION_LENGTH = 3;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinalSuffix(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

function specifier(value: MysqlDateTime, code: string): string {
  const hour12 = value.hour % HOURS_PER_HALF_DAY === 0 ? HOURS_PER_HALF_DAY : value.hour % HOURS_PER_HALF_DAY;
  const meridiem = value.hour < HOURS_PER_HALF_DAY ? 'AM' : 'PM';
  const weekday = (): number => sundayWeekday(value.year, value.month, value.day);
  switch (code) {
    case 'Y': return pad(value.year, 4);
    case 'y': return pad(value.year % 100, 2);
    case 'm': return pad(value.month, 2);
    case 'c': return String(value.month);
    case 'M': return MONTH_NAMES[value.month - 1] ?? '';
    case 'b': return (MONTH_NAMES[value.month - 1] ?? '').slice(0, ABBREVIATION_LENGTH);
    case 'd': return pad(value.day, 2);
    case 'e': return String(value.day);
    case 'D': return `${value.day}${ordinalSuffix(value.day)}`;
    case 'j': return pad(dayOfYear(value), 3);
    case 'W': return DAY_NAMES[weekday()]!;
    case 'a': return DAY_NAMES[weekday()]!.slice(0, ABBREVIATION_LENGTH);
    case 'w': return String(weekday());
    case 'H': return pad(value.hour, 2);
    case 'k': return String(value.hour);
    case 'h':
    case 'I': return pad(hour12, 2);
    case 'l': return String(hour12);
    case 'i': return pad(value.minute, 2);
    case 's':
    case 'S': return pad(value.second, 2);
    case 'f': return pad(value.microsecond, 6);
    case 'p': return meridiem;
    case 'T': return `${pad(value.hour, 2)}:${pad(value.minute, 2)}:${pad(value.second, 2)}`;
    case 'r': return `${pad(hour12, 2)}:${pad(value.minute, 2)}:${pad(value.second, 2)} ${meridiem}`;
    case 'U': return pad(calcWeek(value, WeekFlag.FirstWeekday).week, 2);
    case 'u': return pad(calcWeek(value, WeekFlag.MondayFirst).week, 2);
    case 'V': return pad(calcWeek(value, WeekFlag.WeekYear | WeekFlag.FirstWeekday).week, 2);
    case 'v': return pad(calcWeek(value, WeekFlag.WeekYear | WeekFlag.MondayFirst).week, 2);
    case 'X': return pad(calcWeek(value, WeekFlag.WeekYear | WeekFlag.FirstWeekday).year, 4);
    case 'x': return pad(calcWeek(value, WeekFlag.WeekYear | WeekFlag.MondayFirst).year, 4);
    // %% and any unknown specifier print the character itself, as MySQL does.
    default: return code;
  }
}

/** Formats `value` by a DATE_FORMAT pattern. A trailing lone '%' is kept. */
export function formatDate(value: MysqlDateTime, format: string): string {
  let result = '';
  const chars = Array.from(format);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char !== '%' || i === chars.length - 1) {
      result += char;
      continue;
    }
    i++;
    result += specifier(value, chars[i]!);
  }
  return result;
}
