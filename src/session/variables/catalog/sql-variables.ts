// SQL behaviour variables: sql_mode, the sql_* switches, and limits the executor applies per statement.
import { DEFAULT_SQL_MODE_BITS, SQL_MODE_NAMES, formatSqlMode, normalizeSqlMode } from '../sql-mode.js';
import { DEFAULT_OPTIMIZER_SWITCH, normalizeOptimizerSwitch } from '../optimizer-switch.js';
import type { SystemVariableDefinition } from '../system-variable.js';
import { boolVar, enumVar, uintVar } from './define-variable.js';

const UINT64_MAX = 18446744073709551615n;
const UINT32_MAX = 4294967295n;

const sqlMode: SystemVariableDefinition = {
  name: 'sql_mode',
  scope: 'both',
  type: 'set',
  values: SQL_MODE_NAMES,
  defaultValue: formatSqlMode(DEFAULT_SQL_MODE_BITS),
  normalize: normalizeSqlMode,
};

/**
 * Variables that change how statements behave, with MySQL 8.0's defaults and bounds.
 * See https://dev.mysql.com/doc/refman/8.0/en/server-system-variables.html and sql-mode.html.
 */
export const sqlVariables: readonly SystemVariableDefinition[] = [
  uintVar('auto_increment_increment', 'both', 1n, 1n, 65535n),
  uintVar('auto_increment_offset', 'both', 1n, 1n, 65535n),
  boolVar('big_tables', 'both', false),
  // TiDB: may an INSERT give an AUTO_RANDOM column's value itself (error 8216 when OFF).
  boolVar('allow_auto_random_explicit_insert', 'both', false),
  enumVar('block_encryption_mode', 'both', ['128', '192', '256'].flatMap((bits) => ['ecb', 'cbc', 'cfb1', 'cfb8', 'cfb128', 'ofb'].map((mode) => `aes-${bits}-${mode}`)), 'aes-128-ecb'),
  uintVar('cte_max_recursion_depth', 'both', 1000n, 0n, UINT32_MAX),
  // MySQL 8.0.16's default for a schema's DEFAULT ENCRYPTION; mysqldump 8 sets it to 0 in a versioned comment. Data at
  // rest is not encrypted here, as on a MySQL without a keyring, so the value only answers what it was set to.
  boolVar('default_table_encryption', 'both', false),
  uintVar('default_week_format', 'both', 0n, 0n, 7n),
  uintVar('div_precision_increment', 'both', 4n, 0n, 30n),
  boolVar('explicit_defaults_for_timestamp', 'both', true),
  uintVar('group_concat_max_len', 'both', 1024n, 4n, UINT64_MAX),
  uintVar('information_schema_stats_expiry', 'both', 86400n, 0n, 31536000n),
  uintVar('innodb_autoinc_lock_mode', 'global', 2n, 0n, 2n, { isReadOnly: true }),
  boolVar('innodb_strict_mode', 'both', true),
  uintVar('max_error_count', 'both', 1024n, 0n, 65535n),
  { name: 'optimizer_switch', scope: 'both', type: 'string', defaultValue: DEFAULT_OPTIMIZER_SWITCH, normalize: normalizeOptimizerSwitch },
  // TiDB's per-statement memory quota in bytes (1 GiB by default); 0 turns it off.
  uintVar('tidb_mem_quota_query', 'both', 1073741824n, 0n, UINT64_MAX),
  uintVar('max_execution_time', 'both', 0n, 0n, UINT32_MAX),
  uintVar('max_join_size', 'both', UINT64_MAX, 1n, UINT64_MAX),
  uintVar('max_sort_length', 'both', 1024n, 4n, 8388608n),
  uintVar('regexp_stack_limit', 'global', 8000000n, 0n, 2147483647n),
  uintVar('regexp_time_limit', 'global', 32n, 0n, 2147483647n),
  boolVar('sql_auto_is_null', 'both', false),
  boolVar('sql_big_selects', 'both', true),
  sqlMode,
  boolVar('sql_notes', 'both', true),
  boolVar('sql_quote_show_create', 'both', true),
  boolVar('sql_require_primary_key', 'both', false),
  boolVar('sql_safe_updates', 'both', false),
  uintVar('sql_select_limit', 'both', UINT64_MAX, 0n, UINT64_MAX),
  boolVar('sql_warnings', 'both', false),
];
