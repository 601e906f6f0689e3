// Logs repetitive events (e.g. failed handshakes) at a bounded rate per key, with a summary of what was dropped.
import type { LogFields, Logger, LogLevel } from './logger.js';
import { RateLimiter } from './rate-limiter.js';
import type { RateLimiterOptions, SuppressedCount } from './rate-limiter.js';

/** Settings: the {@link RateLimiter}'s, plus whether a timer reports windows that end quietly. */
export interface RateLimitedLoggerOptions extends RateLimiterOptions {
  /** Sweep ended windows every `intervalMs` with an unref'd timer. Default true; tests call sweep() instead. */
  readonly hasTimer?: boolean;
}

/**
 * Logs through `logger`, at most `limit` records per key per interval. Once a key's window ends, one record
 * "suppressed N similar messages" (fields: key, suppressed, intervalMs, lastMsg) at the level of the last
 * dropped record reports what was dropped: when the key's next event arrives, or at the next sweep.
 */
export interface RateLimitedLogger {
  log(level: LogLevel, key: string, msg: string, fields?: LogFields): void;
  /** Reports windows that have ended; the timer calls this. */
  sweep(): void;
  /** Stops the timer and reports every window's suppressed count. Further records are dropped. */
  close(): void;
}

interface Dropped {
  readonly level: LogLevel;
  readonly msg: string;
}

/** Wraps `logger` with per-key rate limiting; see {@link RateLimitedLogger}. */
export function createRateLimitedLogger(logger: Logger, options: RateLimitedLoggerOptions): RateLimitedLogger {
  const limiter = new RateLimiter<Dropped>(options);
  let isClosed = false;
  const summarise = (key: string, suppressed: number, last: Dropped | undefined): void => {
    logger.log(last?.level ?? 'warn', `suppressed ${suppressed} similar messages`, {
      key,
      suppressed,
      intervalMs: options.intervalMs,
      lastMsg: last?.msg,
    });
  };
  const summariseAll = (counts: Array<SuppressedCount<Dropped>>): void => {
    for (const count of counts) summarise(count.key, count.suppressed, count.last);
  };
  const timer =
    options.hasTimer === false ? undefined : setInterval(() => summariseAll(limiter.sweep()), options.intervalMs);
  timer?.unref();
  return {
    log(level, key, msg, fields) {
      if (isClosed) return;
      const decision = limiter.take(key, { level, msg });
      if (decision.ended !== undefined) summarise(decision.key, decision.ended.suppressed, decision.ended.last);
      if (decision.isAllowed) logger.log(level, msg, fields);
    },
    sweep() {
      summariseAll(limiter.sweep());
    },
    close() {
      if (isClosed) return;
      isClosed = true;
      if (timer !== undefined) clearInterval(timer);
      summariseAll(limiter.drain());
    },
  };
}
