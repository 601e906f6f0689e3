// Between SQL values and JSON: a SQL value as a JSON value (by its type), and JSON text parsed for a column or a
// function argument with MySQL's errors (3140, 3141, 3144, 3146, 3157).
import { Decimal } from 'decimal.js';
import {
  mysqlError,
  ER_INVALID_JSON_CHARSET,
  ER_INVALID_JSON_TEXT,
  ER_INVALID_JSON_TEXT_IN_PARAM,
  ER_INVALID_TYPE_FOR_JSON,
  ER_JSON_DOCUMENT_TOO_DEEP,
} from '../../../errors/index.js';
import { TypeKind } from '../field-type.js';
import type { FieldType } from '../field-type.js';
import { MysqlDateTime } from '../mysql-datetime.js';
import { MysqlTime } from '../mysql-time.js';
import type { SqlValue } from '../sql-value.js';
import { JsonDecimal, JsonOpaque, JsonUint, OpaqueFieldType } from './json-node.js';
import type { JsonNode } from './json-node.js';
import { JsonType } from './json-binary.js';
import { parseJsonText } from './json-text-parser.js';
import { JsonValue } from './json-value.js';

const INT64_MAX = (1n << 63n) - 1n;
/** MySQL's field type of a VARBINARY / binary literal, as opaque JSON values record it (`base64:type15:…`). */
const VARBINARY_FIELD_TYPE = 15;

/**
 * A SQL value as a JSON value, as JSON_ARRAY, JSON_OBJECT, JSON_SET … and comparisons with JSON make it: a JSON
 * value stays itself, a string becomes a JSON string (it is not parsed), a number keeps its kind (an unsigned
 * integer is UNSIGNED INTEGER), a predicate (`isBoolean`) becomes true/false, temporal values keep their type,
 * binary strings become opaque values. NULL becomes the JSON null.
 */
export function sqlToJsonNode(value: SqlValue, type?: FieldType): JsonNode {
  if (value === null) return null;
  if (value instanceof JsonValue) return value.toNode();
  if (typeof value === 'bigint') {
    if (type?.isBoolean === true) return value !== 0n;
    return value > INT64_MAX || type?.isUnsigned === true ? new JsonUint(BigInt.asUintN(64, value)) : value;
  }
  if (value instanceof Decimal) return new JsonDecimal(value, type?.kind === TypeKind.Decimal && type.decimals >= 0 ? type.decimals : Math.max(value.decimalPlaces(), 0));
  if (typeof value === 'number' || typeof value === 'string' || value instanceof MysqlDateTime || value instanceof MysqlTime) return value;
  return new JsonOpaque(opaqueFieldType(type), value);
}

/** Like `sqlToJsonNode`, encoded; a JSON value is returned as it is. */
export function sqlToJsonValue(value: SqlValue, type?: FieldType): JsonValue {
  return value instanceof JsonValue ? value : JsonValue.fromNode(sqlToJsonNode(value, type));
}

function opaqueFieldType(type: FieldType | undefined): number {
  switch (type?.kind) {
    case TypeKind.Binary:
      return OpaqueFieldType.string;
    case TypeKind.TinyBlob:
    case TypeKind.Blob:
    case TypeKind.MediumBlob:
    case TypeKind.LongBlob:
      return OpaqueFieldType.blob;
    default:
      return VARBINARY_FIELD_TYPE;
  }
}

const depthError = (): Error => mysqlError(ER_JSON_DOCUMENT_TOO_DEEP);

/** Parses text stored into JSON column `column` (`table.column`): a syntax error is 3140. */
export function parseJsonForColumn(text: string, column: string): JsonValue {
  return JsonValue.fromNode(parseJsonText(text, (message, position) => mysqlError(ER_INVALID_JSON_TEXT, message, position, column), depthError));
}

/** Parses text given as argument `argIndex` (0-based) of function `functionName`: a syntax error is 3141. */
export function parseJsonArgument(text: string, argIndex: number, functionName: string): JsonValue {
  const syntaxError = (message: string, position: number): Error => mysqlError(ER_INVALID_JSON_TEXT_IN_PARAM, argIndex + 1, functionName, message, position, '');
  return JsonValue.fromNode(parseJsonText(text, syntaxError, depthError));
}

/** True when `text` is a JSON document (JSON_VALID). */
export function isValidJsonText(text: string): boolean {
  const invalid = (): Error => new InvalidJsonText();
  try {
    parseJsonText(text, invalid, invalid);
    return true;
  } catch (error) {
    if (error instanceof InvalidJsonText) return false;
    throw error;
  }
}

class InvalidJsonText extends Error {}

/**
 * A JSON document argument (`json_doc` in the manual): a JSON value as it is, a string parsed as JSON text, NULL as
 * null; a binary string is 3144 and any other type 3146, as MySQL refuses them.
 */
export function jsonDocumentArgument(value: SqlValue, argIndex: number, functionName: string): JsonValue | null {
  if (value === null) return null;
  if (value instanceof JsonValue) return value;
  if (typeof value === 'string') return parseJsonArgument(value, argIndex, functionName);
  if (Buffer.isBuffer(value)) throw mysqlError(ER_INVALID_JSON_CHARSET, 'binary');
  throw mysqlError(ER_INVALID_TYPE_FOR_JSON, argIndex + 1, functionName);
}

/** A JSON scalar as the SQL value CAST and numeric context read (booleans as 1/0); undefined for null, arrays, objects. */
export function jsonToSqlScalar(value: JsonValue): Exclude<SqlValue, JsonValue | null> | undefined {
  const node = value.type === JsonType.object || value.type === JsonType.array ? undefined : value.toNode();
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'boolean') return node ? 1n : 0n;
  if (node instanceof JsonUint) return node.value;
  if (node instanceof JsonOpaque) return node.bytes;
  if (Array.isArray(node) || node instanceof Map) return undefined;
  return node;
}

/** The value a user variable keeps: MySQL stores a JSON value as its text (utf8mb4), anything else as it is. */
export function userVariableValue(value: SqlValue): SqlValue {
  return value instanceof JsonValue ? value.toString() : value;
}
