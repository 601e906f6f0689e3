// Changing JSON: JSON_SET, JSON_INSERT, JSON_REPLACE, JSON_REMOVE, JSON_ARRAY_APPEND, JSON_ARRAY_INSERT. Each
// (path, value) pair applies in turn to the result of the previous one.
// https://dev.mysql.com/doc/refman/8.0/en/json-modification-functions.html
import { mysqlError, ER_INVALID_JSON_PATH_ARRAY_CELL, ER_JSON_VACUOUS_PATH, ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT } from '../../../errors/index.js';
import { JsonDocument, isJsonArray, isJsonObject, resolveArrayIndex } from '../../types/index.js';
import type { JsonNode, JsonPath, SqlValue } from '../../types/index.js';
import type { FuncCallExpr } from '../../ast/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import type { BuiltinFunction } from './builtin-function.js';
import { documentArg, jsonFunction, jsonResult, pathReader, requireSinglePath, valueArg } from './json-args.js';

type PairEdit = (document: JsonDocument, path: JsonPath, value: JsonNode) => void;

/** A function of (doc, path, value, path, value, …) that applies `edit` for each pair. */
function pairFunction(functionName: string, edit: PairEdit): BuiltinFunction {
  return {
    minArgs: 3,
    maxArgs: Infinity,
    compile: (args: readonly CompiledExpr[], context, call: FuncCallExpr) => {
      if (args.length % 2 === 0) throw mysqlError(ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, call.name);
      const readers = args.map(() => pathReader());
      return jsonFunction(3, Infinity, (values) => {
        const source = documentArg(values[0] ?? null, 0, functionName);
        if (source === null) return null;
        const document = new JsonDocument(source.toNode());
        for (let i = 1; i < values.length; i += 2) {
          const path = readers[i]!(values[i] ?? null);
          if (path === null) return null;
          edit(document, requireSinglePath(path), valueArg(values[i + 1] ?? null, args[i + 1]!.type));
        }
        return jsonResult(document.root);
      }).compile(args, context, call);
    },
  };
}

/**
 * Sets the place `path` names: replaces an existing value (`canReplace`), or creates a missing one (`canInsert`):
 * a new member of an object, an element appended to an array for an index past its end, or, for an index on a
 * value that is no array, that value wrapped into an array with the new one after it.
 */
function setPath(document: JsonDocument, path: JsonPath, value: JsonNode, canReplace: boolean, canInsert: boolean): void {
  const legs = path.legs;
  if (legs.length === 0) {
    if (canReplace) document.root = value;
    return;
  }
  const parent = document.findOne(legs.slice(0, -1));
  if (parent === undefined) return;
  const last = legs[legs.length - 1]!;
  const node = parent.value;
  if (last.kind === 'member') {
    if (!isJsonObject(node)) return;
    if (node.has(last.key) ? canReplace : canInsert) node.set(last.key, value);
    return;
  }
  if (last.kind !== 'cell') return;
  const length = isJsonArray(node) ? node.length : 1;
  const index = resolveArrayIndex(last.at, length);
  if (index >= 0 && index < length) {
    if (!canReplace) return;
    if (isJsonArray(node)) node[index] = value;
    else parent.replace(value);
  } else if (canInsert && index >= length) {
    if (isJsonArray(node)) node.push(value);
    else parent.replace([node, value]);
  }
}

/** JSON_REMOVE(doc, path, …): removes members and elements; `$` is 3153. */
const jsonRemove: BuiltinFunction = {
  minArgs: 2,
  maxArgs: Infinity,
  compile: (args, context, call) => {
    const readers = args.map(() => pathReader());
    return jsonFunction(2, Infinity, (values: readonly SqlValue[]) => {
      const source = documentArg(values[0] ?? null, 0, 'json_remove');
      if (source === null) return null;
      const document = new JsonDocument(source.toNode());
      for (let i = 1; i < values.length; i++) {
        const path = readers[i]!(values[i] ?? null);
        if (path === null) return null;
        requireSinglePath(path);
        if (path.legs.length === 0) throw mysqlError(ER_JSON_VACUOUS_PATH);
        const parent = document.findOne(path.legs.slice(0, -1));
        const last = path.legs[path.legs.length - 1]!;
        const node = parent?.value;
        if (last.kind === 'member' && node !== undefined && isJsonObject(node)) node.delete(last.key);
        if (last.kind === 'cell' && node !== undefined && isJsonArray(node)) {
          const index = resolveArrayIndex(last.at, node.length);
          if (index >= 0 && index < node.length) node.splice(index, 1);
        }
      }
      return jsonResult(document.root);
    }).compile(args, context, call);
  },
};

/** JSON_ARRAY_APPEND: appends to the array at the path; a value there that is no array becomes [value, new]. */
const appendEdit: PairEdit = (document, path, value) => {
  const target = document.findOne(path);
  if (target === undefined) return;
  if (isJsonArray(target.value)) target.value.push(value);
  else target.replace([target.value, value]);
};

/** JSON_ARRAY_INSERT: inserts into an array before the index the path ends with (3165 if it ends otherwise). */
const insertEdit: PairEdit = (document, path, value) => {
  const last = path.legs[path.legs.length - 1];
  if (last?.kind !== 'cell') throw mysqlError(ER_INVALID_JSON_PATH_ARRAY_CELL);
  const parent = document.findOne(path.legs.slice(0, -1));
  if (parent === undefined || !isJsonArray(parent.value)) return;
  const array = parent.value;
  const index = Math.max(resolveArrayIndex(last.at, array.length), 0);
  array.splice(Math.min(index, array.length), 0, value);
};

export const jsonModifyFunctions: ReadonlyMap<string, BuiltinFunction> = new Map([
  ['JSON_SET', pairFunction('json_set', (document, path, value) => setPath(document, path, value, true, true))],
  ['JSON_INSERT', pairFunction('json_insert', (document, path, value) => setPath(document, path, value, false, true))],
  ['JSON_REPLACE', pairFunction('json_replace', (document, path, value) => setPath(document, path, value, true, false))],
  ['JSON_REMOVE', jsonRemove],
  ['JSON_ARRAY_APPEND', pairFunction('json_array_append', appendEdit)],
  ['JSON_ARRAY_INSERT', pairFunction('json_array_insert', insertEdit)],
]);
