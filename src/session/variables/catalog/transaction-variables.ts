// Transaction variables: autocommit, isolation, read-only, lock waits, constraint checks and TiDB's txn mode.
import type { SystemVariableDefinition } from '../system-variable.js';
import { aliasVar, boolVar, enumVar, uintVar } from './define-variable.js';

/** The isolation levels, in MySQL's enum order (SET transaction_isolation = 2 means REPEATABLE-READ). */
export const ISOLATION_LEVELS = ['READ-UNCOMMITTED', 'READ-COMMITTED', 'REPEATABLE-READ', 'SERIALIZABLE'] as const;
/** One isolation level as `@@transaction_isolation` spells it. */
export type IsolationLevel = (typeof ISOLATION_LEVELS)[number];

/** TiDB's transaction modes (`tidb_txn_mode`); pessimistic is TiDB's default since v3.0.8. */
export const TXN_MODES = ['pessimistic', 'optimistic'] as const;
/** One transaction mode. */
export type TxnMode = (typeof TXN_MODES)[number];

/**
 * Transaction-related variables. tx_isolation and tx_read_only are the pre-8.0.3 names MySQL dropped; TidalDB keeps
 * them as aliases, as TiDB does, for drivers that still read them.
 * See https://dev.mysql.com/doc/refman/8.0/en/server-system-variables.html#sysvar_transaction_isolation.
 */
export const transactionVariables: readonly SystemVariableDefinition[] = [
  boolVar('autocommit', 'both', true),
  enumVar('completion_type', 'both', ['NO_CHAIN', 'CHAIN', 'RELEASE'], 'NO_CHAIN'),
  boolVar('foreign_key_checks', 'both', true),
  // TiDB's switch for reusing prepared statements' plans (GLOBAL, ON by default since TiDB 6.1).
  boolVar('tidb_enable_prepared_plan_cache', 'global', true),
  // TiDB's plan cache for text queries of the same digest (off by default in TiDB; on here, where it pays the most).
  boolVar('tidb_enable_non_prepared_plan_cache', 'both', true),
  uintVar('innodb_lock_wait_timeout', 'both', 50n, 1n, 1073741824n),
  uintVar('lock_wait_timeout', 'both', 31536000n, 1n, 31536000n),
  boolVar('sql_log_bin', 'session', true),
  // TiDB's batch size of non-atomic DML (0: off). LOAD DATA commits every this many rows when autocommitting, or
  // every 20,000 when it is 0, as TiDB's LOAD DATA did (https://docs.pingcap.com/tidb/v4.0/sql-statement-load-data).
  uintVar('tidb_dml_batch_size', 'both', 0n, 0n, 2147483647n),
  enumVar('tidb_txn_mode', 'both', TXN_MODES, 'pessimistic'),
  enumVar('transaction_isolation', 'both', ISOLATION_LEVELS, 'REPEATABLE-READ'),
  boolVar('transaction_read_only', 'both', false),
  aliasVar('tx_isolation', 'transaction_isolation'),
  aliasVar('tx_read_only', 'transaction_read_only'),
  boolVar('unique_checks', 'both', true),
];
