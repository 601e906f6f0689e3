// Tests for scramble generation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateScramble, xorRotating } from '../../../../src/protocol/auth/scramble.js';

void describe('generateScramble', () => {
  void it('returns 20 fresh 7-bit bytes without NUL or $', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const scramble = generateScramble();
      assert.equal(scramble.length, 20);
      for (const byte of scramble) assert.ok(byte > 0 && byte < 0x80 && byte !== 0x24, `byte ${byte}`);
      seen.add(scramble.toString('hex'));
    }
    assert.equal(seen.size, 200);
  });

  void it('xorRotating repeats the key', () => {
    assert.deepEqual([...xorRotating(Buffer.of(1, 2, 3), Buffer.of(1, 1))], [0, 3, 2]);
  });
});
