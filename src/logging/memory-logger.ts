// A Logger that keeps records in an array, for tests that assert what was logged.
import type { LogFields, Logger, LogLevel } from './logger.js';

/** One captured record: its level, message, and the child bindings merged with the call's fields. */
export interface LogRecord {
  readonly level: LogLevel;
  readonly msg: string;
  readonly fields: LogFields;
}

/** A {@link Logger} whose records (at or above `level`) land in `records`, children included. */
export interface MemoryLogger extends Logger {
  readonly records: LogRecord[];
}

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Creates an in-memory logger; `level` defaults to debug so that everything is captured. */
export function createMemoryLogger(level: LogLevel = 'debug'): MemoryLogger {
  const records: LogRecord[] = [];
  const state = { isClosed: false };
  const build = (bindings: LogFields): Logger => {
    const isLevelEnabled = (wanted: LogLevel): boolean => LEVEL_RANK[wanted] >= LEVEL_RANK[level];
    const log = (wanted: LogLevel, msg: string, fields?: LogFields): void => {
      if (state.isClosed || !isLevelEnabled(wanted)) return;
      records.push({ level: wanted, msg, fields: { ...bindings, ...fields } });
    };
    return {
      debug: (msg, fields) => log('debug', msg, fields),
      info: (msg, fields) => log('info', msg, fields),
      warn: (msg, fields) => log('warn', msg, fields),
      error: (msg, fields) => log('error', msg, fields),
      log,
      isLevelEnabled,
      child: (fields) => build({ ...bindings, ...fields }),
      flushSync: () => undefined,
      reopen: () => undefined,
      currentFile: () => undefined,
      close: () => {
        state.isClosed = true;
        return Promise.resolve();
      },
    };
  };
  return Object.assign(build({}), { records });
}
