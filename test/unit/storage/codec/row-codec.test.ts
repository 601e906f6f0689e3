// Tests the row value format: round trips of every datum kind, NULL vs empty vs absent, and the large layout.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { Datum } from '../../../../src/storage/index.js';
import { decodeRow, decodeRowAll, encodeRow } from '../../../../src/storage/index.js';

const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

const datumArb: fc.Arbitrary<Datum> = fc.oneof(
  fc.constant(null),
  fc.bigInt({ min: INT64_MIN, max: UINT64_MAX }),
  fc.constantFrom(0n, -1n, 127n, 128n, -129n, 32767n, 32768n, 2147483647n, 2147483648n, -2147483649n),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.uint8Array({ maxLength: 20 }).map((bytes) => Buffer.from(bytes)),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.nat(30))
    .map(([n, scale]) => new Decimal(`${n}e-${scale}`)),
);

/** Datums as comparable plain values (decimals by value, floats by bits). */
function plain(datum: Datum | undefined): unknown {
  if (datum instanceof Decimal) return { decimal: datum.toString() };
  if (typeof datum === 'number') return { float: Object.is(datum, -0) ? '-0' : String(datum) };
  if (datum instanceof Uint8Array) return { bytes: Buffer.from(datum).toString('hex') };
  return datum;
}

void describe('row codec', () => {
  void it('round-trips any row, decoding wanted columns in any order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 600 }), { minLength: 0, maxLength: 12 }),
        fc.array(datumArb, { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 601, max: 700 }),
        (ids, datums, missingId) => {
          const values = ids.map((_, i) => datums[i]!);
          const row = encodeRow(ids, values);
          const wanted = [...ids].reverse().concat(missingId);
          const decoded = decodeRow(row, wanted);
          assert.deepEqual(decoded.map(plain), [...values].reverse().map(plain).concat(undefined));
          const all = decodeRowAll(row);
          assert.equal(all.size, ids.length);
          for (const [i, id] of ids.entries()) assert.deepEqual(plain(all.get(id)), plain(values[i]));
        },
      ),
      { numRuns: 300 },
    );
  });

  void it('keeps NULL, the empty string, empty bytes and an absent column apart', () => {
    const row = encodeRow([1, 2, 3], [null, '', Buffer.alloc(0)]);
    assert.deepEqual(decodeRow(row, [1, 2, 3, 4]), [null, '', Buffer.alloc(0), undefined]);
  });

  void it('stores extreme integers, -0, NaN and long decimals exactly', () => {
    const values: Datum[] = [
      INT64_MIN,
      (1n << 63n) - 1n,
      UINT64_MAX,
      -0,
      NaN,
      Infinity,
      new Decimal('-12345678901234567890123456789.000000000123'),
    ];
    const ids = values.map((_, i) => i + 1);
    const decoded = decodeRow(encodeRow(ids, values), ids);
    assert.deepEqual(decoded.map(plain), values.map(plain));
  });

  void it('is compact for small rows and switches to the large layout when needed', () => {
    assert.equal(encodeRow([1, 2], [1n, 'ab']).length, 6 + 2 + 4 + 2 + 3);
    const bigValue = 'x'.repeat(70000);
    assert.deepEqual(decodeRow(encodeRow([1, 2], [bigValue, 5n]), [2, 1]), [5n, bigValue]);
    assert.deepEqual(decodeRow(encodeRow([1000, 70000], [null, 7n]), [70000, 1000]), [7n, null]);
  });

  void it('rejects bad input', () => {
    assert.throws(() => encodeRow([1, 1], [1n, 2n]), /duplicate column id 1/);
    assert.throws(() => encodeRow([1], []), RangeError);
    assert.throws(() => encodeRow([-1], [1n]), /invalid column id/);
    assert.throws(() => encodeRow([1], [UINT64_MAX + 1n]), RangeError);
    assert.throws(() => decodeRow(Buffer.from([1, 2, 3]), [1]), /corrupt row/);
  });
});
