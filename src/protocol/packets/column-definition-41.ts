// ColumnDefinition41: one column's metadata in a result set, prepared statement or COM_FIELD_LIST response.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_column_definition.html
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The catalog is always 'def'. */
export const DEFAULT_CATALOG = 'def';
/** The length byte that precedes the fixed-length fields. */
const FIXED_FIELDS_LENGTH = 0x0c;
const FILLER_LENGTH = 2;

/** The fields of Protocol::ColumnDefinition41. Names are sent UTF-8 encoded (character_set_results utf8mb4). */
export interface ColumnDefinition41 {
  /** Defaults to 'def'. */
  readonly catalog?: string;
  readonly schema: string;
  /** The table alias as written in the query. */
  readonly table: string;
  /** The physical table name. */
  readonly orgTable: string;
  /** The column alias. */
  readonly name: string;
  /** The physical column name. */
  readonly orgName: string;
  /** The collation id of the column's values (63 binary for numbers and blobs). */
  readonly characterSet: number;
  /** Maximum display length in bytes (characters × mbmaxlen for strings). */
  readonly columnLength: number;
  /** A ColumnType value. */
  readonly type: number;
  /** ColumnFlags bits. */
  readonly flags: number;
  /** Digits after the point; 0x1f for non-fixed floats and strings, 0 for integers. */
  readonly decimals: number;
  /** The default value; written only for COM_FIELD_LIST responses (null writes 0xFB). */
  readonly defaultValue?: Buffer | string | null;
}

/** Writes a ColumnDefinition41 payload. */
export function writeColumnDefinition41(writer: PacketWriter, column: ColumnDefinition41): void {
  writer
    .writeLenencString(column.catalog ?? DEFAULT_CATALOG)
    .writeLenencString(column.schema)
    .writeLenencString(column.table)
    .writeLenencString(column.orgTable)
    .writeLenencString(column.name)
    .writeLenencString(column.orgName)
    .writeInt1(FIXED_FIELDS_LENGTH)
    .writeInt2(column.characterSet)
    .writeInt4(column.columnLength)
    .writeInt1(column.type)
    .writeInt2(column.flags)
    .writeInt1(column.decimals)
    .writeZeros(FILLER_LENGTH);
  const value = column.defaultValue;
  if (value === undefined) return;
  if (value === null) writer.writeNull();
  else if (typeof value === 'string') writer.writeLenencString(value);
  else writer.writeLenencBytes(value);
}

/** Decodes a ColumnDefinition41 payload; a trailing default value is returned as bytes or null. */
export function decodeColumnDefinition41(payload: Buffer): ColumnDefinition41 {
  const reader = new PacketReader(payload);
  const catalog = reader.readLenencString();
  const schema = reader.readLenencString();
  const table = reader.readLenencString();
  const orgTable = reader.readLenencString();
  const name = reader.readLenencString();
  const orgName = reader.readLenencString();
  if (reader.readLenencInt() !== FIXED_FIELDS_LENGTH) throw malformedPacket();
  const characterSet = reader.readInt2();
  const columnLength = reader.readInt4();
  const type = reader.readInt1();
  const flags = reader.readInt2();
  const decimals = reader.readInt1();
  reader.skip(FILLER_LENGTH);
  const column: ColumnDefinition41 = {
    catalog,
    schema,
    table,
    orgTable,
    name,
    orgName,
    characterSet,
    columnLength,
    type,
    flags,
    decimals,
  };
  if (!reader.hasMore) return column;
  const length = reader.readLenencIntOrNull();
  return { ...column, defaultValue: length === null ? null : reader.readFixedBytes(length) };
}
