// Tests TiDB's key scheme: key layouts, round trips, and that the ranges hold exactly their keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Datum, KeyRange } from '../../../../src/storage/index.js';
import {
  compareBytes,
  decodeIndexKey,
  decodeIndexKeyHandle,
  decodeMetaKey,
  decodeRowKey,
  encodeIndexKey,
  encodeMetaKey,
  encodeRowKey,
  indexValuesRange,
  tableIndexRange,
  tableRange,
  tableRecordRange,
} from '../../../../src/storage/index.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const idArb = fc.bigInt({ min: 0n, max: INT64_MAX - 1n });
const handleArb = fc.bigInt({ min: INT64_MIN, max: INT64_MAX });
const inRange = (key: Uint8Array, range: KeyRange): boolean =>
  compareBytes(key, range.start) >= 0 && (range.end === undefined || compareBytes(key, range.end) < 0);

void describe('tablecodec', () => {
  void it('lays out a row key as t{tableId}_r{handle} in 19 bytes', () => {
    const key = encodeRowKey(1n, 2n);
    assert.equal(key.length, 19);
    assert.equal(key.subarray(0, 1).toString(), 't');
    assert.deepEqual([...key.subarray(1, 9)], [0x80, 0, 0, 0, 0, 0, 0, 1]);
    assert.equal(key.subarray(9, 11).toString(), '_r');
    assert.deepEqual([...key.subarray(11)], [0x80, 0, 0, 0, 0, 0, 0, 2]);
  });

  void it('round-trips row keys and orders them by handle within a table', () => {
    fc.assert(
      fc.property(idArb, handleArb, handleArb, (tableId, h1, h2) => {
        assert.deepEqual(decodeRowKey(encodeRowKey(tableId, h1)), { tableId, handle: h1 });
        const expected = h1 < h2 ? -1 : h1 > h2 ? 1 : 0;
        assert.equal(Math.sign(compareBytes(encodeRowKey(tableId, h1), encodeRowKey(tableId, h2))), expected);
        assert.ok(inRange(encodeRowKey(tableId, h1), tableRecordRange(tableId)));
        assert.ok(inRange(encodeRowKey(tableId, h1), tableRange(tableId)));
        assert.ok(!inRange(encodeRowKey(tableId + 1n, h1), tableRange(tableId)));
      }),
    );
    assert.throws(() => decodeRowKey(encodeIndexKey(1n, 1n, [1n])), /not a row key/);
  });

  void it('encodes handles within and around 2^53 (the fast path of row keys) as the full int64 form does', () => {
    const nearArb = fc.oneof(fc.bigInt({ min: -(1n << 54n), max: 1n << 54n }), fc.bigInt({ min: -70000n, max: 70000n }));
    fc.assert(
      fc.property(idArb, nearArb, nearArb, (tableId, h1, h2) => {
        assert.deepEqual(decodeRowKey(encodeRowKey(tableId, h1)), { tableId, handle: h1 });
        const expected = h1 < h2 ? -1 : h1 > h2 ? 1 : 0;
        assert.equal(Math.sign(compareBytes(encodeRowKey(tableId, h1), encodeRowKey(tableId, h2))), expected);
      }),
    );
    const edges = [-(1n << 53n) - 1n, -(1n << 53n) + 1n, -(1n << 32n), -1n, 0n, (1n << 32n) - 1n, 1n << 32n, (1n << 53n) - 1n, 1n << 53n];
    for (const handle of edges) assert.equal(decodeRowKey(encodeRowKey(5n, handle)).handle, handle);
    assert.deepEqual([...encodeRowKey(1n, -1n).subarray(11)], [0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  });

  void it('round-trips index keys, with and without a handle', () => {
    const values: Datum[] = [null, 42n, 'abc', 1.5];
    const unique = encodeIndexKey(7n, 3n, values);
    const decoded = decodeIndexKey(unique);
    assert.equal(decoded.tableId, 7n);
    assert.equal(decoded.indexId, 3n);
    assert.deepEqual(decoded.values, [null, 42n, Buffer.from('abc'), 1.5]);
    const nonUnique = encodeIndexKey(7n, 3n, values, -9n);
    assert.deepEqual(decodeIndexKey(nonUnique).values.at(-1), -9n);
    assert.equal(decodeIndexKeyHandle(nonUnique), -9n);
    assert.throws(() => decodeIndexKey(encodeRowKey(7n, 1n)), /not an index key/);
  });

  void it('keeps each index in its own range, apart from the rows', () => {
    fc.assert(
      fc.property(
        idArb,
        fc.bigInt({ min: 0n, max: 1000n }),
        fc.string(),
        handleArb,
        (tableId, indexId, value, handle) => {
          const key = encodeIndexKey(tableId, indexId, [value], handle);
          assert.ok(inRange(key, tableIndexRange(tableId, indexId)));
          assert.ok(inRange(key, indexValuesRange(tableId, indexId, [value])));
          assert.ok(inRange(key, tableRange(tableId)));
          assert.ok(!inRange(key, tableRecordRange(tableId)));
          assert.ok(!inRange(key, tableIndexRange(tableId, indexId + 1n)));
          assert.ok(!inRange(encodeRowKey(tableId, handle), tableIndexRange(tableId, indexId)));
        },
      ),
    );
  });

  void it('prefix-matches index values without matching longer values', () => {
    const range = indexValuesRange(1n, 1n, ['ab']);
    assert.ok(inRange(encodeIndexKey(1n, 1n, ['ab', 5n], 1n), range));
    assert.ok(!inRange(encodeIndexKey(1n, 1n, ['abc'], 1n), range));
    assert.ok(!inRange(encodeIndexKey(1n, 1n, ['a'], 1n), range));
  });

  void it('round-trips catalog keys under the m prefix', () => {
    const key = encodeMetaKey('DB', 12n);
    assert.equal(key[0], 'm'.charCodeAt(0));
    assert.deepEqual(decodeMetaKey(key), [Buffer.from('DB'), 12n]);
    assert.ok(compareBytes(encodeMetaKey('DB', 2n), encodeMetaKey('DB', 10n)) < 0);
    assert.throws(() => decodeMetaKey(encodeRowKey(1n, 1n)), /not a catalog/);
  });
});
