// The server's structured logger: a small interface over pino writing JSON lines to stderr or a file.
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino } from 'pino';
import type { Logger as PinoLogger } from 'pino';
import { ConfigError } from '../config/config-error.js';

/** Severity of a record, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured fields of a record. Put an Error under `err` to get its type, message and stack. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * A structured logger. Each record is one JSON line: `{"level":"info","time":"<ISO 8601>","pid":…,…fields,
 * "msg":"…"}`. Records below the configured level are dropped. Writes are asynchronous; {@link Logger.close} (or
 * process exit, which flushes synchronously) makes sure the last lines are not lost. Logging after close is a
 * no-op.
 */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** Logs at a level chosen at run time. */
  log(level: LogLevel, msg: string, fields?: LogFields): void;
  /** Whether records at `level` are written; use it to skip building expensive fields. */
  isLevelEnabled(level: LogLevel): boolean;
  /** A logger whose records all carry `fields` too; it shares this logger's destination and close. */
  child(fields: LogFields): Logger;
  /** Writes buffered records now, blocking; safe in an 'exit' handler. */
  flushSync(): void;
  /** Flushes and closes the destination (never closes stderr itself). Idempotent. */
  close(): Promise<void>;
}

/** How to build a logger. */
export interface LoggerOptions {
  readonly level: LogLevel;
  /** Absolute or cwd-relative log file, appended to; missing folders are created. "" or absent: stderr. */
  readonly file?: string;
}

const STDERR_FD = 2;

/** The SonicBoom stream that pino.destination returns, reduced to what we use. */
type Destination = ReturnType<typeof pino.destination>;

interface SharedState {
  isClosed: boolean;
  closing: Promise<void> | undefined;
  readonly destination: Destination;
}

/**
 * Creates a logger writing to `options.file`, or to stderr. Opens the file synchronously so that a bad path
 * fails here, with a {@link ConfigError} "log file /x cannot be opened: EACCES …", rather than later.
 */
export function createLogger(options: LoggerOptions): Logger {
  const file = options.file ?? '';
  const destination = pino.destination({ dest: file === '' ? STDERR_FD : openLogFile(file), sync: false });
  // A failing disk must not crash the server: report once on stderr and keep running without the log.
  destination.on('error', (error: Error) => {
    process.stderr.write(`tidaldb: log destination failed: ${error.message}\n`);
  });
  const root = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return wrap(root, { isClosed: false, closing: undefined, destination });
}

function openLogFile(file: string): number {
  try {
    mkdirSync(dirname(file), { recursive: true });
    return openSync(file, 'a');
  } catch (error) {
    throw new ConfigError(`log file ${file} cannot be opened: ${(error as Error).message}`, { cause: error });
  }
}

function wrap(target: PinoLogger, state: SharedState): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (state.isClosed) return;
    if (fields === undefined) target[level](msg);
    else target[level](fields, msg);
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    log: write,
    isLevelEnabled: (level) => target.isLevelEnabled(level),
    child: (fields) => wrap(target.child(fields), state),
    flushSync: () => {
      if (!state.isClosed) state.destination.flushSync();
    },
    close: () => {
      state.closing ??= closeDestination(state);
      return state.closing;
    },
  };
}

function closeDestination(state: SharedState): Promise<void> {
  state.isClosed = true;
  return new Promise((resolve) => {
    // A failed final fsync/close is reported by the 'error' listener; closing still counts as done.
    state.destination.once('close', () => resolve());
    state.destination.once('error', () => resolve());
    state.destination.end();
  });
}
