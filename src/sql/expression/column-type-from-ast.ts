// fieldTypeFromAst: validates a column's declared type against MySQL's limits and turns it into a FieldType.
import { mysqlError, ER_COLLATION_CHARSET_MISMATCH, ER_UNKNOWN_CHARACTER_SET, ER_UNKNOWN_COLLATION, ER_DUPLICATED_VALUE_IN_TYPE, ER_ILLEGAL_VALUE_FOR_TYPE, ER_M_BIGGER_THAN_D, ER_NOT_SUPPORTED_YET, ER_TOO_BIG_DISPLAYWIDTH, ER_TOO_BIG_FIELDLENGTH, ER_TOO_BIG_PRECISION, ER_TOO_BIG_SCALE } from '../../errors/index.js';
import type { DataType } from '../ast/index.js';
import { collationInfo, findCharset, findCollation } from '../collation/index.js';
import { TypeKind, compareStrings, fieldType } from '../types/index.js';
import type { CollationName, FieldType } from '../types/index.js';

const MAX_DECIMAL_PRECISION = 65;
const MAX_DECIMAL_SCALE = 30;
const MAX_CHAR_LENGTH = 255;
/** 65,535 bytes of row / 4 bytes per utf8mb4 character. */
const MAX_VARCHAR_LENGTH = 16_383;
const MAX_VARBINARY_LENGTH = 65_535;
const MAX_FSP = 6;
const MAX_BIT_WIDTH = 64;

/** Most members an ENUM (65,535) and a SET (64, one bit each) may have. */
const MAX_ENUM_MEMBERS = 65_535;
const MAX_SET_MEMBERS = 64;

/**
 * ENUM/SET: stored as VARCHAR text as long as the longest member (SET: all members and commas). Trailing spaces of
 * members are dropped, as MySQL does; a member given twice is 1291, too many members 1097/1098.
 */
function valueSetType(columnName: string, kind: 'enum' | 'set', written: readonly string[], collation: CollationName): FieldType {
  const members = written.map((member) => member.replace(/ +$/u, ''));
  const limit = kind === 'enum' ? MAX_ENUM_MEMBERS : MAX_SET_MEMBERS;
  if (members.length > limit) throw mysqlError(ER_TOO_BIG_FIELDLENGTH, columnName, limit);
  members.forEach((member, i) => {
    const isDuplicate = members.findIndex((other) => compareStrings(other, member, collation) === 0) !== i;
    if (isDuplicate) throw mysqlError(ER_DUPLICATED_VALUE_IN_TYPE, columnName, member, kind.toUpperCase());
    if (kind === 'set' && member.includes(',')) throw mysqlError(ER_ILLEGAL_VALUE_FOR_TYPE, 'set', member);
  });
  const longest = Math.max(0, ...members.map((member) => [...member].length));
  const length = kind === 'enum' ? longest : members.reduce((sum, member) => sum + [...member].length, 0) + Math.max(members.length - 1, 0);
  return { ...fieldType(TypeKind.VarChar, { length: Math.max(length, 1), collation }), valueSet: { kind, members } };
}

/**
 * The collation a column, table or database is declared with: `COLLATE` (which must belong to a given `CHARACTER
 * SET`: 1253), else the character set's default, else `inherited` (the table's, the database's, the server's).
 * Unknown names are 1273 and 1115, never replaced by another collation. `DEFAULT` stands for the inherited one.
 */
export function resolveCollation(charset: string | undefined, collate: string | undefined, inherited: CollationName): CollationName {
  const charsetInfo = charset === undefined || charset.toUpperCase() === 'DEFAULT' ? undefined : findCharset(charset);
  if (charset !== undefined && charset.toUpperCase() !== 'DEFAULT' && !charsetInfo) throw mysqlError(ER_UNKNOWN_CHARACTER_SET, charset);
  if (collate !== undefined && collate.toUpperCase() !== 'DEFAULT') {
    const collation = findCollation(collate);
    if (!collation) throw mysqlError(ER_UNKNOWN_COLLATION, collate);
    if (charsetInfo && charsetInfo.name !== collation.charset) throw mysqlError(ER_COLLATION_CHARSET_MISMATCH, collation.name, charsetInfo.name);
    return collation.name;
  }
  return charsetInfo ? charsetInfo.defaultCollation : inherited;
}

/** The `_bin` collation of a collation's character set (the BINARY attribute of CHAR/VARCHAR/TEXT). */
function binCollationOf(collation: CollationName): CollationName {
  const charset = collationInfo(collation).charset;
  return charset === 'binary' ? 'binary' : `${charset}_bin`;
}

/** The FieldType for column `columnName` declared as `type`; MySQL's errors for out-of-range lengths. */
export function fieldTypeFromAst(columnName: string, type: DataType, defaultCollation: CollationName): FieldType {
  const declared = resolveCollation(type.charset, type.collate, defaultCollation);
  const collation = type.isBinary && type.collate === undefined ? binCollationOf(declared) : declared;
  const integer = (kind: TypeKind): FieldType => fieldType(kind, { length: type.length ?? -1, isUnsigned: type.isUnsigned ?? false });
  switch (type.name) {
    case 'TINYINT':
      return integer(TypeKind.TinyInt);
    case 'BOOLEAN':
      return fieldType(TypeKind.TinyInt, { length: 1 });
    case 'SMALLINT':
      return integer(TypeKind.SmallInt);
    case 'MEDIUMINT':
      return integer(TypeKind.MediumInt);
    case 'INT':
      return integer(TypeKind.Int);
    case 'BIGINT':
      return integer(TypeKind.BigInt);
    case 'DECIMAL': {
      const precision = type.length ?? 10;
      const scale = type.scale ?? 0;
      if (precision > MAX_DECIMAL_PRECISION) throw mysqlError(ER_TOO_BIG_PRECISION, precision, columnName, MAX_DECIMAL_PRECISION);
      if (scale > MAX_DECIMAL_SCALE) throw mysqlError(ER_TOO_BIG_SCALE, scale, columnName, MAX_DECIMAL_SCALE);
      if (scale > precision) throw mysqlError(ER_M_BIGGER_THAN_D, columnName);
      return fieldType(TypeKind.Decimal, { length: precision, decimals: scale, isUnsigned: type.isUnsigned ?? false });
    }
    case 'FLOAT':
    case 'DOUBLE': {
      if (type.scale !== undefined && type.length !== undefined && type.scale > type.length) throw mysqlError(ER_M_BIGGER_THAN_D, columnName);
      // FLOAT(p) with p > 24 is a DOUBLE, as in MySQL.
      const kind = type.name === 'FLOAT' && (type.scale !== undefined || (type.length ?? 0) <= 24) ? TypeKind.Float : TypeKind.Double;
      return fieldType(kind, { length: type.scale === undefined ? -1 : (type.length ?? -1), decimals: type.scale ?? -1, isUnsigned: type.isUnsigned ?? false });
    }
    case 'CHAR':
    case 'VARCHAR': {
      const isChar = type.name === 'CHAR';
      const length = type.length ?? 1;
      const max = isChar ? MAX_CHAR_LENGTH : MAX_VARCHAR_LENGTH;
      if (length > max) throw mysqlError(ER_TOO_BIG_FIELDLENGTH, columnName, max);
      return fieldType(isChar ? TypeKind.Char : TypeKind.VarChar, { length, collation });
    }
    case 'BINARY':
    case 'VARBINARY': {
      const isFixed = type.name === 'BINARY';
      const length = type.length ?? 1;
      const max = isFixed ? MAX_CHAR_LENGTH : MAX_VARBINARY_LENGTH;
      if (length > max) throw mysqlError(ER_TOO_BIG_FIELDLENGTH, columnName, max);
      return fieldType(isFixed ? TypeKind.Binary : TypeKind.VarBinary, { length });
    }
    case 'TINYTEXT':
      return fieldType(TypeKind.TinyText, { collation });
    case 'TEXT':
      return fieldType(TypeKind.Text, { collation });
    case 'MEDIUMTEXT':
      return fieldType(TypeKind.MediumText, { collation });
    case 'LONGTEXT':
      return fieldType(TypeKind.LongText, { collation });
    case 'TINYBLOB':
      return fieldType(TypeKind.TinyBlob);
    case 'BLOB':
      return fieldType(TypeKind.Blob);
    case 'MEDIUMBLOB':
      return fieldType(TypeKind.MediumBlob);
    case 'LONGBLOB':
      return fieldType(TypeKind.LongBlob);
    case 'DATE':
      return fieldType(TypeKind.Date, { decimals: 0 });
    case 'DATETIME':
    case 'TIMESTAMP': {
      const fsp = type.length ?? 0;
      if (fsp > MAX_FSP) throw mysqlError(ER_TOO_BIG_PRECISION, fsp, columnName, MAX_FSP);
      return fieldType(type.name === 'DATETIME' ? TypeKind.DateTime : TypeKind.Timestamp, { decimals: fsp });
    }
    case 'TIME': {
      const fsp = type.length ?? 0;
      if (fsp > MAX_FSP) throw mysqlError(ER_TOO_BIG_PRECISION, fsp, columnName, MAX_FSP);
      return fieldType(TypeKind.Time, { decimals: fsp });
    }
    case 'YEAR':
      return fieldType(TypeKind.Year, { length: 4, isUnsigned: true });
    case 'JSON':
      return fieldType(TypeKind.Json);
    case 'BIT': {
      // BIT(0) is BIT(1), as in MySQL.
      const width = Math.max(type.length ?? 1, 1);
      if (width > MAX_BIT_WIDTH) throw mysqlError(ER_TOO_BIG_DISPLAYWIDTH, columnName, MAX_BIT_WIDTH);
      return fieldType(TypeKind.Bit, { length: width, isUnsigned: true });
    }
    case 'ENUM':
    case 'SET':
      return valueSetType(columnName, type.name === 'ENUM' ? 'enum' : 'set', type.values ?? [], collation);
    default:
      throw mysqlError(ER_NOT_SUPPORTED_YET, `column type ${type.name}`);
  }
}
