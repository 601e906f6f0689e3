// MysqlDateTime: a DATE, DATETIME or TIMESTAMP value with microseconds, parsed and printed as MySQL does.
import { mysqlError, ER_TRUNCATED_WRONG_VALUE } from '../../errors/index.js';
import { wallClockMicros } from './wall-clock.js';

/** Which temporal type a value has; it decides how the value prints and which column type it reports. */
export type DateTimeKind = 'date' | 'datetime' | 'timestamp';

const MICROS_PER_SECOND = 1_000_000;

/**
 * A calendar date and wall-clock time without a time zone, as MySQL stores DATETIME. Immutable. The packed form
 * (TiDB's CoreTime layout) orders like the value and is what the storage codecs persist.
 */
export class MysqlDateTime {
  constructor(
    readonly kind: DateTimeKind,
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour = 0,
    readonly minute = 0,
    readonly second = 0,
    readonly microsecond = 0,
    /** Fractional-second digits shown when printing (0–6). */
    readonly fsp = 0,
  ) {}

  /** Parses MySQL's accepted literal forms (`YYYY-MM-DD[ hh:mm:ss[.ffffff]]`, `T` separator, any delimiters). */
  static parse(text: string, kind: DateTimeKind = 'datetime', fsp = 0): MysqlDateTime {
    const parsed = parseDateTimeText(text.trim());
    if (!parsed) throw mysqlError(ER_TRUNCATED_WRONG_VALUE, kind, text);
    const [year, month, day, hour, minute, second, micro] = parsed;
    if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
      throw mysqlError(ER_TRUNCATED_WRONG_VALUE, kind, text);
    }
    const value = new MysqlDateTime(kind, year, month, day, hour, minute, second, micro, fsp);
    return kind === 'date' ? value.toDate() : value.round(fsp);
  }

  /** Tries to parse; undefined when the text is not a date/time. */
  static tryParse(text: string, kind: DateTimeKind = 'datetime', fsp = 0): MysqlDateTime | undefined {
    try {
      return MysqlDateTime.parse(text, kind, fsp);
    } catch {
      return undefined;
    }
  }

  /**
   * The current local time of the server process (MySQL's NOW() with time_zone=SYSTEM), to the microsecond, cut (not
   * rounded) to `fsp` digits as MySQL cuts the statement's start time.
   */
  static now(fsp = 0, micros = wallClockMicros()): MysqlDateTime {
    const date = new Date(Math.floor(micros / 1000));
    const micro = ((micros % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND;
    return new MysqlDateTime(
      'datetime',
      date.getFullYear(),
      date.getMonth() + 1,
      date.getDate(),
      date.getHours(),
      date.getMinutes(),
      date.getSeconds(),
      micro,
      6,
    ).truncate(fsp);
  }

  /** Unpacks the storage form written by `pack()`. */
  static unpack(packed: bigint, kind: DateTimeKind, fsp: number): MysqlDateTime {
    const micro = Number(packed & 0xffffffn);
    const ymdhms = packed >> 24n;
    const second = Number(ymdhms & 0x3fn);
    const minute = Number((ymdhms >> 6n) & 0x3fn);
    const hour = Number((ymdhms >> 12n) & 0x1fn);
    const day = Number((ymdhms >> 17n) & 0x1fn);
    const month = Number((ymdhms >> 22n) & 0xfn);
    const year = Number(ymdhms >> 26n);
    return new MysqlDateTime(kind, year, month, day, hour, minute, second, micro, fsp);
  }

  /** An order-preserving unsigned integer form (year<<50 | month<<46 | day<<41 | … | microsecond). */
  pack(): bigint {
    const ymdhms =
      (BigInt(this.year) << 26n) |
      (BigInt(this.month) << 22n) |
      (BigInt(this.day) << 17n) |
      (BigInt(this.hour) << 12n) |
      (BigInt(this.minute) << 6n) |
      BigInt(this.second);
    return (ymdhms << 24n) | BigInt(this.microsecond);
  }

  /** The same instant as another temporal type (a DATE drops the time). */
  withKind(kind: DateTimeKind, fsp = this.fsp): MysqlDateTime {
    if (kind === 'date') return this.toDate();
    return new MysqlDateTime(kind, this.year, this.month, this.day, this.hour, this.minute, this.second, this.microsecond, fsp).round(fsp);
  }

  private toDate(): MysqlDateTime {
    return new MysqlDateTime('date', this.year, this.month, this.day);
  }

  /** Cuts the fraction to `fsp` digits. */
  truncate(fsp: number): MysqlDateTime {
    const unit = 10 ** (6 - fsp);
    const micro = Math.floor(this.microsecond / unit) * unit;
    return new MysqlDateTime(this.kind, this.year, this.month, this.day, this.hour, this.minute, this.second, micro, fsp);
  }

  /** Rounds the fraction to `fsp` digits as MySQL does on insert (half up, carrying into the seconds). */
  round(fsp: number): MysqlDateTime {
    const unit = 10 ** (6 - fsp);
    let micro = Math.round(this.microsecond / unit) * unit;
    if (micro < MICROS_PER_SECOND) {
      return new MysqlDateTime(this.kind, this.year, this.month, this.day, this.hour, this.minute, this.second, micro, fsp);
    }
    micro = 0;
    const carried = new Date(Date.UTC(this.year, this.month - 1, this.day, this.hour, this.minute, this.second + 1));
    return new MysqlDateTime(
      this.kind,
      carried.getUTCFullYear(),
      carried.getUTCMonth() + 1,
      carried.getUTCDate(),
      carried.getUTCHours(),
      carried.getUTCMinutes(),
      carried.getUTCSeconds(),
      micro,
      fsp,
    );
  }

  /** -1, 0 or 1 comparing the instants (kind is ignored, as MySQL compares DATE with DATETIME). */
  compare(other: MysqlDateTime): number {
    const a = this.pack();
    const b = other.pack();
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** MySQL's text form: `YYYY-MM-DD`, or `YYYY-MM-DD hh:mm:ss[.fff…]` with `fsp` digits. */
  toString(): string {
    const date = `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
    if (this.kind === 'date') return date;
    const time = `${pad(this.hour, 2)}:${pad(this.minute, 2)}:${pad(this.second, 2)}`;
    const fraction = this.fsp > 0 ? `.${pad(this.microsecond, 6).slice(0, this.fsp)}` : '';
    return `${date} ${time}${fraction}`;
  }

  /** A number like MySQL's DATETIME in numeric context: YYYYMMDDhhmmss. */
  toNumber(): number {
    const date = this.year * 10000 + this.month * 100 + this.day;
    if (this.kind === 'date') return date;
    return date * 1_000_000 + this.hour * 10000 + this.minute * 100 + this.second + this.microsecond / MICROS_PER_SECOND;
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (year === 0 && month === 0 && day === 0) return false;
  if (month < 1 || month > 12 || day < 1 || year > 9999) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

type DateTimeParts = [number, number, number, number, number, number, number];

/** `Y-M-D[ h[:m[:s[.f]]]]`: MySQL also reads a time with its minutes or seconds left out ('2021-06-01 06:00'). */
const delimited = /^(\d{1,4})[-/.:](\d{1,2})[-/.:](\d{1,2})(?:[ T]+(\d{1,2})(?:[:.](\d{1,2})(?:[:.](\d{1,2})(?:\.(\d{0,6})\d*)?)?)?)?$/;
const compact = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})(?:\.(\d{0,6})\d*)?)?$/;
/** YYMMDD and YYMMDDhhmmss, as MySQL reads six and twelve digits (950501 is 1995-05-01). */
const compactShortYear = /^(\d{2})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})(?:\.(\d{0,6})\d*)?)?$/;

function parseDateTimeText(text: string): DateTimeParts | undefined {
  const match = delimited.exec(text) ?? compact.exec(text) ?? compactShortYear.exec(text);
  if (!match) return undefined;
  let year = Number(match[1]);
  if (match[1]!.length <= 2) year += year < 70 ? 2000 : 1900;
  const fraction = match[7] ?? '';
  return [
    year,
    Number(match[2]),
    Number(match[3]),
    Number(match[4] ?? 0),
    Number(match[5] ?? 0),
    Number(match[6] ?? 0),
    Number(fraction.padEnd(6, '0')),
  ];
}
