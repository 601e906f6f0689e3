// numericClass: which of MySQL's numeric evaluation domains (integer, exact DECIMAL, DOUBLE) an argument type uses.
import { TypeKind, isIntegerType } from '../../types/index.js';
import type { FieldType } from '../../types/index.js';
import { BIGINT_TYPE, DOUBLE_TYPE, UNSIGNED_BIGINT_TYPE } from '../literal-types.js';

/** MySQL's result classes for numeric functions: integers and DECIMAL stay exact, anything else is DOUBLE. */
export type NumericClass = 'integer' | 'decimal' | 'double';

/** The domain a numeric function computes in for an argument of this type (strings and temporals are DOUBLE). */
export function numericClass(type: FieldType): NumericClass {
  if (isIntegerType(type)) return 'integer';
  if (type.kind === TypeKind.Decimal) return 'decimal';
  return 'double';
}

/** The BIGINT type keeping the argument's signedness, or DOUBLE for approximate arguments. */
export function integerOrDoubleType(type: FieldType): FieldType {
  if (numericClass(type) === 'double') return DOUBLE_TYPE;
  return type.isUnsigned ? UNSIGNED_BIGINT_TYPE : BIGINT_TYPE;
}
