// The scope and read-only rules of SET and @@ reads, with MySQL's errors, plus SHOW VARIABLES' value format.
import {
  ER_GLOBAL_VARIABLE,
  ER_INCORRECT_GLOBAL_LOCAL_VAR,
  ER_LOCAL_VARIABLE,
  ER_VARIABLE_IS_READONLY,
  mysqlError,
} from '../../errors/index.js';
import type { SystemVariableDefinition, VariableValue } from './system-variable.js';

/** Digits SHOW VARIABLES prints after the point of a float variable (MySQL's my_fcvt(value, 6)). */
const FLOAT_SHOW_DECIMALS = 6;

/**
 * Throws unless `definition` may be SET in `scope`, checking in MySQL's order: read-only (1238 "is a read only
 * variable"), GLOBAL-only set for the session (1229), SESSION-only set globally (1228), session-read-only (1621).
 */
export function checkSettable(definition: SystemVariableDefinition, scope: 'global' | 'session'): void {
  const { name } = definition;
  if (definition.isReadOnly === true) throw mysqlError(ER_INCORRECT_GLOBAL_LOCAL_VAR, name, 'read only');
  if (scope === 'session' && definition.scope === 'global') throw mysqlError(ER_GLOBAL_VARIABLE, name);
  if (scope === 'global' && definition.scope === 'session') throw mysqlError(ER_LOCAL_VARIABLE, name);
  if (scope === 'session' && definition.isSessionReadOnly === true)
    throw mysqlError(ER_VARIABLE_IS_READONLY, 'SESSION', name, 'GLOBAL');
}

/** Throws 1238 for `@@global.x` of a SESSION-only variable ("is a SESSION variable") and `@@session.x` of a GLOBAL one. */
export function checkReadable(definition: SystemVariableDefinition, scope: 'global' | 'session' | undefined): void {
  if (scope === 'global' && definition.scope === 'session')
    throw mysqlError(ER_INCORRECT_GLOBAL_LOCAL_VAR, definition.name, 'SESSION');
  if (scope === 'session' && definition.scope === 'global')
    throw mysqlError(ER_INCORRECT_GLOBAL_LOCAL_VAR, definition.name, 'GLOBAL');
}

/** A value as SHOW VARIABLES prints it: booleans ON/OFF, floats with six decimals, NULL as the empty string. */
export function formatForShow(definition: SystemVariableDefinition, value: VariableValue): string {
  if (value === null) return '';
  if (definition.type === 'bool') return value === 0n ? 'OFF' : 'ON';
  if (typeof value === 'number') return value.toFixed(FLOAT_SHOW_DECIMALS);
  return String(value);
}

/** One row of SHOW VARIABLES or SHOW STATUS: Variable_name and Value. */
export type ShowRow = readonly [name: string, value: string];
