// jsonText: a binary JSON value as MySQL prints it: `{"a": 1, "b": [true, null]}` (", " and ": " separators), or
// JSON_PRETTY's indented form; strings quoted and escaped, temporal values with six fraction digits.
import { formatDouble } from '../format-double.js';
import { MysqlDateTime } from '../mysql-datetime.js';
import { MysqlTime } from '../mysql-time.js';
import { JsonLiteral, JsonType, containerCount, containerValue, objectKey, readLength } from './json-binary.js';
import { OpaqueFieldType } from './json-node.js';

/** The text of the value of `type` whose payload starts at `at`; `isPretty` for JSON_PRETTY's layout. */
export function jsonText(type: JsonType, buffer: Buffer, at: number, isPretty = false): string {
  const parts: string[] = [];
  write(parts, type, buffer, at, isPretty ? 0 : -1);
  return parts.join('');
}

/** `indent` < 0: compact; else the current depth of pretty printing. */
function write(parts: string[], type: JsonType, buffer: Buffer, at: number, indent: number): void {
  switch (type) {
    case JsonType.object:
    case JsonType.array: {
      const isObject = type === JsonType.object;
      const count = containerCount(buffer, at);
      const [open, close] = isObject ? ['{', '}'] : ['[', ']'];
      if (count === 0) {
        parts.push(open, close);
        return;
      }
      parts.push(open);
      const inner = indent < 0 ? -1 : indent + 1;
      for (let i = 0; i < count; i++) {
        if (i > 0) parts.push(indent < 0 ? ', ' : ',');
        if (indent >= 0) parts.push('\n', '  '.repeat(inner));
        if (isObject) parts.push(quoteJsonString(objectKey(buffer, at, i)), ': ');
        const slot = containerValue(buffer, at, isObject, i);
        write(parts, slot.type, buffer, slot.at, inner);
      }
      if (indent >= 0) parts.push('\n', '  '.repeat(indent));
      parts.push(close);
      return;
    }
    default:
      parts.push(scalarText(type, buffer, at));
  }
}

/** The text of a scalar (strings quoted). */
function scalarText(type: JsonType, buffer: Buffer, at: number): string {
  switch (type) {
    case JsonType.literal:
      return buffer[at] === JsonLiteral.null ? 'null' : buffer[at] === JsonLiteral.true ? 'true' : 'false';
    case JsonType.int64:
      return buffer.readBigInt64LE(at).toString();
    case JsonType.uint64:
      return buffer.readBigUInt64LE(at).toString();
    case JsonType.float64:
      return formatJsonDouble(buffer.readDoubleLE(at));
    case JsonType.string: {
      const { length, start } = readLength(buffer, at);
      return quoteJsonString(buffer.toString('utf8', start, start + length));
    }
    case JsonType.opaque: {
      const fieldType = buffer[at]!;
      const { length, start } = readLength(buffer, at + 1);
      if (fieldType === OpaqueFieldType.newDecimal) return buffer.toString('latin1', start, start + length);
      return `"base64:type${fieldType}:${buffer.toString('base64', start, start + length)}"`;
    }
    case JsonType.date:
    case JsonType.datetime:
    case JsonType.timestamp:
    case JsonType.time:
      return `"${temporalText(type, buffer, at)}"`;
    default:
      return '';
  }
}

/** A JSON temporal value's text without quotes: dates as YYYY-MM-DD, times and datetimes with six digits. */
export function temporalText(type: JsonType, buffer: Buffer, at: number): string {
  if (type === JsonType.time) return new MysqlTime(Number(buffer.readBigInt64LE(at)), 6).toString();
  const kind = type === JsonType.date ? 'date' : 'datetime';
  return MysqlDateTime.unpack(buffer.readBigUInt64LE(at), kind, kind === 'date' ? 0 : 6).toString();
}

/** A double as MySQL prints it inside JSON: shortest digits, with `.0` added to a whole number (`1.0`, `1e300`). */
export function formatJsonDouble(value: number): string {
  const text = formatDouble(value);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

const STRING_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A string as a JSON string literal: `"`, `\` and control characters escaped, everything else as it is. */
export function quoteJsonString(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/["\\\u0000-\u001f]/.test(text)) return `"${text}"`;
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/["\\\u0000-\u001f]/g, (c) => STRING_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
