// coerceBit: what a BIT(M) column stores for a value: an unsigned integer of at most M bits, as MySQL's Field_bit.
import { mysqlError, ER_DATA_TOO_LONG, ER_WARN_DATA_OUT_OF_RANGE } from '../../errors/index.js';
import { toInteger } from './convert.js';
import { TypeKind, bitWidth } from './field-type.js';
import type { FieldType } from './field-type.js';
import { encodeUtf8Lossless } from './lossless-utf8.js';
import type { SqlValue } from './sql-value.js';
import type { MemberStoreContext } from './enum-set-value.js';

/**
 * The integer stored for `value`: strings and bytes by their bytes read big-endian ('5' is 0x35; a dump's raw bytes as sent), numbers rounded,
 * negatives as their 64-bit two's complement. A value wider than M bits is 1406 in strict mode; otherwise all M
 * bits are set and 1264 is a warning, as MySQL does.
 */
export function coerceBit(value: Exclude<SqlValue, null>, type: FieldType, context: MemberStoreContext): bigint {
  const bits = BigInt(bitWidth(type));
  const integer = bitInteger(value, context);
  if (integer === undefined || integer >> bits !== 0n) {
    if (context.isStrict) throw mysqlError(ER_DATA_TOO_LONG, context.columnName, context.rowNumber);
    context.warnings.warn(mysqlError(ER_WARN_DATA_OUT_OF_RANGE, context.columnName, context.rowNumber));
    return (1n << bits) - 1n;
  }
  return integer;
}

/** The unsigned integer a value's bits make, or undefined when it is wider than 64 bits. */
function bitInteger(value: Exclude<SqlValue, null>, context: MemberStoreContext): bigint | undefined {
  if (typeof value === 'string' || Buffer.isBuffer(value)) {
    const bytes = typeof value === 'string' ? encodeUtf8Lossless(value) : value;
    const first = bytes.findIndex((byte) => byte !== 0);
    const significant = first < 0 ? Buffer.alloc(0) : bytes.subarray(first);
    if (significant.length > 8) return undefined;
    return significant.reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n);
  }
  return BigInt.asUintN(64, toInteger(value, context.warnings) ?? 0n);
}

/** A stored DEFAULT's value: a BIT column keeps its default as the number's digits, other types as their text. */
export function defaultLiteralValue(type: FieldType, text: string): SqlValue {
  return type.kind === TypeKind.Bit && /^\d+$/u.test(text) ? BigInt(text) : text;
}

/** A BIT column's DEFAULT as MySQL prints it (b'101'); other types' defaults quoted as text. */
export function defaultLiteralText(type: FieldType, text: string): string {
  if (type.kind === TypeKind.Bit && /^\d+$/u.test(text)) return `b'${BigInt(text).toString(2)}'`;
  return `'${text.replace(/'/g, "''")}'`;
}

/** A BIT(M) value's bytes: ceil(M/8) of them, big-endian, as MySQL sends it and reads it in string context. */
export function bitBytes(value: bigint, type: FieldType): Buffer {
  const size = Math.ceil(bitWidth(type) / 8);
  const bytes = Buffer.alloc(size);
  let rest = BigInt.asUintN(size * 8, value);
  for (let i = size - 1; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

/** A value in string context: a BIT's number becomes its bytes (CONCAT(b), CAST(b AS CHAR)); others unchanged. */
export function bitAsString(value: SqlValue, type: FieldType): SqlValue {
  return type.kind === TypeKind.Bit && typeof value === 'bigint' ? bitBytes(value, type) : value;
}
