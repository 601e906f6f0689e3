// closesWaitCycle: the deadlock check over wait-for edges that every node publishes in etcd.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closesWaitCycle } from '../../../../src/session/locks/wait-for-cycle.js';

void describe('closesWaitCycle', () => {
  const edges = new Map<string, readonly string[]>([
    ['n1.1', ['n2.1']],
    ['n2.1', ['n1.2', 'n2.2']],
    ['n2.2', ['n1.3']],
  ]);

  it('finds the requester behind its blockers, through any number of waiters and nodes', () => {
    assert.equal(closesWaitCycle(edges, 'n1.3', ['n1.1']), true);
    assert.equal(closesWaitCycle(edges, 'n1.2', ['n2.1']), true);
    assert.equal(closesWaitCycle(edges, 'n1.3', ['n2.2']), true);
  });

  it('lets a request wait when no path leads back to it, also around cycles it is not part of', () => {
    assert.equal(closesWaitCycle(edges, 'n3.1', ['n1.1']), false);
    assert.equal(closesWaitCycle(edges, 'n1.1', []), false);
    const cycle = new Map<string, readonly string[]>([
      ['a', ['b']],
      ['b', ['a']],
    ]);
    assert.equal(closesWaitCycle(cycle, 'c', ['a']), false);
  });
});
