// Retries an idempotent etcd call through leader elections and member restarts, with backoff, until a deadline.
import { classifyEtcdError, storeTimeout } from './etcd-errors.js';

const FIRST_DELAY_MS = 25;
const MAX_DELAY_MS = 1000;

/**
 * Runs `operation` until it succeeds, retrying transport failures (no answer, leader change, timeout) with jittered
 * exponential backoff for up to `budgetMs`; then rejects with TiDB's 9002 carrying the last error as its cause.
 * Other failures are rethrown at once. Only for calls that are safe to repeat (reads, or writes guarded by a compare).
 */
export async function retryTransient<T>(operation: () => Promise<T>, budgetMs: number): Promise<T> {
  const deadline = Date.now() + budgetMs;
  let delay = FIRST_DELAY_MS;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if (classifyEtcdError(error) !== 'transport') throw error;
      if (Date.now() + delay > deadline) throw storeTimeout(error);
    }
    await sleep(delay / 2 + Math.random() * (delay / 2));
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
