// Checking values of the character set and collation variables against the collations TidalDB implements.
import { ER_UNKNOWN_CHARACTER_SET, ER_UNKNOWN_COLLATION, mysqlError } from '../../errors/index.js';
import { SERVER_DEFAULT_CHARSET, SERVER_DEFAULT_COLLATION, collationById, findCharset as findCharsetInfo, findCollation as findCollationInfo } from '../../sql/collation/index.js';
import type { CollationInfo } from '../../sql/collation/index.js';
import { classifyValue, wrongType, wrongValue } from './assigned-value.js';
import type { AssignedValue } from './system-variable.js';

export type { CollationInfo } from '../../sql/collation/index.js';
export { COLLATIONS, charsetOf, collationById, defaultCollationOf } from '../../sql/collation/index.js';

/** The default character set of the server, databases and connections: MySQL 8's utf8mb4. */
export const DEFAULT_CHARSET = SERVER_DEFAULT_CHARSET;
/** The default collation of DEFAULT_CHARSET: MySQL 8's utf8mb4_0900_ai_ci. */
export const DEFAULT_COLLATION = SERVER_DEFAULT_COLLATION;

/** The collation named `name`, in any case (utf8mb3_* spelled as utf8_*), if TidalDB implements it. */
export function findCollation(name: string): CollationInfo | undefined {
  return findCollationInfo(name);
}

/** The canonical name of character set `name` (any case, utf8mb3 → utf8), if TidalDB implements it. */
export function findCharset(name: string): string | undefined {
  return findCharsetInfo(name)?.name;
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
