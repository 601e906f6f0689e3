// The column-count packet that starts a text or binary result set.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset.html
import { CapabilityFlags, hasCapability } from '../constants/capability-flags.js';
import { PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** resultset_metadata values sent after the count with CLIENT_OPTIONAL_RESULTSET_METADATA. */
export const ResultsetMetadata = {
  RESULTSET_METADATA_NONE: 0,
  RESULTSET_METADATA_FULL: 1,
} as const;

/**
 * Writes the column count (int<lenenc>); with CLIENT_OPTIONAL_RESULTSET_METADATA also the metadata_follows byte
 * (always FULL: TidalDB always sends column definitions).
 */
export function writeColumnCount(writer: PacketWriter, columnCount: number, capabilities: number): void {
  writer.writeLenencInt(columnCount);
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_OPTIONAL_RESULTSET_METADATA)) {
    writer.writeInt1(ResultsetMetadata.RESULTSET_METADATA_FULL);
  }
}

/** Decodes a column-count packet. Throws ER_MALFORMED_PACKET. */
export function decodeColumnCount(payload: Buffer): number {
  return new PacketReader(payload).readLenencInt();
}
