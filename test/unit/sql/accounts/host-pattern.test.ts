// Host patterns: what each admits, and the most-specific-first order logins try accounts in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareAccountSpecificity, hostMatches } from '../../../../src/sql/accounts/host-pattern.js';

void describe('hostMatches', () => {
  void it('handles %, _, literal IPs, localhost and netmasks', () => {
    assert.equal(hostMatches('%', '203.0.113.9'), true);
    assert.equal(hostMatches('203.0.113.%', '203.0.113.9'), true);
    assert.equal(hostMatches('203.0.113.%', '203.0.114.9'), false);
    assert.equal(hostMatches('203.0.113._', '203.0.113.9'), true);
    assert.equal(hostMatches('203.0.113._', '203.0.113.10'), false);
    assert.equal(hostMatches('localhost', '127.0.0.1'), true);
    assert.equal(hostMatches('localhost', '::1'), true);
    assert.equal(hostMatches('localhost', '10.0.0.1'), false);
    assert.equal(hostMatches('local%', '127.0.0.1'), true);
    assert.equal(hostMatches('10.1.0.0/255.255.0.0', '10.1.200.3'), true);
    assert.equal(hostMatches('10.1.0.0/255.255.0.0', '10.2.0.3'), false);
    assert.equal(hostMatches('10.1.0.0/255.255.0.0', 'not-an-ip'), false);
  });
});

void describe('compareAccountSpecificity', () => {
  void it('puts literal hosts first, then longer literal prefixes, then %, and named users before anonymous', () => {
    const accounts = [
      { user: 'u', host: '%' },
      { user: '', host: 'localhost' },
      { user: 'u', host: '10.%' },
      { user: 'u', host: '10.0.0.%' },
      { user: 'u', host: 'localhost' },
      { user: 'u', host: '10.0.0.1' },
    ];
    const sorted = [...accounts].sort(compareAccountSpecificity).map((a) => `${a.user}@${a.host}`);
    assert.deepEqual(sorted, ['u@10.0.0.1', 'u@localhost', '@localhost', 'u@10.0.0.%', 'u@10.%', 'u@%']);
  });
});
