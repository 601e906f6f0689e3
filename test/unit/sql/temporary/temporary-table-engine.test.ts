// Unit tests of TemporaryTableEngine: temporary tables' keys (negative table ids) stay in the session's memory,
// every other key reaches the server's engine, and writes to a dropped temporary table are discarded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryEngine, beginTransaction, encodeRowKey, tableRange } from '../../../../src/storage/index.js';
import { TemporaryTableEngine, isTemporaryTableKey } from '../../../../src/sql/temporary/temporary-table-engine.js';

async function count(engine: MemoryEngine | TemporaryTableEngine, tableId: bigint): Promise<number> {
  const txn = await beginTransaction(engine);
  let n = 0;
  for await (const batch of txn.scan(tableRange(tableId))) n += batch.length;
  txn.rollback();
  return n;
}

describe('TemporaryTableEngine', () => {
  it('tells temporary keys by the sign of the table id', () => {
    assert.equal(isTemporaryTableKey(encodeRowKey(-1n, 5n)), true);
    assert.equal(isTemporaryTableKey(encodeRowKey(-(2n ** 40n), 5n)), true);
    assert.equal(isTemporaryTableKey(encodeRowKey(0n, 5n)), false);
    assert.equal(isTemporaryTableKey(encodeRowKey(7n, 5n)), false);
    assert.equal(isTemporaryTableKey(Buffer.from('mDB:1')), false);
  });

  it('commits temporary keys to memory and the rest to the server, in one transaction', async () => {
    const server = new MemoryEngine();
    const live = new Set([-1n]);
    const engine = new TemporaryTableEngine(server, (id) => live.has(id));
    engine.enable();
    const txn = await beginTransaction(engine);
    txn.set(encodeRowKey(-1n, 1n), Buffer.from('temp'));
    txn.set(encodeRowKey(-2n, 1n), Buffer.from('dropped'));
    txn.set(encodeRowKey(5n, 1n), Buffer.from('stored'));
    await txn.commit();
    assert.equal(await count(server, 5n), 1);
    assert.equal(await count(server, -1n), 0, 'no temporary key reaches the server');
    assert.equal(await count(engine, -1n), 1);
    assert.equal(await count(engine, -2n), 0, 'a dropped table takes no rows');
    assert.equal(await count(engine, 5n), 1);
  });

  it('undoes temporary writes with the transaction and forgets everything when closed', async () => {
    const engine = new TemporaryTableEngine(new MemoryEngine(), () => true);
    engine.enable();
    const rolledBack = await beginTransaction(engine);
    rolledBack.set(encodeRowKey(-1n, 1n), Buffer.from('x'));
    rolledBack.rollback();
    assert.equal(await count(engine, -1n), 0);
    const committed = await beginTransaction(engine);
    committed.set(encodeRowKey(-1n, 1n), Buffer.from('x'));
    await committed.commit();
    assert.equal(await count(engine, -1n), 1);
    await engine.close();
    assert.equal(await count(engine, -1n), 0);
  });
});
