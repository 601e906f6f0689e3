// The storage slots of the variables SessionVariables reads on hot paths, resolved once per catalog.
import type { SystemVariableCatalog } from './system-variable-catalog.js';

/** The variables with typed getters on SessionVariables, by getter purpose. */
const hotVariableNames = {
  autocommit: 'autocommit',
  autoIncrementIncrement: 'auto_increment_increment',
  autoIncrementOffset: 'auto_increment_offset',
  characterSetClient: 'character_set_client',
  characterSetConnection: 'character_set_connection',
  characterSetDatabase: 'character_set_database',
  characterSetResults: 'character_set_results',
  collationConnection: 'collation_connection',
  collationDatabase: 'collation_database',
  divPrecisionIncrement: 'div_precision_increment',
  foreignKeyChecks: 'foreign_key_checks',
  groupConcatMaxLen: 'group_concat_max_len',
  innodbLockWaitTimeout: 'innodb_lock_wait_timeout',
  insertId: 'insert_id',
  lastInsertId: 'last_insert_id',
  maxAllowedPacket: 'max_allowed_packet',
  maxErrorCount: 'max_error_count',
  maxExecutionTime: 'max_execution_time',
  netReadTimeout: 'net_read_timeout',
  netWriteTimeout: 'net_write_timeout',
  sqlAutoIsNull: 'sql_auto_is_null',
  sqlMode: 'sql_mode',
  sqlNotes: 'sql_notes',
  sqlSafeUpdates: 'sql_safe_updates',
  sqlSelectLimit: 'sql_select_limit',
  tidbTxnMode: 'tidb_txn_mode',
  timeZone: 'time_zone',
  transactionIsolation: 'transaction_isolation',
  transactionReadOnly: 'transaction_read_only',
  uniqueChecks: 'unique_checks',
  waitTimeout: 'wait_timeout',
} as const;

/** Slot numbers of the hot variables. */
export type HotSlots = { readonly [K in keyof typeof hotVariableNames]: number };

const cache = new WeakMap<SystemVariableCatalog, HotSlots>();

/** The hot slots of `catalog`; a plain Error if the catalog lacks one of the hot variables. */
export function hotSlotsOf(catalog: SystemVariableCatalog): HotSlots {
  let slots = cache.get(catalog);
  if (slots === undefined) {
    slots = Object.fromEntries(
      Object.entries(hotVariableNames).map(([key, name]) => [key, catalog.slotOf(name)]),
    ) as HotSlots;
    cache.set(catalog, slots);
  }
  return slots;
}
