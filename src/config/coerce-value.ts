// Checks one raw value (from TOML or from a flag's text) against its option type and converts it.
import { resolve } from 'node:path';
import type { OptionType } from './config-schema.js';
import { isEndpointList } from './store-location.js';

/** A configuration value after validation. */
export type ConfigValue = string | number | boolean;

/** Outcome of {@link coerceValue}: the value, or what was expected and what was found, for the error line. */
export type CoerceResult =
  | { readonly isValid: true; readonly value: ConfigValue }
  | { readonly isValid: false; readonly expected: string; readonly got: string };

/** Where a raw value came from: TOML values are typed; flag values are text to parse. */
export type ValueOrigin = 'file' | 'flag';

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  on: true,
  off: false,
};

/**
 * Validates `raw` against `type`. Flag values arrive as text (or `true` for a bare boolean flag) and are parsed;
 * TOML values must already have the right type (`port = "4000"` is an error). Non-empty paths are resolved
 * against `baseDirectory`.
 */
export function coerceValue(type: OptionType, raw: unknown, origin: ValueOrigin, baseDirectory: string): CoerceResult {
  const expected = describeExpected(type);
  const invalid: CoerceResult = { isValid: false, expected, got: describeValue(raw) };
  switch (type.kind) {
    case 'string':
      return typeof raw === 'string' ? { isValid: true, value: raw } : invalid;
    case 'path':
      if (typeof raw !== 'string') return invalid;
      return { isValid: true, value: raw === '' ? '' : resolve(baseDirectory, raw) };
    case 'store-path':
      if (typeof raw !== 'string') return invalid;
      return { isValid: true, value: raw === '' || isEndpointList(raw) ? raw : resolve(baseDirectory, raw) };
    case 'boolean': {
      if (typeof raw === 'boolean') return { isValid: true, value: raw };
      if (origin === 'flag' && typeof raw === 'string') {
        const word = BOOLEAN_WORDS[raw.toLowerCase()];
        if (word !== undefined) return { isValid: true, value: word };
      }
      return invalid;
    }
    case 'integer': {
      const number = origin === 'flag' && typeof raw === 'string' ? parseInteger(raw) : raw;
      if (typeof number !== 'number' || !Number.isSafeInteger(number)) return invalid;
      return number >= type.min && number <= type.max ? { isValid: true, value: number } : invalid;
    }
    case 'enum':
      return typeof raw === 'string' && type.values.includes(raw) ? { isValid: true, value: raw } : invalid;
    case 'list':
      return coerceList(type.values, raw, invalid);
    case 'names':
      return coerceNames(raw, invalid);
  }
}

/** Human wording of what a type accepts, e.g. "an integer from 0 to 65535". */
export function describeExpected(type: OptionType): string {
  switch (type.kind) {
    case 'string':
    case 'path':
    case 'store-path':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'integer':
      return `an integer from ${type.min} to ${type.max}`;
    case 'enum':
      return `one of ${type.values.join(', ')}`;
    case 'list':
      return `a comma-separated list of ${type.values.join(', ')}`;
    case 'names':
      return 'an array of strings or a comma-separated list';
  }
}

/** Quotes strings as JSON (so the result stays on one line) and names tables, arrays and dates. */
export function describeValue(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw);
  if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
  if (Array.isArray(raw)) return 'an array';
  if (raw instanceof Date) return 'a date';
  if (typeof raw === 'object' && raw !== null) return 'a table';
  return String(raw);
}

function parseInteger(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

function coerceList(allowed: readonly string[], raw: unknown, invalid: CoerceResult): CoerceResult {
  if (typeof raw !== 'string') return invalid;
  const chosen: string[] = [];
  for (const item of raw.split(',')) {
    const word = item.trim();
    if (word === '' && raw.trim() === '') break;
    const canonical = allowed.find((name) => name.toLowerCase() === word.toLowerCase());
    if (canonical === undefined) return invalid;
    if (!chosen.includes(canonical)) chosen.push(canonical);
  }
  return { isValid: true, value: chosen.join(',') };
}

/** TiDB writes these as a TOML array (`cluster-verify-cn = ["a", "b"]`); a flag gives them comma-separated. */
function coerceNames(raw: unknown, invalid: CoerceResult): CoerceResult {
  const items = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) && raw.every((item) => typeof item === 'string') ? raw : undefined;
  if (items === undefined) return invalid;
  return { isValid: true, value: items.map((item) => item.trim()).filter((item) => item !== '').join(',') };
}
