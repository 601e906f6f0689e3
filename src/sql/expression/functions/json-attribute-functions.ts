// Describing JSON: JSON_LENGTH, JSON_DEPTH, JSON_TYPE, JSON_VALID, JSON_PRETTY, JSON_STORAGE_SIZE.
// https://dev.mysql.com/doc/refman/8.0/en/json-attribute-functions.html
import { JsonType, JsonValue, isValidJsonText, isJsonArray, isJsonObject } from '../../types/index.js';
import type { JsonNode } from '../../types/index.js';
import { BIGINT_TYPE, BOOL_RESULT_TYPE, JSON_TEXT_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { documentArg, documentOrPathTarget, jsonFunction, pathReader } from './json-args.js';

/** JSON_LENGTH(doc[, path]): elements of an array, members of an object, 1 for a scalar; NULL when the path misses. */
const jsonLength: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 2,
  compile: (args, context, call) => {
    const readPath = pathReader();
    return jsonFunction(1, 2, (values) => {
      const target = documentOrPathTarget(values, readPath, 'json_length');
      if (target === null) return null;
      return BigInt(target.type === JsonType.array || target.type === JsonType.object ? target.buffer.readUInt32LE(target.at) : 1);
    }, BIGINT_TYPE).compile(args, context, call);
  },
};

/** The depth of a node: 1 for a scalar or an empty container, else one more than its deepest child. */
function depth(node: JsonNode): number {
  const children = isJsonArray(node) ? node : isJsonObject(node) ? [...node.values()] : [];
  return children.length === 0 ? 1 : 1 + Math.max(...children.map(depth));
}

const jsonDepth = jsonFunction(1, 1, ([value]) => {
  const document = documentArg(value ?? null, 0, 'json_depth');
  return document === null ? null : BigInt(depth(document.toNode()));
}, BIGINT_TYPE);

const jsonTypeFunction = jsonFunction(1, 1, ([value]) => documentArg(value ?? null, 0, 'json_type')?.typeName ?? null, varcharType(16));

/** JSON_VALID(value): 1 for JSON and for text that parses, 0 for anything else; NULL for NULL. */
const jsonValid = jsonFunction(1, 1, ([value]) => {
  if (value === null || value === undefined) return null;
  if (value instanceof JsonValue) return 1n;
  return typeof value === 'string' && isValidJsonText(value) ? 1n : 0n;
}, BOOL_RESULT_TYPE);

const jsonPretty = jsonFunction(1, 1, ([value]) => documentArg(value ?? null, 0, 'json_pretty')?.toPrettyString() ?? null, JSON_TEXT_TYPE);

/** JSON_STORAGE_SIZE(doc): the bytes of the binary form (TidalDB's binary format, so the figures differ from MySQL's). */
const jsonStorageSize = jsonFunction(1, 1, ([value]) => {
  const document = documentArg(value ?? null, 0, 'json_storage_size');
  return document === null ? null : BigInt(document.storageSize);
}, BIGINT_TYPE);

export const jsonAttributeFunctions: ReadonlyMap<string, BuiltinFunction> = new Map([
  ['JSON_LENGTH', jsonLength],
  ['JSON_DEPTH', jsonDepth],
  ['JSON_TYPE', jsonTypeFunction],
  ['JSON_VALID', jsonValid],
  ['JSON_PRETTY', jsonPretty],
  ['JSON_STORAGE_SIZE', jsonStorageSize],
]);
