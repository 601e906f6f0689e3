// Checks time_zone values: SYSTEM, a UTC offset '+hh:mm', or an IANA zone name, as MySQL with tz tables loaded does.
import { ER_UNKNOWN_TIME_ZONE, mysqlError } from '../../errors/index.js';
import { classifyValue, wrongType, wrongValue } from './assigned-value.js';
import type { AssignedValue } from './system-variable.js';

/** The value meaning "the server's system time zone". */
export const SYSTEM_TIME_ZONE = 'SYSTEM';

/** MySQL 8.0.19+'s offset range, in minutes: -13:59 to +14:00. */
const OffsetRange = { minMinutes: -(13 * 60 + 59), maxMinutes: 14 * 60 } as const;
const MINUTES_PER_HOUR = 60;
const offsetPattern = /^([+-])(\d{1,2}):(\d{2})$/;

/**
 * Checks a `SET time_zone` value and returns its canonical spelling: `SYSTEM`, an offset as `+05:30` (MySQL prints
 * offsets with two-digit hours), or the zone name as ICU spells it. Anything else is ER_UNKNOWN_TIME_ZONE (1298).
 */
export function normalizeTimeZone(input: AssignedValue, name: string): string {
  const value = classifyValue(input);
  if (value.kind === 'null') throw wrongValue(name, 'NULL');
  if (value.kind !== 'string') throw wrongType(name);
  const text = value.value;
  if (text.toUpperCase() === SYSTEM_TIME_ZONE) return SYSTEM_TIME_ZONE;
  const offset = offsetPattern.exec(text);
  if (offset !== null) return normalizeOffset(offset[1] ?? '+', Number(offset[2]), Number(offset[3]), text);
  const zone = resolveZoneName(text);
  if (zone === undefined) throw mysqlError(ER_UNKNOWN_TIME_ZONE, text);
  return zone;
}

function normalizeOffset(sign: string, hours: number, minutes: number, text: string): string {
  if (minutes >= MINUTES_PER_HOUR) throw mysqlError(ER_UNKNOWN_TIME_ZONE, text);
  const total = (sign === '-' ? -1 : 1) * (hours * MINUTES_PER_HOUR + minutes);
  if (total < OffsetRange.minMinutes || total > OffsetRange.maxMinutes) throw mysqlError(ER_UNKNOWN_TIME_ZONE, text);
  const absolute = Math.abs(total);
  const hh = String(Math.floor(absolute / MINUTES_PER_HOUR)).padStart(2, '0');
  const mm = String(absolute % MINUTES_PER_HOUR).padStart(2, '0');
  return `${total < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** The canonical IANA name of `text` if ICU knows the zone (Node ships full ICU), else undefined. */
function resolveZoneName(text: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(text)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    // RangeError: not a zone ICU knows.
    return undefined;
  }
}
