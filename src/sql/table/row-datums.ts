// Conversion between executor values and the storage codecs' datums, per column type.
import { Decimal } from 'decimal.js';
import type { Datum } from '../../storage/index.js';
import { JsonValue, MysqlDateTime, MysqlTime, TypeKind, isTemporalType, isTextType } from '../types/index.js';
import type { FieldType, SqlValue } from '../types/index.js';
import { collatorFor } from '../collation/index.js';
import { CURRENT_INDEX_KEY_VERSION } from '../catalog/index.js';
import type { IndexInfo } from '../catalog/index.js';

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
 * The datum an index key holds for a value. Text becomes its collation's sort key (`Collator.sortKey`: the weight
 * string, or for `_bin` the text without trailing spaces), so values equal under the collation share one key and
 * keys order as the collation sorts. Indexes of key version 1 (written before that) keep their own encoding so that
 * their entries stay findable: the text with trailing whitespace trimmed, upper-cased for utf8mb4_general_ci.
 */
export function indexDatum(value: SqlValue, type: FieldType, keyVersion: number | undefined): Datum {
  if (typeof value === 'string' && isTextType(type)) {
    if (keyVersion === undefined || keyVersion < CURRENT_INDEX_KEY_VERSION) {
      const trimmed = value.trimEnd();
      return type.collation === 'utf8mb4_general_ci' ? trimmed.toUpperCase() : trimmed;
    }
    return collatorFor(type.collation).sortKey(value);
  }
  return valueToDatum(value);
}

/**
 * True when equality of `index`'s keys for a column of `type` is at least as coarse as equality under the
 * column's collation, so a lookup by key finds every row the comparison accepts (the WHERE is re-applied to what
 * the lookup reads). Version-1 keys of utf8mb4_general_ci are finer than the collation (they keep accents apart).
 */
export function isIndexKeyUsableForText(index: IndexInfo, type: FieldType): boolean {
  if ((index.keyVersion ?? 1) >= CURRENT_INDEX_KEY_VERSION) return true;
  return type.collation === 'utf8mb4_bin' || type.collation === 'binary';
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
