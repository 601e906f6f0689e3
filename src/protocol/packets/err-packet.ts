// ERR_Packet: a failed command or handshake, carrying MySQL's error number, SQLSTATE and message.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_err_packet.html
import { CapabilityFlags, hasCapability } from '../constants/capability-flags.js';
import { PacketHeader } from '../constants/packet-header.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

const SQL_STATE_MARKER = 0x23; // '#'
const SQL_STATE_LENGTH = 5;
/** MySQL's MYSQL_ERRMSG_SIZE: messages are cut to fit 512 bytes with their terminator. */
const MAX_MESSAGE_BYTES = 511;

/** The fields of an ERR packet; a MySqlError has exactly these and can be passed as is. */
export interface ErrPacket {
  readonly code: number;
  /** Five characters, e.g. '42S02'. */
  readonly sqlState: string;
  readonly message: string;
}

/**
 * Writes an ERR packet. The `#` + SQLSTATE marker is sent only to CLIENT_PROTOCOL_41 clients; errors sent before the
 * client's capabilities are known should pass CapabilityFlags.CLIENT_PROTOCOL_41, as every supported client has it.
 */
export function writeErrPacket(writer: PacketWriter, error: ErrPacket, capabilities: number): void {
  writer.writeInt1(PacketHeader.ERR).writeInt2(error.code);
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_PROTOCOL_41)) {
    writer
      .writeInt1(SQL_STATE_MARKER)
      .writeString(error.sqlState.padEnd(SQL_STATE_LENGTH, '0').slice(0, SQL_STATE_LENGTH), 'latin1');
  }
  const message = Buffer.from(error.message, 'utf8');
  writer.writeBytes(message.length > MAX_MESSAGE_BYTES ? truncateUtf8(message, MAX_MESSAGE_BYTES) : message);
}

/** Decodes an ERR packet; without the `#` marker the SQLSTATE reads as 'HY000'. Throws ER_MALFORMED_PACKET. */
export function decodeErrPacket(payload: Buffer): ErrPacket {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== PacketHeader.ERR) throw malformedPacket();
  const code = reader.readInt2();
  let sqlState = 'HY000';
  if (reader.peekInt1() === SQL_STATE_MARKER) {
    reader.skip(1);
    sqlState = reader.readFixedString(SQL_STATE_LENGTH, 'latin1');
  }
  return { code, sqlState, message: reader.readRestString() };
}

/** Cuts UTF-8 bytes to at most `limit` without splitting a character. */
function truncateUtf8(bytes: Buffer, limit: number): Buffer {
  let end = limit;
  // Back up over continuation bytes (10xxxxxx) so the cut lands on a character boundary.
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}
