// columnDefinition: describes a result column to the client with MySQL's type code, flags, length and charset.
import { Collation, ColumnFlags, ColumnType } from '../protocol/index.js';
import type { ColumnDefinition41 } from '../protocol/index.js';
import type { FieldType, ResultColumn } from '../sql/index.js';
import { TypeKind, bitWidth, blobMaxBytes, isBinaryType, isIntegerType, isTextType } from '../sql/index.js';
import { collationInfo } from '../sql/collation/index.js';

/** utf8mb4 needs up to 4 bytes per character: column lengths of text are characters × 4, as MySQL reports. */
const UTF8MB4_MAX_BYTES = 4;
/** MySQL's "not fixed" decimals value for floats and strings. */
const NOT_FIXED_DECIMALS = 0x1f;
/** The column length field is 4 bytes (LONGTEXT reports its most). */
const MAX_COLUMN_LENGTH = 0xffffffff;

const columnTypes: Record<TypeKind, number> = {
  null: ColumnType.MYSQL_TYPE_NULL,
  tinyint: ColumnType.MYSQL_TYPE_TINY,
  smallint: ColumnType.MYSQL_TYPE_SHORT,
  mediumint: ColumnType.MYSQL_TYPE_INT24,
  int: ColumnType.MYSQL_TYPE_LONG,
  bigint: ColumnType.MYSQL_TYPE_LONGLONG,
  float: ColumnType.MYSQL_TYPE_FLOAT,
  double: ColumnType.MYSQL_TYPE_DOUBLE,
  decimal: ColumnType.MYSQL_TYPE_NEWDECIMAL,
  char: ColumnType.MYSQL_TYPE_STRING,
  varchar: ColumnType.MYSQL_TYPE_VAR_STRING,
  tinytext: ColumnType.MYSQL_TYPE_BLOB,
  text: ColumnType.MYSQL_TYPE_BLOB,
  mediumtext: ColumnType.MYSQL_TYPE_BLOB,
  longtext: ColumnType.MYSQL_TYPE_BLOB,
  binary: ColumnType.MYSQL_TYPE_STRING,
  varbinary: ColumnType.MYSQL_TYPE_VAR_STRING,
  tinyblob: ColumnType.MYSQL_TYPE_BLOB,
  blob: ColumnType.MYSQL_TYPE_BLOB,
  mediumblob: ColumnType.MYSQL_TYPE_BLOB,
  longblob: ColumnType.MYSQL_TYPE_BLOB,
  date: ColumnType.MYSQL_TYPE_DATE,
  datetime: ColumnType.MYSQL_TYPE_DATETIME,
  timestamp: ColumnType.MYSQL_TYPE_TIMESTAMP,
  time: ColumnType.MYSQL_TYPE_TIME,
  year: ColumnType.MYSQL_TYPE_YEAR,
  bit: ColumnType.MYSQL_TYPE_BIT,
  json: ColumnType.MYSQL_TYPE_JSON,
};

const integerDisplayWidth: Partial<Record<TypeKind, number>> = { tinyint: 4, smallint: 6, mediumint: 9, int: 11, bigint: 20, year: 4 };

/** The ColumnDefinition41 for `column`, sent in text and binary result sets. */
export function columnDefinition(column: ResultColumn, resultCollationId: number): ColumnDefinition41 {
  const type = column.type;
  const isText = isTextType(type);
  return {
    schema: column.schema,
    table: column.table,
    orgTable: column.orgTable,
    name: column.name,
    orgName: column.orgName,
    characterSet: isText ? textCollationId(type.collation, resultCollationId) : Collation.binary,
    columnLength: columnLength(type),
    // ENUM and SET travel as MYSQL_TYPE_STRING with ENUM_FLAG / SET_FLAG, as MySQL sends them.
    type: type.valueSet ? ColumnType.MYSQL_TYPE_STRING : columnTypes[type.kind],
    flags: columnFlags(column),
    // Strings have "not fixed" decimals when computed, none when read from a table, as MySQL 8 sends them.
    decimals: isStringColumnOfTable(column) ? 0 : columnDecimals(type),
  };
}

function columnLength(type: FieldType): number {
  if (type.kind === TypeKind.Bit) return bitWidth(type);
  if (isIntegerType(type)) {
    if (type.length > 0) return type.length;
    const width = integerDisplayWidth[type.kind] ?? 20;
    return type.isUnsigned && type.kind !== TypeKind.BigInt ? width - 1 : width;
  }
  switch (type.kind) {
    case TypeKind.Decimal: {
      const precision = type.length < 0 ? 10 : type.length;
      const scale = Math.max(type.decimals, 0);
      return precision + (scale > 0 ? 1 : 0) + (type.isUnsigned ? 0 : 1);
    }
    case TypeKind.Float:
      return 12;
    case TypeKind.Double:
      return 22;
    case TypeKind.Date:
      return 10;
    case TypeKind.DateTime:
    case TypeKind.Timestamp:
      return type.decimals > 0 ? 20 + type.decimals : 19;
    case TypeKind.Time:
      // '-838:59:59' is 10 characters; a fraction adds its point and digits.
      return type.decimals > 0 ? 11 + type.decimals : 10;
    case TypeKind.Null:
      return 0;
    case TypeKind.Json:
      return MAX_COLUMN_LENGTH;
    default: {
      const blob = blobMaxBytes[type.kind];
      // TEXT's limit is in bytes; MySQL reports it as the characters times utf8mb4's 4 bytes (TEXT: 262140).
      if (blob !== undefined) return isBinaryType(type) ? blob : Math.min(blob * UTF8MB4_MAX_BYTES, MAX_COLUMN_LENGTH);
      const characters = type.length < 0 ? 0 : type.length;
      return isBinaryType(type) ? characters : characters * UTF8MB4_MAX_BYTES;
    }
  }
}

function isStringColumnOfTable(column: ResultColumn): boolean {
  return column.orgTable !== '' && columnDecimals(column.type) === NOT_FIXED_DECIMALS && column.type.kind !== TypeKind.Float && column.type.kind !== TypeKind.Double;
}

function columnDecimals(type: FieldType): number {
  if (isIntegerType(type) || type.kind === TypeKind.Null) return 0;
  if (type.kind === TypeKind.Decimal) return Math.max(type.decimals, 0);
  if (type.kind === TypeKind.Float || type.kind === TypeKind.Double) return type.decimals >= 0 && type.decimals < NOT_FIXED_DECIMALS ? type.decimals : NOT_FIXED_DECIMALS;
  if (type.kind === TypeKind.Date) return 0;
  if (type.kind === TypeKind.DateTime || type.kind === TypeKind.Timestamp || type.kind === TypeKind.Time) return Math.max(type.decimals, 0);
  return NOT_FIXED_DECIMALS;
}

function columnFlags(column: ResultColumn): number {
  const type = column.type;
  let flags = 0;
  if (type.valueSet) flags |= type.valueSet.kind === 'enum' ? ColumnFlags.ENUM_FLAG : ColumnFlags.SET_FLAG;
  if (column.isNotNull) flags |= ColumnFlags.NOT_NULL_FLAG;
  if (column.isPrimaryKey) flags |= ColumnFlags.PRI_KEY_FLAG;
  if (column.isUniqueKey) flags |= ColumnFlags.UNIQUE_KEY_FLAG;
  if (column.isMultipleKey) flags |= ColumnFlags.MULTIPLE_KEY_FLAG;
  if (column.isAutoIncrement) flags |= ColumnFlags.AUTO_INCREMENT_FLAG;
  if (column.hasNoDefault && column.orgName !== '') flags |= ColumnFlags.NO_DEFAULT_VALUE_FLAG;
  if (type.isUnsigned) flags |= ColumnFlags.UNSIGNED_FLAG;
  if (blobMaxBytes[type.kind] !== undefined || type.kind === TypeKind.Json) flags |= ColumnFlags.BLOB_FLAG;
  // BIT carries UNSIGNED alone (no BINARY, no NUM), as MySQL and MariaDB send it.
  const isBit = type.kind === TypeKind.Bit;
  if (isBinaryType(type) || (!isTextType(type) && type.kind !== TypeKind.Null && !isBit)) flags |= ColumnFlags.BINARY_FLAG;
  if ((isIntegerType(type) && !isBit) || type.kind === TypeKind.Decimal || type.kind === TypeKind.Float || type.kind === TypeKind.Double) {
    flags |= ColumnFlags.NUM_FLAG;
  }
  if (type.kind === TypeKind.Timestamp) flags |= ColumnFlags.TIMESTAMP_FLAG;
  return flags;
}

/**
 * The collation id of a text column: its own when results are sent in its character set (a utf8mb4_general_ci
 * column says 45 to a utf8mb4 client), else that of the results' character set, as MySQL sends them.
 */
function textCollationId(collation: string, resultCollationId: number): number {
  const own = collationInfo(collation);
  if (own.charset === 'binary') return Collation.binary;
  return charsetOfCollation(resultCollationId) === (own.charset === 'utf8' ? 'utf8mb3' : own.charset) ? own.id : resultCollationId;
}

/** The character set of a handshake collation id, for the ids clients send. */
function charsetOfCollation(id: number): string | undefined {
  if (id === 63) return 'binary';
  if (id === 45 || id === 46 || (id >= 224 && id <= 247) || (id >= 255 && id <= 323)) return 'utf8mb4';
  if (id === 33 || id === 83 || (id >= 192 && id <= 215)) return 'utf8mb3';
  if ([5, 8, 15, 31, 47, 48, 49, 94].includes(id)) return 'latin1';
  return undefined;
}

const DEFAULT_COLLATION_IDS: Readonly<Record<string, number>> = { utf8mb4: 255, utf8mb3: 33, utf8: 33, latin1: 8, ascii: 11, binary: 63 };

/**
 * The collation id text columns carry in result metadata: that of character_set_results as the client set it (SET
 * NAMES after connecting), keeping the handshake's own collation when it is of that character set; the handshake's
 * when character_set_results is NULL ("no conversion").
 */
export function resultCollationId(characterSetResults: string | null, handshakeCollation: number): number {
  if (characterSetResults === null || characterSetResults === '') return handshakeCollation;
  const charset = characterSetResults.toLowerCase() === 'utf8' ? 'utf8mb3' : characterSetResults.toLowerCase();
  if (charsetOfCollation(handshakeCollation) === charset) return handshakeCollation;
  return DEFAULT_COLLATION_IDS[charset] ?? handshakeCollation;
}
