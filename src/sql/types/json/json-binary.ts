// The binary JSON format (modelled on TiDB's and MySQL's): a type code, then a payload that containers index by
// offsets, so that a path can reach one member without decoding the rest of the document.
//
// Payloads by type code (integers little endian):
//   literal   1 byte: 0 null, 1 true, 2 false
//   int64 / uint64 / float64   8 bytes
//   string    LEB128 byte length, then UTF-8
//   opaque    1 byte MySQL field type, LEB128 length, bytes (a DECIMAL is opaque type 246 holding its text)
//   date / datetime / timestamp   8 bytes: MysqlDateTime.pack();   time   8 bytes: signed microseconds
//   array     u32 count, u32 size of the whole payload, count × value entry, then the values
//   object    u32 count, u32 size, count × key entry (u32 offset, u16 length), count × value entry, keys, values
// A value entry is 1 type byte and a u32: the value's offset from the container's start, or for a literal the
// literal itself (inlined). Object keys are unique and sorted by byte length, then bytes, as MySQL sorts them.
import { Decimal } from 'decimal.js';
import { MysqlDateTime } from '../mysql-datetime.js';
import { MysqlTime } from '../mysql-time.js';
import { JsonDecimal, JsonOpaque, JsonUint, OpaqueFieldType, compareJsonKeys } from './json-node.js';
import type { JsonNode } from './json-node.js';

/** The type code before every binary JSON value. */
export const JsonType = {
  object: 0x01,
  array: 0x03,
  literal: 0x04,
  int64: 0x09,
  uint64: 0x0a,
  float64: 0x0b,
  string: 0x0c,
  opaque: 0x0d,
  date: 0x0e,
  datetime: 0x0f,
  timestamp: 0x10,
  time: 0x11,
} as const;
export type JsonType = (typeof JsonType)[keyof typeof JsonType];

/** The byte of a literal payload. */
export const JsonLiteral = { null: 0, true: 1, false: 2 } as const;

const HEADER_BYTES = 8;
const KEY_ENTRY_BYTES = 6;
const VALUE_ENTRY_BYTES = 5;
const MAX_KEY_BYTES = 0xffff;

/** An encoded value: its type code and payload. */
export interface EncodedJson {
  readonly type: JsonType;
  readonly payload: Buffer;
}

/** Encodes a node into its type code and payload. Throws RangeError for a key longer than 65,535 bytes. */
export function encodeJsonNode(node: JsonNode): EncodedJson {
  if (node === null) return { type: JsonType.literal, payload: Buffer.of(JsonLiteral.null) };
  if (typeof node === 'boolean') return { type: JsonType.literal, payload: Buffer.of(node ? JsonLiteral.true : JsonLiteral.false) };
  if (typeof node === 'bigint') return { type: JsonType.int64, payload: fixed64((b) => b.writeBigInt64LE(node)) };
  if (typeof node === 'number') return { type: JsonType.float64, payload: fixed64((b) => b.writeDoubleLE(node)) };
  if (typeof node === 'string') return { type: JsonType.string, payload: withLength(Buffer.from(node, 'utf8')) };
  if (node instanceof JsonUint) return { type: JsonType.uint64, payload: fixed64((b) => b.writeBigUInt64LE(node.value)) };
  if (node instanceof Decimal) {
    const text = node instanceof JsonDecimal ? node.toFixed(node.scale) : node.toFixed();
    return { type: JsonType.opaque, payload: opaque(OpaqueFieldType.newDecimal, Buffer.from(text, 'latin1')) };
  }
  if (node instanceof JsonOpaque) return { type: JsonType.opaque, payload: opaque(node.fieldType, node.bytes) };
  if (node instanceof MysqlDateTime) {
    const type = node.kind === 'date' ? JsonType.date : node.kind === 'timestamp' ? JsonType.timestamp : JsonType.datetime;
    return { type, payload: fixed64((b) => b.writeBigUInt64LE(node.pack())) };
  }
  if (node instanceof MysqlTime) return { type: JsonType.time, payload: fixed64((b) => b.writeBigInt64LE(BigInt(node.micros))) };
  if (Array.isArray(node)) return { type: JsonType.array, payload: encodeContainer([], node) };
  const keys = [...node.keys()].sort(compareJsonKeys);
  return { type: JsonType.object, payload: encodeContainer(keys, keys.map((key) => node.get(key) ?? null)) };
}

function fixed64(write: (buffer: Buffer) => void): Buffer {
  const buffer = Buffer.allocUnsafe(8);
  write(buffer);
  return buffer;
}

function opaque(fieldType: number, bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.of(fieldType), withLength(bytes)]);
}

function withLength(bytes: Buffer): Buffer {
  const prefix: number[] = [];
  let length = bytes.length;
  do {
    const low = length & 0x7f;
    length = Math.floor(length / 128);
    prefix.push(length > 0 ? low | 0x80 : low);
  } while (length > 0);
  return Buffer.concat([Buffer.from(prefix), bytes]);
}

/** An array (no keys) or an object (sorted keys, one value each). */
function encodeContainer(keys: readonly string[], values: readonly JsonNode[]): Buffer {
  const count = values.length;
  const keyBytes = keys.map((key) => Buffer.from(key, 'utf8'));
  const encoded = values.map(encodeJsonNode);
  const entriesEnd = HEADER_BYTES + keys.length * KEY_ENTRY_BYTES + count * VALUE_ENTRY_BYTES;
  let size = entriesEnd;
  for (const key of keyBytes) {
    if (key.length > MAX_KEY_BYTES) throw new RangeError('JSON key too long');
    size += key.length;
  }
  for (const value of encoded) if (value.type !== JsonType.literal) size += value.payload.length;
  const out = Buffer.allocUnsafe(size);
  out.writeUInt32LE(count, 0);
  out.writeUInt32LE(size, 4);
  let at = entriesEnd;
  keyBytes.forEach((key, i) => {
    out.writeUInt32LE(at, HEADER_BYTES + i * KEY_ENTRY_BYTES);
    out.writeUInt16LE(key.length, HEADER_BYTES + i * KEY_ENTRY_BYTES + 4);
    key.copy(out, at);
    at += key.length;
  });
  const valueEntries = HEADER_BYTES + keys.length * KEY_ENTRY_BYTES;
  encoded.forEach((value, i) => {
    const entry = valueEntries + i * VALUE_ENTRY_BYTES;
    out[entry] = value.type;
    if (value.type === JsonType.literal) {
      out.writeUInt32LE(value.payload[0]!, entry + 1);
      return;
    }
    out.writeUInt32LE(at, entry + 1);
    value.payload.copy(out, at);
    at += value.payload.length;
  });
  return out;
}

/** Reads a LEB128 length at `at`: the length and where the bytes after it start. */
export function readLength(buffer: Buffer, at: number): { readonly length: number; readonly start: number } {
  let length = 0;
  let factor = 1;
  let position = at;
  for (;;) {
    const byte = buffer[position++];
    if (byte === undefined) throw new RangeError('corrupt JSON value: truncated length');
    length += (byte & 0x7f) * factor;
    if (byte < 0x80) return { length, start: position };
    factor *= 128;
  }
}

/** The number of payload bytes of the value of `type` starting at `at`. */
export function payloadSize(type: JsonType, buffer: Buffer, at: number): number {
  switch (type) {
    case JsonType.literal:
      return 1;
    case JsonType.object:
    case JsonType.array:
      return buffer.readUInt32LE(at + 4);
    case JsonType.string: {
      const { length, start } = readLength(buffer, at);
      return start - at + length;
    }
    case JsonType.opaque: {
      const { length, start } = readLength(buffer, at + 1);
      return start - at + length;
    }
    default:
      return 8;
  }
}

/** The element or member count of the container at `at`. */
export function containerCount(buffer: Buffer, at: number): number {
  return buffer.readUInt32LE(at);
}

/** Where the value entry `index` of the container at `at` (with `keyCount` key entries) is. */
function valueEntry(buffer: Buffer, at: number, keyCount: number, index: number): number {
  return at + HEADER_BYTES + keyCount * KEY_ENTRY_BYTES + index * VALUE_ENTRY_BYTES;
}

/** A value inside a container: its type and where its payload starts (a literal's payload is its entry's u32). */
export interface JsonSlot {
  readonly type: JsonType;
  readonly at: number;
}

/** The `index`th value of the container at `at` (`isObject` tells the layout). */
export function containerValue(buffer: Buffer, at: number, isObject: boolean, index: number): JsonSlot {
  const entry = valueEntry(buffer, at, isObject ? containerCount(buffer, at) : 0, index);
  const type = buffer[entry] as JsonType;
  // A literal is inlined: its byte is the first of the entry's u32 (little endian), so it reads in place.
  return type === JsonType.literal ? { type, at: entry + 1 } : { type, at: at + buffer.readUInt32LE(entry + 1) };
}

/** The UTF-8 bytes of key `index` of the object at `at`, as [start, end). */
export function objectKeyRange(buffer: Buffer, at: number, index: number): readonly [number, number] {
  const entry = at + HEADER_BYTES + index * KEY_ENTRY_BYTES;
  const start = at + buffer.readUInt32LE(entry);
  return [start, start + buffer.readUInt16LE(entry + 4)];
}

/** Key `index` of the object at `at`. */
export function objectKey(buffer: Buffer, at: number, index: number): string {
  const [start, end] = objectKeyRange(buffer, at, index);
  return buffer.toString('utf8', start, end);
}

/** The index of `key` (as UTF-8 bytes) in the object at `at`, or -1: a binary search over the sorted keys. */
export function findObjectKey(buffer: Buffer, at: number, key: Buffer): number {
  let low = 0;
  let high = containerCount(buffer, at) - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const [start, end] = objectKeyRange(buffer, at, middle);
    const order = end - start !== key.length ? end - start - key.length : buffer.compare(key, 0, key.length, start, end);
    if (order < 0) low = middle + 1;
    else if (order > 0) high = middle - 1;
    else return middle;
  }
  return -1;
}

/** Decodes the value of `type` at `at` into a node. */
export function decodeJsonNode(type: JsonType, buffer: Buffer, at: number): JsonNode {
  switch (type) {
    case JsonType.literal:
      return buffer[at] === JsonLiteral.null ? null : buffer[at] === JsonLiteral.true;
    case JsonType.int64:
      return buffer.readBigInt64LE(at);
    case JsonType.uint64:
      return new JsonUint(buffer.readBigUInt64LE(at));
    case JsonType.float64:
      return buffer.readDoubleLE(at);
    case JsonType.string: {
      const { length, start } = readLength(buffer, at);
      return buffer.toString('utf8', start, start + length);
    }
    case JsonType.opaque: {
      const fieldType = buffer[at]!;
      const { length, start } = readLength(buffer, at + 1);
      if (fieldType === OpaqueFieldType.newDecimal) return JsonDecimal.fromText(buffer.toString('latin1', start, start + length));
      return new JsonOpaque(fieldType, Buffer.from(buffer.subarray(start, start + length)));
    }
    case JsonType.date:
      return MysqlDateTime.unpack(buffer.readBigUInt64LE(at), 'date', 0);
    case JsonType.datetime:
    case JsonType.timestamp:
      return MysqlDateTime.unpack(buffer.readBigUInt64LE(at), type === JsonType.datetime ? 'datetime' : 'timestamp', 6);
    case JsonType.time:
      return new MysqlTime(Number(buffer.readBigInt64LE(at)), 6);
    case JsonType.array: {
      const count = containerCount(buffer, at);
      const out: JsonNode[] = new Array<JsonNode>(count);
      for (let i = 0; i < count; i++) {
        const slot = containerValue(buffer, at, false, i);
        out[i] = decodeJsonNode(slot.type, buffer, slot.at);
      }
      return out;
    }
    case JsonType.object: {
      const count = containerCount(buffer, at);
      const out = new Map<string, JsonNode>();
      for (let i = 0; i < count; i++) {
        const slot = containerValue(buffer, at, true, i);
        out.set(objectKey(buffer, at, i), decodeJsonNode(slot.type, buffer, slot.at));
      }
      return out;
    }
  }
}
