// Unit tests: MysqlTime reading text and numbers as MySQL 8 does, rounding, clipping, printing and storage order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { MysqlDateTime, MysqlTime, TIME_MAX_MICROS, TypeKind, coerceToColumn, fieldType } from '../../../../src/sql/types/index.js';
import type { SqlValue } from '../../../../src/sql/types/index.js';
import type { MySqlError } from '../../../../src/errors/index.js';
import { encodeKeyDatums } from '../../../../src/storage/index.js';
import { datumToValue, indexDatum } from '../../../../src/sql/table/row-datums.js';
import { CURRENT_INDEX_KEY_VERSION } from '../../../../src/sql/catalog/index.js';

/** `text` read at `fsp`, printed, with its warning flags ('T' truncated, 'O' out of range), or 'invalid'. */
function read(text: string, fsp = 0): string {
  const conversion = MysqlTime.fromText(text, fsp);
  if (!conversion) return 'invalid';
  const flags = `${conversion.isTruncated ? 'T' : ''}${conversion.isOutOfRange ? 'O' : ''}`;
  return flags ? `${conversion.time.toString()} ${flags}` : conversion.time.toString();
}

function readNumber(value: bigint | number | Decimal, fsp = 0): string {
  const conversion = MysqlTime.fromNumber(value, fsp);
  return conversion.isOutOfRange ? `${conversion.time.toString()} O` : conversion.time.toString();
}

describe('MysqlTime.fromText', () => {
  it('reads the colon forms, with days, signs and fractions', () => {
    const cases: Array<[string, number, string]> = [
      ['12:34:56', 0, '12:34:56'],
      ['  12:34:56  ', 0, '12:34:56'],
      ['12:34', 0, '12:34:00'],
      ['1:2:3', 0, '01:02:03'],
      ['1 12:00:00', 0, '36:00:00'],
      ['2 03', 0, '51:00:00'],
      ['2 3', 0, '00:00:02 T'],
      ['1 12:30', 0, '36:30:00'],
      ['34 22:59:59', 0, '838:59:59'],
      ['-12:00', 0, '-12:00:00'],
      ['-1 01:00:00.5', 1, '-25:00:00.5'],
      ['100:00:00', 0, '100:00:00'],
      ['838:59:59', 0, '838:59:59'],
      ['-838:59:59', 0, '-838:59:59'],
      ['12:34:56.123456', 6, '12:34:56.123456'],
      ['12:34:56.1234567', 6, '12:34:56.123457'],
      ['12:34:56.123', 6, '12:34:56.123000'],
      ['12:34:56.', 0, '12:34:56'],
      ['-00:00:00.000001', 6, '-00:00:00.000001'],
      ['00:00:00', 0, '00:00:00'],
      ['-00:00:00', 0, '00:00:00'],
    ];
    for (const [text, fsp, expected] of cases) assert.equal(read(text, fsp), expected, text);
  });

  it('reads digit strings from the right: seconds, then minutes, then hours', () => {
    const cases: Array<[string, string]> = [
      ['123456', '12:34:56'],
      ['1234', '00:12:34'],
      ['34', '00:00:34'],
      ['5', '00:00:05'],
      ['8385959', '838:59:59'],
      ['-123456', '-12:34:56'],
      ['123456.5', '12:34:57'],
      ['000000', '00:00:00'],
    ];
    for (const [text, expected] of cases) assert.equal(read(text), expected, text);
  });

  it('takes the time part of a whole datetime', () => {
    assert.equal(read('2020-01-02 03:04:05'), '03:04:05');
    assert.equal(read('2020-01-02 03:04:05.678', 3), '03:04:05.678');
    assert.equal(read('20200102030405'), '03:04:05');
  });

  it('rounds to the fsp half away from zero, carrying into seconds, minutes and hours', () => {
    assert.equal(read('12:34:56.5', 0), '12:34:57');
    assert.equal(read('12:34:56.4999', 0), '12:34:56');
    assert.equal(read('-12:34:56.5', 0), '-12:34:57');
    assert.equal(read('23:59:59.95', 1), '24:00:00.0');
    assert.equal(read('10:00:00.125', 2), '10:00:00.13');
  });

  it('clips beyond ±838:59:59 and flags it', () => {
    assert.equal(read('900:00:00'), '838:59:59 O');
    assert.equal(read('-900:00:00'), '-838:59:59 O');
    assert.equal(read('838:59:59.5', 0), '838:59:59 O');
    assert.equal(read('838:59:59.5', 1), '838:59:59.0 O');
    assert.equal(read('35 00:00:00'), '838:59:59 O');
    assert.equal(read('8395959'), '838:59:59 O');
    assert.equal(read('9999999'), 'invalid');
  });

  it('flags trailing garbage but keeps what it read', () => {
    assert.equal(read('12:34:56x'), '12:34:56 T');
    assert.equal(read('12:34:56 abc'), '12:34:56 T');
    assert.equal(read('2020-01-01'), '00:20:20 T');
    assert.equal(read('12:'), '00:00:12 T');
  });

  it('rejects text that is no time', () => {
    for (const text of ['abc', '', '   ', '-', '12:60:00', '12:00:60', '1260', '126000', '1e5', 'x12:00']) {
      assert.equal(read(text), 'invalid', JSON.stringify(text));
    }
  });
});

describe('MysqlTime.fromNumber', () => {
  it('reads HHMMSS numbers and fractions', () => {
    assert.equal(readNumber(123456n), '12:34:56');
    assert.equal(readNumber(-123456n), '-12:34:56');
    assert.equal(readNumber(34n), '00:00:34');
    assert.equal(readNumber(0n), '00:00:00');
    assert.equal(readNumber(12.5, 1), '00:00:12.5');
    assert.equal(readNumber(12.5), '00:00:13');
    assert.equal(readNumber(new Decimal('-123456.789'), 3), '-12:34:56.789');
    assert.equal(readNumber(8385959n), '838:59:59');
  });

  it('clips large numbers, reads 11+ digits as datetimes, and zeroes 60 minutes or seconds', () => {
    assert.equal(readNumber(8385960n), '838:59:59 O');
    assert.equal(readNumber(-9000000n), '-838:59:59 O');
    assert.equal(readNumber(20200101123456n), '12:34:56');
    assert.equal(readNumber(126000n), '00:00:00 O');
    assert.equal(readNumber(160n), '00:00:00 O');
  });
});

describe('MysqlTime values', () => {
  it('prints hours beyond a day and the sign', () => {
    assert.equal(new MysqlTime(TIME_MAX_MICROS).toString(), '838:59:59');
    assert.equal(new MysqlTime(-TIME_MAX_MICROS).toString(), '-838:59:59');
    assert.equal(new MysqlTime(-1, 6).toString(), '-00:00:00.000001');
    assert.equal(new MysqlTime(3_600_000_000 * 100 + 5, 6).toString(), '100:00:00.000005');
  });

  it('has MySQL numeric forms', () => {
    assert.equal(MysqlTime.fromText('12:34:56')!.time.toDecimal().toString(), '123456');
    assert.equal(MysqlTime.fromText('-12:34:56.5', 1)!.time.toDecimal().toString(), '-123456.5');
    assert.equal(MysqlTime.fromText('100:00:00')!.time.toNumber(), 1_000_000);
    assert.equal(MysqlTime.fromText('-01:00:01.5', 1)!.time.toSeconds().toString(), '-3601.5');
  });

  it('converts from and to DATETIME', () => {
    const dateTime = MysqlDateTime.parse('2020-03-04 05:06:07.891', 'datetime', 3);
    assert.equal(MysqlTime.fromDateTime(dateTime).toString(), '05:06:07.891');
    assert.equal(MysqlTime.fromDateTime(dateTime, 0).toString(), '05:06:08');
    const day = MysqlDateTime.parse('2020-12-31', 'date');
    assert.equal(MysqlTime.fromText('25:00:00', 0)!.time.toDateTime(day).toString(), '2021-01-01 01:00:00');
    assert.equal(MysqlTime.fromText('-01:00:00.5', 1)!.time.toDateTime(day).toString(), '2020-12-30 22:59:59.5');
  });
});

describe('TIME columns', () => {
  const time0 = fieldType(TypeKind.Time, { decimals: 0 });
  const time3 = fieldType(TypeKind.Time, { decimals: 3 });

  function store(value: SqlValue, isStrict: boolean, type = time0): { value: string; warnings: string[] } {
    const warnings: string[] = [];
    const stored = coerceToColumn(value, type, { columnName: 't', rowNumber: 2, isStrict, warnings: { warn: (w) => warnings.push(`${w.code} ${w.message}`) } });
    return { value: String(stored), warnings };
  }

  it('stores, rounding to the column fsp', () => {
    assert.deepEqual(store('12:34:56.7', false), { value: '12:34:57', warnings: [] });
    assert.deepEqual(store('12:34:56.7891', false, time3), { value: '12:34:56.789', warnings: [] });
    assert.deepEqual(store(123456n, true), { value: '12:34:56', warnings: [] });
    assert.deepEqual(store(12.5, true, time3), { value: '00:00:12.500', warnings: [] });
    assert.deepEqual(store(MysqlDateTime.parse('2020-01-01 10:11:12'), true), { value: '10:11:12', warnings: [] });
  });

  it('warns 1264 when clipping and 1292 for bad text in non-strict mode', () => {
    assert.deepEqual(store('900:00:00', false), { value: '838:59:59', warnings: ["1264 Out of range value for column 't' at row 2"] });
    assert.deepEqual(store(-9000000n, false), { value: '-838:59:59', warnings: ["1264 Out of range value for column 't' at row 2"] });
    assert.deepEqual(store(126000n, false), { value: '00:00:00', warnings: ["1264 Out of range value for column 't' at row 2"] });
    assert.deepEqual(store('abc', false), { value: '00:00:00', warnings: ["1292 Incorrect time value: 'abc' for column 't' at row 2"] });
    assert.deepEqual(store('10:00:00x', false), { value: '10:00:00', warnings: ["1292 Incorrect time value: '10:00:00x' for column 't' at row 2"] });
  });

  it('fails with 1292 in strict mode', () => {
    for (const value of ['900:00:00', 'abc', '10:00:00x', 126000n, 9000000n] as SqlValue[]) {
      assert.throws(() => store(value, true), (error: MySqlError) => {
        assert.equal(error.code, 1292);
        assert.equal(error.message, `Incorrect time value: '${String(value)}' for column 't' at row 2`);
        return true;
      });
    }
  });

  it('round-trips through datums, and index keys sort like the times, negatives first', () => {
    const arbitrary = fc.integer({ min: -TIME_MAX_MICROS, max: TIME_MAX_MICROS });
    fc.assert(
      fc.property(arbitrary, arbitrary, (a, b) => {
        const x = new MysqlTime(a, 6);
        const y = new MysqlTime(b, 6);
        assert.equal(String(datumToValue(indexDatum(x, time3, CURRENT_INDEX_KEY_VERSION), fieldType(TypeKind.Time, { decimals: 6 }))), x.toString());
        const keyOrder = Math.sign(Buffer.compare(encodeKeyDatums([indexDatum(x, time3, CURRENT_INDEX_KEY_VERSION)]), encodeKeyDatums([indexDatum(y, time3, CURRENT_INDEX_KEY_VERSION)])));
        assert.equal(keyOrder, x.compare(y));
      }),
    );
    const sorted = ['-838:59:59', '-01:00:00', '-00:00:00.5', '00:00:00', '00:00:00.5', '23:59:59', '24:00:00', '838:59:59'];
    const keys = sorted.map((text) => encodeKeyDatums([indexDatum(MysqlTime.fromText(text, 1)!.time, time3, CURRENT_INDEX_KEY_VERSION)]));
    for (let i = 1; i < keys.length; i++) assert.ok(Buffer.compare(keys[i - 1]!, keys[i]!) < 0, sorted[i]);
  });
});
