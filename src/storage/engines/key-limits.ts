// The key size rules every engine enforces alike, so that a test on the memory engine fails where LMDB would.
import type { CommitRequest } from '../kv.js';

/** LMDB's largest key with 8 KiB pages (lmdb-js caps it at 4026 bytes); keys must also be non-empty. */
export const KeyLimits = { maxKeyBytes: 4026 } as const;

/** Throws an Error naming the problem when a mutated key is empty or longer than `maxKeyBytes`. */
export function validateMutationKeys(request: CommitRequest, maxKeyBytes: number = KeyLimits.maxKeyBytes): void {
  for (const { key } of request.mutations) {
    if (key.byteLength === 0) throw new RangeError('storage keys must not be empty');
    if (key.byteLength > maxKeyBytes) {
      throw new RangeError(`storage key of ${key.byteLength} bytes exceeds the maximum of ${maxKeyBytes} bytes`);
    }
  }
}
