// COM_QUERY: a text-protocol statement, optionally preceded by query attributes (CLIENT_QUERY_ATTRIBUTES).
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query.html
import { CapabilityFlags, hasCapability } from '../constants/capability-flags.js';
import { ColumnType } from '../constants/column-type.js';
import { CommandCode } from '../constants/command-code.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';
import { readBinaryValue } from './read-binary-value.js';

/** The flag byte's bit marking an unsigned parameter type. */
const UNSIGNED_TYPE_FLAG = 0x80;

/** One query attribute; its value stays in binary-protocol form (raw bytes) or null. */
export interface QueryAttribute {
  readonly name: string;
  /** A ColumnType value. */
  readonly type: number;
  readonly isUnsigned: boolean;
  /** The binary-protocol value bytes (without length prefix), or null. A view of the payload. */
  readonly value: Buffer | null;
}

/** The fields of COM_QUERY. */
export interface ComQuery {
  readonly query: string;
  /** Attributes sent with CLIENT_QUERY_ATTRIBUTES; empty otherwise. */
  readonly attributes: readonly QueryAttribute[];
}

/** Decodes a COM_QUERY payload (command byte included). Throws ER_MALFORMED_PACKET. */
export function decodeComQuery(
  payload: Buffer,
  capabilities: number,
  encoding: BufferEncoding = 'utf8',
  decodeText?: (bytes: Buffer) => string,
): ComQuery {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== CommandCode.COM_QUERY) throw malformedPacket();
  const attributes = hasCapability(capabilities, CapabilityFlags.CLIENT_QUERY_ATTRIBUTES)
    ? readQueryAttributes(reader)
    : [];
  return { query: decodeText ? decodeText(reader.readRestBytes()) : reader.readRestString(encoding), attributes };
}

function readQueryAttributes(reader: PacketReader): QueryAttribute[] {
  const count = reader.readLenencInt();
  reader.readLenencInt(); // parameter_set_count: always 1
  if (count === 0) return [];
  const nullBitmap = reader.readFixedBytes(Math.floor((count + 7) / 8));
  // Without new_params_bind_flag there are no types to read the values by; MySQL ignores such attributes too.
  if (reader.readInt1() !== 1) throw malformedPacket();
  const types: { type: number; isUnsigned: boolean; name: string }[] = [];
  for (let i = 0; i < count; i++) {
    const type = reader.readInt1();
    const flags = reader.readInt1();
    types.push({ type, isUnsigned: (flags & UNSIGNED_TYPE_FLAG) !== 0, name: reader.readLenencString() });
  }
  return types.map((param, i) => {
    const isNull = (((nullBitmap[i >> 3] as number) >> (i & 7)) & 1) === 1;
    return { ...param, value: isNull ? null : readBinaryValue(reader, param.type) };
  });
}


/**
 * Writes a COM_QUERY payload (the client side; for tests). With CLIENT_QUERY_ATTRIBUTES the attribute prefix is
 * written; attribute values must already be in binary-protocol form, and only string types are length-prefixed here.
 */
export function writeComQuery(writer: PacketWriter, command: ComQuery, capabilities: number): void {
  writer.writeInt1(CommandCode.COM_QUERY);
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_QUERY_ATTRIBUTES)) {
    const { attributes } = command;
    writer.writeLenencInt(attributes.length).writeLenencInt(1);
    if (attributes.length > 0) {
      const bitmap = Buffer.alloc(Math.floor((attributes.length + 7) / 8));
      attributes.forEach((attribute, i) => {
        if (attribute.value === null) bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
      });
      writer.writeBytes(bitmap).writeInt1(1);
      for (const attribute of attributes) {
        writer.writeInt1(attribute.type).writeInt1(attribute.isUnsigned ? UNSIGNED_TYPE_FLAG : 0);
        writer.writeLenencString(attribute.name);
      }
      for (const attribute of attributes) {
        if (attribute.value === null) continue;
        if (isFixedSizeType(attribute.type)) writer.writeBytes(attribute.value);
        else writer.writeLenencBytes(attribute.value);
      }
    }
  }
  writer.writeString(command.query);
}

function isFixedSizeType(type: number): boolean {
  return (
    type === ColumnType.MYSQL_TYPE_TINY ||
    type === ColumnType.MYSQL_TYPE_SHORT ||
    type === ColumnType.MYSQL_TYPE_LONG ||
    type === ColumnType.MYSQL_TYPE_LONGLONG ||
    type === ColumnType.MYSQL_TYPE_FLOAT ||
    type === ColumnType.MYSQL_TYPE_DOUBLE
  );
}
