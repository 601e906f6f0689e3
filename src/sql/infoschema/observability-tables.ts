// information_schema.SLOW_QUERY and STATEMENTS_SUMMARY with TiDB's column names and types (the subset TidalDB
// records); the session layer supplies the rows from the slow query log file and the statement summary.
// https://docs.pingcap.com/tidb/stable/information-schema-slow-query/
// https://docs.pingcap.com/tidb/stable/statement-summary-tables/
import { TypeKind, fieldType } from '../types/index.js';
import { INT, NAME, TEXT, UINT, sessionTable } from './system-table.js';

const TIMESTAMP6 = fieldType(TypeKind.Timestamp, { decimals: 6 });
const TIMESTAMP = fieldType(TypeKind.Timestamp, { decimals: 0 });
const DOUBLE = fieldType(TypeKind.Double, { length: 22 });
const BOOL = fieldType(TypeKind.TinyInt, { length: 1 });

/** One row per entry of the slow query log file, oldest first. */
export const SLOW_QUERY = sessionTable('SLOW_QUERY', [
  ['Time', TIMESTAMP6], ['Txn_start_ts', UINT, true], ['User', NAME, true], ['Host', NAME, true], ['Conn_ID', UINT, true],
  ['Query_time', DOUBLE, true], ['DB', NAME, true], ['Is_internal', BOOL, true], ['Digest', NAME, true],
  ['Prepared', BOOL, true], ['Plan_from_cache', BOOL, true], ['Result_rows', INT, true], ['Affected_rows', INT, true],
  ['Succ', BOOL, true], ['Query', TEXT, true],
]);

/** One row per (schema, digest) of the current window; latencies in nanoseconds, as TiDB reports them. */
export const STATEMENTS_SUMMARY = sessionTable('STATEMENTS_SUMMARY', [
  ['SUMMARY_BEGIN_TIME', TIMESTAMP], ['SUMMARY_END_TIME', TIMESTAMP], ['STMT_TYPE', NAME], ['SCHEMA_NAME', NAME, true],
  ['DIGEST', NAME, true], ['DIGEST_TEXT', TEXT], ['TABLE_NAMES', TEXT, true], ['SAMPLE_USER', NAME, true],
  ['EXEC_COUNT', UINT], ['SUM_ERRORS', UINT], ['SUM_WARNINGS', UINT], ['SUM_LATENCY', UINT], ['MAX_LATENCY', UINT],
  ['MIN_LATENCY', UINT], ['AVG_LATENCY', UINT], ['AVG_AFFECTED_ROWS', DOUBLE], ['AVG_RESULT_ROWS', INT],
  ['MAX_RESULT_ROWS', INT], ['MIN_RESULT_ROWS', INT], ['PLAN_IN_CACHE', BOOL], ['PLAN_CACHE_HITS', INT],
  ['FIRST_SEEN', TIMESTAMP], ['LAST_SEEN', TIMESTAMP], ['QUERY_SAMPLE_TEXT', TEXT, true], ['PREV_SAMPLE_TEXT', TEXT, true],
  ['PLAN_DIGEST', NAME, true], ['PLAN', TEXT, true],
]);
