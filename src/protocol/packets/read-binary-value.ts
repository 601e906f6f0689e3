// readBinaryValue: reads one value of the binary protocol's parameter encoding.
import { ColumnType } from '../constants/column-type.js';
import type { PacketReader } from '../packet-reader.js';

/**
 * The bytes of one binary-protocol value of `type` (without its length prefix), as COM_STMT_EXECUTE parameters and
 * COM_QUERY query attributes send them.
 */
export function readBinaryValue(reader: PacketReader, type: number): Buffer {
  switch (type) {
    case ColumnType.MYSQL_TYPE_NULL:
      return Buffer.alloc(0);
    case ColumnType.MYSQL_TYPE_TINY:
    case ColumnType.MYSQL_TYPE_BOOL:
      return reader.readFixedBytes(1);
    case ColumnType.MYSQL_TYPE_SHORT:
    case ColumnType.MYSQL_TYPE_YEAR:
      return reader.readFixedBytes(2);
    case ColumnType.MYSQL_TYPE_LONG:
    case ColumnType.MYSQL_TYPE_INT24:
    case ColumnType.MYSQL_TYPE_FLOAT:
      return reader.readFixedBytes(4);
    case ColumnType.MYSQL_TYPE_LONGLONG:
    case ColumnType.MYSQL_TYPE_DOUBLE:
      return reader.readFixedBytes(8);
    case ColumnType.MYSQL_TYPE_DATE:
    case ColumnType.MYSQL_TYPE_DATETIME:
    case ColumnType.MYSQL_TYPE_TIMESTAMP:
    case ColumnType.MYSQL_TYPE_TIME:
      return reader.readFixedBytes(reader.readInt1());
    default:
      return reader.readLenencBytes();
  }
}
