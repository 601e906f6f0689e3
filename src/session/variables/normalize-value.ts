// The standard SET checks per variable type, following MySQL's Sys_var_* classes (sql/sys_vars.h).
import { ER_TRUNCATED_WRONG_VALUE, mysqlError } from '../../errors/index.js';
import { classifyValue, valueText, wrongType, wrongValue } from './assigned-value.js';
import type { ClassifiedValue } from './assigned-value.js';
import type { AssignedValue, NormalizeContext, SystemVariableDefinition, VariableValue } from './system-variable.js';

/** The largest unsigned 64-bit integer, MySQL's ULLONG_MAX. */
export const UINT64_MAX = 18446744073709551615n;
const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;

const boolWords: Readonly<Record<string, bigint>> = { ON: 1n, TRUE: 1n, '1': 1n, OFF: 0n, FALSE: 0n, '0': 0n } as const;

/**
 * Checks `input` for `definition` and returns the value to store, in `SELECT @@` form. Throws 1231/1232 (or the
 * definition's own errors) for a value MySQL refuses; clamps out-of-range numbers with warning 1292, or fails with
 * 1231 when the assigning session is in STRICT_ALL_TABLES mode, as MySQL's throw_bounds_warning does.
 */
export function normalizeValue(
  definition: SystemVariableDefinition,
  input: AssignedValue,
  context: NormalizeContext,
): VariableValue {
  if (definition.normalize !== undefined) return definition.normalize(input, context);
  return normalizeByType(definition, input, context);
}

/** The check for `definition.type`, ignoring any custom `normalize` hook (custom hooks build on it). */
export function normalizeByType(
  definition: SystemVariableDefinition,
  input: AssignedValue,
  context: NormalizeContext,
): VariableValue {
  const value = classifyValue(input);
  switch (definition.type) {
    case 'bool':
      return normalizeBool(value, context.name);
    case 'int':
    case 'uint':
      return normalizeInteger(definition, value, context);
    case 'float':
      return normalizeFloat(definition, value, context);
    case 'enum':
      return normalizeEnum(definition.values ?? [], value, context.name);
    case 'set':
      return formatSet(definition.values ?? [], parseSet(definition.values ?? [], value, context.name));
    case 'string':
      return normalizeString(definition, value, context.name);
  }
}

/** ON/OFF/TRUE/FALSE/1/0 (any case) or the integers 1/0; stored as 1n/0n. */
function normalizeBool(value: ClassifiedValue, name: string): bigint {
  switch (value.kind) {
    case 'int':
      if (value.value === 0n || value.value === 1n) return value.value;
      throw wrongValue(name, valueText(value));
    case 'string': {
      const bit = boolWords[value.value.toUpperCase()];
      if (bit === undefined) throw wrongValue(name, value.value);
      return bit;
    }
    case 'null':
      throw wrongValue(name, 'NULL');
    case 'real':
      throw wrongType(name);
  }
}

/** An enum member by name (any case) or by 0-based index; stored in its canonical spelling. */
function normalizeEnum(values: readonly string[], value: ClassifiedValue, name: string): string {
  switch (value.kind) {
    case 'int': {
      const member = value.value >= 0n && value.value < BigInt(values.length) ? values[Number(value.value)] : undefined;
      if (member === undefined) throw wrongValue(name, valueText(value));
      return member;
    }
    case 'string': {
      const upper = value.value.toUpperCase();
      const member = values.find((candidate) => candidate.toUpperCase() === upper);
      if (member === undefined) throw wrongValue(name, value.value);
      return member;
    }
    case 'null':
      throw wrongValue(name, 'NULL');
    case 'real':
      throw wrongType(name);
  }
}

/**
 * A SET value as a bitmask: an integer bitmask, or a comma-separated list of member names matched in full, in any
 * case. As MySQL's find_set: trailing spaces of the whole value are dropped, empty elements ignored, spaces inside the
 * list kept (so ' ANSI' is unknown), and the first unknown element is the one the error quotes.
 */
export function parseSet(values: readonly string[], value: ClassifiedValue, name: string): bigint {
  switch (value.kind) {
    case 'int':
      if (value.value < 0n || value.value > (1n << BigInt(values.length)) - 1n)
        throw wrongValue(name, valueText(value));
      return value.value;
    case 'string': {
      let bits = 0n;
      for (const element of value.value.replace(/ +$/, '').split(',')) {
        if (element === '') continue;
        const upper = element.toUpperCase();
        const index = values.findIndex((candidate) => candidate.toUpperCase() === upper);
        if (index < 0) throw wrongValue(name, element);
        bits |= 1n << BigInt(index);
      }
      return bits;
    }
    case 'null':
      throw wrongValue(name, 'NULL');
    case 'real':
      throw wrongType(name);
  }
}

/** The members whose bits are set in `bits`, in bit order, comma-separated: MySQL's set_to_string. */
export function formatSet(values: readonly string[], bits: bigint): string {
  const members: string[] = [];
  values.forEach((member, index) => {
    if ((bits >> BigInt(index)) & 1n) members.push(member);
  });
  return members.join(',');
}

/** A string; NULL only where the definition allows it; numbers are the wrong type, as Sys_var_charptr checks. */
function normalizeString(definition: SystemVariableDefinition, value: ClassifiedValue, name: string): string | null {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'null':
      if (definition.isNullable === true) return null;
      throw wrongValue(name, 'NULL');
    case 'int':
    case 'real':
      throw wrongType(name);
  }
}

/** An integer clamped into [min, max] and rounded down to the block size; only INT values are the right type. */
function normalizeInteger(
  definition: SystemVariableDefinition,
  value: ClassifiedValue,
  context: NormalizeContext,
): bigint {
  if (value.kind !== 'int') throw wrongType(context.name);
  const isUnsigned = definition.type === 'uint';
  const min = definition.min ?? (isUnsigned ? 0n : INT64_MIN);
  const max = definition.max ?? (isUnsigned ? UINT64_MAX : INT64_MAX);
  let result = value.value > max ? max : value.value;
  const block = definition.blockSize;
  if (block !== undefined && block > 1n) result -= ((result % block) + block) % block;
  if (result < min) result = min;
  if (result !== value.value) reportBounds(context, String(value.value));
  return result;
}

/** A float clamped into [floatMin, floatMax]; INT and REAL values are the right type. */
function normalizeFloat(
  definition: SystemVariableDefinition,
  value: ClassifiedValue,
  context: NormalizeContext,
): number {
  if (value.kind !== 'int' && value.kind !== 'real') throw wrongType(context.name);
  const number = Number(value.value);
  const min = definition.floatMin ?? -Number.MAX_VALUE;
  const max = definition.floatMax ?? Number.MAX_VALUE;
  const result = Math.min(Math.max(number, min), max);
  if (result !== number) reportBounds(context, String(value.value));
  return result;
}

/** A clamped value: warning 1292, or error 1231 under STRICT_ALL_TABLES (MySQL's throw_bounds_warning). */
function reportBounds(context: NormalizeContext, original: string): void {
  if (context.isStrictAllTables) throw wrongValue(context.name, original);
  context.warnings.warn(mysqlError(ER_TRUNCATED_WRONG_VALUE, context.name, original));
}
