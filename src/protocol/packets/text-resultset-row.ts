// ResultsetRow (text protocol): one row as length-encoded strings, 0xFB for NULL.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_row.html
import { LenencPrefix } from '../constants/packet-header.js';
import { PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** One value already rendered in its text form: a string (UTF-8 encoded on the wire), raw bytes, or SQL NULL. */
export type TextCell = string | Uint8Array | null;

/**
 * Writes one text resultset row payload straight into `writer` (normally a PacketBatch's, between begin() and end()),
 * with no intermediate buffers.
 */
export function writeTextRow(writer: PacketWriter, values: readonly TextCell[]): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) writer.writeNull();
    else if (typeof value === 'string') writer.writeLenencString(value);
    else writer.writeLenencBytes(value);
  }
}

/** Decodes a text row of `columnCount` values into views of the payload (null for NULL). For tests and tools. */
export function decodeTextRow(payload: Buffer, columnCount: number): (Buffer | null)[] {
  const reader = new PacketReader(payload);
  const values: (Buffer | null)[] = [];
  for (let i = 0; i < columnCount; i++) {
    if (reader.peekInt1() === LenencPrefix.NULL) {
      reader.skip(1);
      values.push(null);
    } else {
      values.push(reader.readLenencBytes());
    }
  }
  return values;
}
