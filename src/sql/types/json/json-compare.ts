// compareJsonNodes: MySQL's order of JSON values: by type precedence first, then within a type.
// https://dev.mysql.com/doc/refman/8.0/en/json.html#json-comparison
import { Decimal } from 'decimal.js';
import { MysqlDateTime } from '../mysql-datetime.js';
import { MysqlTime } from '../mysql-time.js';
import { JsonOpaque, JsonUint, OpaqueFieldType, compareJsonKeys, isJsonArray, isJsonObject } from './json-node.js';
import type { JsonNode } from './json-node.js';

/** Precedence from lowest to highest: NULL, numbers, STRING, OBJECT, ARRAY, BOOLEAN, DATE, TIME, DATETIME, OPAQUE, BIT, BLOB. */
const Rank = { null: 0, number: 1, string: 2, object: 3, array: 4, boolean: 5, date: 6, time: 7, datetime: 8, opaque: 9, bit: 10, blob: 11 } as const;

function rank(node: JsonNode): number {
  if (node === null) return Rank.null;
  if (typeof node === 'boolean') return Rank.boolean;
  if (typeof node === 'bigint' || typeof node === 'number' || node instanceof JsonUint || node instanceof Decimal) return Rank.number;
  if (typeof node === 'string') return Rank.string;
  if (node instanceof MysqlDateTime) return node.kind === 'date' ? Rank.date : Rank.datetime;
  if (node instanceof MysqlTime) return Rank.time;
  if (node instanceof JsonOpaque) return node.fieldType === OpaqueFieldType.bit ? Rank.bit : isBlobType(node.fieldType) ? Rank.blob : Rank.opaque;
  return isJsonArray(node) ? Rank.array : Rank.object;
}

function isBlobType(fieldType: number): boolean {
  return fieldType === 15 || (fieldType >= OpaqueFieldType.tinyBlob && fieldType <= OpaqueFieldType.string);
}

/**
 * Compares two JSON values as MySQL does: a value of a higher-precedence type is greater; numbers compare by value
 * across INTEGER, UNSIGNED INTEGER, DOUBLE and DECIMAL; strings by their UTF-8 bytes; arrays element by element
 * (a prefix first); objects are equal when they hold the same keys with equal values (other objects are ordered
 * consistently but arbitrarily, as MySQL leaves it unspecified).
 */
export function compareJsonNodes(a: JsonNode, b: JsonNode): number {
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case Rank.null:
      return 0;
    case Rank.number:
      return compareNumbers(a, b);
    case Rank.string:
      return compareUtf8(a as string, b as string);
    case Rank.boolean:
      return Number(a) - Number(b);
    case Rank.date:
    case Rank.datetime:
      return (a as MysqlDateTime).compare(b as MysqlDateTime);
    case Rank.time:
      return Math.sign((a as MysqlTime).micros - (b as MysqlTime).micros);
    case Rank.array:
      return compareArrays(a as JsonNode[], b as JsonNode[]);
    case Rank.object:
      return compareObjects(a as Map<string, JsonNode>, b as Map<string, JsonNode>);
    default: {
      const x = a as JsonOpaque;
      const y = b as JsonOpaque;
      return x.fieldType !== y.fieldType ? x.fieldType - y.fieldType : Buffer.compare(x.bytes, y.bytes);
    }
  }
}

function compareNumbers(a: JsonNode, b: JsonNode): number {
  const x = a instanceof JsonUint ? a.value : a;
  const y = b instanceof JsonUint ? b.value : b;
  if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  return toDecimal(x).comparedTo(toDecimal(y));
}

function toDecimal(value: JsonNode): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === 'bigint') return new Decimal(value.toString());
  return new Decimal(value as number);
}

/** Strings compare by UTF-8 bytes; for text below U+D800 that is the UTF-16 order, so only other text is encoded. */
function compareUtf8(a: string, b: string): number {
  if (/[\ud800-\uffff]/.test(a) || /[\ud800-\uffff]/.test(b)) return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareArrays(a: readonly JsonNode[], b: readonly JsonNode[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const order = compareJsonNodes(a[i] ?? null, b[i] ?? null);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareObjects(a: Map<string, JsonNode>, b: Map<string, JsonNode>): number {
  if (a.size !== b.size) return a.size - b.size;
  const keysA = [...a.keys()].sort(compareJsonKeys);
  const keysB = [...b.keys()].sort(compareJsonKeys);
  for (let i = 0; i < keysA.length; i++) {
    const order = compareJsonKeys(keysA[i]!, keysB[i]!);
    if (order !== 0) return order;
  }
  for (const key of keysA) {
    const order = compareJsonNodes(a.get(key) ?? null, b.get(key) ?? null);
    if (order !== 0) return order;
  }
  return 0;
}

/** A string equal for JSON values that compare equal (1 and 1.0 included), for GROUP BY, DISTINCT and hashing. */
export function jsonNodeKey(node: JsonNode): string {
  if (node === null) return 'n';
  if (typeof node === 'boolean') return node ? 't' : 'f';
  if (typeof node === 'string') return `s${JSON.stringify(node)}`;
  if (typeof node === 'bigint') return `#${node}`;
  if (node instanceof JsonUint) return `#${node.value}`;
  if (typeof node === 'number' || node instanceof Decimal) {
    const decimal = toDecimal(node);
    return `#${decimal.isInteger() ? decimal.toFixed(0) : decimal.toString()}`;
  }
  if (node instanceof MysqlDateTime) return `${node.kind === 'date' ? 'D' : 'T'}${node.pack()}`;
  if (node instanceof MysqlTime) return `h${node.micros}`;
  if (node instanceof JsonOpaque) return `o${node.fieldType}:${node.bytes.toString('hex')}`;
  if (isJsonArray(node)) return `[${node.map(jsonNodeKey).join(',')}]`;
  if (isJsonObject(node)) return `{${[...node.keys()].sort(compareJsonKeys).map((key) => `${JSON.stringify(key)}:${jsonNodeKey(node.get(key) ?? null)}`).join(',')}}`;
  return '?';
}
