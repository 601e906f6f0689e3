// Adapts a synchronous generator of batches to the KvReader scan contract's async iterator.
import type { KvPair } from '../kv.js';
import { rejectWith } from './reject-with.js';

/**
 * Wraps `batches` (a synchronous generator, as local engines read synchronously) as an AsyncIterableIterator. One
 * promise per batch, errors as rejections; `return()` runs the generator's `finally` so cursors get closed.
 */
export function asAsyncBatches(batches: Generator<KvPair[], void, undefined>): AsyncIterableIterator<KvPair[]> {
  return {
    next(): Promise<IteratorResult<KvPair[], void>> {
      try {
        return Promise.resolve(batches.next());
      } catch (error) {
        return rejectWith(error);
      }
    },
    return(): Promise<IteratorResult<KvPair[], void>> {
      try {
        return Promise.resolve(batches.return(undefined));
      } catch (error) {
        return rejectWith(error);
      }
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
