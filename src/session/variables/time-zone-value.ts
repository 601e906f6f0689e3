// Checks time_zone values: SYSTEM, a UTC offset '+hh:mm', or a zone name the runtime's ICU knows, as MySQL with its
// time zone tables loaded does (the zones themselves are sql/timezone's).
import { ER_UNKNOWN_TIME_ZONE, mysqlError } from '../../errors/index.js';
import { findTimeZone } from '../../sql/timezone/time-zone.js';
import { classifyValue, wrongType, wrongValue } from './assigned-value.js';
import type { AssignedValue } from './system-variable.js';

/** The value meaning "the server's system time zone". */
export const SYSTEM_TIME_ZONE = 'SYSTEM';

/**
 * Checks a `SET time_zone` value and returns its canonical spelling: `SYSTEM`, an offset as `+05:30` (MySQL prints
 * offsets with two-digit hours; -13:59 … +14:00 as in MySQL 8.0.19+), or the zone name as ICU spells it. Anything
 * else is ER_UNKNOWN_TIME_ZONE (1298).
 */
export function normalizeTimeZone(input: AssignedValue, name: string): string {
  const value = classifyValue(input);
  if (value.kind === 'null') throw wrongValue(name, 'NULL');
  if (value.kind !== 'string') throw wrongType(name);
  const text = value.value;
  if (text.toUpperCase() === SYSTEM_TIME_ZONE) return SYSTEM_TIME_ZONE;
  const zone = findTimeZone(text);
  if (zone === undefined) throw mysqlError(ER_UNKNOWN_TIME_ZONE, text);
  return zone.name;
}
