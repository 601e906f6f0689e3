// textValue: a value as the text protocol sends it, formatted by its column type as MySQL does.
import { Decimal } from 'decimal.js';
import type { TextCell } from '../protocol/index.js';
import { MysqlDateTime, MysqlTime, TypeKind, bitBytes, formatDouble } from '../sql/index.js';
import type { FieldType, SqlValue } from '../sql/index.js';

/** Decimals above this mean "not fixed" (MySQL's NOT_FIXED_DEC is 31). */
const MAX_FIXED_DECIMALS = 30;

/** The text-protocol cell for `value` in a column of type `type`. */
export function textValue(value: SqlValue, type: FieldType): TextCell {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return type.kind === TypeKind.Bit ? bitBytes(value, type) : value.toString();
  if (typeof value === 'number') {
    // A fixed number of decimals (DOUBLE(M,D), PI()) prints exactly that many digits, as MySQL does.
    if (type.decimals >= 0 && type.decimals <= MAX_FIXED_DECIMALS && Number.isFinite(value)) return value.toFixed(type.decimals);
    return type.kind === TypeKind.Float ? formatFloat(value) : formatDouble(value);
  }
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Decimal) return type.kind === TypeKind.Decimal && type.decimals >= 0 ? value.toFixed(type.decimals) : value.toFixed();
  if (value instanceof MysqlDateTime || value instanceof MysqlTime) return value.toString();
  return String(value);
}

/** FLOAT columns print with 6 significant digits, as MySQL's %g for single precision does. */
function formatFloat(value: number): string {
  const text = Number(value.toPrecision(6)).toString();
  return text.replace('e+', 'e');
}
