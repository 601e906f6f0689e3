// MemorySnapshot: a frozen fork of the memory engine's committed tree, read without ever waiting.
import type { Bytes, KeyRange, KvPair, KvSnapshot, ScanOptions } from '../../kv.js';
import type { SortedBytesMap } from '../../collections/sorted-bytes-map.js';
import type { CommitOracle } from '../commit-oracle.js';
import { toHex } from '../../bytes.js';
import { resolveScanOptions } from '../scan-options.js';
import { scanSortedMap } from './scan-sorted-map.js';
import { asAsyncBatches } from '../async-batches.js';

/** A point-in-time view of a MemoryEngine. The tree it holds is never written again, so reads need no locking. */
export class MemorySnapshot implements KvSnapshot {
  private isClosed = false;

  constructor(
    private readonly tree: SortedBytesMap<Bytes>,
    readonly version: bigint,
    private readonly oracle: CommitOracle,
  ) {}

  get(key: Bytes): Promise<Bytes | undefined> {
    return Promise.resolve(this.tree.get(key));
  }

  batchGet(keys: readonly Bytes[]): Promise<Map<string, Bytes>> {
    const found = new Map<string, Bytes>();
    for (const key of keys) {
      const value = this.tree.get(key);
      if (value !== undefined) found.set(toHex(key), value);
    }
    return Promise.resolve(found);
  }

  scan(range: KeyRange, options?: ScanOptions): AsyncIterableIterator<KvPair[]> {
    return asAsyncBatches(scanSortedMap(this.tree, range, resolveScanOptions(options)));
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.oracle.releaseSnapshot(this.version);
  }
}
