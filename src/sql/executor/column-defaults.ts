// The value a column takes when a statement does not give one.
import { mysqlError, ER_NO_DEFAULT_FOR_FIELD } from '../../errors/index.js';
import type { ColumnInfo } from '../catalog/index.js';
import { defaultLiteralValue } from '../types/index.js';
import type { MysqlDateTime } from '../types/index.js';
import type { SqlValue, WarningSink } from '../types/index.js';

/**
 * The default of `column` for an INSERT that omits it. A NOT NULL column without a default is an error in strict
 * mode (1364) and gets the type's implicit default with a warning otherwise, as MySQL does.
 */
export function columnDefaultValue(column: ColumnInfo, isStrict: boolean, warnings: WarningSink, now: MysqlDateTime): SqlValue {
  const spec = column.defaultValue;
  switch (spec.kind) {
    case 'null':
      return null;
    case 'current-timestamp':
      return currentTimestampFor(column, now);
    case 'literal':
      return spec.value === null ? null : defaultLiteralValue(column.type, spec.value);
    case 'sequence':
      // Only INSERT can wait for a sequence (insert-exec takes its value first); elsewhere the column starts NULL.
      return null;
    case 'expression':
      // Computed from the rest of the row once it is known (ExpressionDefaults).
      return null;
    case 'none': {
      if (column.isAutoIncrement || column.autoRandom) return null;
      if (!column.isNotNull) return null;
      // "If an ENUM column is declared NOT NULL, its default value is the first element" (MySQL manual).
      if (column.type.valueSet?.kind === 'enum') return column.type.valueSet.members[0] ?? '';
      const error = mysqlError(ER_NO_DEFAULT_FOR_FIELD, column.name);
      if (isStrict) throw error;
      warnings.warn(error);
      return implicitDefault(column);
    }
  }
}

/**
 * The statement's time (`now`, taken with 6 digits) as a DEFAULT / ON UPDATE CURRENT_TIMESTAMP(fsp) column stores it:
 * cut to the column's fractional digits, as MySQL cuts CURRENT_TIMESTAMP(fsp).
 */
export function currentTimestampFor(column: ColumnInfo, now: MysqlDateTime): MysqlDateTime {
  const fsp = Math.max(column.type.decimals, 0);
  return now.truncate(fsp).withKind(column.type.kind === 'timestamp' ? 'timestamp' : 'datetime', fsp);
}

/** MySQL's implicit default for a NOT NULL column: 0, '' or the zero date. */
function implicitDefault(column: ColumnInfo): SqlValue {
  const kind = column.type.kind;
  if (kind === 'date' || kind === 'datetime' || kind === 'timestamp') return '1970-01-01 00:00:00';
  if (kind === 'time') return '00:00:00';
  if (kind.endsWith('char') || kind.endsWith('text') || kind.endsWith('blob') || kind.endsWith('binary')) return '';
  return 0n;
}
