// The SQL data type written in a column definition or a CAST/CONVERT target.

/**
 * Canonical type names. Synonyms are folded by the parser: INTEGER→INT, DEC/NUMERIC/FIXED→DECIMAL,
 * DOUBLE PRECISION/REAL→DOUBLE, BOOL→BOOLEAN, CHARACTER→CHAR, CHARACTER VARYING→VARCHAR, NCHAR/NATIONAL CHAR→CHAR
 * (with `charset: 'utf8mb3'`), INT1..INT8 to their sized names.
 */
export type DataTypeName =
  | 'TINYINT'
  | 'SMALLINT'
  | 'MEDIUMINT'
  | 'INT'
  | 'BIGINT'
  | 'BOOLEAN'
  | 'DECIMAL'
  | 'FLOAT'
  | 'DOUBLE'
  | 'CHAR'
  | 'VARCHAR'
  | 'BINARY'
  | 'VARBINARY'
  | 'TINYTEXT'
  | 'TEXT'
  | 'MEDIUMTEXT'
  | 'LONGTEXT'
  | 'TINYBLOB'
  | 'BLOB'
  | 'MEDIUMBLOB'
  | 'LONGBLOB'
  | 'DATE'
  | 'TIME'
  | 'DATETIME'
  | 'TIMESTAMP'
  | 'YEAR'
  | 'ENUM'
  | 'SET'
  | 'JSON'
  | 'BIT'
  | 'GEOMETRY'
  | 'POINT'
  | 'LINESTRING'
  | 'POLYGON'
  | 'MULTIPOINT'
  | 'MULTILINESTRING'
  | 'MULTIPOLYGON'
  | 'GEOMETRYCOLLECTION';

/**
 * A column type as written. Numbers from the source are kept as JS numbers (they are small by MySQL's own limits;
 * validation against those limits belongs to the DDL layer, not the parser).
 */
export interface DataType {
  readonly name: DataTypeName;
  /** Display width, length (CHAR/VARCHAR/BINARY/BIT/TEXT), precision M (DECIMAL/FLOAT/DOUBLE) or fsp (TIME...). */
  readonly length?: number;
  /** Scale D of DECIMAL(M,D) / FLOAT(M,D) / DOUBLE(M,D). */
  readonly scale?: number;
  readonly isUnsigned?: boolean;
  readonly isZerofill?: boolean;
  /** CHAR/VARCHAR/TEXT ... `BINARY` attribute (binary collation of the charset). */
  readonly isBinary?: boolean;
  /** ENUM / SET member strings, decoded. */
  readonly values?: readonly string[];
  /** CHARACTER SET / CHARSET / ASCII (latin1) / UNICODE (ucs2) attribute, lower-cased. */
  readonly charset?: string;
  /** COLLATE attached to the type, lower-cased. */
  readonly collate?: string;
}

/** Target type names of CAST(x AS type) / CONVERT(x, type). SIGNED/UNSIGNED mean [UN]SIGNED INTEGER. */
export type CastTypeName =
  | 'BINARY'
  | 'CHAR'
  | 'DATE'
  | 'DATETIME'
  | 'TIME'
  | 'DECIMAL'
  | 'SIGNED'
  | 'UNSIGNED'
  | 'JSON'
  | 'DOUBLE'
  | 'FLOAT'
  | 'REAL'
  | 'YEAR';

/** The target of CAST/CONVERT: `CHAR(10) CHARACTER SET utf8mb4`, `DECIMAL(10,2)`, `DATETIME(6)`, `SIGNED`. */
export interface CastType {
  readonly name: CastTypeName;
  readonly length?: number;
  readonly scale?: number;
  /** Charset of CHAR targets, lower-cased (`CHAR CHARACTER SET x`, `NCHAR` → utf8mb3). */
  readonly charset?: string;
  /** `CAST(x AS ... ARRAY)` for multi-valued indexes. */
  readonly isArray?: boolean;
}
