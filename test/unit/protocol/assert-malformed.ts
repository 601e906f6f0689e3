// Test helper: asserts that a function throws exactly MySQL's ER_MALFORMED_PACKET (1835) and nothing else.
import assert from 'node:assert/strict';
import { MySqlError } from '../../../src/errors/index.js';

/** Fails unless `fn` throws a MySqlError with code 1835. */
export function assertMalformed(fn: () => unknown): void {
  assert.throws(
    fn,
    (error: unknown) => error instanceof MySqlError && error.code === 1835 && error.sqlState === 'HY000',
  );
}

/** Runs `fn`; passes when it returns or throws a MySqlError 1835, fails on any other exception. */
export function returnsOrMalformed(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof MySqlError) || error.code !== 1835) {
      throw new assert.AssertionError({ message: `expected MySqlError 1835, got ${String(error)}`, actual: error });
    }
  }
}
