// Conversion between executor values and the storage codecs' datums, per column type.
import { Decimal } from 'decimal.js';
import type { Datum } from '../../storage/index.js';
import { JsonValue, MysqlDateTime, MysqlTime, TypeKind, isTemporalType, isTextType } from '../types/index.js';
import type { FieldType, SqlValue } from '../types/index.js';

/**
 * The datum a value is stored as: temporal values as their packed order-preserving integer (a TIME as its signed
 * microseconds, so negative times sort first in index keys), JSON as its binary form.
 */
export function valueToDatum(value: SqlValue): Datum {
  if (value instanceof MysqlDateTime || value instanceof MysqlTime) return value.pack();
  if (value instanceof JsonValue) return value.toStored();
  return value;
}

/**
 * The datum an index key holds for a value: text is reduced to its collation key (trailing spaces dropped, as PAD
 * SPACE collations compare; upper-cased for _ci), so equal values under the collation share one key.
 */
export function indexDatum(value: SqlValue, type: FieldType): Datum {
  if (typeof value === 'string' && isTextType(type)) {
    const trimmed = value.trimEnd();
    return type.collation === 'utf8mb4_general_ci' ? trimmed.toUpperCase() : trimmed;
  }
  return valueToDatum(value);
}

/** The value a stored datum stands for under column type `type`. */
export function datumToValue(datum: Datum, type: FieldType): SqlValue {
  if (datum === null) return null;
  if (type.kind === TypeKind.Time && typeof datum === 'bigint') return MysqlTime.unpack(datum, Math.max(type.decimals, 0));
  if (isTemporalType(type) && typeof datum === 'bigint') {
    const kind = type.kind === TypeKind.Date ? 'date' : type.kind === TypeKind.Timestamp ? 'timestamp' : 'datetime';
    return MysqlDateTime.unpack(datum, kind, Math.max(type.decimals, 0));
  }
  if (datum instanceof Uint8Array) {
    const bytes = Buffer.isBuffer(datum) ? datum : Buffer.from(datum.buffer, datum.byteOffset, datum.byteLength);
    if (type.kind === TypeKind.Json) return JsonValue.fromStored(bytes);
    return type.collation === 'binary' ? bytes : bytes.toString('utf8');
  }
  if (type.kind === TypeKind.Decimal && !(datum instanceof Decimal)) return new Decimal(String(datum));
  return datum;
}
