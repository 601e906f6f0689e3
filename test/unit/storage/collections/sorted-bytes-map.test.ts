// Tests SortedBytesMap and its cursor against a plain model, including forks (copy-on-write snapshots).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SortedBytesMap } from '../../../../src/storage/collections/sorted-bytes-map.js';
import { SortedBytesMapCursor } from '../../../../src/storage/collections/sorted-bytes-map-cursor.js';

const keyOf = (n: number): Buffer => {
  const key = Buffer.alloc(4);
  key.writeUInt32BE(n);
  return key;
};

function forward(map: SortedBytesMap<number>, from?: number): number[] {
  const out: number[] = [];
  const cursor = new SortedBytesMapCursor(map).seekGE(from === undefined ? undefined : keyOf(from));
  for (; cursor.isValid; cursor.next()) out.push(cursor.value);
  return out;
}

function backward(map: SortedBytesMap<number>, before?: number): number[] {
  const out: number[] = [];
  const cursor = new SortedBytesMapCursor(map).seekLT(before === undefined ? undefined : keyOf(before));
  for (; cursor.isValid; cursor.prev()) out.push(cursor.value);
  return out;
}

function modelSorted(model: Map<number, number>): number[] {
  return [...model.keys()].sort((a, b) => a - b);
}

type Op = { kind: 'set'; key: number } | { kind: 'delete'; key: number } | { kind: 'fork' };

const opArb = (maxKey: number): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: maxKey }).map((key): Op => ({ kind: 'set', key })) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: maxKey }).map((key): Op => ({ kind: 'delete', key })) },
    { weight: 1, arbitrary: fc.constant<Op>({ kind: 'fork' }) },
  );

void describe('SortedBytesMap', () => {
  void it('matches a model through sets, deletes and forks; forks stay frozen', () => {
    fc.assert(
      fc.property(fc.array(opArb(3000), { maxLength: 1500 }), fc.integer({ min: 0, max: 3000 }), (ops, probe) => {
        const map = new SortedBytesMap<number>();
        const model = new Map<number, number>();
        const forks: { fork: SortedBytesMap<number>; keys: number[] }[] = [];
        for (const [i, op] of ops.entries()) {
          if (op.kind === 'set') {
            map.set(keyOf(op.key), op.key);
            model.set(op.key, op.key);
          } else if (op.kind === 'delete') {
            assert.equal(map.delete(keyOf(op.key)), model.delete(op.key), `delete #${i}`);
          } else {
            forks.push({ fork: map.fork(), keys: modelSorted(model) });
          }
        }
        const sorted = modelSorted(model);
        assert.equal(map.size, model.size);
        assert.deepEqual(forward(map), sorted);
        assert.deepEqual(backward(map), [...sorted].reverse());
        assert.deepEqual(
          forward(map, probe),
          sorted.filter((k) => k >= probe),
        );
        assert.deepEqual(backward(map, probe), sorted.filter((k) => k < probe).reverse());
        assert.equal(map.get(keyOf(probe)), model.get(probe));
        assert.equal(map.has(keyOf(probe)), model.has(probe));
        for (const { fork, keys } of forks) {
          assert.deepEqual(forward(fork), keys);
          assert.equal(fork.size, keys.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  void it('handles bulk ascending inserts and deleting everything', () => {
    const map = new SortedBytesMap<number>();
    for (let i = 0; i < 20000; i++) map.set(keyOf(i), i);
    const frozen = map.fork();
    for (let i = 0; i < 20000; i += 2) map.delete(keyOf(i));
    assert.equal(map.size, 10000);
    assert.deepEqual(forward(map, 19990), [19991, 19993, 19995, 19997, 19999]);
    for (let i = 1; i < 20000; i += 2) map.delete(keyOf(i));
    assert.equal(map.size, 0);
    assert.deepEqual(forward(map), []);
    assert.deepEqual(backward(map), []);
    assert.equal(frozen.size, 20000);
    assert.deepEqual(backward(frozen, 3), [2, 1, 0]);
  });

  void it('orders keys as unsigned bytes, shorter prefixes first', () => {
    const map = new SortedBytesMap<string>();
    for (const key of ['b', 'a', 'ab', '\u00ff', 'a\u0000', '']) map.set(Buffer.from(key, 'latin1'), key);
    const out: string[] = [];
    for (const cursor = new SortedBytesMapCursor(map).seekGE(undefined); cursor.isValid; cursor.next())
      out.push(cursor.value);
    assert.deepEqual(out, ['', 'a', 'a\u0000', 'ab', 'b', '\u00ff']);
  });
});
