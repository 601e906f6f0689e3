// distinctKeyOfRow / distinctKey: strings equal for rows whose values are equal (by kind, or as DISTINCT compares).
import { Decimal } from 'decimal.js';
import { JsonValue, MysqlTime, jsonNodeKey } from '../types/index.js';
import type { FieldType, Row, SqlValue } from '../types/index.js';
import { collatorFor } from '../collation/index.js';

/** A key that distinguishes rows by value and kind; NULL differs from every value. */
export function distinctKeyOfRow(row: Row): string {
  let key = '';
  for (const value of row) {
    if (value === null) key += '\u0000N';
    else if (typeof value === 'bigint') key += `\u0000i${value}`;
    else if (typeof value === 'number') key += `\u0000d${value}`;
    else if (typeof value === 'string') key += `\u0000s${value}`;
    else if (Buffer.isBuffer(value)) key += `\u0000b${value.toString('hex')}`;
    else if (value instanceof Decimal) key += `\u0000m${value.toString()}`;
    else if (value instanceof MysqlTime) key += `\u0000T${value.micros}`;
    else if (value instanceof JsonValue) key += `\u0000j${jsonNodeKey(value.toNode())}`;
    else key += `\u0000t${value.toString()}`;
  }
  return key;
}

/**
 * A string that is equal for values MySQL's DISTINCT treats as equal: numbers by numeric value (1 = 1.0), strings by
 * collation (case-folded for _ci), NULLs equal to each other.
 */
export function distinctKey(values: readonly SqlValue[], types: readonly FieldType[]): string {
  let key = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? null;
    const type = types[i];
    if (value === null) key += '\u0000N';
    else if (typeof value === 'bigint') key += `\u0000n${value}`;
    else if (typeof value === 'number') key += `\u0000n${Number.isInteger(value) && Math.abs(value) < 2 ** 53 ? BigInt(value).toString() : new Decimal(value).toString()}`;
    else if (value instanceof Decimal) key += `\u0000n${value.isInteger() ? value.toFixed(0) : value.toString()}`;
    else if (typeof value === 'string') {
      key += `\u0000s${type === undefined ? value : collatorFor(type.collation).key(value)}`;
    } else if (Buffer.isBuffer(value)) key += `\u0000b${value.toString('hex')}`;
    else if (value instanceof MysqlTime) key += `\u0000T${value.micros}`;
    else if (value instanceof JsonValue) key += `\u0000j${jsonNodeKey(value.toNode())}`;
    else key += `\u0000t${value.toString()}`;
  }
  return key;
}
