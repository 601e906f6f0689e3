// coerceEnumOrSet: what an ENUM or SET column stores for a value: one member (ENUM) or members in definition order
// (SET), matched under the column's collation, or by number (ENUM's 1-based index, SET's bit mask) as in MySQL.
import { Decimal } from 'decimal.js';
import { mysqlError, ER_WARN_DATA_TRUNCATED } from '../../errors/index.js';
import { compareStrings, compareValues } from './compare-values.js';
import { toText } from './convert.js';
import type { FieldType, ValueSet } from './field-type.js';
import type { SqlValue } from './sql-value.js';
import type { WarningSink } from './warnings.js';

/** Where the value goes, for MySQL's 1265 "Data truncated for column … at row …". */
export interface MemberStoreContext {
  readonly columnName: string;
  readonly rowNumber: number;
  readonly isStrict: boolean;
  readonly warnings: WarningSink;
}

/**
 * The stored text for `value` in an ENUM/SET column. A value that is no member (ENUM) or holds a non-member (SET)
 * is error 1265 in strict mode; otherwise a warning, and ENUM stores '' (MySQL's error value, index 0) while SET
 * keeps the members it recognised.
 */
export function coerceEnumOrSet(value: SqlValue, type: FieldType, valueSet: ValueSet, context: MemberStoreContext): string {
  const members = valueSet.members;
  const truncated = (fallback: string): string => {
    const error = mysqlError(ER_WARN_DATA_TRUNCATED, context.columnName, context.rowNumber);
    if (context.isStrict) throw error;
    context.warnings.warn(error);
    return fallback;
  };
  const number = numberOf(value);
  if (valueSet.kind === 'enum') {
    if (number !== undefined) return number >= 1n && number <= BigInt(members.length) ? members[Number(number) - 1]! : truncated('');
    const text = (toText(value) ?? '').replace(/ +$/u, '');
    return members.find((member) => compareStrings(member, text, type.collation) === 0) ?? truncated('');
  }
  if (number !== undefined) {
    const stored = members.filter((_, i) => (number & (1n << BigInt(i))) !== 0n).join(',');
    return number < 0n || number >= 1n << BigInt(members.length) ? truncated(stored) : stored;
  }
  const text = toText(value) ?? '';
  if (text === '') return '';
  const chosen = new Set<number>();
  let isComplete = true;
  for (const part of text.split(',')) {
    const index = members.findIndex((member) => compareStrings(member, part.replace(/ +$/u, ''), type.collation) === 0);
    if (index < 0) isComplete = false;
    else chosen.add(index);
  }
  const stored = members.filter((_, i) => chosen.has(i)).join(',');
  return isComplete ? stored : truncated(stored);
}

/** A numeric value as the integer MySQL uses for an index or bit mask; undefined for text and other values. */
function numberOf(value: SqlValue): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.round(value)) : undefined;
  if (value instanceof Decimal) return BigInt(value.toDecimalPlaces(0).toFixed());
  return undefined;
}

/** An ENUM value's 1-based index (0 for ''), a SET value's bit mask: the number MySQL sorts them by. */
export function memberNumber(value: string, valueSet: ValueSet): bigint {
  if (valueSet.kind === 'enum') return BigInt(valueSet.members.indexOf(value) + 1);
  let mask = 0n;
  if (value === '') return mask;
  for (const part of value.split(',')) {
    const index = valueSet.members.indexOf(part);
    if (index >= 0) mask |= 1n << BigInt(index);
  }
  return mask;
}

/** ORDER BY's comparison of two non-NULL values of `type`: ENUM and SET by their number, others by value. */
export function compareOrderValues(x: Exclude<SqlValue, null>, y: Exclude<SqlValue, null>, type: FieldType, warnings: WarningSink): number {
  const valueSet = type.valueSet;
  if (valueSet && typeof x === 'string' && typeof y === 'string') {
    const a = memberNumber(x, valueSet);
    const b = memberNumber(y, valueSet);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return compareValues(x, y, type.collation, warnings);
}
