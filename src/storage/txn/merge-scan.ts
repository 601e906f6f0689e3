// Merges a transaction's buffered writes with its snapshot's scan, in key order, honouring buffered deletes.
import type { Bytes, KeyRange, KvPair, KvReader } from '../kv.js';
import type { SortedBytesMap } from '../collections/sorted-bytes-map.js';
import type { ResolvedScanOptions } from '../engines/scan-options.js';
import { SortedBytesMapCursor } from '../collections/sorted-bytes-map-cursor.js';
import { compareBytes } from '../bytes.js';

/** A buffered write: the new value, or null for a delete. */
export type BufferedValue = Bytes | null;

/**
 * Yields the pairs of `range` as the transaction sees them: buffered puts override and buffered deletes hide the
 * snapshot's pairs. `buffer` must be a fork taken when the scan starts, so writes made while the consumer iterates
 * do not disturb it (the scan sees the buffer as of its start).
 */
export async function* mergeScan(
  buffer: SortedBytesMap<BufferedValue>,
  snapshot: KvReader,
  range: KeyRange,
  options: ResolvedScanOptions,
): AsyncGenerator<KvPair[], void, undefined> {
  const { reverse, batchSize } = options;
  let remaining = options.limit;
  if (remaining === 0) return;
  const { start, end } = range;
  const cursor = new SortedBytesMapCursor(buffer);
  if (reverse) cursor.seekLT(end);
  else cursor.seekGE(start);
  const direction = reverse ? -1 : 1;
  const isInRange = (key: Bytes): boolean =>
    reverse ? compareBytes(key, start) >= 0 : end === undefined || compareBytes(key, end) < 0;
  let hasBuffered = cursor.isValid && isInRange(cursor.key);

  // The snapshot is read without a limit (buffered deletes may hide rows) but in batches no larger than needed.
  const inner = snapshot.scan(range, { reverse, batchSize: Math.min(batchSize, Math.max(remaining, 1)) });
  let stored: KvPair[] = [];
  let storedIndex = 0;
  let isStoredDone = false;
  let out: KvPair[] = [];
  try {
    while (remaining > 0) {
      if (storedIndex >= stored.length && !isStoredDone) {
        const step = await inner.next();
        isStoredDone = step.done === true;
        stored = isStoredDone ? [] : (step.value as KvPair[]);
        storedIndex = 0;
        continue;
      }
      const pair = storedIndex < stored.length ? stored[storedIndex] : undefined;
      if (!hasBuffered) {
        if (pair === undefined) break;
        out.push(pair);
        storedIndex++;
      } else {
        const key = cursor.key;
        const order = pair === undefined ? -1 : compareBytes(key, pair.key) * direction;
        if (order > 0) {
          out.push(pair!);
          storedIndex++;
        } else {
          if (order === 0) storedIndex++;
          const value = cursor.value;
          if (reverse) cursor.prev();
          else cursor.next();
          hasBuffered = cursor.isValid && isInRange(cursor.key);
          if (value === null) continue;
          out.push({ key, value });
        }
      }
      remaining--;
      if (out.length >= batchSize) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
  } finally {
    await inner.return?.();
  }
}
