// Tests for RandomBytePool: fresh random bytes of any length, never handed out twice, across refills.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RandomBytePool } from '../../../../src/protocol/auth/random-byte-pool.js';

void describe('RandomBytePool', () => {
  void it('returns buffers of the asked length, none repeated, across many refills of a small pool', () => {
    const pool = new RandomBytePool(64);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const bytes = pool.take(20);
      assert.equal(bytes.length, 20);
      const hex = bytes.toString('hex');
      assert.ok(!seen.has(hex), `take ${i} repeated an earlier value`);
      seen.add(hex);
    }
  });

  void it('hands out buffers the caller owns: changing one leaves the next takes alone', () => {
    const pool = new RandomBytePool(64);
    const first = pool.take(16);
    first.fill(0);
    const second = pool.take(16);
    assert.notDeepEqual(second, Buffer.alloc(16));
    second.fill(1);
    assert.deepEqual(first, Buffer.alloc(16));
  });

  void it('serves lengths of 0, exactly the pool, and beyond the pool', () => {
    const pool = new RandomBytePool(32);
    assert.equal(pool.take(0).length, 0);
    assert.equal(pool.take(32).length, 32);
    const big = pool.take(100);
    assert.equal(big.length, 100);
    assert.ok(new Set(big).size > 1, 'a 100-byte random buffer is not one repeated byte');
  });
});
