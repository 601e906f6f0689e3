// Unit tests: storing values into typed columns with MySQL's strict-mode errors and lenient warnings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Decimal } from 'decimal.js';
import { TypeKind, coerceToColumn, fieldType } from '../../../../src/sql/types/index.js';
import type { FieldType, SqlValue } from '../../../../src/sql/types/index.js';
import type { MySqlError } from '../../../../src/errors/index.js';

function store(value: SqlValue, type: FieldType, isStrict = true): { value: SqlValue; warnings: MySqlError[] } {
  const warnings: MySqlError[] = [];
  const stored = coerceToColumn(value, type, { columnName: 'c', rowNumber: 1, isStrict, warnings: { warn: (w) => warnings.push(w) } });
  return { value: stored, warnings };
}

function assertError(value: SqlValue, type: FieldType, code: number, message: string): void {
  assert.throws(() => store(value, type), (error: MySqlError) => {
    assert.equal(error.code, code);
    assert.equal(error.message, message);
    return true;
  });
}

describe('coerceToColumn', () => {
  const int = fieldType(TypeKind.Int);
  const tinyUnsigned = fieldType(TypeKind.TinyInt, { isUnsigned: true });
  const decimal = fieldType(TypeKind.Decimal, { length: 5, decimals: 2 });
  const varchar = fieldType(TypeKind.VarChar, { length: 3 });

  it('stores integers exactly and checks their range', () => {
    assert.equal(store(2147483647n, int).value, 2147483647n);
    assert.equal(store('42', int).value, 42n);
    assert.equal(store(2.5, int).value, 3n);
    assert.equal(store(-2.5, int).value, -3n);
    assertError(2147483648n, int, 1264, "Out of range value for column 'c' at row 1");
    assertError(-1n, tinyUnsigned, 1264, "Out of range value for column 'c' at row 1");
    assertError('abc', int, 1366, "Incorrect integer value: 'abc' for column 'c' at row 1");
  });

  it('clips with a warning outside strict mode', () => {
    const result = store(300n, tinyUnsigned, false);
    assert.equal(result.value, 255n);
    assert.equal(result.warnings[0]?.code, 1264);
  });

  it('rounds decimals to the column scale and checks precision', () => {
    assert.equal((store('1.005', decimal).value as Decimal).toFixed(2), '1.01');
    assert.equal((store(999.994, decimal).value as Decimal).toFixed(2), '999.99');
    assertError('1000', decimal, 1264, "Out of range value for column 'c' at row 1");
  });

  it('checks string lengths in characters, not bytes', () => {
    assert.equal(store('añ€', varchar).value, 'añ€');
    assert.equal(store('ab ', varchar).value, 'ab ');
    assert.equal(store('abc   ', varchar).value, 'abc');
    assertError('abcd', varchar, 1406, "Data too long for column 'c' at row 1");
  });

  it('parses datetimes and rejects bad ones with 1292', () => {
    const datetime = fieldType(TypeKind.DateTime, { decimals: 0 });
    assert.equal(String(store('2024-02-03 04:05:06', datetime).value), '2024-02-03 04:05:06');
    assertError('2024-02-30', datetime, 1292, "Incorrect datetime value: '2024-02-30' for column 'c' at row 1");
  });
});
