// Tests the memcomparable codec: encode→decode identity and byte order == value order, plus TiDB's known vectors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { Datum } from '../../../../src/storage/index.js';
import {
  KeyReader,
  decodeKeyDatums,
  encodeBytes,
  encodeDecimal,
  encodeFloat64,
  encodeInt64,
  encodeKeyDatums,
  encodeUint64,
} from '../../../../src/storage/index.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
const sign = (n: number | bigint): number => (n > 0 ? 1 : n < 0 ? -1 : 0);
const order = (a: Uint8Array, b: Uint8Array): number => sign(Buffer.compare(a, b));

const decimalArb = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^[0-9]{1,40}$/),
    fc.stringMatching(/^[0-9]{0,30}$/),
    fc.integer({ min: -40, max: 40 }),
  )
  .map(
    ([negative, whole, fraction, exponent]) =>
      new Decimal(`${negative ? '-' : ''}${whole}.${fraction || '0'}e${exponent}`),
  );

void describe('memcomparable', () => {
  void it('encodes int64 as 8 bytes with the sign bit flipped, in value order', () => {
    assert.deepEqual([...encodeInt64(0n)], [0x80, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual([...encodeInt64(-1n)], [0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    assert.deepEqual([...encodeInt64(INT64_MIN)], [0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual([...encodeInt64(INT64_MAX)], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    assert.throws(() => encodeInt64(INT64_MAX + 1n), RangeError);
    fc.assert(
      fc.property(
        fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
        fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
        (a, b) => {
          assert.equal(new KeyReader(encodeInt64(a)).readInt64(), a);
          assert.equal(order(encodeInt64(a), encodeInt64(b)), sign(a - b));
        },
      ),
    );
  });

  void it('encodes uint64 big endian, in value order', () => {
    assert.deepEqual([...encodeUint64(UINT64_MAX)], Array<number>(8).fill(0xff));
    assert.throws(() => encodeUint64(-1n), RangeError);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: UINT64_MAX }), fc.bigInt({ min: 0n, max: UINT64_MAX }), (a, b) => {
        assert.equal(new KeyReader(encodeUint64(a)).readUint64(), a);
        assert.equal(order(encodeUint64(a), encodeUint64(b)), sign(a - b));
      }),
    );
  });

  void it('encodes float64 in value order; -0 as 0; NaN rejected', () => {
    assert.deepEqual(encodeFloat64(-0), encodeFloat64(0));
    assert.ok(Object.is(new KeyReader(encodeFloat64(-0)).readFloat64(), 0));
    assert.throws(() => encodeFloat64(NaN), RangeError);
    const edges = [
      -Infinity,
      -Number.MAX_VALUE,
      -1,
      -Number.MIN_VALUE,
      0,
      Number.MIN_VALUE,
      1,
      Number.MAX_VALUE,
      Infinity,
    ];
    for (let i = 1; i < edges.length; i++)
      assert.equal(order(encodeFloat64(edges[i - 1]!), encodeFloat64(edges[i]!)), -1);
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        assert.equal(new KeyReader(encodeFloat64(a)).readFloat64(), a === 0 ? 0 : a);
        assert.equal(order(encodeFloat64(a), encodeFloat64(b)), sign(a - b));
      }),
    );
  });

  void it("matches TiDB's group encoding vectors", () => {
    assert.deepEqual([...encodeBytes(Buffer.alloc(0))], [0, 0, 0, 0, 0, 0, 0, 0, 247]);
    assert.deepEqual([...encodeBytes(Buffer.from([1, 2, 3]))], [1, 2, 3, 0, 0, 0, 0, 0, 250]);
    assert.deepEqual([...encodeBytes(Buffer.from([1, 2, 3, 0]))], [1, 2, 3, 0, 0, 0, 0, 0, 251]);
    assert.deepEqual(
      [...encodeBytes(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]))],
      [1, 2, 3, 4, 5, 6, 7, 8, 255, 0, 0, 0, 0, 0, 0, 0, 0, 247],
    );
  });

  void it('encodes bytes in byte order and decodes them back, across groups and with zero bytes', () => {
    const cases = [
      Buffer.alloc(0),
      Buffer.from([0]),
      Buffer.from('a\u0000b'),
      Buffer.alloc(8, 7),
      Buffer.alloc(17, 0),
      Buffer.alloc(1000, 0xff),
    ];
    for (const bytes of cases) assert.deepEqual(new KeyReader(encodeBytes(bytes)).readGroupBytes(), bytes);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        assert.deepEqual(new KeyReader(encodeBytes(a)).readGroupBytes(), Buffer.from(a));
        assert.equal(order(encodeBytes(a), encodeBytes(b)), order(a, b));
      }),
    );
  });

  void it('encodes strings as their UTF-8 bytes, so order is code point order', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        (a, b) => {
          const [ua, ub] = [Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')];
          assert.deepEqual(decodeKeyDatums(encodeKeyDatums([a])), [ua]);
          assert.equal(order(encodeKeyDatums([a]), encodeKeyDatums([b])), order(ua, ub));
        },
      ),
    );
  });

  void it('encodes decimals in value order and decodes them exactly', () => {
    const values = [
      '-1e30',
      '-123456789012345678901234567890.123456789012345678901234567890',
      '-1.5',
      '-1',
      '-0.1000000001',
      '-0.1',
      '-1e-30',
      '0',
      '1e-30',
      '0.000000001',
      '0.1',
      '0.105',
      '1',
      '1.5',
      '10',
      '1e30',
      '99999999999999999999999999999999999.999999999999999999999999999999',
    ].map((text) => new Decimal(text));
    for (let i = 1; i < values.length; i++) {
      assert.equal(
        order(encodeDecimal(values[i - 1]!), encodeDecimal(values[i]!)),
        -1,
        `${values[i - 1]!.toString()} < ${values[i]!.toString()}`,
      );
    }
    assert.deepEqual(encodeDecimal(new Decimal('-0')), encodeDecimal(new Decimal(0)));
    assert.deepEqual(encodeDecimal(new Decimal('1.50')), encodeDecimal(new Decimal('1.5')));
    assert.throws(() => encodeDecimal(new Decimal(NaN)), RangeError);
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        const decoded = new KeyReader(encodeDecimal(a)).readDecimal();
        assert.ok(decoded.eq(a), `${decoded.toString()} == ${a.toString()}`);
        assert.equal(order(encodeDecimal(a), encodeDecimal(b)), a.cmp(b));
      }),
    );
  });

  void it('keeps NULL, empty string and a zero byte apart, NULL first', () => {
    const nil = encodeKeyDatums([null]);
    const empty = encodeKeyDatums(['']);
    const zero = encodeKeyDatums([Buffer.from([0])]);
    assert.equal(order(nil, empty), -1);
    assert.equal(order(empty, zero), -1);
    assert.deepEqual(decodeKeyDatums(Buffer.concat([nil, empty, zero])), [null, Buffer.alloc(0), Buffer.from([0])]);
  });

  void it('orders bigints across the int and uint flags by value', () => {
    const values = [INT64_MIN, -1n, 0n, INT64_MAX, INT64_MAX + 1n, UINT64_MAX];
    for (let i = 1; i < values.length; i++) {
      assert.equal(order(encodeKeyDatums([values[i - 1]!]), encodeKeyDatums([values[i]!])), -1);
    }
    assert.deepEqual(decodeKeyDatums(encodeKeyDatums(values)), values);
    assert.throws(() => encodeKeyDatums([UINT64_MAX + 1n]), RangeError);
    assert.throws(() => encodeKeyDatums([INT64_MIN - 1n]), RangeError);
  });

  void it('orders tuples lexicographically, column by column', () => {
    type Kind = 'int' | 'float' | 'string' | 'decimal';
    const arbOf = (kind: Kind): fc.Arbitrary<Datum> => {
      const base: fc.Arbitrary<Datum> =
        kind === 'int'
          ? fc.bigInt({ min: INT64_MIN, max: UINT64_MAX })
          : kind === 'float'
            ? fc.double({ noNaN: true }).map((x) => (x === 0 ? 0 : x))
            : kind === 'string'
              ? fc.string({ maxLength: 12 })
              : decimalArb;
      return fc.option(base, { nil: null, freq: 5 });
    };
    const compareDatum = (a: Datum, b: Datum): number => {
      if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
      if (typeof a === 'bigint' && typeof b === 'bigint') return sign(a - b);
      if (typeof a === 'number' && typeof b === 'number') return sign(a - b);
      if (typeof a === 'string' && typeof b === 'string') return order(Buffer.from(a), Buffer.from(b));
      if (a instanceof Decimal && b instanceof Decimal) return a.cmp(b);
      throw new Error('mixed kinds');
    };
    const tuplePair = fc
      .array(fc.constantFrom<Kind>('int', 'float', 'string', 'decimal'), { minLength: 1, maxLength: 4 })
      .chain((kinds) => fc.tuple(fc.tuple(...kinds.map(arbOf)), fc.tuple(...kinds.map(arbOf))));
    fc.assert(
      fc.property(tuplePair, ([a, b]) => {
        let expected = 0;
        for (let i = 0; i < a.length && expected === 0; i++) expected = compareDatum(a[i]!, b[i]!);
        assert.equal(order(encodeKeyDatums(a), encodeKeyDatums(b)), expected);
        const decoded = decodeKeyDatums(encodeKeyDatums(a));
        assert.equal(decoded.length, a.length);
        // Strings come back as their UTF-8 bytes.
        const asText = (datum: Datum): Datum =>
          datum instanceof Uint8Array ? Buffer.from(datum).toString('utf8') : datum;
        for (let i = 0; i < a.length; i++) assert.equal(compareDatum(a[i]!, asText(decoded[i]!)), 0);
      }),
      { numRuns: 300 },
    );
  });

  void it('rejects truncated and corrupt input with an Error', () => {
    assert.throws(() => decodeKeyDatums(encodeKeyDatums([5n]).subarray(0, 5)), /truncated/);
    assert.throws(() => decodeKeyDatums(Buffer.from([99])), /unsupported datum flag 99/);
    assert.throws(() => decodeKeyDatums(Buffer.from([1, 1, 0, 0, 0, 0, 0, 0, 0, 200])), /invalid group marker/);
  });
});
