// The most bytes one transaction may buffer before it commits: TiDB's `txn-total-size-limit`, a server-wide setting
// (TiDB keeps it in the global kv.TxnTotalSizeLimit). https://docs.pingcap.com/tidb/stable/tidb-configuration-file#txn-total-size-limit
import { mysqlError, ER_TXN_TOO_LARGE } from '../../errors/index.js';

/** TiDB's default: 100 MiB. */
export const DEFAULT_TXN_TOTAL_SIZE_LIMIT = 100 * 1024 * 1024;

let limit = DEFAULT_TXN_TOTAL_SIZE_LIMIT;

/** Sets the limit for transactions begun from now on (the server does this once at start, from its configuration). */
export function setTxnTotalSizeLimit(bytes: number): void {
  limit = bytes;
}

/** The limit in force. */
export function txnTotalSizeLimit(): number {
  return limit;
}

/** Throws 8004 "Transaction is too large, size: N" once `size` buffered bytes pass the limit. */
export function checkTxnSize(size: number, sizeLimit: number): void {
  if (size > sizeLimit) throw mysqlError(ER_TXN_TOO_LARGE, size);
}
