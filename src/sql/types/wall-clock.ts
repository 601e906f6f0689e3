// wallClockMicros: the current time in microseconds since the epoch, for NOW(6) and fractional timestamp defaults.
import { performance } from 'node:perf_hooks';

/** How far the high-resolution clock may drift from Date.now() before it is pinned to it again. */
const MAX_DRIFT_MICROS = 1000;

/** Date.now() in microseconds minus the high-resolution clock, measured when the module loads (and after drift). */
let offsetMicros = Date.now() * 1000 - Math.round(performance.now() * 1000);

/**
 * Microseconds since the epoch. Date.now() has only milliseconds, so the fraction comes from the monotonic
 * high-resolution clock plus an offset to the wall clock; when the wall clock is set (NTP), the offset is measured
 * again, so the result never strays more than a millisecond from Date.now().
 */
export function wallClockMicros(): number {
  const wall = Date.now() * 1000;
  let micros = Math.round(performance.now() * 1000) + offsetMicros;
  if (Math.abs(micros - wall) > MAX_DRIFT_MICROS) {
    offsetMicros = wall - Math.round(performance.now() * 1000);
    micros = wall;
  }
  return micros;
}
