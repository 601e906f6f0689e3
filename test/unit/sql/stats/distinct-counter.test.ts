// DistinctCounter: exact counts while the distinct keys fit, a close estimate in bounded memory past that.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DistinctCounter } from '../../../../src/sql/stats/distinct-counter.js';

describe('DistinctCounter', () => {
  it('counts exactly while the keys fit, however often each is added', () => {
    const counter = new DistinctCounter();
    for (let round = 0; round < 3; round++) for (let i = 0; i < 50_000; i++) counter.add(`k${i}`);
    assert.equal(counter.count, 50_000);
  });

  it('estimates within a few percent past its cap', () => {
    const counter = new DistinctCounter();
    const total = 400_000;
    for (let i = 0; i < total; i++) counter.add(`\u0000i${i}`);
    const error = Math.abs(counter.count - total) / total;
    assert.ok(error < 0.05, `estimate ${counter.count} for ${total}`);
  });

  it('counts nothing when nothing was added', () => {
    assert.equal(new DistinctCounter().count, 0);
  });
});
