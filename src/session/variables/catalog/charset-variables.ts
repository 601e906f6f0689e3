// Character set and collation variables, with MySQL's pairing of each character_set_x with its collation_x.
import {
  DEFAULT_CHARSET,
  DEFAULT_COLLATION,
  charsetOf,
  defaultCollationOf,
  normalizeCharset,
  normalizeCollation,
} from '../charsets.js';
import type { SystemVariableDefinition, VariableValue } from '../system-variable.js';
import { constantVar } from './define-variable.js';

/** `character_set_<x>`: setting it also sets `collation_<x>` to the charset's default, when that pair exists. */
function charsetVar(
  name: string,
  defaultValue: string,
  options: { pairedCollation?: string; isNullable?: boolean } = {},
): SystemVariableDefinition {
  const { pairedCollation, isNullable = false } = options;
  return {
    name,
    scope: 'both',
    type: 'string',
    defaultValue,
    isNullable,
    normalize: (input, context) => normalizeCharset(input, context.name, isNullable),
    ...(pairedCollation === undefined
      ? {}
      : { companions: (value: VariableValue) => [[pairedCollation, defaultCollationOf(String(value))]] as const }),
  };
}

/** `collation_<x>`: setting it also sets `character_set_<x>` to the collation's charset. */
function collationVar(name: string, pairedCharset: string): SystemVariableDefinition {
  return {
    name,
    scope: 'both',
    type: 'string',
    defaultValue: DEFAULT_COLLATION,
    normalize: (input, context) => normalizeCollation(input, context.name),
    companions: (value) => [[pairedCharset, charsetOf(String(value))]] as const,
  };
}

/**
 * The charset family: utf8mb4 everywhere with MySQL 8's utf8mb4_0900_ai_ci (tables created before keep their own).
 * character_set_results may be NULL ("send results unconverted"), which Connector/J sets on connect.
 * See https://dev.mysql.com/doc/refman/8.0/en/charset-connection.html.
 */
export const charsetVariables: readonly SystemVariableDefinition[] = [
  charsetVar('character_set_client', DEFAULT_CHARSET),
  charsetVar('character_set_connection', DEFAULT_CHARSET, { pairedCollation: 'collation_connection' }),
  charsetVar('character_set_database', DEFAULT_CHARSET, { pairedCollation: 'collation_database' }),
  charsetVar('character_set_filesystem', 'binary'),
  charsetVar('character_set_results', DEFAULT_CHARSET, { isNullable: true }),
  charsetVar('character_set_server', DEFAULT_CHARSET, { pairedCollation: 'collation_server' }),
  constantVar('character_set_system', 'string', 'utf8'),
  collationVar('collation_connection', 'character_set_connection'),
  collationVar('collation_database', 'character_set_database'),
  collationVar('collation_server', 'character_set_server'),
];
