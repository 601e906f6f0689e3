// JsonNode: a JSON document as a JS tree, the form functions build and edit before it is encoded to binary.
import { Decimal } from 'decimal.js';
import { MysqlDateTime } from '../mysql-datetime.js';
import { MysqlTime } from '../mysql-time.js';

/** A JSON integer that MySQL keeps as UNSIGNED INTEGER (from an unsigned column, or above int64's maximum). */
export class JsonUint {
  constructor(readonly value: bigint) {}
}

/** A DECIMAL inside JSON: it prints with its scale (`1.50`), as MySQL's does; elsewhere it is an ordinary Decimal. */
export class JsonDecimal extends Decimal {
  constructor(
    value: Decimal.Value,
    readonly scale: number,
  ) {
    super(value);
  }

  /** Reads a decimal's text, keeping the digits after its point as its scale. */
  static fromText(text: string): JsonDecimal {
    const point = text.indexOf('.');
    return new JsonDecimal(text, point < 0 ? 0 : text.length - point - 1);
  }
}

/**
 * A MySQL value without a JSON form of its own (a binary string, a BIT value), kept with the MySQL field type it
 * came from, as MySQL's JSON "opaque" values are. It prints as `"base64:typeNN:…"`.
 */
export class JsonOpaque {
  constructor(
    readonly fieldType: number,
    readonly bytes: Buffer,
  ) {}
}

/**
 * One JSON value: `null`, a boolean, an INTEGER (bigint in the int64 range), an UNSIGNED INTEGER (`JsonUint`), a
 * DOUBLE (number), a DECIMAL, a string, a DATE/DATETIME/TIMESTAMP, a TIME, an opaque value, an array or an object.
 * An object's keys are unique; their order is irrelevant here (the binary form sorts them).
 */
export type JsonNode = JsonScalar | JsonNode[] | JsonObject;
export type JsonScalar = null | boolean | bigint | number | string | JsonUint | Decimal | MysqlDateTime | MysqlTime | JsonOpaque;
export type JsonObject = Map<string, JsonNode>;

/** True for a JSON object node. */
export function isJsonObject(node: JsonNode): node is JsonObject {
  return node instanceof Map;
}

/** True for a JSON array node. */
export function isJsonArray(node: JsonNode): node is JsonNode[] {
  return Array.isArray(node);
}

/** MySQL's JSON_TYPE name of a node. */
export function jsonNodeTypeName(node: JsonNode): string {
  if (node === null) return 'NULL';
  if (typeof node === 'boolean') return 'BOOLEAN';
  if (typeof node === 'bigint') return 'INTEGER';
  if (typeof node === 'number') return 'DOUBLE';
  if (typeof node === 'string') return 'STRING';
  if (node instanceof JsonUint) return 'UNSIGNED INTEGER';
  if (node instanceof Decimal) return 'DECIMAL';
  if (node instanceof MysqlDateTime) return node.kind === 'date' ? 'DATE' : 'DATETIME';
  if (node instanceof MysqlTime) return 'TIME';
  if (node instanceof JsonOpaque) return opaqueTypeName(node.fieldType);
  return Array.isArray(node) ? 'ARRAY' : 'OBJECT';
}

/** MySQL's field type codes that opaque JSON values name (enum_field_types). */
export const OpaqueFieldType = { bit: 16, newDecimal: 246, tinyBlob: 249, mediumBlob: 250, longBlob: 251, blob: 252, varString: 253, string: 254, geometry: 255 } as const;

function opaqueTypeName(fieldType: number): string {
  switch (fieldType) {
    case OpaqueFieldType.bit:
      return 'BIT';
    case OpaqueFieldType.geometry:
      return 'GEOMETRY';
    case OpaqueFieldType.tinyBlob:
    case OpaqueFieldType.mediumBlob:
    case OpaqueFieldType.longBlob:
    case OpaqueFieldType.blob:
    case OpaqueFieldType.varString:
    case OpaqueFieldType.string:
      return 'BLOB';
    default:
      return 'OPAQUE';
  }
}

/**
 * Orders object keys as MySQL stores them: shorter UTF-8 byte length first, then byte by byte. Strings made of code
 * units below U+0080 (the usual key) compare without encoding.
 */
export function compareJsonKeys(a: string, b: string): number {
  if (isAscii(a) && isAscii(b)) {
    if (a.length !== b.length) return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  if (x.length !== y.length) return x.length - y.length;
  return Buffer.compare(x, y);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
