// materializeRows: a row stream read to the end, for results that must be complete before the first row is sent.
import type { Row } from '../sql/index.js';

/** Reads a row stream to the end, for results that must be complete before the first row is sent. */
export async function materializeRows(rows: AsyncIterable<Row[]>): Promise<AsyncIterable<Row[]>> {
  const batches: Row[][] = [];
  for await (const batch of rows) batches.push(batch);
  return {
    [Symbol.asyncIterator]: () => {
      const iterator = batches[Symbol.iterator]();
      return { next: () => Promise.resolve(iterator.next()) };
    },
  };
}
