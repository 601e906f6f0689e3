// TimeZone: MySQL's time zones (SYSTEM, '+hh:mm' offsets, IANA names) over the runtime's ICU data, converting
// between UTC instants and wall-clock times with MySQL's rules for the hours DST skips and repeats.
// https://dev.mysql.com/doc/refman/8.0/en/time-zone-support.html
import { MysqlDateTime } from '../types/index.js';

/** A zone: its name as MySQL shows it, and its offset from UTC at any instant. */
export interface TimeZone {
  readonly name: string;
  /** True for zones whose offset never changes ('+05:30', UTC): conversions need no look-ups. */
  readonly isFixed: boolean;
  /** Seconds east of UTC at `utcMillis` (milliseconds since the epoch). */
  offsetAt(utcMillis: number): number;
}

const MILLIS_PER_SECOND = 1000;
const MICROS_PER_MILLI = 1000;
const MICROS_PER_SECOND = 1_000_000;
const SECONDS_PER_MINUTE = 60;
const MILLIS_PER_DAY = 86_400_000;
/**
 * Offsets are cached per UTC day; a day that holds a transition is cached per quarter hour instead, and a quarter
 * hour holding one is computed exactly.
 */
const DAY_BUCKET_MILLIS = 86_400_000;
const QUARTER_BUCKET_MILLIS = 15 * 60 * 1000;
const MAX_CACHED_BUCKETS = 200_000;
const OFFSET_TEXT = /^([+-])(\d{1,2}):(\d{2})$/;
/** MySQL 8.0.19+'s offset range, in minutes: -13:59 to +14:00. */
const OffsetRange = { minMinutes: -(13 * 60 + 59), maxMinutes: 14 * 60 } as const;

class FixedZone implements TimeZone {
  readonly isFixed = true;
  constructor(
    readonly name: string,
    private readonly seconds: number,
  ) {}

  offsetAt(): number {
    return this.seconds;
  }
}

/** A zone of the runtime's ICU data; each offset costs an Intl formatting (~10 µs), so offsets are cached. */
class IcuZone implements TimeZone {
  readonly isFixed = false;
  private readonly format: Intl.DateTimeFormat;
  /** Offsets of whole days without a transition, by day number. */
  private readonly days = new Map<number, number>();
  /** Offsets of quarter hours without a transition, on days with one, by quarter-hour number. */
  private readonly quarters = new Map<number, number>();

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  offsetAt(utcMillis: number): number {
    return this.bucketOffset(this.days, DAY_BUCKET_MILLIS, utcMillis) ?? this.bucketOffset(this.quarters, QUARTER_BUCKET_MILLIS, utcMillis) ?? this.exactOffset(utcMillis);
  }

  /** The offset of the bucket of `size` holding `utcMillis`, or undefined when a transition falls inside it. */
  private bucketOffset(cache: Map<number, number>, size: number, utcMillis: number): number | undefined {
    const bucket = Math.floor(utcMillis / size);
    const cached = cache.get(bucket);
    if (cached !== undefined) return Number.isNaN(cached) ? undefined : cached;
    const start = this.exactOffset(bucket * size);
    const hasTransition = this.exactOffset((bucket + 1) * size - MILLIS_PER_SECOND) !== start;
    if (cache.size >= MAX_CACHED_BUCKETS) cache.clear();
    // NaN marks a bucket with a transition, so it is not examined again.
    cache.set(bucket, hasTransition ? Number.NaN : start);
    return hasTransition ? undefined : start;
  }

  private exactOffset(utcMillis: number): number {
    const whole = Math.floor(utcMillis / MILLIS_PER_SECOND) * MILLIS_PER_SECOND;
    const parts: Record<string, string> = {};
    for (const part of this.format.formatToParts(whole)) parts[part.type] = part.value;
    const year = parts['era'] === 'BC' ? 1 - Number(parts['year']) : Number(parts['year']);
    const wall = wallMillis(year, Number(parts['month']), Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
    return (wall - whole) / MILLIS_PER_SECOND;
  }
}

/** Milliseconds of a wall-clock time read as if it were UTC (years below 100 included, unlike Date.UTC). */
function wallMillis(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

export const UTC_ZONE: TimeZone = new FixedZone('UTC', 0);
const zones = new Map<string, TimeZone | undefined>();

/** The server process's own zone (MySQL's SYSTEM): its ICU name, or UTC. */
export const systemZoneName = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The zone a time_zone value or a CONVERT_TZ argument names: 'SYSTEM', an offset '+hh:mm' in MySQL 8.0.19+'s range
 * -13:59 … +14:00, or a zone name (as ICU knows it, in any letter case); undefined when there is no such zone.
 */
export function findTimeZone(name: string): TimeZone | undefined {
  const key = name.toUpperCase();
  if (zones.has(key)) return zones.get(key);
  const zone = key === 'SYSTEM' ? findTimeZone(systemZoneName()) : (offsetZone(name) ?? namedZone(name));
  zones.set(key, zone);
  return zone;
}

function offsetZone(text: string): TimeZone | undefined {
  const match = OFFSET_TEXT.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[3]);
  const total = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * SECONDS_PER_MINUTE + minutes);
  if (minutes >= SECONDS_PER_MINUTE || total < OffsetRange.minMinutes || total > OffsetRange.maxMinutes) return undefined;
  return new FixedZone(formatOffset(total), total * SECONDS_PER_MINUTE);
}

/** An offset in minutes as MySQL prints it: '+05:30', '-08:00'. */
export function formatOffset(totalMinutes: number): string {
  const absolute = Math.abs(totalMinutes);
  const hours = String(Math.floor(absolute / SECONDS_PER_MINUTE)).padStart(2, '0');
  return `${totalMinutes < 0 ? '-' : '+'}${hours}:${String(absolute % SECONDS_PER_MINUTE).padStart(2, '0')}`;
}

function namedZone(name: string): TimeZone | undefined {
  const canonical = canonicalZoneName(name);
  if (canonical === undefined) return undefined;
  if (canonical === 'UTC' || canonical === 'Etc/UTC' || canonical === 'Etc/GMT') return UTC_ZONE;
  return new IcuZone(canonical);
}

/** The zone's name as ICU spells it ('europe/berlin' → 'Europe/Berlin'), or undefined when ICU has no such zone. */
export function canonicalZoneName(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    // RangeError: not a zone ICU knows.
    return undefined;
  }
}

/** The wall-clock time in `zone` of the instant `utcMicros` (microseconds since the epoch), as DATETIME(6). */
export function wallClockAt(zone: TimeZone, utcMicros: number): MysqlDateTime {
  const millis = Math.floor(utcMicros / MICROS_PER_MILLI);
  const micro = ((utcMicros % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND;
  const local = new Date(millis + zone.offsetAt(millis) * MILLIS_PER_SECOND);
  return new MysqlDateTime('datetime', local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), micro, 6);
}

/**
 * The instant (microseconds since the epoch) of wall-clock time `value` in `zone`. A time DST repeats is its
 * first occurrence; a time DST skips is the transition itself (02:30 on a spring-forward night is 03:00), as MySQL
 * converts them.
 */
export function instantOf(zone: TimeZone, value: MysqlDateTime): number {
  const wall = wallMillis(value.year, value.month, value.day, value.hour, value.minute, value.second);
  const micro = value.microsecond;
  if (zone.isFixed) return (wall - zone.offsetAt(wall) * MILLIS_PER_SECOND) * MICROS_PER_MILLI + micro;
  const offsets = [...new Set([zone.offsetAt(wall - MILLIS_PER_DAY), zone.offsetAt(wall + MILLIS_PER_DAY), zone.offsetAt(wall)])];
  const valid = offsets.map((offset) => wall - offset * MILLIS_PER_SECOND).filter((utc) => zone.offsetAt(utc) * MILLIS_PER_SECOND === wall - utc);
  const utc = valid.length > 0 ? Math.min(...valid) : gapEnd(zone, wall, offsets);
  return utc * MICROS_PER_MILLI + micro;
}

/** The transition instant of the gap that swallowed wall time `wall`: the first second with the later offset. */
function gapEnd(zone: TimeZone, wall: number, offsets: readonly number[]): number {
  let low = wall - Math.max(...offsets) * MILLIS_PER_SECOND;
  let high = wall - Math.min(...offsets) * MILLIS_PER_SECOND;
  const later = zone.offsetAt(high);
  while (high - low > MILLIS_PER_SECOND) {
    const middle = Math.floor((low + high) / 2 / MILLIS_PER_SECOND) * MILLIS_PER_SECOND;
    if (zone.offsetAt(middle) === later) high = middle;
    else low = middle;
  }
  return high;
}

/** `value`, a wall-clock time in zone `from`, as a wall-clock time in zone `to` (the same instant). */
export function convertWallClock(value: MysqlDateTime, from: TimeZone, to: TimeZone): MysqlDateTime {
  if (from === to) return value;
  return wallClockAt(to, instantOf(from, value));
}
