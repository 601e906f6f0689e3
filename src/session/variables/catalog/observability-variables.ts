// TiDB's variables for the slow query log and the statement summary tables.
// https://docs.pingcap.com/tidb/stable/system-variables/#tidb_slow_log_threshold
import type { SystemVariableDefinition } from '../system-variable.js';
import { boolVar, uintVar } from './define-variable.js';

/** TiDB's defaults: statements of 300 ms or more are slow; 3000 digests per 30-minute window. */
const DEFAULT_SLOW_LOG_THRESHOLD_MS = 300n;
const DEFAULT_MAX_STMT_COUNT = 3000n;
const DEFAULT_REFRESH_INTERVAL_S = 1800n;

/**
 * GLOBAL in TidalDB (TiDB's INSTANCE scope: one server, so the same thing). The status port, the slow log and the
 * statement summary read them through change listeners, so a SET GLOBAL applies to the next statement.
 */
export const observabilityVariables: readonly SystemVariableDefinition[] = [
  { name: 'tidb_slow_log_threshold', scope: 'global', type: 'int', defaultValue: DEFAULT_SLOW_LOG_THRESHOLD_MS, min: -1n, max: 9223372036854775807n },
  boolVar('tidb_enable_stmt_summary', 'global', true),
  uintVar('tidb_stmt_summary_max_stmt_count', 'global', DEFAULT_MAX_STMT_COUNT, 1n, 32767n),
  uintVar('tidb_stmt_summary_refresh_interval', 'global', DEFAULT_REFRESH_INTERVAL_S, 1n, 2147483647n),
];
