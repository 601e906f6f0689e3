// Column definition flags (NOT_NULL_FLAG …) sent as the 16-bit flags field of ColumnDefinition41.
// https://dev.mysql.com/doc/dev/mysql-server/latest/group__group__cs__column__definition__flags.html

/** MySQL's *_FLAG column bits that travel on the wire (the low 16 bits). */
export const ColumnFlags = {
  NOT_NULL_FLAG: 0x0001,
  PRI_KEY_FLAG: 0x0002,
  UNIQUE_KEY_FLAG: 0x0004,
  MULTIPLE_KEY_FLAG: 0x0008,
  BLOB_FLAG: 0x0010,
  UNSIGNED_FLAG: 0x0020,
  ZEROFILL_FLAG: 0x0040,
  BINARY_FLAG: 0x0080,
  ENUM_FLAG: 0x0100,
  AUTO_INCREMENT_FLAG: 0x0200,
  TIMESTAMP_FLAG: 0x0400,
  SET_FLAG: 0x0800,
  NO_DEFAULT_VALUE_FLAG: 0x1000,
  ON_UPDATE_NOW_FLAG: 0x2000,
  PART_KEY_FLAG: 0x4000,
  NUM_FLAG: 0x8000,
} as const;
export type ColumnFlag = (typeof ColumnFlags)[keyof typeof ColumnFlags];
