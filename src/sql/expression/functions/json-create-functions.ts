// Building JSON: JSON_ARRAY, JSON_OBJECT, JSON_QUOTE, JSON_MERGE_PRESERVE (JSON_MERGE), JSON_MERGE_PATCH.
// https://dev.mysql.com/doc/refman/8.0/en/json-creation-functions.html
import {
  mysqlError,
  ER_INVALID_JSON_CHARSET,
  ER_INVALID_TYPE_FOR_JSON,
  ER_JSON_DOCUMENT_NULL_KEY,
  ER_WARN_DEPRECATED_SYNTAX,
  ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT,
} from '../../../errors/index.js';
import { JsonValue, isJsonArray, isJsonObject, quoteJsonString, toText } from '../../types/index.js';
import type { JsonNode, SqlValue } from '../../types/index.js';
import { JSON_TEXT_TYPE } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { documentArg, jsonFunction, jsonResult, lazyFoldCall, valueArg } from './json-args.js';

/** JSON_ARRAY(v, …): the values as JSON (strings stay strings, predicates become booleans). */
const jsonArray = jsonFunction(0, Infinity, (values, args) => jsonResult(values.map((value, i) => valueArg(value, args[i]!.type))));

/** JSON_OBJECT(k, v, …): a NULL key is 3158; a repeated key keeps its last value (MySQL 8.0.3+). */
const jsonObject: BuiltinFunction = {
  minArgs: 0,
  maxArgs: Infinity,
  compile: (args, context, call) => {
    if (args.length % 2 !== 0) throw mysqlError(ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, call.name);
    return jsonFunction(0, Infinity, (values) => {
      const object = new Map<string, JsonNode>();
      for (let i = 0; i < values.length; i += 2) {
        const key = values[i] ?? null;
        if (key === null) throw mysqlError(ER_JSON_DOCUMENT_NULL_KEY);
        object.set(toText(key) ?? '', valueArg(values[i + 1] ?? null, args[i + 1]!.type));
      }
      return jsonResult(object);
    }).compile(args, context, call);
  },
};

/** JSON_QUOTE(str): the string as a JSON string literal; only strings are accepted (3146). */
const jsonQuote: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: (args) =>
    lazyFoldCall(args, JSON_TEXT_TYPE, ([value]) => {
      if (value === null || value === undefined) return null;
      if (Buffer.isBuffer(value)) throw mysqlError(ER_INVALID_JSON_CHARSET, 'binary');
      if (typeof value !== 'string' && !(value instanceof JsonValue)) throw mysqlError(ER_INVALID_TYPE_FOR_JSON, 1, 'json_quote');
      return quoteJsonString(toText(value) ?? '');
    }),
};

/** Reads every argument as a document; undefined when one is NULL. */
function documents(values: readonly SqlValue[], functionName: string): JsonNode[] | undefined {
  const nodes: JsonNode[] = [];
  for (let i = 0; i < values.length; i++) {
    const document = documentArg(values[i] ?? null, i, functionName);
    if (document === null) return undefined;
    nodes.push(document.toNode());
  }
  return nodes;
}

/**
 * JSON_MERGE_PRESERVE's rule: two objects merge member by member (a key in both merges its two values); anything
 * else concatenates as arrays, a non-array taken as a one-element array.
 */
export function mergePreserve(a: JsonNode, b: JsonNode): JsonNode {
  if (isJsonObject(a) && isJsonObject(b)) {
    const merged = new Map(a);
    for (const [key, value] of b) merged.set(key, merged.has(key) ? mergePreserve(merged.get(key) ?? null, value) : value);
    return merged;
  }
  return [...(isJsonArray(a) ? a : [a]), ...(isJsonArray(b) ? b : [b])];
}

function mergePreserveFunction(functionName: string, deprecation?: string): BuiltinFunction {
  return {
    minArgs: 2,
    maxArgs: Infinity,
    compile: (args, context, call) => {
      if (deprecation !== undefined) context.session.warnings.warn(mysqlError(ER_WARN_DEPRECATED_SYNTAX, call.name, deprecation));
      return jsonFunction(2, Infinity, (values) => {
        const nodes = documents(values, functionName);
        return nodes === undefined ? null : jsonResult(nodes.slice(1).reduce(mergePreserve, nodes[0]!));
      }).compile(args, context, call);
    },
  };
}

/** RFC 7396 merge patch: an object patch edits the target member by member (null removes); anything else replaces. */
export function mergePatch(target: JsonNode, patch: JsonNode): JsonNode {
  if (!isJsonObject(patch)) return patch;
  const merged = isJsonObject(target) ? new Map(target) : new Map<string, JsonNode>();
  for (const [key, value] of patch) {
    if (value === null) merged.delete(key);
    else merged.set(key, mergePatch(merged.get(key) ?? null, value));
  }
  return merged;
}

/**
 * JSON_MERGE_PATCH(doc, doc, …): patches applied left to right. A NULL argument makes the result NULL until a later
 * patch that is not an object replaces it, as in MySQL.
 */
const jsonMergePatch = jsonFunction(2, Infinity, (values) => {
  let result: JsonNode | undefined;
  for (let i = 0; i < values.length; i++) {
    const document = documentArg(values[i] ?? null, i, 'json_merge_patch');
    const node = document === null ? undefined : document.toNode();
    if (i === 0 || node === undefined || !isJsonObject(node)) result = node;
    else if (result !== undefined) result = mergePatch(result, node);
  }
  return result === undefined ? null : jsonResult(result);
});

export const jsonCreateFunctions: ReadonlyMap<string, BuiltinFunction> = new Map([
  ['JSON_ARRAY', jsonArray],
  ['JSON_OBJECT', jsonObject],
  ['JSON_QUOTE', jsonQuote],
  ['JSON_MERGE_PRESERVE', mergePreserveFunction('json_merge_preserve')],
  ['JSON_MERGE', mergePreserveFunction('json_merge', 'JSON_MERGE_PRESERVE/JSON_MERGE_PATCH')],
  ['JSON_MERGE_PATCH', jsonMergePatch],
]);
