// Reads a TOML config file and validates every key in it against the schema.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { closestName } from './closest-name.js';
import { ConfigError } from './config-error.js';
import { CONFIG_OPTIONS } from './config-schema.js';
import type { OptionSpec } from './config-schema.js';
import { coerceValue, describeValue } from './coerce-value.js';
import type { ConfigValue } from './coerce-value.js';

/** One key set by the file, validated, with paths already resolved against the file's folder. */
export interface FileSetting {
  readonly key: string;
  readonly value: ConfigValue;
}

const OPTIONS_BY_KEY: ReadonlyMap<string, OptionSpec> = new Map(CONFIG_OPTIONS.map((option) => [option.key, option]));

/** Every table that holds keys, e.g. `log`, `log.file`, `security`. */
const TABLES: ReadonlySet<string> = new Set(
  CONFIG_OPTIONS.flatMap((option) => {
    const segments = option.key.split('.');
    return segments.slice(0, -1).map((_segment, index) => segments.slice(0, index + 1).join('.'));
  }),
);

/**
 * Reads and validates the TOML file at `filePath` (absolute). Returns the settings in file order.
 * Throws {@link ConfigError} naming the file for: a missing or unreadable file, TOML syntax errors (with line and
 * column), unknown keys (with a "did you mean" hint when one is close) and values of the wrong type or range.
 */
export function readConfigFile(filePath: string): FileSetting[] {
  const prefix = `config file ${filePath}`;
  const document = parseToml(readText(filePath, prefix), prefix);
  const settings: FileSetting[] = [];
  collect(document, '', dirname(filePath), prefix, settings);
  return settings;
}

function readText(filePath: string, prefix: string): string {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`${prefix} does not exist`, { cause: error });
    throw new ConfigError(`${prefix}: cannot read it: ${(error as Error).message}`, { cause: error });
  }
}

function parseToml(text: string, prefix: string): Record<string, unknown> {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.replace(/^Invalid TOML document:\s*/, '').split('\n')[0] ?? '';
      throw new ConfigError(`${prefix}: line ${error.line}, column ${error.column}: ${reason}`, { cause: error });
    }
    throw error;
  }
}

function collect(
  table: Record<string, unknown>,
  tablePath: string,
  baseDirectory: string,
  prefix: string,
  settings: FileSetting[],
): void {
  for (const [name, raw] of Object.entries(table)) {
    const key = tablePath === '' ? name : `${tablePath}.${name}`;
    const option = OPTIONS_BY_KEY.get(key);
    if (option !== undefined) {
      const result = coerceValue(option.type, raw, 'file', baseDirectory);
      if (!result.isValid) {
        throw new ConfigError(`${prefix}: '${key}' must be ${result.expected}, got ${result.got}`);
      }
      settings.push({ key, value: result.value });
    } else if (TABLES.has(key)) {
      if (!isTable(raw)) throw new ConfigError(`${prefix}: '${key}' must be a table, got ${describeValue(raw)}`);
      collect(raw, key, baseDirectory, prefix, settings);
    } else {
      throw new ConfigError(`${prefix}: ${unknownKeyMessage(firstLeafKey(key, raw))}`);
    }
  }
}

/** Names an unknown table by its first key, so `[securty] ssl-ca` reads as 'securty.ssl-ca'. */
function firstLeafKey(key: string, raw: unknown): string {
  if (!isTable(raw)) return key;
  const first = Object.entries(raw)[0];
  return first === undefined ? key : firstLeafKey(`${key}.${first[0]}`, first[1]);
}

function unknownKeyMessage(key: string): string {
  const suggestion = closestName(key, [...OPTIONS_BY_KEY.keys(), ...TABLES]);
  const hint = suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
  return `unknown configuration key '${key}'${hint}`;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
