// Which functions MySQL refuses in generated columns and CHECK constraints, and the name its error messages give them.

/**
 * Functions whose value depends on more than their arguments (the clock, randomness, the session, locks, other
 * rows), which MySQL's Item::check_function_as_value_generator refuses in a generated column or a CHECK constraint,
 * by upper-case name → the name MySQL prints in 3763/3814 (its func_name(): synonyms print as the function they
 * stand for). Aggregates and window functions are refused too.
 * https://dev.mysql.com/doc/refman/8.0/en/create-table-generated-columns.html
 */
const DISALLOWED: ReadonlyMap<string, string> = new Map([
  ['NOW', 'now'],
  ['CURRENT_TIMESTAMP', 'now'],
  ['LOCALTIME', 'now'],
  ['LOCALTIMESTAMP', 'now'],
  ['SYSDATE', 'sysdate'],
  ['CURDATE', 'curdate'],
  ['CURRENT_DATE', 'curdate'],
  ['CURTIME', 'curtime'],
  ['CURRENT_TIME', 'curtime'],
  ['UTC_DATE', 'utc_date'],
  ['UTC_TIME', 'utc_time'],
  ['UTC_TIMESTAMP', 'utc_timestamp'],
  ['RAND', 'rand'],
  ['UUID', 'uuid'],
  ['UUID_SHORT', 'uuid_short'],
  ['CONNECTION_ID', 'connection_id'],
  ['USER', 'user'],
  ['SESSION_USER', 'user'],
  ['SYSTEM_USER', 'user'],
  ['CURRENT_USER', 'current_user'],
  ['CURRENT_ROLE', 'current_role'],
  ['DATABASE', 'database'],
  ['SCHEMA', 'database'],
  ['LAST_INSERT_ID', 'last_insert_id'],
  ['FOUND_ROWS', 'found_rows'],
  ['ROW_COUNT', 'row_count'],
  ['GET_LOCK', 'get_lock'],
  ['RELEASE_LOCK', 'release_lock'],
  ['RELEASE_ALL_LOCKS', 'release_all_locks'],
  ['IS_FREE_LOCK', 'is_free_lock'],
  ['IS_USED_LOCK', 'is_used_lock'],
  ['SLEEP', 'sleep'],
  ['BENCHMARK', 'benchmark'],
  ['LOAD_FILE', 'load_file'],
  ['SOURCE_POS_WAIT', 'source_pos_wait'],
  ['MASTER_POS_WAIT', 'master_pos_wait'],
  ['VALUES', 'values'],
  ['NAME_CONST', 'name_const'],
  ['GROUPING', 'grouping'],
  ['PS_CURRENT_THREAD_ID', 'ps_current_thread_id'],
  ['ICU_VERSION', 'icu_version'],
]);

const AGGREGATES: ReadonlySet<string> = new Set([
  'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'GROUP_CONCAT', 'BIT_AND', 'BIT_OR', 'BIT_XOR', 'STD', 'STDDEV', 'STDDEV_POP',
  'STDDEV_SAMP', 'VARIANCE', 'VAR_POP', 'VAR_SAMP', 'ANY_VALUE', 'JSON_ARRAYAGG', 'JSON_OBJECTAGG',
]);

/**
 * The name MySQL prints for a call a generated column or CHECK constraint may not contain, or undefined when it
 * may. UNIX_TIMESTAMP() reads the clock only without an argument.
 */
export function disallowedValueGeneratorFunction(name: string, argCount: number, isWindowed: boolean): string | undefined {
  const upper = name.toUpperCase();
  if (upper === 'UNIX_TIMESTAMP') return argCount === 0 ? 'unix_timestamp' : undefined;
  if (isWindowed || AGGREGATES.has(upper)) return name.toLowerCase();
  return DISALLOWED.get(upper);
}

/**
 * What a `DEFAULT (expr)` may call: as a generated column, except that it may read the clock and draw random values
 * and UUIDs ("built-in functions, both deterministic and nondeterministic", MySQL 8.0 manual, "Data Type Default
 * Values"); functions of the session, locks and other rows stay refused.
 */
export function disallowedDefaultExpressionFunction(name: string, argCount: number, isWindowed: boolean): string | undefined {
  if (DEFAULT_EXPRESSION_FUNCTIONS.has(name.toUpperCase()) && !isWindowed) return undefined;
  return disallowedValueGeneratorFunction(name, argCount, isWindowed);
}

const DEFAULT_EXPRESSION_FUNCTIONS: ReadonlySet<string> = new Set([
  'NOW', 'CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP', 'SYSDATE', 'CURDATE', 'CURRENT_DATE', 'CURTIME',
  'CURRENT_TIME', 'UTC_DATE', 'UTC_TIME', 'UTC_TIMESTAMP', 'UNIX_TIMESTAMP', 'RAND', 'UUID', 'UUID_SHORT',
]);
