// EtcdNodeKeys: the node coordination keys of a keyspace, and the wire codec that keeps bigints across nodes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EtcdNodeKeys, decodeWire, encodeWire, rangeEndOf } from '../../../../src/session/cluster/etcd/etcd-node-keys.js';

const keys = new EtcdNodeKeys(Buffer.from('tidal/ks/'));

void describe('EtcdNodeKeys', () => {
  void it('lays the areas out under the keyspace prefix and splits keys back into their parts', () => {
    assert.equal(keys.info('n1').toString(), 'tidal/ks/n/n1/info');
    assert.equal(keys.applied('n1').toString(), 'tidal/ks/n/n1/applied');
    assert.equal(keys.event('n1', 7).toString(), 'tidal/ks/e/n1/7');
    assert.equal(keys.question('n1', 3).toString(), 'tidal/ks/q/n1/3');
    assert.equal(keys.answer('n1', 3, 'n2').toString(), 'tidal/ks/r/n1/3/n2');
    assert.equal(keys.connectionIds.toString(), 'tidal/ks/i/connection-ids');
    assert.deepEqual(keys.parts(keys.nodes, keys.applied('n1')), ['n1', 'applied']);
    assert.deepEqual(keys.parts(keys.answersTo('n1'), keys.answer('n1', 3, 'n2')), ['3', 'n2']);
  });

  void it("gives a prefix's range end just past every key under it", () => {
    const end = rangeEndOf(keys.answers('n1', 3));
    assert.ok(Buffer.compare(keys.answer('n1', 3, 'zz'), end) < 0);
    assert.ok(Buffer.compare(keys.answer('n1', 4, 'a'), end) > 0);
  });

  void it('carries bigints, nulls and nested values through the wire codec', () => {
    const value = { kind: 'global-variable-set', name: 'max_connections', value: 151n, list: [1, null, 'x', -9007199254740993n] };
    assert.deepEqual(decodeWire(encodeWire(value)), value);
  });
});
