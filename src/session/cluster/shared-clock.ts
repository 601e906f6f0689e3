// sharedClockMicros: a clock every process on this machine reads alike, for ordering events across worker processes.

/**
 * Microseconds of the system's monotonic clock (CLOCK_MONOTONIC, which process.hrtime reads): one clock for every
 * process on the machine, never going back. Row-lock statement tokens and release stamps use it, so that a token
 * taken in a worker orders correctly against a release stamped in the primary.
 */
export function sharedClockMicros(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1_000_000 + nanoseconds / 1000;
}
