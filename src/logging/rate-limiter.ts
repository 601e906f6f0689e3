// Counts events per key in fixed time windows: the first `limit` pass, the rest are counted as suppressed.

/** Settings of a {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Events allowed per key per window (at least 1). */
  readonly limit: number;
  /** Window length in milliseconds; a key's window starts at its first event. */
  readonly intervalMs: number;
  /** Keys tracked at once; events for further keys share {@link OVERFLOW_KEY}. Default 10000. */
  readonly maxKeys?: number;
  /** Clock in milliseconds; injectable for tests. Default Date.now. */
  readonly now?: () => number;
}

/** Outcome of {@link RateLimiter.take}. */
export interface RateDecision<T> {
  readonly isAllowed: boolean;
  /** The key the event was counted under: the given key, or {@link OVERFLOW_KEY} when too many keys are live. */
  readonly key: string;
  /** The key's previous window, if this event closed one that suppressed events: report it first. */
  readonly ended: SuppressedCount<T> | undefined;
}

/** Suppressed events of one ended window, with the detail of the last one. */
export interface SuppressedCount<T> {
  readonly key: string;
  readonly suppressed: number;
  readonly last: T | undefined;
}

/** Key shared by events whose own key could not be tracked because `maxKeys` were live. */
export const OVERFLOW_KEY = '*';

const DEFAULT_MAX_KEYS = 10000;

interface Window<T> {
  start: number;
  count: number;
  suppressed: number;
  last: T | undefined;
}

/**
 * Per-key fixed-window rate limiter. Pure bookkeeping: it never logs or sets timers. Call {@link sweep}
 * periodically to collect counts of windows that ended without a later event, and to forget idle keys.
 * `T` is any detail to remember about the last suppressed event (e.g. its message).
 */
export class RateLimiter<T = undefined> {
  private readonly windows = new Map<string, Window<T>>();
  private readonly limit: number;
  private readonly intervalMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions) {
    this.limit = Math.max(1, Math.floor(options.limit));
    this.intervalMs = options.intervalMs;
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    this.now = options.now ?? Date.now;
  }

  /** Counts one event for `key`; says whether to let it through, and reports the window it ended, if any. */
  take(key: string, detail?: T): RateDecision<T> {
    const now = this.now();
    const trackedKey = this.windows.has(key) || this.windows.size < this.maxKeys ? key : OVERFLOW_KEY;
    let window = this.windows.get(trackedKey);
    let ended: SuppressedCount<T> | undefined;
    if (window !== undefined && now - window.start >= this.intervalMs) {
      if (window.suppressed > 0) ended = { key: trackedKey, suppressed: window.suppressed, last: window.last };
      window = undefined;
    }
    if (window === undefined) {
      window = { start: now, count: 0, suppressed: 0, last: undefined };
      this.windows.set(trackedKey, window);
    }
    window.count += 1;
    const isAllowed = window.count <= this.limit;
    if (!isAllowed) {
      window.suppressed += 1;
      window.last = detail;
    }
    return { isAllowed, key: trackedKey, ended };
  }

  /** Forgets every window that has ended, returning those that suppressed events. */
  sweep(): Array<SuppressedCount<T>> {
    const now = this.now();
    return this.collect((window) => now - window.start >= this.intervalMs);
  }

  /** Ends all windows now (e.g. at shutdown), returning those that suppressed events. */
  drain(): Array<SuppressedCount<T>> {
    return this.collect(() => true);
  }

  /** Number of keys currently tracked. */
  get size(): number {
    return this.windows.size;
  }

  private collect(isEnded: (window: Window<T>) => boolean): Array<SuppressedCount<T>> {
    const ended: Array<SuppressedCount<T>> = [];
    for (const [key, window] of this.windows) {
      if (!isEnded(window)) continue;
      this.windows.delete(key);
      if (window.suppressed > 0) ended.push({ key, suppressed: window.suppressed, last: window.last });
    }
    return ended;
  }
}
