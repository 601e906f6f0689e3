// Unit tests for sqllogictest value formatting (I as %d, R as %.3f, T as text, NULL, empty, unprintable bytes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatRow, formatValue } from './slt-format.js';

describe('formatValue', () => {
  it('prints NULL for every type', () => {
    for (const type of ['I', 'R', 'T'] as const) assert.equal(formatValue(null, type), 'NULL');
  });

  it('prints integers truncated toward zero, exactly for long DECIMAL and BIGINT text', () => {
    assert.equal(formatValue(42, 'I'), '42');
    assert.equal(formatValue('-17', 'I'), '-17');
    assert.equal(formatValue('0.5000', 'I'), '0');
    assert.equal(formatValue('-0.5000', 'I'), '0');
    assert.equal(formatValue('122.6000', 'I'), '122');
    assert.equal(formatValue('-122.6000', 'I'), '-122');
    assert.equal(formatValue('12345678901234567890.75', 'I'), '12345678901234567890');
    assert.equal(formatValue(-3.99, 'I'), '-3');
    assert.equal(formatValue('1.5e3', 'I'), '1500');
    assert.equal(formatValue('abc', 'I'), '0');
    assert.equal(formatValue('', 'I'), '0');
  });

  it('prints reals with three decimals, ties to even as printf does', () => {
    assert.equal(formatValue(49.43, 'R'), '49.430');
    assert.equal(formatValue('0.5000', 'R'), '0.500');
    assert.equal(formatValue('-2.0004', 'R'), '-2.000');
    assert.equal(formatValue(1 / 3, 'R'), '0.333');
    assert.equal(formatValue(0.0625, 'R'), '0.062');
    assert.equal(formatValue(0.1875, 'R'), '0.188');
    assert.equal(formatValue(-0.0625, 'R'), '-0.062');
    assert.equal(formatValue(0.0005, 'R'), '0.001');
    assert.equal(formatValue(7, 'R'), '7.000');
  });

  it('prints text with (empty) and @ for bytes outside printable ASCII', () => {
    assert.equal(formatValue('ygjce', 'T'), 'ygjce');
    assert.equal(formatValue('', 'T'), '(empty)');
    assert.equal(formatValue('a\tb\n', 'T'), 'a@b@');
    assert.equal(formatValue('é', 'T'), '@@');
    assert.equal(formatValue(Buffer.from([0x41, 0x00, 0x7f]), 'T'), 'A@@');
    assert.equal(formatValue(12, 'T'), '12');
  });

  it('formats a row by its type letters', () => {
    assert.deepEqual(formatRow([1, '2.5000', 'x', null], 'IRTI'), ['1', '2.500', 'x', 'NULL']);
  });
});
