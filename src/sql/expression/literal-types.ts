// The static types MySQL gives literals and common results, for result-set metadata.
import { TypeKind, fieldType } from '../types/index.js';
import type { FieldType } from '../types/index.js';

export const BIGINT_TYPE: FieldType = fieldType(TypeKind.BigInt, { length: 21 });
export const UNSIGNED_BIGINT_TYPE: FieldType = fieldType(TypeKind.BigInt, { length: 20, isUnsigned: true });
export const BOOL_RESULT_TYPE: FieldType = { ...fieldType(TypeKind.BigInt, { length: 1 }), isBoolean: true };
export const DOUBLE_TYPE: FieldType = fieldType(TypeKind.Double, { length: 23, decimals: 31 });
export const NULL_TYPE: FieldType = fieldType(TypeKind.Null, { length: 0 });
export const DATETIME_TYPE: FieldType = fieldType(TypeKind.DateTime, { length: 19, decimals: 0 });
export const DATE_TYPE: FieldType = fieldType(TypeKind.Date, { length: 10, decimals: 0 });
/** JSON results: the longest length MySQL reports (LONGBLOB's), binary character set. */
export const JSON_TYPE: FieldType = fieldType(TypeKind.Json, { length: 4_294_967_295 });
/** Text results of JSON functions (JSON_UNQUOTE, ->>, JSON_TYPE…): LONGTEXT utf8mb4_bin, as MySQL types them. */
export const JSON_TEXT_TYPE: FieldType = fieldType(TypeKind.LongText, { length: 4_294_967_295 });

/** A TIME(fsp) result; its display length counts a sign and three hour digits, as MySQL's does. */
export function timeType(fsp: number): FieldType {
  return fieldType(TypeKind.Time, { length: fsp > 0 ? 11 + fsp : 10, decimals: fsp });
}

/** A DATETIME(fsp) result. */
export function dateTimeType(fsp: number): FieldType {
  return fieldType(TypeKind.DateTime, { length: fsp > 0 ? 20 + fsp : 19, decimals: fsp });
}

/** A VARCHAR result of at most `length` characters. */
export function varcharType(length: number): FieldType {
  return fieldType(TypeKind.VarChar, { length });
}

/** An integer literal's type: BIGINT sized to its digits, unsigned beyond the signed range. */
export function integerLiteralType(digits: number, isUnsigned: boolean): FieldType {
  return fieldType(TypeKind.BigInt, { length: digits, isUnsigned });
}

/** A DECIMAL(M,D) type. */
export function decimalType(precision: number, scale: number): FieldType {
  return fieldType(TypeKind.Decimal, { length: precision, decimals: scale });
}
