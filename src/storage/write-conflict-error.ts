// WriteConflictError: the MySqlError a commit fails with when another transaction committed a key it wrote or read.
import { ER_WRITE_CONFLICT, MySqlError, formatMessage } from '../errors/index.js';

/**
 * TiDB's error 9007 (ER_WRITE_CONFLICT): a key this transaction wrote or read was committed by someone else after
 * this transaction's snapshot. Retrying the whole transaction on a fresh snapshot is the remedy.
 */
export class WriteConflictError extends MySqlError {
  /** The snapshot version of the transaction that failed. */
  readonly startVersion: bigint;
  /** The snapshot version of the transaction that committed the key first. */
  readonly conflictStartVersion: bigint;
  /** The commit version at which the key changed. */
  readonly conflictCommitVersion: bigint;
  /** The conflicting key, as lowercase hex. */
  readonly keyHex: string;

  constructor(startVersion: bigint, conflictStartVersion: bigint, conflictCommitVersion: bigint, keyHex: string) {
    super(
      ER_WRITE_CONFLICT,
      formatMessage(ER_WRITE_CONFLICT.template, [startVersion, conflictStartVersion, conflictCommitVersion, keyHex]),
    );
    this.name = 'WriteConflictError';
    this.startVersion = startVersion;
    this.conflictStartVersion = conflictStartVersion;
    this.conflictCommitVersion = conflictCommitVersion;
    this.keyHex = keyHex;
  }
}
