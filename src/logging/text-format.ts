// TiDB's text log layout: `[time] [LEVEL] [file:line] ["message"] [key=value]…`, quoting as pingcap/log does.
// https://docs.pingcap.com/tidb/stable/tidb-configuration-file#format
import type { LogFields, LogLevel } from './logger.js';

/** One record of the text layout, ending in a newline. */
export function formatTextRecord(level: LogLevel, time: Date, caller: string, msg: string, fields: LogFields): string {
  let line = `[${formatTime(time)}] [${level.toUpperCase()}] [${caller}] [${quoteIfNeeded(msg)}]`;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value instanceof Error) {
      line += ` [error=${quoteIfNeeded(value.message)}]`;
      if (value.stack !== undefined) line += ` [errorVerbose=${quoteIfNeeded(value.stack)}]`;
      continue;
    }
    line += ` [${quoteIfNeeded(key)}=${quoteIfNeeded(valueText(value))}]`;
  }
  return `${line}\n`;
}

/** `2024/01/02 15:04:05.123 +08:00`, in local time, as TiDB writes it. */
export function formatTime(time: Date): string {
  const offset = -time.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const date = `${time.getFullYear()}/${pad(time.getMonth() + 1)}/${pad(time.getDate())}`;
  const clock = `${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}.${String(time.getMilliseconds()).padStart(3, '0')}`;
  return `${date} ${clock} ${zone}`;
}

/** `connection.ts:123` for the first stack frame outside the logging module, or `<unknown>`. */
export function callerOf(stack: string | undefined): string {
  for (const frame of (stack ?? '').split('\n').slice(1)) {
    const match = /([^/\\(\s]+):(\d+):\d+\)?$/.exec(frame.trim());
    if (match === null || frame.includes('/logging/')) continue;
    return `${match[1]}:${match[2]}`;
  }
  return '<unknown>';
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner)) ?? typeof value;
}

/** Quotes text holding spaces, control characters, quotes, backslashes, brackets or `=`, with JSON escapes. */
function quoteIfNeeded(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= SPACE || NEEDS_QUOTES.has(code)) return JSON.stringify(text);
  }
  return text;
}

const SPACE = 0x20;
/** `"`, `\`, `[`, `]`, `=`: the characters pingcap/log's text encoder quotes besides spaces and controls. */
const NEEDS_QUOTES = new Set([0x22, 0x5c, 0x5b, 0x5d, 0x3d]);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
