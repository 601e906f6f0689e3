// MysqlTime: a TIME value (a signed duration of at most ±838:59:59), parsed, rounded and printed as MySQL 8 does.
// https://dev.mysql.com/doc/refman/8.0/en/time.html
import { Decimal } from 'decimal.js';
import { MysqlDateTime } from './mysql-datetime.js';

const MICROS_PER_SECOND = 1_000_000;
const MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
const MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
const MAX_HOUR = 838;
/** 838:59:59, TIME's largest magnitude; a fraction beyond it is out of range too. */
export const TIME_MAX_MICROS = MAX_HOUR * MICROS_PER_HOUR + 59 * MICROS_PER_MINUTE + 59 * MICROS_PER_SECOND;
/** 8385959, TIME_MAX_VALUE: the largest number that reads as a time without clipping. */
const MAX_TIME_NUMBER = 8_385_959;
/** Numbers from here on are read as YYYYMMDDhhmmss datetimes (MySQL: '0001-00-00 00-00-00'). */
const MIN_DATETIME_NUMBER = 10_000_000_000;
/** Text this long may be a whole datetime, whose time part is then taken. */
const MIN_DATETIME_TEXT = 12;
export const MAX_FSP = 6;

/**
 * The outcome of reading a TIME from text or a number: the value, and MySQL's two warning flags. `isTruncated`:
 * trailing characters were ignored; `isOutOfRange`: the magnitude was clipped to 838:59:59 (or the value was
 * zeroed because its minutes or seconds were 60 or more, for numbers).
 */
export interface TimeConversion {
  readonly time: MysqlTime;
  readonly isTruncated: boolean;
  readonly isOutOfRange: boolean;
}

/**
 * A TIME value: a signed number of microseconds with the fractional digits it prints (its fsp). Immutable. Hours may
 * exceed 23 (TIME is also an elapsed time); the magnitude never exceeds 838:59:59.
 */
export class MysqlTime {
  constructor(
    /** Signed total microseconds, within ±TIME_MAX_MICROS. */
    readonly micros: number,
    /** Fractional-second digits shown when printing (0–6). */
    readonly fsp = 0,
  ) {}

  get isNegative(): boolean {
    return this.micros < 0;
  }
  /** Hours of the magnitude (0–838). */
  get hour(): number {
    return Math.floor(Math.abs(this.micros) / MICROS_PER_HOUR);
  }
  get minute(): number {
    return Math.floor((Math.abs(this.micros) % MICROS_PER_HOUR) / MICROS_PER_MINUTE);
  }
  get second(): number {
    return Math.floor((Math.abs(this.micros) % MICROS_PER_MINUTE) / MICROS_PER_SECOND);
  }
  get microsecond(): number {
    return Math.abs(this.micros) % MICROS_PER_SECOND;
  }

  /**
   * Reads text as MySQL's str_to_time does: `[-][D ]hh[:mm[:ss]][.frac]`, `hhmmss[.frac]` (digits fill seconds
   * first: '1234' is 00:12:34), or a whole datetime whose time part is taken. Undefined when the text is not a time
   * (no digits, minutes or seconds of 60 or more, an exponent).
   */
  static fromText(text: string, fsp = MAX_FSP): TimeConversion | undefined {
    const trimmed = text.replace(/^[\s]+/, '');
    const isNegative = trimmed.startsWith('-');
    const body = isNegative ? trimmed.slice(1) : trimmed;
    if (body.length >= MIN_DATETIME_TEXT) {
      const dateTime = MysqlDateTime.tryParse(body.trimEnd(), 'datetime', MAX_FSP);
      if (dateTime && /^\d/.test(body)) return exact(MysqlTime.fromDateTime(dateTime, fsp));
    }
    const parsed = readTimeText(body);
    if (!parsed) return undefined;
    const [hours, minutes, seconds, micros, rest] = parsed;
    if (minutes > 59 || seconds > 59) return undefined;
    if (/^[eE][+-]?\d/.test(rest)) return undefined;
    const magnitude = hours * MICROS_PER_HOUR + minutes * MICROS_PER_MINUTE + seconds * MICROS_PER_SECOND + micros;
    const rounded = roundMicros(isNegative ? -magnitude : magnitude, fsp);
    return { ...clip(rounded, fsp), isTruncated: rest.trim() !== '' };
  }

  /**
   * Reads a number as MySQL's number_to_time does: [-]HHMMSS[.frac]; 11+ digit integers are YYYYMMDDhhmmss
   * datetimes. Minutes or seconds of 60 or more give 00:00:00 flagged out of range, as MySQL does.
   */
  static fromNumber(value: bigint | number | Decimal, fsp = MAX_FSP): TimeConversion {
    const decimal = value instanceof Decimal ? value : new Decimal(typeof value === 'bigint' ? value.toString() : value);
    if (!decimal.isFinite()) return { time: new MysqlTime(0, fsp), isTruncated: false, isOutOfRange: true };
    const whole = decimal.truncated();
    const fraction = decimal.minus(whole).abs();
    const micros = Number(fraction.times(MICROS_PER_SECOND).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
    if (whole.abs().greaterThan(MAX_TIME_NUMBER)) {
      if (whole.greaterThanOrEqualTo(MIN_DATETIME_NUMBER)) {
        const dateTime = MysqlDateTime.tryParse(whole.toFixed(0), 'datetime', 0);
        if (dateTime) return exact(new MysqlTime(timeOfDayMicros(dateTime) + micros, MAX_FSP).round(fsp));
      }
      return { time: new MysqlTime(decimal.isNegative() ? -TIME_MAX_MICROS : TIME_MAX_MICROS, fsp), isTruncated: false, isOutOfRange: true };
    }
    const digits = Number(whole.abs().toFixed(0));
    const seconds = digits % 100;
    const minutes = Math.floor(digits / 100) % 100;
    if (seconds >= 60 || minutes >= 60) return { time: new MysqlTime(0, fsp), isTruncated: false, isOutOfRange: true };
    const magnitude = Math.floor(digits / 10_000) * MICROS_PER_HOUR + minutes * MICROS_PER_MINUTE + seconds * MICROS_PER_SECOND + micros;
    return clip(roundMicros(decimal.isNegative() ? -magnitude : magnitude, fsp), fsp);
  }

  /** The time of day of a DATE/DATETIME (00:00:00 for a DATE), rounded to `fsp`. */
  static fromDateTime(value: MysqlDateTime, fsp = value.fsp): MysqlTime {
    return new MysqlTime(timeOfDayMicros(value), MAX_FSP).round(fsp);
  }

  /** Seconds (possibly fractional, possibly beyond a day) as a TIME, clipped: SEC_TO_TIME. */
  static fromSeconds(seconds: Decimal, fsp: number): TimeConversion {
    const micros = seconds.times(MICROS_PER_SECOND);
    const limit = new Decimal(TIME_MAX_MICROS);
    if (micros.abs().greaterThan(limit)) return { time: new MysqlTime(micros.isNegative() ? -TIME_MAX_MICROS : TIME_MAX_MICROS, fsp), isTruncated: false, isOutOfRange: true };
    return clip(roundMicros(Number(micros.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)), fsp), fsp);
  }

  /** A TIME from a signed count of microseconds, clipped to the TIME range. */
  static fromMicros(micros: number | bigint, fsp: number): TimeConversion {
    const limit = BigInt(TIME_MAX_MICROS) * 2n;
    const bounded = typeof micros === 'number' ? micros : Number(micros > limit ? limit : micros < -limit ? -limit : micros);
    return clip(roundMicros(bounded, fsp), fsp);
  }

  /** The storage form: the signed microseconds, whose int64 order is the TIME order. */
  pack(): bigint {
    return BigInt(this.micros);
  }

  static unpack(packed: bigint, fsp: number): MysqlTime {
    return new MysqlTime(Number(packed), fsp);
  }

  /** Rounded to `fsp` digits, half away from zero as MySQL 8 does on insert, clipped to the TIME range. */
  round(fsp: number): MysqlTime {
    return clip(roundMicros(this.micros, fsp), fsp).time;
  }

  compare(other: MysqlTime): number {
    return this.micros < other.micros ? -1 : this.micros > other.micros ? 1 : 0;
  }

  /** This time on `date` (MySQL converts TIME to DATETIME on the current date; hours beyond 24 move the day). */
  toDateTime(date: MysqlDateTime, fsp = this.fsp): MysqlDateTime {
    const midnight = new Date(0);
    midnight.setUTCFullYear(date.year, date.month - 1, date.day);
    const micro = ((this.micros % 1000) + 1000) % 1000;
    const at = new Date(midnight.getTime() + (this.micros - micro) / 1000);
    return new MysqlDateTime(
      'datetime',
      at.getUTCFullYear(),
      at.getUTCMonth() + 1,
      at.getUTCDate(),
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds() * 1000 + micro,
      fsp,
    );
  }

  /** `[-]hh:mm:ss[.fff…]` with at least two hour digits and `fsp` fraction digits. */
  toString(): string {
    const sign = this.isNegative ? '-' : '';
    const time = `${pad(this.hour, 2)}:${pad(this.minute, 2)}:${pad(this.second, 2)}`;
    const fraction = this.fsp > 0 ? `.${pad(this.microsecond, 6).slice(0, this.fsp)}` : '';
    return `${sign}${time}${fraction}`;
  }

  /** MySQL's numeric form, [-]HHMMSS[.ffffff] (TIME '12:34:56' + 0 is 123456), as an exact decimal. */
  toDecimal(): Decimal {
    const digits = this.hour * 10_000 + this.minute * 100 + this.second;
    const fraction = this.fsp > 0 ? `.${pad(this.microsecond, 6).slice(0, this.fsp)}` : '';
    return new Decimal(`${this.isNegative ? '-' : ''}${digits}${fraction}`);
  }

  toNumber(): number {
    return this.toDecimal().toNumber();
  }

  /** Signed whole and fractional seconds: TIME_TO_SEC and the like. */
  toSeconds(): Decimal {
    return new Decimal(this.micros).dividedBy(MICROS_PER_SECOND);
  }
}

function exact(time: MysqlTime): TimeConversion {
  return { time, isTruncated: false, isOutOfRange: false };
}

function timeOfDayMicros(value: MysqlDateTime): number {
  return value.hour * MICROS_PER_HOUR + value.minute * MICROS_PER_MINUTE + value.second * MICROS_PER_SECOND + value.microsecond;
}

function roundMicros(micros: number, fsp: number): number {
  const unit = 10 ** (MAX_FSP - Math.min(Math.max(fsp, 0), MAX_FSP));
  const magnitude = Math.round(Math.abs(micros) / unit) * unit;
  return micros < 0 ? -magnitude : magnitude;
}

function clip(micros: number, fsp: number): TimeConversion {
  if (Math.abs(micros) > TIME_MAX_MICROS) {
    return { time: new MysqlTime(micros < 0 ? -TIME_MAX_MICROS : TIME_MAX_MICROS, fsp), isTruncated: false, isOutOfRange: true };
  }
  return { time: new MysqlTime(micros === 0 ? 0 : micros, fsp), isTruncated: false, isOutOfRange: false };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** [hours, minutes, seconds, microseconds, unread rest]; undefined when no digit starts the text. */
type TimeParts = [number, number, number, number, string];

/**
 * Splits `[D ]h[:m[:s]][.frac]` or `hhmmss[.frac]` (sign already removed). A colon-free number fills seconds, then
 * minutes, then hours from the right; colon groups fill hours first.
 */
function readTimeText(text: string): TimeParts | undefined {
  const lead = /^\d+/.exec(text);
  if (!lead) return undefined;
  let at = lead[0].length;
  const first = Number(lead[0]);
  const fields = [0, 0, 0, 0];
  let hasGroups = false;
  const afterSpaces = /^\s+\d/.exec(text.slice(at));
  let state: number;
  if (afterSpaces && text.length - (at + afterSpaces[0].length - 1) > 1) {
    // `D hh…`: whole days, then hours.
    fields[0] = first;
    at += afterSpaces[0].length - 1;
    state = 1;
    hasGroups = true;
  } else if (text[at] === ':' && /\d/.test(text[at + 1] ?? '')) {
    fields[1] = first;
    state = 2;
    at++;
    hasGroups = true;
  } else {
    fields[1] = Math.floor(first / 10_000);
    fields[2] = Math.floor(first / 100) % 100;
    fields[3] = first % 100;
    state = 4;
  }
  if (hasGroups) {
    for (;;) {
      const group = /^\d*/.exec(text.slice(at))![0];
      fields[state++] = Number(group || '0');
      at += group.length;
      if (state === 4 || text[at] !== ':' || !/\d/.test(text[at + 1] ?? '')) break;
      at++;
    }
  }
  let micros = 0;
  const fraction = /^\.(\d+)/.exec(text.slice(at));
  if (fraction) {
    const digits = fraction[1]!;
    micros = Number(digits.slice(0, 6).padEnd(6, '0'));
    // The seventh digit rounds the microseconds, as MySQL keeps nanoseconds for rounding.
    if (digits.length > 6 && Number(digits[6]) >= 5) micros++;
    at += fraction[0].length;
  } else if (text.slice(at) === '.') {
    at++;
  }
  const [days, hours, minutes, seconds] = fields as [number, number, number, number];
  return [days * 24 + hours, minutes, seconds, micros, text.slice(at)];
}
