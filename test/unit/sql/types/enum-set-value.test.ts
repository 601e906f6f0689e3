// coerceEnumOrSet: ENUM members by text (collation, trailing spaces) or 1-based index; SET members in definition
// order by text or bit mask; non-members are 1265 in strict mode and a warning (with MySQL's fallback) otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import { MySqlError } from '../../../../src/errors/index.js';
import { coerceEnumOrSet } from '../../../../src/sql/types/enum-set-value.js';
import { TypeKind, fieldType } from '../../../../src/sql/types/index.js';
import type { SqlValue, ValueSet } from '../../../../src/sql/types/index.js';

const ENUM: ValueSet = { kind: 'enum', members: ['small', 'Medium', 'large'] };
const SET: ValueSet = { kind: 'set', members: ['a', 'b', 'c'] };

function store(value: SqlValue, valueSet: ValueSet, isStrict = true, collation: 'utf8mb4_bin' | 'utf8mb4_general_ci' = 'utf8mb4_bin'): { stored: string; warnings: number } {
  let warnings = 0;
  const type = { ...fieldType(TypeKind.VarChar, { length: 10, collation }), valueSet };
  const stored = coerceEnumOrSet(value, type, valueSet, { columnName: 'c', rowNumber: 1, isStrict, warnings: { warn: () => warnings++ } });
  return { stored, warnings };
}

describe('coerceEnumOrSet', () => {
  it('stores an ENUM member given by text, ignoring trailing spaces, under the column collation', () => {
    assert.equal(store('large  ', ENUM).stored, 'large');
    assert.equal(store('medium', ENUM, true, 'utf8mb4_general_ci').stored, 'Medium');
    assert.throws(() => store('medium', ENUM), (e: unknown) => e instanceof MySqlError && e.code === 1265);
  });

  it('stores an ENUM member given by its 1-based index (integer, double or decimal)', () => {
    assert.deepEqual([store(1n, ENUM).stored, store(2, ENUM).stored, store(new Decimal('3'), ENUM).stored], ['small', 'Medium', 'large']);
    assert.throws(() => store(0n, ENUM), (e: unknown) => e instanceof MySqlError && e.message === "Data truncated for column 'c' at row 1");
    assert.throws(() => store(4n, ENUM), MySqlError);
  });

  it("outside strict mode stores '' for a non-member ENUM value, with a warning", () => {
    assert.deepEqual(store('huge', ENUM, false), { stored: '', warnings: 1 });
  });

  it('stores SET members in definition order, without repeats, from text or a bit mask', () => {
    assert.equal(store('c,a,c', SET).stored, 'a,c');
    assert.equal(store('', SET).stored, '');
    assert.equal(store(5n, SET).stored, 'a,c');
    assert.equal(store(0n, SET).stored, '');
    assert.throws(() => store('a,d', SET), MySqlError);
    assert.throws(() => store(8n, SET), MySqlError);
    assert.deepEqual(store('a,d', SET, false), { stored: 'a', warnings: 1 });
  });
});
