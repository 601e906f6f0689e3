// Short builders for variable definitions, so each catalog family reads as a table.
import type { ServerFacts } from '../server-facts.js';
import type { DefinitionExtras, SystemVariableDefinition, VariableScope, VariableValue } from '../system-variable.js';

/** A boolean variable, ON (1n) or OFF (0n) by default. */
export function boolVar(
  name: string,
  scope: VariableScope,
  isOn: boolean,
  extras: DefinitionExtras = {},
): SystemVariableDefinition {
  return { name, scope, type: 'bool', defaultValue: isOn ? 1n : 0n, ...extras };
}

/** An unsigned integer variable with inclusive bounds. */
export function uintVar(
  name: string,
  scope: VariableScope,
  defaultValue: bigint,
  min: bigint,
  max: bigint,
  extras: DefinitionExtras = {},
): SystemVariableDefinition {
  return { name, scope, type: 'uint', defaultValue, min, max, ...extras };
}

/** A float variable with inclusive bounds. */
export function floatVar(
  name: string,
  scope: VariableScope,
  defaultValue: number,
  floatMin: number,
  floatMax: number,
  extras: DefinitionExtras = {},
): SystemVariableDefinition {
  return { name, scope, type: 'float', defaultValue, floatMin, floatMax, ...extras };
}

/** An enum variable; `defaultValue` must be one of `values`. */
export function enumVar(
  name: string,
  scope: VariableScope,
  values: readonly string[],
  defaultValue: string,
  extras: DefinitionExtras = {},
): SystemVariableDefinition {
  return { name, scope, type: 'enum', values, defaultValue, ...extras };
}

/** A free-text variable. */
export function stringVar(
  name: string,
  scope: VariableScope,
  defaultValue: string | null,
  extras: DefinitionExtras = {},
): SystemVariableDefinition {
  return { name, scope, type: 'string', defaultValue, ...extras };
}

/** A read-only constant GLOBAL variable (`protocol_version`, `license`). */
export function constantVar(
  name: string,
  type: 'string' | 'uint' | 'bool' | 'enum',
  value: VariableValue,
): SystemVariableDefinition {
  return { name, scope: 'global', type, defaultValue: value, isReadOnly: true };
}

/** A read-only GLOBAL variable whose value is a fact about the running server, read at every query. */
export function factVar(
  name: string,
  type: 'string' | 'uint',
  read: (facts: ServerFacts) => string | number,
): SystemVariableDefinition {
  return {
    name,
    scope: 'global',
    type,
    defaultValue: type === 'uint' ? 0n : '',
    isReadOnly: true,
    dynamicValue: (context) => {
      const value = read(context.server);
      return typeof value === 'number' ? BigInt(value) : value;
    },
  };
}

/** Another name for `target`: same scope, type, checks and value (the catalog copies the target's fields). */
export function aliasVar(name: string, target: string): SystemVariableDefinition {
  return { name, scope: 'both', type: 'string', defaultValue: null, aliasOf: target };
}
