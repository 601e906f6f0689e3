// The server's structured logger: a small interface over pino writing JSON lines (or TiDB's text layout) to stderr
// or a rotated file.
import { pino } from 'pino';
import type { Logger as PinoLogger } from 'pino';
import { openLogDestination } from './log-destination.js';
import type { Destination, LogDestination, LogRotation } from './log-destination.js';
import { callerOf, formatTextRecord } from './text-format.js';

/** Severity of a record, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured fields of a record. Put an Error under `err` to get its type, message and stack. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * A structured logger. In the JSON format each record is one JSON line: `{"level":"info","time":"<ISO 8601>","pid":…,…fields,
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
  /** Reopens the log file (SIGHUP after logrotate moved it); a no-op on stderr. */
  reopen(): void;
  /** The file written now (rotation changes it), or undefined for stderr. */
  currentFile(): string | undefined;
  /** Flushes and closes the destination (never closes stderr itself). Idempotent. */
  close(): Promise<void>;
}

/** How to build a logger. */
export interface LoggerOptions {
  readonly level: LogLevel;
  /** Absolute or cwd-relative log file, appended to; missing folders are created. "" or absent: stderr. */
  readonly file?: string;
  /** `json` (default): one JSON object per line; `text`: TiDB's `[time] [LEVEL] [file:line] ["msg"] [k=v]`. */
  readonly format?: 'json' | 'text';
  /** Size, age and count limits of a log file (pino-roll numbers the files: `tidb.1.log`, `tidb.2.log`, …). */
  readonly rotation?: LogRotation;
}

interface SharedState {
  isClosed: boolean;
  closing: Promise<void> | undefined;
  readonly destination: LogDestination;
}

/**
 * Creates a logger writing to `options.file`, or to stderr. Opens the file first so that a bad path fails here,
 * with a {@link ConfigError} "log file /x cannot be opened: EACCES …", rather than later.
 */
export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const destination = await openLogDestination(options.file ?? '', options.rotation);
  const stream = destination.stream;
  // A failing disk must not crash the server: report once on stderr and keep running without the log.
  stream.on('error', (error: Error) => {
    process.stderr.write(`tidaldb: log destination failed: ${error.message}\n`);
  });
  // The last lines before process.exit() must reach the file; pino's own destinations do this, pino-roll's not.
  const flushAtExit = (): void => stream.flushSync();
  process.on('exit', flushAtExit);
  stream.once('close', () => process.off('exit', flushAtExit));
  const state: SharedState = { isClosed: false, closing: undefined, destination };
  if (options.format === 'text') return textLogger(options.level, stream, state, {});
  const root = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  return wrap(root, state);
}

function wrap(target: PinoLogger, state: SharedState): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (state.isClosed) return;
    if (fields === undefined) target[level](msg);
    else target[level](fields, msg);
  };
  return {
    ...levelMethods(write),
    isLevelEnabled: (level) => target.isLevelEnabled(level),
    child: (fields) => wrap(target.child(fields), state),
    ...lifecycle(state),
  };
}

const LEVEL_RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

/** The text layout: records are formatted here and written straight to the destination. */
function textLogger(level: LogLevel, stream: Destination, state: SharedState, bindings: LogFields): Logger {
  const isLevelEnabled = (wanted: LogLevel): boolean => LEVEL_RANK[wanted] >= LEVEL_RANK[level];
  const write = (wanted: LogLevel, msg: string, fields?: LogFields): void => {
    if (state.isClosed || !isLevelEnabled(wanted)) return;
    // The caller's file and line, as TiDB prints them; a stack is cheap next to a log line's I/O.
    const caller = callerOf(new Error().stack);
    stream.write(formatTextRecord(wanted, new Date(), caller, msg, fields === undefined ? bindings : { ...bindings, ...fields }));
  };
  return {
    ...levelMethods(write),
    isLevelEnabled,
    child: (fields) => textLogger(level, stream, state, { ...bindings, ...fields }),
    ...lifecycle(state),
  };
}

type Write = (level: LogLevel, msg: string, fields?: LogFields) => void;

function levelMethods(write: Write): Pick<Logger, LogLevel | 'log'> {
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    log: write,
  };
}

function lifecycle(state: SharedState): Pick<Logger, 'flushSync' | 'reopen' | 'currentFile' | 'close'> {
  return {
    flushSync: () => {
      if (!state.isClosed) state.destination.stream.flushSync();
    },
    reopen: () => {
      if (!state.isClosed) state.destination.reopen();
    },
    currentFile: () => state.destination.currentFile(),
    close: () => {
      state.closing ??= closeDestination(state);
      return state.closing;
    },
  };
}

function closeDestination(state: SharedState): Promise<void> {
  state.isClosed = true;
  const stream = state.destination.stream;
  return new Promise((resolve) => {
    // A failed final fsync/close is reported by the 'error' listener; closing still counts as done.
    stream.once('close', () => resolve());
    stream.once('error', () => resolve());
    stream.end();
  });
}
