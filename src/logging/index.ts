// The logging module's public surface: the Logger interface, its pino-backed factory, and rate limiting.
export { createLogger } from './logger.js';
export type { Logger, LoggerOptions, LogFields, LogLevel } from './logger.js';
export { openLogDestination } from './log-destination.js';
export type { LogDestination, LogRotation } from './log-destination.js';
export { formatTextRecord } from './text-format.js';
export { createMemoryLogger } from './memory-logger.js';
export type { LogRecord, MemoryLogger } from './memory-logger.js';
export { RateLimiter, OVERFLOW_KEY } from './rate-limiter.js';
export type { RateDecision, RateLimiterOptions, SuppressedCount } from './rate-limiter.js';
export { createRateLimitedLogger } from './rate-limited-logger.js';
export type { RateLimitedLogger, RateLimitedLoggerOptions } from './rate-limited-logger.js';
