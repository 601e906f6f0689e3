// Classifies a SET value the way MySQL's Item::result_type() does, and renders it the way its error messages quote it.
import { ER_WRONG_TYPE_FOR_VAR, ER_WRONG_VALUE_FOR_VAR, mysqlError } from '../../errors/index.js';
import type { MySqlError } from '../../errors/index.js';
import type { AssignedValue } from './system-variable.js';

/** A SET value sorted by MySQL result type: INT, REAL (also DECIMAL), STRING, or NULL. */
export type ClassifiedValue =
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'real'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'null' };

/** Sorts `input` by result type; booleans are the integers 1 and 0 and an integral number is an integer, as TRUE is in SQL. */
export function classifyValue(input: AssignedValue): ClassifiedValue {
  if (input === null) return { kind: 'null' };
  if (typeof input === 'bigint') return { kind: 'int', value: input };
  if (typeof input === 'boolean') return { kind: 'int', value: input ? 1n : 0n };
  if (typeof input === 'number')
    return Number.isInteger(input) ? { kind: 'int', value: BigInt(input) } : { kind: 'real', value: input };
  return { kind: 'string', value: input };
}

/** The text MySQL quotes in "can't be set to the value of '…'": the value as a string, NULL as `NULL`. */
export function valueText(value: ClassifiedValue): string {
  return value.kind === 'null' ? 'NULL' : String(value.value);
}

/** ER_WRONG_VALUE_FOR_VAR (1231): "Variable 'x' can't be set to the value of 'v'". */
export function wrongValue(name: string, text: string): MySqlError {
  return mysqlError(ER_WRONG_VALUE_FOR_VAR, name, text);
}

/** ER_WRONG_TYPE_FOR_VAR (1232): "Incorrect argument type to variable 'x'". */
export function wrongType(name: string): MySqlError {
  return mysqlError(ER_WRONG_TYPE_FOR_VAR, name);
}
