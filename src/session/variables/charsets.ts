// The character sets and collations the charset variables accept, with MySQL's collation ids and default collations.
import { ER_UNKNOWN_CHARACTER_SET, ER_UNKNOWN_COLLATION, mysqlError } from '../../errors/index.js';
import { classifyValue, wrongType, wrongValue } from './assigned-value.js';
import type { AssignedValue } from './system-variable.js';

/** One collation: MySQL's id (as sent in the handshake), name and character set. */
export interface CollationInfo {
  readonly id: number;
  readonly name: string;
  readonly charset: string;
}

/**
 * The collations TidalDB names, with MySQL's ids (SHOW COLLATION). The first of each charset is its default.
 * utf8mb4's default is utf8mb4_bin, TiDB's choice, not MySQL 8's utf8mb4_0900_ai_ci: the engine compares utf8mb4
 * text by code point, and a default that promised accent- and case-insensitive comparison would be untrue.
 * `utf8` is MySQL 8.0.11's name for utf8mb3 (the version we report); `utf8mb3` is accepted as an alias of it.
 */
export const COLLATIONS: readonly CollationInfo[] = [
  { id: 46, name: 'utf8mb4_bin', charset: 'utf8mb4' },
  { id: 45, name: 'utf8mb4_general_ci', charset: 'utf8mb4' },
  { id: 224, name: 'utf8mb4_unicode_ci', charset: 'utf8mb4' },
  { id: 255, name: 'utf8mb4_0900_ai_ci', charset: 'utf8mb4' },
  { id: 309, name: 'utf8mb4_0900_bin', charset: 'utf8mb4' },
  { id: 33, name: 'utf8_general_ci', charset: 'utf8' },
  { id: 83, name: 'utf8_bin', charset: 'utf8' },
  { id: 192, name: 'utf8_unicode_ci', charset: 'utf8' },
  { id: 8, name: 'latin1_swedish_ci', charset: 'latin1' },
  { id: 47, name: 'latin1_bin', charset: 'latin1' },
  { id: 48, name: 'latin1_general_ci', charset: 'latin1' },
  { id: 11, name: 'ascii_general_ci', charset: 'ascii' },
  { id: 65, name: 'ascii_bin', charset: 'ascii' },
  { id: 63, name: 'binary', charset: 'binary' },
];

/** The default character set of the server, databases and connections. */
export const DEFAULT_CHARSET = 'utf8mb4';
/** The default collation of DEFAULT_CHARSET. */
export const DEFAULT_COLLATION = 'utf8mb4_bin';

const collationsByName = new Map(COLLATIONS.map((collation) => [collation.name, collation]));
const collationsById = new Map(COLLATIONS.map((collation) => [collation.id, collation]));
const defaultCollations = new Map<string, string>();
for (const collation of COLLATIONS) {
  if (!defaultCollations.has(collation.charset)) defaultCollations.set(collation.charset, collation.name);
}
const charsetAliases: Readonly<Record<string, string>> = { utf8mb3: 'utf8' } as const;
const collationPrefixAlias = 'utf8mb3_';

/** The collation with MySQL id `id` (handshake collation byte), if TidalDB knows it. */
export function collationById(id: number): CollationInfo | undefined {
  return collationsById.get(id);
}

/** The collation named `name`, in any case (utf8mb3_* spelled as utf8_*), if TidalDB knows it. */
export function findCollation(name: string): CollationInfo | undefined {
  const lower = name.toLowerCase();
  const canonical = lower.startsWith(collationPrefixAlias) ? `utf8_${lower.slice(collationPrefixAlias.length)}` : lower;
  return collationsByName.get(canonical);
}

/** The canonical name of character set `name` (any case, utf8mb3 → utf8), if TidalDB knows it. */
export function findCharset(name: string): string | undefined {
  const lower = name.toLowerCase();
  const canonical = charsetAliases[lower] ?? lower;
  return defaultCollations.has(canonical) ? canonical : undefined;
}

/** The default collation of a known character set. */
export function defaultCollationOf(charset: string): string {
  return defaultCollations.get(charset) ?? DEFAULT_COLLATION;
}

/** The character set of a known collation. */
export function charsetOf(collation: string): string {
  return collationsByName.get(collation)?.charset ?? DEFAULT_CHARSET;
}

/**
 * Checks a value for a character_set_* variable: a name, or a collation id standing for its character set (as
 * MySQL accepts). Unknown → ER_UNKNOWN_CHARACTER_SET (1115); NULL → 1231 unless `isNullable`.
 */
export function normalizeCharset(input: AssignedValue, name: string, isNullable: boolean): string | null {
  const value = classifyValue(input);
  switch (value.kind) {
    case 'null':
      if (isNullable) return null;
      throw wrongValue(name, 'NULL');
    case 'real':
      throw wrongType(name);
    case 'int': {
      const collation = value.value <= BigInt(Number.MAX_SAFE_INTEGER) ? collationById(Number(value.value)) : undefined;
      if (collation === undefined) throw mysqlError(ER_UNKNOWN_CHARACTER_SET, String(value.value));
      return collation.charset;
    }
    case 'string': {
      const charset = findCharset(value.value);
      if (charset === undefined) throw mysqlError(ER_UNKNOWN_CHARACTER_SET, value.value);
      return charset;
    }
  }
}

/** Checks a value for a collation_* variable: a name or an id. Unknown → ER_UNKNOWN_COLLATION (1273). */
export function normalizeCollation(input: AssignedValue, name: string): string {
  const value = classifyValue(input);
  switch (value.kind) {
    case 'null':
      throw wrongValue(name, 'NULL');
    case 'real':
      throw wrongType(name);
    case 'int': {
      const collation = value.value <= BigInt(Number.MAX_SAFE_INTEGER) ? collationById(Number(value.value)) : undefined;
      if (collation === undefined) throw mysqlError(ER_UNKNOWN_COLLATION, String(value.value));
      return collation.name;
    }
    case 'string': {
      const collation = findCollation(value.value);
      if (collation === undefined) throw mysqlError(ER_UNKNOWN_COLLATION, value.value);
      return collation.name;
    }
  }
}
