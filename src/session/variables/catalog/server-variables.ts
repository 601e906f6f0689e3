// Server identity and feature variables: version, paths, engines, logging, and the fixed answers drivers expect.
import { ER_UNKNOWN_STORAGE_ENGINE, mysqlError } from '../../../errors/index.js';
import { classifyValue, wrongType, wrongValue } from '../assigned-value.js';
import type { AssignedValue, SystemVariableDefinition } from '../system-variable.js';
import { boolVar, constantVar, enumVar, factVar, floatVar, stringVar, uintVar } from './define-variable.js';

/** The one storage engine name TidalDB answers to; its LMDB-backed engine plays InnoDB's part. */
const STORAGE_ENGINE = 'InnoDB';
/** Seconds in a year: MySQL's upper bound for long_query_time. */
const LONG_QUERY_TIME_MAX = 31536000;

/** default_storage_engine: only InnoDB (any case); anything else is ER_UNKNOWN_STORAGE_ENGINE (1286), as in MySQL. */
function normalizeEngine(input: AssignedValue, name: string): string {
  const value = classifyValue(input);
  if (value.kind === 'null') throw wrongValue(name, 'NULL');
  if (value.kind !== 'string') throw wrongType(name);
  if (value.value.toLowerCase() !== STORAGE_ENGINE.toLowerCase())
    throw mysqlError(ER_UNKNOWN_STORAGE_ENGINE, value.value);
  return STORAGE_ENGINE;
}

function engineVar(name: string): SystemVariableDefinition {
  return {
    name,
    scope: 'both',
    type: 'string',
    defaultValue: STORAGE_ENGINE,
    normalize: (input, context) => normalizeEngine(input, context.name),
  };
}

/**
 * Server-level variables. Choices that differ from MySQL 8.0, and why:
 * - license: 'Apache License 2.0', TidalDB's license (TiDB reports the same).
 * - lower_case_table_names: 2, as TiDB (the only value TiDB supports): names keep their case, lookups ignore it,
 *   which is what the catalog does. MySQL on Linux would report 0.
 * - query_cache_size: 1048576 with query_cache_type OFF, as TiDB and MySQL 5.7's defaults. MySQL 8 removed both,
 *   but Connector/J 5.1 and other old drivers read them on connect and fail on "Unknown system variable"; OFF says
 *   truthfully that nothing is cached.
 * - default_authentication_plugin: caching_sha2_password, MySQL 8's default (TiDB keeps mysql_native_password),
 *   because 8.0-aware drivers expect it and it does not send password hashes that replay.
 * - performance_schema, log_bin, gtid_mode: OFF, since TidalDB has none of them.
 */
export const serverVariables: readonly SystemVariableDefinition[] = [
  // Roles: mandatory_roles are granted to every account; activate_all_roles_on_login activates every granted role.
  boolVar('activate_all_roles_on_login', 'global', false),
  factVar('basedir', 'string', (facts) => facts.baseDir),
  factVar('bind_address', 'string', (facts) => facts.bindAddress),
  enumVar('binlog_format', 'both', ['MIXED', 'STATEMENT', 'ROW'], 'ROW'),
  factVar('datadir', 'string', (facts) => facts.dataDir),
  constantVar('default_authentication_plugin', 'string', 'caching_sha2_password'),
  engineVar('default_storage_engine'),
  engineVar('default_tmp_storage_engine'),
  constantVar('enforce_gtid_consistency', 'string', 'OFF'),
  boolVar('general_log', 'global', false),
  enumVar('gtid_mode', 'global', ['OFF', 'OFF_PERMISSIVE', 'ON_PERMISSIVE', 'ON'], 'OFF', { isReadOnly: true }),
  constantVar('have_query_cache', 'string', 'NO'),
  factVar('hostname', 'string', (facts) => facts.hostname),
  boolVar('innodb_read_only', 'global', false, { isReadOnly: true }),
  constantVar('license', 'string', 'Apache License 2.0'),
  // LOAD DATA LOCAL: OFF by default, as MySQL 8.0 (the --local-infile start option turns it on).
  boolVar('local_infile', 'global', false),
  boolVar('log_bin', 'global', false, { isReadOnly: true }),
  floatVar('long_query_time', 'both', 10, 0, LONG_QUERY_TIME_MAX),
  stringVar('mandatory_roles', 'global', ''),
  boolVar('lower_case_file_system', 'global', false, { isReadOnly: true }),
  uintVar('lower_case_table_names', 'global', 2n, 0n, 2n, { isReadOnly: true }),
  boolVar('offline_mode', 'global', false),
  boolVar('performance_schema', 'global', false, { isReadOnly: true }),
  factVar('port', 'uint', (facts) => facts.port),
  constantVar('protocol_version', 'uint', 10n),
  uintVar('query_cache_size', 'global', 1048576n, 0n, 18446744073709551615n, { blockSize: 1024n }),
  enumVar('query_cache_type', 'both', ['OFF', 'ON', 'DEMAND'], 'OFF'),
  boolVar('read_only', 'global', false),
  uintVar('server_id', 'global', 1n, 0n, 4294967295n),
  boolVar('slow_query_log', 'global', false),
  // The one directory server-side LOAD DATA INFILE may read; NULL (the default here) refuses it (--secure-file-priv).
  stringVar('secure_file_priv', 'global', null, { isReadOnly: true }),
  factVar('socket', 'string', (facts) => facts.socket),
  boolVar('super_read_only', 'global', false),
  factVar('system_time_zone', 'string', (facts) => facts.systemTimeZone),
  factVar('version', 'string', (facts) => facts.version),
  factVar('version_comment', 'string', (facts) => facts.versionComment),
  factVar('version_compile_machine', 'string', (facts) => facts.versionCompileMachine),
  factVar('version_compile_os', 'string', (facts) => facts.versionCompileOs),
];
