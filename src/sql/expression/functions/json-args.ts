// Shared by the JSON function families: reading document, path and value arguments with MySQL's errors.
import { mysqlError, ER_INVALID_JSON_PATH_WILDCARD, ER_JSON_BAD_ONE_OR_ALL_ARG } from '../../../errors/index.js';
import { JsonValue, jsonDocumentArgument, parseJsonPath, seekJsonPath, sqlToJsonNode, toText } from '../../types/index.js';
import type { FieldType, JsonNode, JsonPath, SqlValue } from '../../types/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { JSON_TYPE } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';

/** MySQL names functions in its errors in lower case (`json_extract`). */
export function errorName(name: string): string {
  return name.toLowerCase();
}

/** Argument `index` (0-based) of `functionName` read as a JSON document; null for NULL. */
export function documentArg(value: SqlValue, index: number, functionName: string): JsonValue | null {
  return jsonDocumentArgument(value, index, functionName);
}

/**
 * A path argument reader: parses each distinct path text once (paths are nearly always constants), so a query
 * over many rows parses its path a single time.
 */
export function pathReader(): (value: SqlValue) => JsonPath | null {
  let lastText: string | undefined;
  let lastPath: JsonPath | undefined;
  return (value) => {
    if (value === null) return null;
    const text = toText(value) ?? '';
    if (text !== lastText || lastPath === undefined) {
      lastPath = parseJsonPath(text);
      lastText = text;
    }
    return lastPath;
  };
}

/** Throws 3149 for a path with `*`, `**` or a range where one place is needed. */
export function requireSinglePath(path: JsonPath): JsonPath {
  if (path.canMatchMany) throw mysqlError(ER_INVALID_JSON_PATH_WILDCARD);
  return path;
}

/** The 'one' / 'all' argument of JSON_CONTAINS_PATH and JSON_SEARCH (3154 for anything else). */
/**
 * The value a `(doc[, path])` function reads: the document, or the one value at its path; null for a NULL argument
 * or a path that finds nothing.
 */
export function documentOrPathTarget(values: readonly SqlValue[], readPath: (value: SqlValue) => JsonPath | null, functionName: string): JsonValue | null {
  const document = documentArg(values[0] ?? null, 0, functionName);
  if (document === null || values.length < 2) return document;
  const path = readPath(values[1] ?? null);
  if (path === null) return null;
  return seekJsonPath(document, requireSinglePath(path), true)[0] ?? null;
}

export function oneOrAll(value: SqlValue, functionName: string): 'one' | 'all' {
  const text = (toText(value) ?? '').toLowerCase();
  if (text === 'one' || text === 'all') return text;
  throw mysqlError(ER_JSON_BAD_ONE_OR_ALL_ARG, functionName);
}

/** A value argument as the JSON value it becomes (by its static type: predicates are booleans, and so on). */
export function valueArg(value: SqlValue, type: FieldType): JsonNode {
  return sqlToJsonNode(value, type);
}

/** A JSON function: evaluated once when every argument is constant (see `lazyFoldCall`), else per row. */
export function jsonFunction(
  minArgs: number,
  maxArgs: number,
  apply: (values: readonly SqlValue[], args: readonly CompiledExpr[]) => SqlValue,
  type: FieldType = JSON_TYPE,
): BuiltinFunction {
  return { minArgs, maxArgs, compile: (args) => lazyFoldCall(args, type, (values) => apply(values, args)) };
}

/**
 * Like `foldCall`, but a call of constants runs at its first evaluation, not while compiling: JSON functions refuse
 * arguments (3146 for a number where a document belongs) that a prepared statement's planning stands in for its
 * `?` markers, and a statement must not fail before its real parameters are bound.
 */
export function lazyFoldCall(args: readonly CompiledExpr[], type: FieldType, apply: (values: readonly SqlValue[]) => SqlValue): CompiledExpr {
  if (!args.every((arg) => arg.constantValue !== undefined)) return { type, isNullable: true, evaluate: (row) => apply(args.map((arg) => arg.evaluate(row))) };
  let result: { value: SqlValue } | undefined;
  return {
    type,
    isNullable: true,
    evaluate: () => (result ??= { value: apply(args.map((arg) => arg.constantValue ?? null)) }).value,
  };
}

/** A node as a JSON SqlValue. */
export function jsonResult(node: JsonNode): JsonValue {
  return JsonValue.fromNode(node);
}
