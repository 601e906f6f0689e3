// Reading JSON: JSON_EXTRACT (and `->`), JSON_UNQUOTE (and `->>`), JSON_VALUE … RETURNING.
// https://dev.mysql.com/doc/refman/8.0/en/json-search-functions.html
import { mysqlError, ER_MISSING_JSON_VALUE, ER_MULTIPLE_JSON_VALUES } from '../../../errors/index.js';
import { JsonType, JsonValue, parseJsonArgument, seekJsonPath, toText } from '../../types/index.js';
import type { JsonPath, SqlValue } from '../../types/index.js';
import type { FuncCallExpr, JsonValueResponse } from '../../ast/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { constantExpr } from '../compiled-expr.js';
import { JSON_TEXT_TYPE, JSON_TYPE } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { documentArg, lazyFoldCall, pathReader } from './json-args.js';
import { jsonValueConversion } from './json-value-returning.js';

/** JSON_EXTRACT(doc, path, …): the value a path selects, or an array of all selected when several can be. */
const jsonExtract: BuiltinFunction = {
  minArgs: 2,
  maxArgs: Infinity,
  compile: (args) => {
    const [docArg, ...pathArgs] = args;
    const readers = pathArgs.map(() => pathReader());
    const apply = (doc: SqlValue, paths: readonly SqlValue[]): SqlValue => {
      const document = documentArg(doc, 0, 'json_extract');
      if (document === null) return null;
      const parsed: JsonPath[] = [];
      for (let i = 0; i < paths.length; i++) {
        const path = readers[i]!(paths[i] ?? null);
        if (path === null) return null;
        parsed.push(path);
      }
      return extract(document, parsed);
    };
    return callOf(args, JSON_TYPE, apply, docArg!, pathArgs);
  },
};

/** The JSON_EXTRACT result for parsed paths. */
export function extract(document: JsonValue, paths: readonly JsonPath[]): JsonValue | null {
  if (paths.length === 1 && !paths[0]!.canMatchMany) return seekJsonPath(document, paths[0]!, true)[0] ?? null;
  const found = paths.flatMap((path) => seekJsonPath(document, path));
  return found.length === 0 ? null : JsonValue.fromNode(found.map((value) => value.toNode()));
}

/** Wraps a document + paths function: folded when constant, and with no per-row array for the usual one path. */
function callOf(
  args: readonly CompiledExpr[],
  type: CompiledExpr['type'],
  apply: (doc: SqlValue, paths: readonly SqlValue[]) => SqlValue,
  docArg: CompiledExpr,
  pathArgs: readonly CompiledExpr[],
): CompiledExpr {
  if (args.every((arg) => arg.constantValue !== undefined)) return lazyFoldCall(args, type, ([doc, ...paths]) => apply(doc ?? null, paths));
  if (pathArgs.length === 1) {
    const pathArg = pathArgs[0]!;
    const paths: SqlValue[] = [null];
    return { type, isNullable: true, evaluate: (row) => {
      paths[0] = pathArg.evaluate(row);
      return apply(docArg.evaluate(row), paths);
    } };
  }
  return { type, isNullable: true, evaluate: (row) => apply(docArg.evaluate(row), pathArgs.map((arg) => arg.evaluate(row))) };
}

/**
 * JSON_UNQUOTE(value): a JSON string's content; another JSON value's text; a SQL string that is a quoted JSON
 * string literal is unescaped (3141 when it is not valid), any other string is returned as it is.
 */
export function unquote(value: SqlValue): SqlValue {
  if (value === null) return null;
  if (value instanceof JsonValue) return value.type === JsonType.string ? (value.toNode() as string) : value.toString();
  const text = toText(value) ?? '';
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return text;
  const parsed = parseJsonArgument(text, 0, 'json_unquote');
  return parsed.type === JsonType.string ? (parsed.toNode() as string) : text;
}

const jsonUnquote: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([arg]) => {
    if (arg!.constantValue !== undefined) return constantExpr(unquote(arg!.constantValue), JSON_TEXT_TYPE);
    return { type: JSON_TEXT_TYPE, isNullable: true, evaluate: (row) => unquote(arg!.evaluate(row)) };
  },
};

/**
 * JSON_VALUE(doc, path [RETURNING type] [… ON EMPTY] [… ON ERROR]): the scalar at the path in the RETURNING type
 * (VARCHAR(512) by default). Nothing there answers ON EMPTY, several values, an array or object, or a value the
 * type cannot hold answer ON ERROR; both default to NULL. A JSON null is NULL.
 */
const jsonValue: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  clauseExprs: (call) => [call.jsonValue?.onEmpty, call.jsonValue?.onError].flatMap((response) => (response?.kind === 'DEFAULT' ? [response.value] : [])),
  compile: ([docArg, pathArg, ...defaults], _context, call: FuncCallExpr) => {
    const clauses = call.jsonValue ?? {};
    const conversion = jsonValueConversion(clauses.returning);
    const emptyDefault = clauses.onEmpty?.kind === 'DEFAULT' ? defaults.shift() : undefined;
    const errorDefault = clauses.onError?.kind === 'DEFAULT' ? defaults.shift() : undefined;
    const onEmpty = responder(clauses.onEmpty, emptyDefault, () => mysqlError(ER_MISSING_JSON_VALUE, 'json_value'));
    const onError = responder(clauses.onError, errorDefault, undefined);
    const readPath = pathReader();
    return {
      type: conversion.type,
      isNullable: true,
      evaluate: (row) => {
        let document: JsonValue | null;
        try {
          document = documentArg(docArg!.evaluate(row), 0, 'json_value');
        } catch (error) {
          return onError(error);
        }
        const path = readPath(pathArg!.evaluate(row));
        if (document === null || path === null) return null;
        const found = seekJsonPath(document, path);
        if (found.length === 0) return onEmpty(undefined);
        if (found.length > 1) return onError(mysqlError(ER_MULTIPLE_JSON_VALUES, 'json_value'));
        const value = found[0]!;
        if (value.isNull) return null;
        try {
          return conversion.convert(value);
        } catch (error) {
          return onError(error);
        }
      },
    };
  },
};

/** ON EMPTY / ON ERROR: NULL (the default), the DEFAULT value, or the error (`defaultError` for ON EMPTY's). */
function responder(response: JsonValueResponse | undefined, defaultValue: CompiledExpr | undefined, defaultError: (() => Error) | undefined): (error: unknown) => SqlValue {
  if (response?.kind === 'ERROR') {
    return (error) => {
      if (error instanceof Error) throw error;
      throw defaultError?.() ?? new Error('JSON_VALUE: no error to raise');
    };
  }
  if (defaultValue !== undefined) return () => defaultValue.evaluate([]);
  return () => null;
}

export const jsonExtractFunctions: ReadonlyMap<string, BuiltinFunction> = new Map([
  ['JSON_EXTRACT', jsonExtract],
  ['JSON_UNQUOTE', jsonUnquote],
  ['JSON_VALUE', jsonValue],
]);
