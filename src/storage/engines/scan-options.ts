// Normalized scan options shared by the engines and the transaction layer.
import type { ScanOptions } from '../kv.js';

/** Scan defaults from the KvReader contract. */
export const ScanDefaults = { batchSize: 256 } as const;

/** ScanOptions with every field filled in; `limit` is Infinity when unbounded. */
export interface ResolvedScanOptions {
  readonly reverse: boolean;
  readonly limit: number;
  readonly batchSize: number;
}

/** Fills in defaults and rejects nonsense (a negative limit, a batch size below one) as a programming error. */
export function resolveScanOptions(options: ScanOptions | undefined): ResolvedScanOptions {
  const limit = options?.limit ?? Infinity;
  const batchSize = options?.batchSize ?? ScanDefaults.batchSize;
  if (!(limit >= 0)) throw new RangeError(`scan limit must be >= 0, got ${limit}`);
  if (!(batchSize >= 1)) throw new RangeError(`scan batchSize must be >= 1, got ${batchSize}`);
  return { reverse: options?.reverse === true, limit, batchSize: Math.floor(batchSize) };
}
