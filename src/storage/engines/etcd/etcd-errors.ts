// Sorts the errors of the etcd client into what they mean for a caller: refused for good, retry, or outcome unknown.
import { isBrokenCircuitError } from 'cockatiel';
import {
  ClientClosedError,
  EtcdError,
  EtcdPermissionDeniedError,
  GRPCAlreadyExistsError,
  GRPCFailedPreconditionError,
  GRPCGenericError,
  GRPCInvalidArgumentError,
  GRPCNotFoundError,
  GRPCNotImplementedError,
  GRPCUnauthenticatedError,
} from 'etcd3';
import { ER_GC_TOO_EARLY, ER_TIKV_SERVER_TIMEOUT, ER_TXN_TOO_LARGE, mysqlError } from '../../../errors/index.js';
import type { MySqlError } from '../../../errors/index.js';

/**
 * - `too-large`: the request exceeds `--max-txn-ops` or `--max-request-bytes` (nothing was applied);
 * - `compacted`: the revision asked for was compacted away;
 * - `future-revision`: the member that answered has not applied that revision yet (retry linearizably);
 * - `transport`: no answer, a timeout or a leader change: a read may be retried, a write's outcome is unknown;
 * - `closed`: the client was closed;
 * - `other`: anything else (a bug, or an etcd refusal this engine does not expect).
 */
export type EtcdFailure = 'too-large' | 'compacted' | 'future-revision' | 'transport' | 'closed' | 'other';

const TOO_LARGE = /too many operations in txn request|request is too large|message larger than max/i;
const REFUSED = [
  GRPCInvalidArgumentError,
  GRPCNotFoundError,
  GRPCAlreadyExistsError,
  GRPCFailedPreconditionError,
  GRPCNotImplementedError,
  GRPCUnauthenticatedError,
  EtcdPermissionDeniedError,
] as const;

/** Classifies an error thrown by an etcd3 call. */
export function classifyEtcdError(error: unknown): EtcdFailure {
  if (error instanceof ClientClosedError) return 'closed';
  if (!(error instanceof Error)) return 'other';
  const message = error.message;
  if (TOO_LARGE.test(message)) return 'too-large';
  if (message.includes('required revision has been compacted')) return 'compacted';
  if (message.includes('required revision is a future revision')) return 'future-revision';
  // A request refused as malformed or forbidden was checked before anything was applied.
  if (REFUSED.some((refusal) => error instanceof refusal)) return 'other';
  // Everything else the client reports (unavailable, deadline, etcdserver's "leader changed", "request timed out",
  // "no leader", an open circuit breaker) leaves a write's outcome open; treating it as unknown is always safe.
  if (error instanceof GRPCGenericError || error instanceof EtcdError || isBrokenCircuitError(error))
    return 'transport';
  return 'other';
}

/** TiDB's 8004 for a transaction etcd refused as too big; `size` is the bytes of its keys and values. */
export function transactionTooLarge(size: number, cause: unknown): MySqlError {
  const error = mysqlError(ER_TXN_TOO_LARGE, size);
  error.cause = cause;
  return error;
}

/** TiDB's 9006 for a snapshot older than the GC safe point (or etcd's compaction). */
export function gcTooEarly(startVersion: bigint, safePoint: bigint | undefined): MySqlError {
  return mysqlError(
    ER_GC_TOO_EARLY,
    startVersion.toString(),
    safePoint === undefined ? 'unknown' : safePoint.toString(),
  );
}

/** TiDB's 9002 for a store that did not answer in time; `cause` keeps etcd's own words for the log. */
export function storeTimeout(cause: unknown): MySqlError {
  const error = mysqlError(ER_TIKV_SERVER_TIMEOUT);
  error.cause = cause;
  return error;
}
