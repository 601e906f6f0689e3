// JSON_VALUE's RETURNING clause: the type of the result and the conversion of the scalar found, which fails (for
// ON ERROR to answer) wherever a CAST would only warn.
import { Decimal } from 'decimal.js';
import { mysqlError, ER_INVALID_JSON_VALUE_FOR_CAST } from '../../../errors/index.js';
import type { MySqlError } from '../../../errors/index.js';
import type { CastType } from '../../ast/index.js';
import { JsonType, MysqlDateTime, MysqlTime, TypeKind, fieldType, jsonToSqlScalar, toDecimal, toDouble, toInteger } from '../../types/index.js';
import type { FieldType, JsonValue, SqlValue, WarningSink } from '../../types/index.js';
import { BIGINT_TYPE, DATE_TYPE, DOUBLE_TYPE, JSON_TYPE, UNSIGNED_BIGINT_TYPE, dateTimeType, decimalType, timeType, varcharType } from '../literal-types.js';

/** MySQL's default RETURNING type: VARCHAR(512). */
const DEFAULT_LENGTH = 512;

/** The result type of a JSON_VALUE and how the value found becomes it. */
export interface JsonValueConversion {
  readonly type: FieldType;
  /** Converts a non-null JSON scalar; throws when the type cannot hold it exactly. */
  convert(value: JsonValue): SqlValue;
}

/** The conversion for `returning` (undefined: VARCHAR(512)). */
export function jsonValueConversion(returning: CastType | undefined): JsonValueConversion {
  const name = returning?.name ?? 'CHAR';
  switch (name) {
    case 'CHAR':
      return { type: varcharType(returning?.length ?? DEFAULT_LENGTH), convert: (value) => scalarText(value) };
    case 'BINARY':
      return { type: fieldType(TypeKind.VarBinary, { length: returning?.length ?? DEFAULT_LENGTH }), convert: (value) => Buffer.from(scalarText(value), 'utf8') };
    case 'JSON':
      return { type: JSON_TYPE, convert: (value) => value };
    case 'SIGNED':
    case 'YEAR':
      return { type: BIGINT_TYPE, convert: (value) => strict(value, 'INTEGER', (scalar, warnings) => toInteger(scalar, warnings)) };
    case 'UNSIGNED':
      return {
        type: UNSIGNED_BIGINT_TYPE,
        convert: (value) => strict(value, 'UNSIGNED', (scalar, warnings) => {
          const integer = toInteger(scalar, warnings);
          if (integer !== null && integer < 0n) warnings.warn(invalid('UNSIGNED'));
          return integer;
        }),
      };
    case 'DOUBLE':
    case 'FLOAT':
    case 'REAL':
      return { type: DOUBLE_TYPE, convert: (value) => strict(value, 'DOUBLE', (scalar, warnings) => toDouble(scalar, warnings)) };
    case 'DECIMAL': {
      const precision = returning?.length ?? 10;
      const scale = returning?.scale ?? 0;
      return {
        type: decimalType(precision, scale),
        convert: (value) => strict(value, 'DECIMAL', (scalar, warnings) => {
          const decimal = (toDecimal(scalar, warnings) ?? new Decimal(0)).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
          if (decimal.abs().gte(new Decimal(10).pow(precision - scale))) warnings.warn(invalid('DECIMAL'));
          return decimal;
        }),
      };
    }
    case 'DATE':
    case 'DATETIME': {
      const kind = name === 'DATE' ? 'date' : 'datetime';
      const fsp = kind === 'date' ? 0 : Math.min(returning?.length ?? 0, 6);
      return {
        type: kind === 'date' ? DATE_TYPE : dateTimeType(fsp),
        convert: (value) => {
          const node = value.toNode();
          if (node instanceof MysqlDateTime) return node.withKind(kind, fsp);
          const parsed = value.type === JsonType.string ? MysqlDateTime.tryParse(scalarText(value), kind, fsp) : undefined;
          if (parsed === undefined) throw invalid(name);
          return parsed;
        },
      };
    }
    case 'TIME': {
      const fsp = Math.min(returning?.length ?? 0, 6);
      return {
        type: timeType(fsp),
        convert: (value) => {
          const node = value.toNode();
          if (node instanceof MysqlTime) return node.round(fsp);
          const conversion = value.type === JsonType.string ? MysqlTime.fromText(scalarText(value), fsp) : undefined;
          if (conversion === undefined || conversion.isTruncated || conversion.isOutOfRange) throw invalid('TIME');
          return conversion.time;
        },
      };
    }
  }
}

/** A scalar's text: a JSON string unquoted, anything else as JSON prints it. */
function scalarText(value: JsonValue): string {
  return value.type === JsonType.string ? (value.toNode() as string) : value.toString();
}

function invalid(typeName: string): MySqlError {
  return mysqlError(ER_INVALID_JSON_VALUE_FOR_CAST, typeName, '', 'json_value', 1);
}

/** Runs a numeric conversion of a scalar; a warning (text that is no number) or an array/object is an error. */
function strict(value: JsonValue, typeName: string, convert: (scalar: Exclude<SqlValue, null>, warnings: WarningSink) => SqlValue): SqlValue {
  const scalar = jsonToSqlScalar(value);
  if (scalar === undefined) throw invalid(typeName);
  let hasWarning = false;
  const result = convert(scalar, { warn: () => (hasWarning = true) });
  if (hasWarning) throw invalid(typeName);
  return result;
}
