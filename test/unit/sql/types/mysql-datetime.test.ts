// Unit tests: MysqlDateTime parsing, printing, rounding and the order-preserving packed form.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MysqlDateTime } from '../../../../src/sql/types/index.js';

describe('MysqlDateTime', () => {
  it('parses and prints MySQL literal forms', () => {
    const cases: Array<[string, 'date' | 'datetime', number, string]> = [
      ['2024-01-02 03:04:05', 'datetime', 0, '2024-01-02 03:04:05'],
      ['2024-01-02T03:04:05', 'datetime', 0, '2024-01-02 03:04:05'],
      ['2024-1-2', 'datetime', 0, '2024-01-02 00:00:00'],
      ['20240102030405', 'datetime', 0, '2024-01-02 03:04:05'],
      ['2024-01-02 03:04:05.123456', 'datetime', 3, '2024-01-02 03:04:05.123'],
      ['2024-01-02 03:04:05.9999', 'datetime', 0, '2024-01-02 03:04:06'],
      ['2024-12-31 23:59:59.7', 'datetime', 0, '2025-01-01 00:00:00'],
      ['99-01-02', 'date', 0, '1999-01-02'],
      ['2024-02-29 10:00:00', 'date', 0, '2024-02-29'],
    ];
    for (const [text, kind, fsp, expected] of cases) assert.equal(MysqlDateTime.parse(text, kind, fsp).toString(), expected, text);
  });

  it('rejects invalid dates with 1292', () => {
    for (const text of ['2023-02-29', '2024-13-01', 'abc', '2024-01-01 24:00:00', '0000-00-00']) {
      assert.throws(() => MysqlDateTime.parse(text), (error: { code?: number }) => error.code === 1292, text);
    }
  });

  it('packs so that byte order equals time order, and unpacks to the same value', () => {
    const arbitrary = fc.record({
      year: fc.integer({ min: 1, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      micro: fc.integer({ min: 0, max: 999_999 }),
    });
    const make = (v: { year: number; month: number; day: number; hour: number; minute: number; second: number; micro: number }): MysqlDateTime =>
      new MysqlDateTime('datetime', v.year, v.month, v.day, v.hour, v.minute, v.second, v.micro, 6);
    fc.assert(
      fc.property(arbitrary, arbitrary, (a, b) => {
        const x = make(a);
        const y = make(b);
        assert.equal(MysqlDateTime.unpack(x.pack(), 'datetime', 6).toString(), x.toString());
        const byFields = x.toString() < y.toString() ? -1 : x.toString() > y.toString() ? 1 : 0;
        const byPacked = x.pack() < y.pack() ? -1 : x.pack() > y.pack() ? 1 : 0;
        assert.equal(byPacked, byFields);
      }),
    );
  });
});
