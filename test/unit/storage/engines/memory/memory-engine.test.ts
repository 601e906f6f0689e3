// Runs the KvEngine contract against MemoryEngine, plus its in-memory specifics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryEngine, beginTransaction } from '../../../../../src/storage/index.js';
import { defineKvEngineContract } from '../../kv-engine-contract.js';

defineKvEngineContract('memory', { create: () => Promise.resolve(new MemoryEngine()) });

void describe('MemoryEngine', () => {
  void it('copies committed bytes, so a caller reusing its buffers cannot change the store', async () => {
    const engine = new MemoryEngine();
    const key = Buffer.from('k');
    const value = Buffer.from('before');
    const txn = await beginTransaction(engine);
    txn.set(key, value);
    await txn.commit();
    value.write('AFTER!');
    key.write('x');
    const snapshot = await engine.snapshot();
    assert.equal(Buffer.from((await snapshot.get(Buffer.from('k')))!).toString(), 'before');
    snapshot.close();
    await engine.close();
  });
});
