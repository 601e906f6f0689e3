// TIME functions: CURTIME, TIME, TIME_TO_SEC, SEC_TO_TIME, TIMEDIFF, ADDTIME, SUBTIME, MAKETIME, TIME_FORMAT, TIMESTAMP.
// https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html
import { Decimal } from 'decimal.js';
import { mysqlError, ER_TRUNCATED_WRONG_VALUE } from '../../../errors/index.js';
import { MAX_FSP, MysqlDateTime, MysqlTime, TypeKind, toDecimal, toInteger, toText } from '../../types/index.js';
import type { FieldType, SqlValue, WarningSink } from '../../types/index.js';
import { constantExpr } from '../compiled-expr.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { BIGINT_TYPE, dateTimeType, timeType, varcharType } from '../literal-types.js';
import { readTime, timePrecisionOf } from '../time-arg.js';
import type { BuiltinFunction } from './builtin-function.js';
import { strictCall } from './fold-call.js';
import type { PresentValue } from './fold-call.js';
import { currentDateTime } from '../../timezone/session-time-zone.js';

const MICROS_PER_SECOND = 1_000_000;
const MICROS_PER_HOUR = 3_600 * MICROS_PER_SECOND;
const HOURS_PER_HALF_DAY = 12;
/** TIME_FORMAT results are at most this long per pattern character (%r → "hh:mm:ss AM"). */
const FORMAT_EXPANSION = 11;
/** The longest text ADDTIME gives for a string argument: 'YYYY-MM-DD hh:mm:ss.ffffff'. */
const DATETIME_TEXT_LENGTH = 26;

function constantFsp(arg: CompiledExpr | undefined): number {
  const value = arg?.constantValue;
  return value === undefined || value === null ? 0 : Math.min(Math.max(Number(value), 0), MAX_FSP);
}

/** CURTIME([fsp]) / CURRENT_TIME: the statement's time of day. */
const curtimeFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 1,
  compile: ([fspArg], { session }) => {
    const fsp = constantFsp(fspArg);
    return constantExpr(MysqlTime.fromDateTime(currentDateTime(session, fsp), fsp), timeType(fsp));
  },
};

/** UTC_TIME([fsp]). */
const utcTimeFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 1,
  compile: ([fspArg]) => {
    const fsp = constantFsp(fspArg);
    const now = new Date();
    const micros = ((now.getUTCHours() * 60 + now.getUTCMinutes()) * 60 + now.getUTCSeconds()) * MICROS_PER_SECOND + now.getUTCMilliseconds() * 1000;
    return constantExpr(new MysqlTime(micros, MAX_FSP).round(fsp), timeType(fsp));
  },
};

/** TIME(expr): the time part of a datetime or the TIME a string or number reads as. */
const timeFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: (args, { session }) => {
    const fsp = timePrecisionOf(args[0]!);
    return strictCall(args, timeType(fsp), ([value]) => readTime(value!, fsp, session.warnings));
  },
};

/** Reads an argument as a TIME at full precision (a DATETIME gives its time of day). */
function timeArg(value: PresentValue, warnings: WarningSink): MysqlTime | null {
  return readTime(value, MAX_FSP, warnings);
}

/** TIME_TO_SEC(t): signed whole seconds (MySQL 8 drops the fraction). */
const timeToSecFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: (args, { session }) =>
    strictCall(args, BIGINT_TYPE, ([value]) => {
      const time = timeArg(value!, session.warnings);
      return time === null ? null : BigInt(Math.trunc(time.micros / MICROS_PER_SECOND));
    }),
};

/** SEC_TO_TIME(n): clipped to ±838:59:59 with warning 1292; keeps the argument's fraction digits. */
const secToTimeFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: (args, { session }) => {
    const type = args[0]!.type;
    const fsp = type.kind === TypeKind.Decimal ? Math.min(Math.max(type.decimals, 0), MAX_FSP) : type.kind === TypeKind.Double || type.kind === TypeKind.Float || type.kind === TypeKind.VarChar ? MAX_FSP : 0;
    return strictCall(args, timeType(fsp), ([value]) => {
      const seconds = toDecimal(value!, session.warnings)!;
      const conversion = MysqlTime.fromSeconds(seconds, fsp);
      if (conversion.isOutOfRange) session.warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, 'time', toText(value!) ?? ''));
      return conversion.time;
    });
  },
};

/** A TIME or DATETIME argument: temporal values as they are; text as a datetime when it reads as one, else as a TIME. */
function timeOrDateTime(value: PresentValue, warnings: WarningSink): MysqlTime | MysqlDateTime | null {
  if (value instanceof MysqlTime) return value;
  if (value instanceof MysqlDateTime) return value.kind === 'date' ? value.withKind('datetime', 0) : value;
  if (typeof value === 'string') {
    const dateTime = MysqlDateTime.tryParse(value, 'datetime', MAX_FSP);
    if (dateTime && /^\s*\d{2,4}[-/.]\d/.test(value)) return dateTime;
  }
  return timeArg(value, warnings);
}

function dateTimeMicros(value: MysqlDateTime): bigint {
  const midnight = new Date(0);
  midnight.setUTCFullYear(value.year, value.month - 1, value.day);
  const millis = BigInt(midnight.getTime()) + BigInt(((value.hour * 60 + value.minute) * 60 + value.second) * 1000);
  return millis * 1000n + BigInt(value.microsecond);
}

function precisionOfPair(args: readonly CompiledExpr[]): number {
  return Math.max(timePrecisionOf(args[0]!), timePrecisionOf(args[1]!));
}

/** TIMEDIFF(a, b): a − b as a TIME; both must be TIMEs or both DATETIMEs, else NULL. Clipping warns 1292. */
const timeDiffFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args, { session }) => {
    const fsp = precisionOfPair(args);
    return strictCall(args, timeType(fsp), ([a, b]) => {
      const left = timeOrDateTime(a!, session.warnings);
      const right = timeOrDateTime(b!, session.warnings);
      if (left === null || right === null) return null;
      let micros: bigint;
      if (left instanceof MysqlTime && right instanceof MysqlTime) micros = BigInt(left.micros - right.micros);
      else if (left instanceof MysqlDateTime && right instanceof MysqlDateTime) micros = dateTimeMicros(left) - dateTimeMicros(right);
      else return null;
      return clipped(micros, fsp, session.warnings);
    });
  },
};

function clipped(micros: bigint, fsp: number, warnings: WarningSink): MysqlTime {
  const conversion = MysqlTime.fromMicros(micros, fsp);
  if (conversion.isOutOfRange) warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, 'time', formatMicros(micros)));
  return conversion.time;
}

function formatMicros(micros: bigint): string {
  const magnitude = micros < 0n ? -micros : micros;
  const seconds = magnitude / BigInt(MICROS_PER_SECOND);
  const fraction = magnitude % BigInt(MICROS_PER_SECOND);
  const pad = (n: bigint): string => n.toString().padStart(2, '0');
  const text = `${micros < 0n ? '-' : ''}${pad(seconds / 3600n)}:${pad((seconds / 60n) % 60n)}:${pad(seconds % 60n)}`;
  return fraction === 0n ? text : `${text}.${fraction.toString().padStart(6, '0')}`;
}

/**
 * ADDTIME(t, d) / SUBTIME(t, d): a TIME or DATETIME plus or minus a TIME. The result has the first argument's type;
 * text gives text (a datetime's or a time's), as MySQL does.
 */
function addTimeFunction(sign: 1 | -1): BuiltinFunction {
  return {
    minArgs: 2,
    maxArgs: 2,
    compile: (args, { session }) => {
      const fsp = precisionOfPair(args);
      const baseKind = args[0]!.type.kind;
      const isDateTime = baseKind === TypeKind.DateTime || baseKind === TypeKind.Timestamp || baseKind === TypeKind.Date;
      const type: FieldType = isDateTime ? dateTimeType(fsp) : baseKind === TypeKind.Time ? timeType(fsp) : varcharType(DATETIME_TEXT_LENGTH);
      return strictCall(args, type, ([a, b]) => {
        const base = timeOrDateTime(a!, session.warnings);
        if (b instanceof MysqlDateTime) return null;
        const delta = timeArg(b!, session.warnings);
        if (base === null || delta === null) return null;
        const shift = BigInt(sign * delta.micros);
        let result: MysqlTime | MysqlDateTime | null;
        if (base instanceof MysqlTime) {
          result = clipped(BigInt(base.micros) + shift, fsp, session.warnings);
        } else {
          result = fromDateTimeMicros(dateTimeMicros(base) + shift, fsp);
        }
        if (result === null) return null;
        if (type.kind === TypeKind.VarChar) return resultText(result, a!);
        return result;
      });
    },
  };
}

/** A string argument's result prints with only the fraction digits it needs, as MySQL's string ADDTIME does. */
function resultText(result: MysqlTime | MysqlDateTime, base: SqlValue): string {
  const micro = result instanceof MysqlTime ? result.microsecond : result.microsecond;
  const fsp = micro === 0 && !(typeof base === 'string' && base.includes('.')) ? 0 : MAX_FSP;
  return result instanceof MysqlTime ? new MysqlTime(result.micros, fsp).toString() : result.withKind('datetime', fsp).toString();
}

function fromDateTimeMicros(micros: bigint, fsp: number): MysqlDateTime | null {
  const micro = Number(((micros % 1000n) + 1000n) % 1000n);
  const at = new Date(Number((micros - BigInt(micro)) / 1000n));
  const year = at.getUTCFullYear();
  if (Number.isNaN(at.getTime()) || year < 0 || year > 9999) return null;
  return new MysqlDateTime('datetime', year, at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds() * 1000 + micro, fsp);
}

/** MAKETIME(h, m, s): NULL unless 0 ≤ m ≤ 59 and 0 ≤ s < 60; the hours clip to ±838 with warning 1292. */
const makeTimeFunction: BuiltinFunction = {
  minArgs: 3,
  maxArgs: 3,
  compile: (args, { session }) => {
    const secondsType = args[2]!.type;
    const fsp = secondsType.kind === TypeKind.Decimal ? Math.min(Math.max(secondsType.decimals, 0), MAX_FSP) : secondsType.kind === TypeKind.Double ? MAX_FSP : 0;
    return strictCall(args, timeType(fsp), ([h, m, s]) => {
      const hours = toInteger(h!, session.warnings)!;
      const minutes = toInteger(m!, session.warnings)!;
      const seconds = toDecimal(s!, session.warnings)!;
      if (minutes < 0n || minutes > 59n || seconds.isNegative() || seconds.greaterThanOrEqualTo(60)) return null;
      const magnitude = (hours < 0n ? -hours : hours) * BigInt(MICROS_PER_HOUR) + minutes * 60_000_000n + BigInt(seconds.times(MICROS_PER_SECOND).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
      const micros = hours < 0n ? -magnitude : magnitude;
      const conversion = MysqlTime.fromMicros(micros, fsp);
      if (conversion.isOutOfRange) session.warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, 'time', `${hours}:${minutes}:${seconds.toFixed()}`));
      return conversion.time;
    });
  },
};

/** One TIME_FORMAT specifier; undefined for date specifiers, which make the result NULL. */
function timeSpecifier(value: MysqlTime, code: string): string | undefined {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const hour = value.hour;
  const hour12 = hour % HOURS_PER_HALF_DAY === 0 ? HOURS_PER_HALF_DAY : hour % HOURS_PER_HALF_DAY;
  const meridiem = hour % 24 < HOURS_PER_HALF_DAY ? 'AM' : 'PM';
  switch (code) {
    case 'H': return pad(hour);
    case 'k': return String(hour);
    case 'h':
    case 'I': return pad(hour12);
    case 'l': return String(hour12);
    case 'i': return pad(value.minute);
    case 's':
    case 'S': return pad(value.second);
    case 'f': return pad(value.microsecond, 6);
    case 'p': return meridiem;
    case 'T': return `${pad(hour)}:${pad(value.minute)}:${pad(value.second)}`;
    case 'r': return `${pad(hour12)}:${pad(value.minute)}:${pad(value.second)} ${meridiem}`;
    case 'Y': case 'y': case 'm': case 'c': case 'M': case 'b': case 'd': case 'e': case 'D': case 'j':
    case 'W': case 'a': case 'w': case 'U': case 'u': case 'V': case 'v': case 'X': case 'x':
      return undefined;
    default: return code;
  }
}

/** TIME_FORMAT(time, format): DATE_FORMAT's hour, minute, second and fraction specifiers; %H may pass 23. */
export function formatTime(value: MysqlTime, format: string): string | null {
  let result = value.isNegative ? '-' : '';
  const chars = Array.from(format);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char !== '%' || i === chars.length - 1) {
      result += char;
      continue;
    }
    i++;
    const text = timeSpecifier(value, chars[i]!);
    if (text === undefined) return null;
    result += text;
  }
  return result;
}

const timeFormatFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args, { session }) =>
    strictCall(args, varcharType(Math.max(args[1]!.type.length, 1) * FORMAT_EXPANSION), ([value, format]) => {
      const time = timeArg(value!, session.warnings);
      return time === null ? null : formatTime(time, toText(format!) ?? '');
    }),
};

/** TIMESTAMP(expr[, time]): a DATETIME, with a TIME added when given. */
const timestampFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 2,
  compile: (args, { session }) => {
    const fsp = args.length === 2 ? precisionOfPair(args) : args[0]!.type.kind === TypeKind.Date ? 0 : timePrecisionOf(args[0]!);
    return strictCall(args, dateTimeType(fsp), ([a, b]) => {
      const base = timeOrDateTime(a!, session.warnings);
      if (base === null) return null;
      const start = base instanceof MysqlTime ? base.toDateTime(MysqlDateTime.now(), MAX_FSP) : base;
      if (b === undefined) return start.withKind('datetime', fsp);
      const delta = timeArg(b, session.warnings);
      return delta === null ? null : fromDateTimeMicros(dateTimeMicros(start) + BigInt(delta.micros), fsp);
    });
  },
};

export const timeFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['CURTIME', curtimeFunction],
  ['CURRENT_TIME', curtimeFunction],
  ['UTC_TIME', utcTimeFunction],
  ['TIME', timeFunction],
  ['TIME_TO_SEC', timeToSecFunction],
  ['SEC_TO_TIME', secToTimeFunction],
  ['TIMEDIFF', timeDiffFunction],
  ['ADDTIME', addTimeFunction(1)],
  ['SUBTIME', addTimeFunction(-1)],
  ['MAKETIME', makeTimeFunction],
  ['TIME_FORMAT', timeFormatFunction],
  ['TIMESTAMP', timestampFunction],
]);
