// errorSpecsByCode: the generated error table indexed by MySQL error number (to rebuild an error sent between processes).
import * as errorCodes from './error-codes.js';
import type { ErrorSpec } from './error-spec.js';

/** Every entry of the table, by MySQL error number. */
export const errorSpecsByCode: ReadonlyMap<number, ErrorSpec> = new Map(Object.values(errorCodes).map((spec) => [spec.code, spec]));
