// Batched range scans over a frozen SortedBytesMap, forward or reverse, as a synchronous generator.
import type { Bytes, KeyRange, KvPair } from '../../kv.js';
import type { SortedBytesMap } from '../../collections/sorted-bytes-map.js';
import type { ResolvedScanOptions } from '../scan-options.js';
import { SortedBytesMapCursor } from '../../collections/sorted-bytes-map-cursor.js';
import { compareBytes } from '../../bytes.js';

/**
 * Yields the pairs of `tree` within `range` in batches of `options.batchSize`. `tree` must be a fork nobody writes to,
 * which makes it safe to keep the cursor across the consumer's awaits.
 */
export function* scanSortedMap(
  tree: SortedBytesMap<Bytes>,
  range: KeyRange,
  options: ResolvedScanOptions,
): Generator<KvPair[], void, undefined> {
  const { reverse, batchSize } = options;
  let remaining = options.limit;
  const cursor = new SortedBytesMapCursor(tree);
  if (reverse) cursor.seekLT(range.end);
  else cursor.seekGE(range.start);
  const { start, end } = range;
  while (remaining > 0 && cursor.isValid) {
    const want = Math.min(batchSize, remaining);
    const batch: KvPair[] = [];
    let isDone = false;
    while (batch.length < want) {
      if (!cursor.isValid) {
        isDone = true;
        break;
      }
      const key = cursor.key;
      if (reverse ? compareBytes(key, start) < 0 : end !== undefined && compareBytes(key, end) >= 0) {
        isDone = true;
        break;
      }
      batch.push({ key, value: cursor.value });
      if (reverse) cursor.prev();
      else cursor.next();
    }
    remaining -= batch.length;
    if (batch.length > 0) yield batch;
    if (isDone) return;
  }
}
