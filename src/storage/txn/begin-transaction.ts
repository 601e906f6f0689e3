// beginTransaction: the one way to start a KvTransaction on any engine.
import type { KvEngine, KvTransaction } from '../kv.js';
import { KvTransactionImpl } from './kv-transaction-impl.js';

/** Starts a transaction reading at `engine`'s latest committed version. Finish it with commit() or rollback(). */
export async function beginTransaction(engine: KvEngine): Promise<KvTransaction> {
  return new KvTransactionImpl(engine, await engine.snapshot());
}
