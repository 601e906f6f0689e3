// Connection variables: packet sizes, timeouts, connection limits and session state tracking.
import type { SystemVariableDefinition } from '../system-variable.js';
import { boolVar, enumVar, stringVar, uintVar } from './define-variable.js';

/** Bounds MySQL shares among its timeout variables (seconds; 31536000 is one year). */
const Timeout = { min: 1n, max: 31536000n } as const;
const PACKET_BLOCK = 1024n;
const UINT32_MAX = 4294967295n;

/**
 * Connection-level variables, with MySQL 8.0's defaults and bounds. max_allowed_packet and net_buffer_length are
 * read-only per session (1621) since 8.0: a client cannot raise its own limit.
 * See https://dev.mysql.com/doc/refman/8.0/en/server-system-variables.html.
 */
export const connectionVariables: readonly SystemVariableDefinition[] = [
  uintVar('connect_timeout', 'global', 10n, 2n, Timeout.max),
  stringVar('init_connect', 'global', ''),
  uintVar('interactive_timeout', 'both', 28800n, Timeout.min, Timeout.max),
  uintVar('max_allowed_packet', 'both', 67108864n, 1024n, 1073741824n, {
    blockSize: PACKET_BLOCK,
    isSessionReadOnly: true,
  }),
  uintVar('max_connect_errors', 'global', 100n, 1n, 18446744073709551615n),
  uintVar('max_connections', 'global', 151n, 1n, 100000n),
  uintVar('max_prepared_stmt_count', 'global', 16382n, 0n, 4194304n),
  uintVar('max_user_connections', 'global', 0n, 0n, UINT32_MAX),
  uintVar('net_buffer_length', 'both', 16384n, 1024n, 1048576n, { blockSize: PACKET_BLOCK, isSessionReadOnly: true }),
  uintVar('net_read_timeout', 'both', 30n, Timeout.min, Timeout.max),
  uintVar('net_retry_count', 'both', 10n, 1n, UINT32_MAX),
  uintVar('net_write_timeout', 'both', 60n, Timeout.min, Timeout.max),
  enumVar('session_track_gtids', 'both', ['OFF', 'OWN_GTID', 'ALL_GTIDS'], 'OFF'),
  boolVar('session_track_schema', 'both', true),
  boolVar('session_track_state_change', 'both', false),
  stringVar(
    'session_track_system_variables',
    'both',
    'time_zone,autocommit,character_set_client,character_set_results,character_set_connection',
    {
      isNullable: true,
    },
  ),
  enumVar('session_track_transaction_info', 'both', ['OFF', 'STATE', 'CHARACTERISTICS'], 'OFF'),
  boolVar('skip_name_resolve', 'global', false, { isReadOnly: true }),
  boolVar('skip_networking', 'global', false, { isReadOnly: true }),
  uintVar('wait_timeout', 'both', 28800n, Timeout.min, Timeout.max),
];
