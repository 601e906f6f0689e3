// The registry of native scalar functions, assembled from one file per family.
import type { BuiltinFunction } from './builtin-function.js';
import { aesFunctions } from './aes-functions.js';
import { calendarFunctions } from './calendar-functions.js';
import { compressionFunctions } from './compression-functions.js';
import { controlFlowFunctions } from './control-flow-functions.js';
import { dateArithmeticFunctions } from './date-arithmetic-functions.js';
import { dateFunctions } from './date-functions.js';
import { datePartFunctions } from './date-part-functions.js';
import { encodingFunctions } from './encoding-functions.js';
import { informationFunctions } from './information-functions.js';
import { lockingFunctions } from './locking-functions.js';
import { sequenceFunctions } from './sequence-functions.js';
import { collationFunctions } from './collation-functions.js';
import { mathFunctions } from './math-functions.js';
import { networkFunctions } from './network-functions.js';
import { regexpFunctions } from './regexp-functions.js';
import { sleepFunction } from './sleep-function.js';
import { stringComposeFunctions } from './string-compose-functions.js';
import { stringFunctions } from './string-functions.js';
import { stringSearchFunctions } from './string-search-functions.js';
import { substringFunctions } from './substring-functions.js';
import { transcendentalFunctions } from './transcendental-functions.js';
import { timeFunctions } from './time-functions.js';
import { timeZoneFunctions } from './time-zone-functions.js';
import { unitFormatFunctions } from './unit-format-functions.js';
import { unixTimeFunctions } from './unix-time-functions.js';
import { jsonFunctions } from './json-functions.js';
import { uuidFunctions } from './uuid-functions.js';

/** Every native scalar function by upper-case name. */
export const builtinFunctions: ReadonlyMap<string, BuiltinFunction> = new Map([
  ...informationFunctions,
  ...collationFunctions,
  ...controlFlowFunctions,
  ...stringFunctions,
  ...stringComposeFunctions,
  ...substringFunctions,
  ...stringSearchFunctions,
  ...jsonFunctions,
  ...regexpFunctions,
  ...encodingFunctions,
  ...compressionFunctions,
  ...aesFunctions,
  ...mathFunctions,
  ...transcendentalFunctions,
  ...dateFunctions,
  ...datePartFunctions,
  ...dateArithmeticFunctions,
  ...calendarFunctions,
  ...unixTimeFunctions,
  ...timeFunctions,
  ...timeZoneFunctions,
  ...uuidFunctions,
  ...networkFunctions,
  ...unitFormatFunctions,
  ['SLEEP', sleepFunction],
  ...lockingFunctions,
  ...sequenceFunctions,
]);

/** Names the planner treats as aggregates; they are compiled by the aggregation operator, not here. */
export const AGGREGATE_FUNCTION_NAMES: ReadonlySet<string> = new Set([
  'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'GROUP_CONCAT', 'JSON_ARRAYAGG', 'JSON_OBJECTAGG',
  'STD', 'STDDEV', 'STDDEV_POP', 'STDDEV_SAMP', 'VARIANCE', 'VAR_POP', 'VAR_SAMP', 'BIT_AND', 'BIT_OR', 'BIT_XOR',
]);
