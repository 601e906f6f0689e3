// distinctKeyOfRow: a string equal for rows whose values are equal, for caches keyed by a row's contents.
import { Decimal } from 'decimal.js';
import { JsonValue, MysqlTime, jsonNodeKey } from '../types/index.js';
import type { Row } from '../types/index.js';

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
