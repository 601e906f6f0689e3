// HandshakeV10: the server's first packet, announcing version, connection id, scramble, capabilities and auth plugin.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_v10.html
import { CapabilityFlags, hasCapability } from '../constants/capability-flags.js';
import { ProtocolLimits } from '../constants/packet-header.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

const SCRAMBLE_PART1_LENGTH = 8;
/** auth-plugin-data-part-2 is at least 13 bytes: 12 scramble bytes and a NUL. */
const MIN_SCRAMBLE_PART2_LENGTH = 13;
const RESERVED_LENGTH = 10;

/** The fields of Protocol::HandshakeV10. */
export interface HandshakeV10 {
  /** e.g. '8.0.11-TidalDB-0.1.0'; must not contain NUL. */
  readonly serverVersion: string;
  /** The thread / connection id, unsigned 32-bit. */
  readonly connectionId: number;
  /** The nonce, normally 20 bytes without NUL bytes (see generateScramble). */
  readonly authPluginData: Buffer;
  /** The server's CLIENT_* capability bits. */
  readonly capabilities: number;
  /** The server's default collation id (low byte only is sent). */
  readonly characterSet: number;
  /** SERVER_STATUS_* bits. */
  readonly statusFlags: number;
  /** The default auth plugin, e.g. 'caching_sha2_password'. */
  readonly authPluginName: string;
}

/** Writes a HandshakeV10 payload. The scramble is split 8 + rest, the rest NUL-terminated and padded to 13 bytes. */
export function writeHandshakeV10(writer: PacketWriter, handshake: HandshakeV10): void {
  const { capabilities, authPluginData: scramble } = handshake;
  const isPluginAuth = hasCapability(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH);
  const part1 = scramble.subarray(0, SCRAMBLE_PART1_LENGTH);
  writer
    .writeInt1(ProtocolLimits.PROTOCOL_VERSION)
    .writeNulString(handshake.serverVersion)
    .writeInt4(handshake.connectionId)
    .writeBytes(part1)
    .writeZeros(SCRAMBLE_PART1_LENGTH - part1.length + 1)
    .writeInt2(capabilities & 0xffff)
    .writeInt1(handshake.characterSet & 0xff)
    .writeInt2(handshake.statusFlags)
    .writeInt2((capabilities >>> 16) & 0xffff)
    .writeInt1(isPluginAuth ? scramble.length + 1 : 0)
    .writeZeros(RESERVED_LENGTH);
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_SECURE_CONNECTION)) {
    const part2 = scramble.subarray(SCRAMBLE_PART1_LENGTH);
    writer.writeBytes(part2).writeZeros(Math.max(MIN_SCRAMBLE_PART2_LENGTH - part2.length, 1));
  }
  if (isPluginAuth) writer.writeNulString(handshake.authPluginName);
}

/** Decodes a HandshakeV10 payload (the client side; used by tests and tools). Throws ER_MALFORMED_PACKET. */
export function decodeHandshakeV10(payload: Buffer): HandshakeV10 {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== ProtocolLimits.PROTOCOL_VERSION) throw malformedPacket();
  const serverVersion = reader.readNulString();
  const connectionId = reader.readInt4();
  const part1 = reader.readFixedBytes(SCRAMBLE_PART1_LENGTH);
  reader.skip(1);
  let capabilities = reader.readInt2();
  const characterSet = reader.readInt1();
  const statusFlags = reader.readInt2();
  capabilities = (capabilities | (reader.readInt2() << 16)) >>> 0;
  const authDataLength = reader.readInt1();
  reader.skip(RESERVED_LENGTH);
  let authPluginData = Buffer.from(part1);
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_SECURE_CONNECTION)) {
    const part2Length = Math.max(MIN_SCRAMBLE_PART2_LENGTH, authDataLength - SCRAMBLE_PART1_LENGTH);
    const part2 = reader.readFixedBytes(part2Length);
    // The declared length counts the NUL that ends part 2; without it, part 2 is 12 bytes + NUL.
    const scrambleLength = authDataLength > 0 ? authDataLength - 1 : ProtocolLimits.SCRAMBLE_LENGTH;
    const part2Data = part2.subarray(0, Math.max(0, scrambleLength - SCRAMBLE_PART1_LENGTH));
    authPluginData = Buffer.concat([part1, part2Data]);
  }
  const authPluginName = hasCapability(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH)
    ? reader.readNulOrEofString()
    : '';
  return { serverVersion, connectionId, authPluginData, capabilities, characterSet, statusFlags, authPluginName };
}
