// The session's time zone (@@time_zone) and the current time in it, for NOW(), CURDATE() and column defaults.
import type { ExecutionContext } from '../execution-context.js';
import type { MysqlDateTime } from '../types/index.js';
import { wallClockMicros } from '../types/index.js';
import { UTC_ZONE, findTimeZone, wallClockAt } from './time-zone.js';
import type { TimeZone } from './time-zone.js';

/** The zone @@time_zone names (SYSTEM for contexts without one, as the server's own statements). */
export function sessionTimeZone(session: Pick<ExecutionContext, 'systemVariable'>): TimeZone {
  const name = session.systemVariable('time_zone', 'session');
  return findTimeZone(typeof name === 'string' ? name : 'SYSTEM') ?? UTC_ZONE;
}

/** The current time in the session's zone to the microsecond, cut (not rounded) to `fsp` digits, as NOW(fsp). */
export function currentDateTime(session: Pick<ExecutionContext, 'systemVariable'>, fsp: number): MysqlDateTime {
  return wallClockAt(sessionTimeZone(session), wallClockMicros()).truncate(fsp);
}
