// Binary protocol values: a SqlValue written by its column's type (result rows), and a parameter read into a SqlValue.
import { Decimal } from 'decimal.js';
import { ColumnType, readBinaryDateTime, readBinaryTime, writeBinaryDateTime, writeBinaryTime } from '../protocol/index.js';
import type { BinaryParam, PacketWriter } from '../protocol/index.js';
import { MysqlDateTime, MysqlTime, TypeKind } from '../sql/index.js';
import type { FieldType, SqlValue } from '../sql/index.js';
import { textValue } from './text-value.js';

const MICROS_PER_SECOND = 1_000_000;
const SECONDS_PER_DAY = 86_400;

/**
 * Writes one non-NULL value of a binary result row in the encoding the column definition announced for `type`; the
 * client decodes by that type, so a value of another runtime kind is converted first.
 */
export function writeBinaryValue(writer: PacketWriter, value: Exclude<SqlValue, null>, type: FieldType): void {
  switch (type.kind) {
    case TypeKind.TinyInt:
      writer.writeInt1(Number(BigInt.asUintN(8, toBigInt(value))));
      return;
    case TypeKind.SmallInt:
    case TypeKind.Year:
      writer.writeInt2(Number(BigInt.asUintN(16, toBigInt(value))));
      return;
    case TypeKind.MediumInt:
    case TypeKind.Int:
      writer.writeInt4(Number(BigInt.asUintN(32, toBigInt(value))));
      return;
    case TypeKind.BigInt:
      writer.writeInt8(toBigInt(value));
      return;
    case TypeKind.Float: {
      const bytes = Buffer.alloc(4);
      bytes.writeFloatLE(toNumber(value));
      writer.writeBytes(bytes);
      return;
    }
    case TypeKind.Double: {
      const bytes = Buffer.alloc(8);
      bytes.writeDoubleLE(toNumber(value));
      writer.writeBytes(bytes);
      return;
    }
    case TypeKind.Date:
    case TypeKind.DateTime:
    case TypeKind.Timestamp: {
      const dateTime = value instanceof MysqlDateTime ? value : MysqlDateTime.tryParse(String(textValue(value, type)), 'datetime', 6);
      writeBinaryDateTime(writer, dateTime ?? ZERO_DATE, type.kind === TypeKind.Date);
      return;
    }
    case TypeKind.Time: {
      const time = value instanceof MysqlTime ? value : (MysqlTime.fromText(String(textValue(value, type)))?.time ?? new MysqlTime(0));
      const magnitude = Math.abs(time.micros);
      const seconds = Math.floor(magnitude / MICROS_PER_SECOND);
      writeBinaryTime(writer, {
        isNegative: time.micros < 0,
        days: Math.floor(seconds / SECONDS_PER_DAY),
        hour: Math.floor((seconds % SECONDS_PER_DAY) / 3600),
        minute: time.minute,
        second: time.second,
        microsecond: time.microsecond,
      });
      return;
    }
    default: {
      // DECIMAL and every string type travel as length-encoded text, exactly as the text protocol prints them.
      const cell = textValue(value, type);
      if (typeof cell === 'string') writer.writeLenencString(cell);
      else if (cell !== null) writer.writeLenencBytes(cell);
      else writer.writeLenencString('');
    }
  }
}

const ZERO_DATE = new MysqlDateTime('datetime', 0, 0, 0);

function toBigInt(value: Exclude<SqlValue, null>): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.round(value)) : 0n;
  if (value instanceof Decimal) return BigInt(value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed());
  const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
  const match = /^\s*[-+]?\d+/.exec(text);
  return match ? BigInt(match[0].trim()) : 0n;
}

function toNumber(value: Exclude<SqlValue, null>): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || value instanceof Decimal) return Number(value.toString());
  return Number.parseFloat(Buffer.isBuffer(value) ? value.toString('latin1') : String(value)) || 0;
}

/**
 * The SqlValue of a binary parameter. Integers become bigint (signed or not by the unsigned flag), FLOAT/DOUBLE a
 * number, DECIMAL a Decimal, temporal types MysqlDateTime/MysqlTime, BLOB types bytes, and string types text
 * (bytes when they are not valid UTF-8, so binary data sent as VAR_STRING reaches a BLOB column intact).
 */
export function binaryParamValue(param: BinaryParam): SqlValue {
  const bytes = param.value;
  if (bytes === null) return null;
  switch (param.type) {
    case ColumnType.MYSQL_TYPE_NULL:
      return null;
    case ColumnType.MYSQL_TYPE_TINY:
    case ColumnType.MYSQL_TYPE_BOOL:
      return BigInt(param.isUnsigned ? bytes.readUInt8(0) : bytes.readInt8(0));
    case ColumnType.MYSQL_TYPE_SHORT:
    case ColumnType.MYSQL_TYPE_YEAR:
      return BigInt(param.isUnsigned ? bytes.readUInt16LE(0) : bytes.readInt16LE(0));
    case ColumnType.MYSQL_TYPE_LONG:
    case ColumnType.MYSQL_TYPE_INT24:
      return BigInt(param.isUnsigned ? bytes.readUInt32LE(0) : bytes.readInt32LE(0));
    case ColumnType.MYSQL_TYPE_LONGLONG:
      return param.isUnsigned ? bytes.readBigUInt64LE(0) : bytes.readBigInt64LE(0);
    case ColumnType.MYSQL_TYPE_FLOAT:
      return bytes.readFloatLE(0);
    case ColumnType.MYSQL_TYPE_DOUBLE:
      return bytes.readDoubleLE(0);
    case ColumnType.MYSQL_TYPE_DECIMAL:
    case ColumnType.MYSQL_TYPE_NEWDECIMAL: {
      const text = bytes.toString('latin1').trim();
      return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? new Decimal(text) : text;
    }
    case ColumnType.MYSQL_TYPE_DATE:
    case ColumnType.MYSQL_TYPE_DATETIME:
    case ColumnType.MYSQL_TYPE_TIMESTAMP: {
      const parts = readBinaryDateTime(bytes);
      const isDate = param.type === ColumnType.MYSQL_TYPE_DATE;
      const fsp = parts.microsecond !== 0 ? 6 : 0;
      return new MysqlDateTime(isDate ? 'date' : 'datetime', parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.microsecond, fsp);
    }
    case ColumnType.MYSQL_TYPE_TIME: {
      const parts = readBinaryTime(bytes);
      const seconds = ((parts.days * 24 + parts.hour) * 60 + parts.minute) * 60 + parts.second;
      const micros = seconds * MICROS_PER_SECOND + parts.microsecond;
      return new MysqlTime(parts.isNegative ? -micros : micros, parts.microsecond !== 0 ? 6 : 0);
    }
    case ColumnType.MYSQL_TYPE_TINY_BLOB:
    case ColumnType.MYSQL_TYPE_MEDIUM_BLOB:
    case ColumnType.MYSQL_TYPE_LONG_BLOB:
    case ColumnType.MYSQL_TYPE_BLOB:
    case ColumnType.MYSQL_TYPE_GEOMETRY:
      return Buffer.from(bytes);
    default: {
      const text = bytes.toString('utf8');
      return Buffer.byteLength(text) === bytes.length && !text.includes('\ufffd') ? text : Buffer.from(bytes);
    }
  }
}
