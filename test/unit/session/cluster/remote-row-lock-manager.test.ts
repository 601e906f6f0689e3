// Checks that a worker's RemoteRowLockManager asks the primary only for keys its owner does not already hold
// exclusively, and forgets what an owner held once it releases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClusterRpc } from '../../../../src/session/cluster/cluster-rpc.js';
import { RemoteRowLockManager } from '../../../../src/session/cluster/remote-row-lock-manager.js';
import type { WireLockRequest } from '../../../../src/session/cluster/remote-row-lock-manager.js';
import { portPair } from './port-pair.js';

const key = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));

void describe('RemoteRowLockManager', () => {
  void it('skips the round trip for keys the owner holds exclusively, until it releases them', async () => {
    const { left, right } = portPair();
    const worker = new ClusterRpc(left);
    const primary = new ClusterRpc(right);
    const asked: string[][] = [];
    const released: number[] = [];
    primary.handle('rowlock.acquire', (wire: WireLockRequest) => {
      asked.push(wire.keys.map((k) => `${wire.mode}:${Buffer.from(k).toString()}`));
      return { isStale: wire.keys.some((k) => Buffer.from(k).toString() === 'stale') };
    });
    primary.handle('rowlock.releaseAll', ({ owner }: { owner: number }) => released.push(owner));
    const locks = new RemoteRowLockManager(worker);
    const owner = locks.newOwner();
    const other = locks.newOwner();
    const request = (keys: string[], mode: 'exclusive' | 'shared', who = owner) =>
      locks.acquire({ owner: who, keys: keys.map(key), mode, timeoutMs: 1000, statement: locks.beginStatement() });

    assert.deepEqual(await request(['a'], 'shared'), { isStale: false });
    assert.deepEqual(await request(['a'], 'shared'), { isStale: false });
    assert.deepEqual(await request(['a', 'b'], 'exclusive'), { isStale: false });
    // Held exclusively now: again, or shared, or a part of them, without asking.
    assert.deepEqual(await request(['b', 'a'], 'exclusive'), { isStale: false });
    assert.deepEqual(await request(['a'], 'shared'), { isStale: false });
    // Another owner, or a key not held, asks; the primary's staleness answer is passed on.
    await request(['a'], 'exclusive', other);
    assert.deepEqual(await request(['a', 'stale'], 'exclusive'), { isStale: true });
    assert.deepEqual(await request(['stale'], 'exclusive'), { isStale: false });
    locks.releaseAll(owner);
    await request(['a'], 'exclusive');
    assert.deepEqual(asked, [['shared:a'], ['shared:a'], ['exclusive:a', 'exclusive:b'], ['exclusive:a'], ['exclusive:a', 'exclusive:stale'], ['exclusive:a']]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(released, [owner]);
    worker.close();
    primary.close();
  });
});
