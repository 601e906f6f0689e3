// Tests RateLimiter and createRateLimitedLogger: per-key limits per window, and "suppressed N" summaries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryLogger, createRateLimitedLogger, OVERFLOW_KEY, RateLimiter } from '../../../src/logging/index.js';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

void describe('RateLimiter', () => {
  void it('allows limit events per key per window, then counts the rest', () => {
    const time = clock();
    const limiter = new RateLimiter<string>({ limit: 2, intervalMs: 100, now: time.now });
    assert.deepEqual(
      [1, 2, 3, 4].map(() => limiter.take('10.0.0.1').isAllowed),
      [true, true, false, false],
    );
    assert.equal(limiter.take('10.0.0.2').isAllowed, true, 'keys are independent');
    time.advance(99);
    assert.equal(limiter.take('10.0.0.1', 'last').isAllowed, false);
    time.advance(1);
    const decision = limiter.take('10.0.0.1');
    assert.equal(decision.isAllowed, true);
    assert.deepEqual(decision.ended, { key: '10.0.0.1', suppressed: 3, last: 'last' });
  });

  void it('sweeps ended windows, reporting only those that suppressed events, and forgets them', () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 1, intervalMs: 100, now: time.now });
    limiter.take('a');
    limiter.take('a');
    limiter.take('b');
    time.advance(50);
    limiter.take('c');
    limiter.take('c');
    time.advance(50);
    assert.deepEqual(limiter.sweep(), [{ key: 'a', suppressed: 1, last: undefined }]);
    assert.equal(limiter.size, 1);
    assert.deepEqual(limiter.drain(), [{ key: 'c', suppressed: 1, last: undefined }]);
    assert.equal(limiter.size, 0);
  });

  void it('counts events for keys beyond maxKeys under one overflow key', () => {
    const limiter = new RateLimiter({ limit: 1, intervalMs: 100, maxKeys: 2, now: clock().now });
    limiter.take('a');
    limiter.take('b');
    assert.deepEqual(limiter.take('c'), { isAllowed: true, key: OVERFLOW_KEY, ended: undefined });
    assert.equal(limiter.take('d').isAllowed, false);
    assert.equal(limiter.take('a').key, 'a');
  });
});

void describe('createRateLimitedLogger', () => {
  void it('passes limit records per key, then summarises the suppressed ones when the window ends', () => {
    const time = clock();
    const logger = createMemoryLogger();
    const limited = createRateLimitedLogger(logger, { limit: 2, intervalMs: 1000, now: time.now, hasTimer: false });
    for (let i = 0; i < 5; i++) limited.log('warn', '192.0.2.1', 'handshake failed', { attempt: i });
    limited.log('warn', '192.0.2.9', 'handshake failed', { attempt: 0 });
    assert.deepEqual(
      logger.records.map((record) => record.fields.attempt),
      [0, 1, 0],
    );
    time.advance(1000);
    limited.log('warn', '192.0.2.1', 'handshake failed', { attempt: 5 });
    assert.deepEqual(logger.records.slice(3), [
      {
        level: 'warn',
        msg: 'suppressed 3 similar messages',
        fields: { key: '192.0.2.1', suppressed: 3, intervalMs: 1000, lastMsg: 'handshake failed' },
      },
      { level: 'warn', msg: 'handshake failed', fields: { attempt: 5 } },
    ]);
  });

  void it('summarises quiet ended windows on sweep, and everything on close', () => {
    const time = clock();
    const logger = createMemoryLogger();
    const limited = createRateLimitedLogger(logger, { limit: 1, intervalMs: 1000, now: time.now, hasTimer: false });
    limited.log('error', 'k1', 'first');
    limited.log('error', 'k1', 'second');
    time.advance(1000);
    limited.sweep();
    assert.equal(logger.records.at(-1)?.msg, 'suppressed 1 similar messages');
    assert.equal(logger.records.at(-1)?.level, 'error');
    limited.log('info', 'k2', 'a');
    limited.log('info', 'k2', 'b');
    limited.log('info', 'k2', 'c');
    limited.close();
    assert.deepEqual(logger.records.at(-1), {
      level: 'info',
      msg: 'suppressed 2 similar messages',
      fields: { key: 'k2', suppressed: 2, intervalMs: 1000, lastMsg: 'c' },
    });
    const count = logger.records.length;
    limited.log('info', 'k3', 'after close');
    assert.equal(logger.records.length, count);
  });

  void it('reports quiet windows from its own timer', async () => {
    const logger = createMemoryLogger();
    const limited = createRateLimitedLogger(logger, { limit: 1, intervalMs: 20 });
    limited.log('warn', 'k', 'one');
    limited.log('warn', 'k', 'two');
    const deadline = Date.now() + 2000;
    while (logger.records.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    limited.close();
    assert.equal(logger.records[1]?.msg, 'suppressed 1 similar messages');
  });
});
