// The registry of native scalar functions, assembled from one file per family.
import type { BuiltinFunction } from './builtin-function.js';
import { controlFlowFunctions } from './control-flow-functions.js';
import { dateFunctions } from './date-functions.js';
import { informationFunctions } from './information-functions.js';
import { stringFunctions } from './string-functions.js';

/** Every native scalar function by upper-case name. */
export const builtinFunctions: ReadonlyMap<string, BuiltinFunction> = new Map([
  ...informationFunctions,
  ...controlFlowFunctions,
  ...stringFunctions,
  ...dateFunctions,
]);

/** Names the planner treats as aggregates; they are compiled by the aggregation operator, not here. */
export const AGGREGATE_FUNCTION_NAMES: ReadonlySet<string> = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'GROUP_CONCAT']);
