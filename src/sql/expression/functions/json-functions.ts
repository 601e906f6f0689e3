// The JSON function families in one registry entry, so builtin-functions.ts names JSON once.
import type { BuiltinFunction } from './builtin-function.js';
import { jsonAttributeFunctions } from './json-attribute-functions.js';
import { jsonCreateFunctions } from './json-create-functions.js';
import { jsonExtractFunctions } from './json-extract-functions.js';
import { jsonModifyFunctions } from './json-modify-functions.js';
import { jsonSearchFunctions } from './json-search-functions.js';

/** Every JSON scalar function by upper-case name (the aggregates JSON_ARRAYAGG / JSON_OBJECTAGG are elsewhere). */
export const jsonFunctions: ReadonlyMap<string, BuiltinFunction> = new Map([
  ...jsonExtractFunctions,
  ...jsonCreateFunctions,
  ...jsonModifyFunctions,
  ...jsonSearchFunctions,
  ...jsonAttributeFunctions,
]);

/** Every JSON function's name, aggregates included (all depend on their arguments only). */
export const JSON_FUNCTION_NAMES: readonly string[] = [...jsonFunctions.keys(), 'JSON_ARRAYAGG', 'JSON_OBJECTAGG'];
