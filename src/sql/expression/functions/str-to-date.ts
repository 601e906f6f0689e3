// STR_TO_DATE(str, format): parses text by DATE_FORMAT's specifiers into a DATE or DATETIME.
// https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html#function_str-to-date
import { mysqlError, ER_WRONG_VALUE_FOR_TYPE } from '../../../errors/index.js';
import { MysqlDateTime, toText } from '../../types/index.js';
import type { FieldType } from '../../types/index.js';
import { DATE_TYPE, DATETIME_TYPE } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { DAY_NAMES, MONTH_NAMES, daysInMonth } from './date-args.js';
import { strictCall } from './fold-call.js';

const MAX_FSP = 6;
const HOURS_PER_HALF_DAY = 12;
/** The specifiers that read a time of day; a format with any of them yields a DATETIME. */
const TIME_SPECIFIERS = /%[HkhIlisSfpTr]/;
/** Two-digit years below this are 20xx, the rest 19xx, as for date literals. */
const TWO_DIGIT_YEAR_PIVOT = 70;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  micro: number;
  isPm?: boolean;
}

/** The specifiers that are shorthands for several others. */
const EXPANSIONS: Readonly<Record<string, string>> = { T: '%H:%i:%s', r: '%I:%i:%S %p' };

/** Digits of a numeric specifier: how many at most. */
const NUMERIC_WIDTH: Readonly<Record<string, number>> = { Y: 4, y: 2, m: 2, c: 2, d: 2, e: 2, H: 2, k: 2, h: 2, I: 2, l: 2, i: 2, s: 2, S: 2, f: MAX_FSP, j: 3 };

function setNumeric(parts: Parts, code: string, digits: string): void {
  const value = Number(digits);
  switch (code) {
    case 'Y': parts.year = digits.length <= 2 ? value + (value < TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900) : value; break;
    case 'y': parts.year = value + (value < TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900); break;
    case 'm': case 'c': parts.month = value; break;
    case 'd': case 'e': parts.day = value; break;
    case 'H': case 'k': case 'h': case 'I': case 'l': parts.hour = value; break;
    case 'i': parts.minute = value; break;
    case 's': case 'S': parts.second = value; break;
    case 'f': parts.micro = Number(digits.padEnd(MAX_FSP, '0')); break;
    default: break;
  }
}

/** Reads a name from `names` (or its 3-letter abbreviation) at `text[at]`; returns [index, length] or undefined. */
function readName(text: string, at: number, names: readonly string[], isAbbreviated: boolean): [number, number] | undefined {
  const rest = text.slice(at).toLowerCase();
  for (let i = 0; i < names.length; i++) {
    const name = isAbbreviated ? names[i]!.slice(0, 3) : names[i]!;
    if (rest.startsWith(name.toLowerCase())) return [i, name.length];
  }
  return undefined;
}

/** Matches `text` against `format`; undefined when it does not fit. Text left over after the format is ignored. */
function parseByFormat(text: string, format: string): Parts | undefined {
  const parts: Parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, micro: 0 };
  const pattern = format.replace(/%([Tr])/g, (_, code: string) => EXPANSIONS[code] ?? '');
  let at = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    // MySQL skips spaces in the text before each element of the format (extract_date_time).
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (/\s/.test(char)) continue;
    if (char !== '%' || i === pattern.length - 1) {
      if (text[at] !== char) return undefined;
      at++;
      continue;
    }
    const code = pattern[++i]!;
    const width = NUMERIC_WIDTH[code];
    if (width !== undefined) {
      const digits = /^\d+/.exec(text.slice(at, at + width))?.[0];
      if (digits === undefined) return undefined;
      setNumeric(parts, code, digits);
      at += digits.length;
    } else if (code === 'M' || code === 'b' || code === 'W' || code === 'a') {
      const isMonth = code === 'M' || code === 'b';
      const found = readName(text, at, isMonth ? MONTH_NAMES : DAY_NAMES, code === 'b' || code === 'a');
      if (!found) return undefined;
      if (isMonth) parts.month = found[0] + 1;
      at += found[1];
    } else if (code === 'p') {
      const meridiem = text.slice(at, at + 2).toUpperCase();
      if (meridiem !== 'AM' && meridiem !== 'PM') return undefined;
      parts.isPm = meridiem === 'PM';
      at += 2;
    } else {
      if (text[at] !== code) return undefined;
      at++;
    }
  }
  return parts;
}

/**
 * STR_TO_DATE: a DATE when the format reads no time of day, else a DATETIME (with microseconds for %f). Text that
 * does not match, or a date with zero or impossible parts, is NULL with warning 1411, as under MySQL 8's default
 * sql_mode (NO_ZERO_DATE, NO_ZERO_IN_DATE). Time-only formats would need the TIME type, so they give NULL too.
 */
export const strToDateFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args, { session }) => {
    const format = args[1]!.constantValue;
    const formatText = typeof format === 'string' ? format : undefined;
    const hasTime = formatText === undefined || TIME_SPECIFIERS.test(formatText);
    const fsp = formatText === undefined || formatText.includes('%f') ? MAX_FSP : 0;
    const type: FieldType = hasTime ? { ...DATETIME_TYPE, decimals: fsp, length: fsp > 0 ? 20 + fsp : 19 } : DATE_TYPE;
    return strictCall(args, type, ([value, formatValue]) => {
      const text = toText(value!) ?? '';
      const parts = parseByFormat(text, toText(formatValue!) ?? '');
      const fail = (): null => {
        session.warnings.warn(mysqlError(ER_WRONG_VALUE_FOR_TYPE, hasTime ? 'datetime' : 'date', text, 'str_to_date'));
        return null;
      };
      if (!parts) return fail();
      let hour = parts.hour;
      if (parts.isPm !== undefined) {
        if (hour < 1 || hour > HOURS_PER_HALF_DAY) return fail();
        hour = (hour % HOURS_PER_HALF_DAY) + (parts.isPm ? HOURS_PER_HALF_DAY : 0);
      }
      const { year, month, day } = parts;
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1) return fail();
      if (hour > 23 || parts.minute > 59 || parts.second > 59) return fail();
      if (!hasTime) return new MysqlDateTime('date', year, month, day);
      return new MysqlDateTime('datetime', year, month, day, hour, parts.minute, parts.second, parts.micro, fsp);
    });
  },
};
