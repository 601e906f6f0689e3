// FieldType: the static SQL type of a column or expression (kind, length, decimals, signedness, collation).

/** The SQL type families TidalDB knows, named after MySQL's types. */
export const TypeKind = {
  Null: 'null',
  TinyInt: 'tinyint',
  SmallInt: 'smallint',
  MediumInt: 'mediumint',
  Int: 'int',
  BigInt: 'bigint',
  Float: 'float',
  Double: 'double',
  Decimal: 'decimal',
  Char: 'char',
  VarChar: 'varchar',
  TinyText: 'tinytext',
  Text: 'text',
  MediumText: 'mediumtext',
  LongText: 'longtext',
  Binary: 'binary',
  VarBinary: 'varbinary',
  TinyBlob: 'tinyblob',
  Blob: 'blob',
  MediumBlob: 'mediumblob',
  LongBlob: 'longblob',
  Date: 'date',
  DateTime: 'datetime',
  Timestamp: 'timestamp',
  Time: 'time',
  Year: 'year',
  /** BIT(M): an unsigned integer of M bits (1–64), sent to clients as ceil(M/8) big-endian bytes. */
  Bit: 'bit',
  Json: 'json',
} as const;
export type TypeKind = (typeof TypeKind)[keyof typeof TypeKind];

/** The name of a collation TidalDB implements (see sql/collation), which a text type compares and sorts with. */
export type CollationName = string;

/**
 * MySQL's coercibility of a string's collation, strongest first: an explicit COLLATE, a conflict (none), a column
 * (implicit), a system constant such as USER(), a literal or parameter (coercible), a number, NULL.
 * https://dev.mysql.com/doc/refman/8.0/en/charset-collation-coercibility.html
 */
export type Coercibility = 'explicit' | 'none' | 'implicit' | 'sysconst' | 'coercible' | 'numeric' | 'ignorable';

/** A static type: what a column stores or what an expression yields. Immutable. */
export interface FieldType {
  readonly kind: TypeKind;
  /** Display width / maximum characters (CHAR/VARCHAR) / precision M (DECIMAL); -1 when unspecified. */
  readonly length: number;
  /** Digits after the point (DECIMAL, FLOAT/DOUBLE(M,D)), fsp for temporal types; -1 when unspecified. */
  readonly decimals: number;
  readonly isUnsigned: boolean;
  readonly collation: CollationName;
  /** How strongly the collation holds when strings of different collations meet; undefined: implicit (a column). */
  readonly coercibility?: Coercibility;
  /** ENUM(…) / SET(…) columns: stored as VARCHAR text, limited to these members (see enum-set-value.ts). */
  readonly valueSet?: ValueSet;
  /** A predicate's result (comparisons, TRUE/FALSE): an integer that JSON functions turn into `true`/`false`. */
  readonly isBoolean?: boolean;
}

/** The members an ENUM or SET column accepts, in definition order. */
export interface ValueSet {
  readonly kind: 'enum' | 'set';
  readonly members: readonly string[];
}

const integerKinds: ReadonlySet<TypeKind> = new Set([
  TypeKind.TinyInt,
  TypeKind.SmallInt,
  TypeKind.MediumInt,
  TypeKind.Int,
  TypeKind.BigInt,
  TypeKind.Year,
  TypeKind.Bit,
]);
const textKinds: ReadonlySet<TypeKind> = new Set([
  TypeKind.Char,
  TypeKind.VarChar,
  TypeKind.TinyText,
  TypeKind.Text,
  TypeKind.MediumText,
  TypeKind.LongText,
]);
const binaryKinds: ReadonlySet<TypeKind> = new Set([
  TypeKind.Binary,
  TypeKind.VarBinary,
  TypeKind.TinyBlob,
  TypeKind.Blob,
  TypeKind.MediumBlob,
  TypeKind.LongBlob,
]);
const temporalKinds: ReadonlySet<TypeKind> = new Set([TypeKind.Date, TypeKind.DateTime, TypeKind.Timestamp, TypeKind.Time]);

export const isIntegerType = (type: FieldType): boolean => integerKinds.has(type.kind);
export const isTextType = (type: FieldType): boolean => textKinds.has(type.kind);
export const isBinaryType = (type: FieldType): boolean => binaryKinds.has(type.kind);
export const isStringType = (type: FieldType): boolean => textKinds.has(type.kind) || binaryKinds.has(type.kind);
export const isTemporalType = (type: FieldType): boolean => temporalKinds.has(type.kind);
export const isFloatType = (type: FieldType): boolean => type.kind === TypeKind.Float || type.kind === TypeKind.Double;
/** BLOB, TEXT and JSON types: no default values, no key without a prefix length (JSON: no key at all). */
export const isBlobType = (type: FieldType): boolean =>
  type.kind.endsWith('text') || type.kind.endsWith('blob') || type.kind === TypeKind.Json;
export const isJsonType = (type: FieldType): boolean => type.kind === TypeKind.Json;

/** Builds a FieldType, filling unspecified parts with MySQL's defaults for the kind. */
export function fieldType(kind: TypeKind, options: Partial<Omit<FieldType, 'kind'>> = {}): FieldType {
  // JSON travels with the binary character set, as MySQL 8 sends it.
  const isBinary = binaryKinds.has(kind) || kind === TypeKind.Json;
  return {
    kind,
    length: options.length ?? -1,
    decimals: options.decimals ?? -1,
    isUnsigned: options.isUnsigned ?? false,
    collation: isBinary ? 'binary' : (options.collation ?? 'utf8mb4_bin'),
  };
}

/** The inclusive value range of an integer column type. */
export function integerRange(type: FieldType): { readonly min: bigint; readonly max: bigint } {
  const bits = integerBits[type.kind] ?? 64;
  if (type.kind === TypeKind.Year) return { min: 0n, max: 2155n };
  if (type.kind === TypeKind.Bit) return { min: 0n, max: (1n << BigInt(bitWidth(type))) - 1n };
  if (type.isUnsigned) return { min: 0n, max: (1n << BigInt(bits)) - 1n };
  return { min: -(1n << BigInt(bits - 1)), max: (1n << BigInt(bits - 1)) - 1n };
}

const integerBits: Partial<Record<TypeKind, number>> = {
  tinyint: 8,
  smallint: 16,
  mediumint: 24,
  int: 32,
  bigint: 64,
};

/** The M of a BIT(M) type (1 when unspecified). */
export const bitWidth = (type: FieldType): number => (type.length > 0 ? type.length : 1);
export const isBitType = (type: FieldType): boolean => type.kind === TypeKind.Bit;

/**
 * A column's type as an expression reading it sees it: a BLOB/TEXT type gets a length, its greatest size (in bytes:
 * never less than its characters), as MySQL's max_length gives one, so that a string computed from it (CONCAT,
 * UPPER, COALESCE, …) is typed long enough to hold it; other types are returned as they are.
 */
export function readType(type: FieldType): FieldType {
  if (type.length >= 0) return type;
  const bytes = blobMaxBytes[type.kind];
  return bytes === undefined ? type : { ...type, length: bytes };
}

/** Maximum bytes of a TEXT/BLOB kind, for "Data too long" checks. */
export const blobMaxBytes: Partial<Record<TypeKind, number>> = {
  tinytext: 255,
  tinyblob: 255,
  text: 65_535,
  blob: 65_535,
  mediumtext: 16_777_215,
  mediumblob: 16_777_215,
  longtext: 4_294_967_295,
  longblob: 4_294_967_295,
};

/** The SQL text of a type as SHOW CREATE TABLE prints it, e.g. `int unsigned`, `varchar(20)`, `decimal(10,2)`. */
export function formatFieldType(type: FieldType): string {
  const unsigned = type.isUnsigned ? ' unsigned' : '';
  switch (type.kind) {
    case TypeKind.Decimal:
      return `decimal(${type.length < 0 ? 10 : type.length},${type.decimals < 0 ? 0 : type.decimals})${unsigned}`;
    case TypeKind.Float:
    case TypeKind.Double:
      return `${type.kind}${type.length > 0 && type.decimals >= 0 ? `(${type.length},${type.decimals})` : ''}${unsigned}`;
    case TypeKind.Char:
    case TypeKind.Binary:
      return `${type.kind}(${type.length < 0 ? 1 : type.length})`;
    case TypeKind.VarChar:
      if (type.valueSet) return `${type.valueSet.kind}(${type.valueSet.members.map((member) => `'${member.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`).join(',')})`;
      return `${type.kind}(${type.length})`;
    case TypeKind.VarBinary:
      return `${type.kind}(${type.length})`;
    case TypeKind.Bit:
      return `bit(${bitWidth(type)})`;
    case TypeKind.DateTime:
    case TypeKind.Timestamp:
    case TypeKind.Time:
      return `${type.kind}${type.decimals > 0 ? `(${type.decimals})` : ''}`;
    case TypeKind.TinyInt:
    case TypeKind.SmallInt:
    case TypeKind.MediumInt:
    case TypeKind.Int:
    case TypeKind.BigInt:
      return `${type.kind}${type.kind === TypeKind.TinyInt && type.length === 1 ? '(1)' : ''}${unsigned}`;
    case TypeKind.Null:
    case TypeKind.TinyText:
    case TypeKind.Text:
    case TypeKind.MediumText:
    case TypeKind.LongText:
    case TypeKind.TinyBlob:
    case TypeKind.Blob:
    case TypeKind.MediumBlob:
    case TypeKind.LongBlob:
    case TypeKind.Date:
    case TypeKind.Year:
    case TypeKind.Json:
      return type.kind;
  }
}
