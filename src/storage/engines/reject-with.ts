// rejectWith: turns a caught value into a rejected promise, for synchronous code behind a Promise-returning API.

/** A promise rejected with `error` (wrapped in an Error when something else was thrown). */
export function rejectWith(error: unknown): Promise<never> {
  return Promise.reject(error instanceof Error ? error : new Error(String(error)));
}
