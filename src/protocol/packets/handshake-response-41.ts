// HandshakeResponse41: the client's reply to HandshakeV10 with user, auth response, database, plugin and attributes.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_response.html
import { CapabilityFlags, hasCapability } from '../constants/capability-flags.js';
import { collationEncoding } from '../constants/collation.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import { encodePayload } from '../packet-writer.js';
import type { PacketWriter } from '../packet-writer.js';
import { HANDSHAKE_RESPONSE_FILLER_LENGTH, isSslRequest, readHandshakePrefix, type SslRequest } from './ssl-request.js';

/** The fields of Protocol::HandshakeResponse41. */
export interface HandshakeResponse41 {
  readonly kind: 'handshake-response';
  /** The client's CLIENT_* bits as sent (the caller intersects them with the server's). */
  readonly capabilities: number;
  readonly maxPacketSize: number;
  /** The client's collation id. */
  readonly characterSet: number;
  readonly username: string;
  /** The auth plugin's response (e.g. the scrambled password); empty for an empty password. A view of the payload. */
  readonly authResponse: Buffer;
  /** The initial schema; undefined unless CLIENT_CONNECT_WITH_DB is set ('' when the client sent none: treat alike). */
  readonly database: string | undefined;
  /** The plugin that produced authResponse; undefined unless CLIENT_PLUGIN_AUTH is set. */
  readonly authPluginName: string | undefined;
  /** Connection attributes (`_client_name`, `_os`, …); empty unless CLIENT_CONNECT_ATTRS is set. */
  readonly connectAttributes: ReadonlyMap<string, string>;
  /** The zstd level; undefined unless CLIENT_ZSTD_COMPRESSION_ALGORITHM is set. */
  readonly zstdCompressionLevel: number | undefined;
}

/** What a client can send after HandshakeV10. */
export type ClientHandshake = SslRequest | HandshakeResponse41;

/**
 * Decodes the client's first packet: an SSLRequest (32 bytes with CLIENT_SSL) or a full HandshakeResponse41.
 * Throws ER_MALFORMED_PACKET for a truncated or inconsistent packet, ER_NOT_SUPPORTED_AUTH_MODE for a pre-4.1 client.
 */
export function decodeClientHandshake(payload: Buffer): ClientHandshake {
  return isSslRequest(payload) ? readHandshakePrefix(new PacketReader(payload)) : decodeHandshakeResponse41(payload);
}

/** Decodes a HandshakeResponse41 payload, interpreting optional fields by the client's own capability bits. */
export function decodeHandshakeResponse41(payload: Buffer): HandshakeResponse41 {
  const reader = new PacketReader(payload);
  const { capabilities, maxPacketSize, characterSet } = readHandshakePrefix(reader);
  const encoding = collationEncoding(characterSet);
  const username = reader.readNulString(encoding);
  let authResponse: Buffer;
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
    authResponse = reader.readLenencBytes();
  } else if (hasCapability(capabilities, CapabilityFlags.CLIENT_SECURE_CONNECTION)) {
    authResponse = reader.readFixedBytes(reader.readInt1());
  } else {
    authResponse = reader.readNulBytes();
  }
  const database = hasCapability(capabilities, CapabilityFlags.CLIENT_CONNECT_WITH_DB)
    ? reader.readNulOrEofString(encoding)
    : undefined;
  // Some clients leave the plugin name unterminated at the end of the packet; MySQL accepts that too.
  const authPluginName = hasCapability(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH)
    ? reader.readNulOrEofString()
    : undefined;
  const connectAttributes =
    hasCapability(capabilities, CapabilityFlags.CLIENT_CONNECT_ATTRS) && reader.hasMore
      ? readConnectAttributes(reader)
      : new Map<string, string>();
  const zstdCompressionLevel =
    hasCapability(capabilities, CapabilityFlags.CLIENT_ZSTD_COMPRESSION_ALGORITHM) && reader.hasMore
      ? reader.readInt1()
      : undefined;
  return {
    kind: 'handshake-response',
    capabilities,
    maxPacketSize,
    characterSet,
    username,
    authResponse,
    database,
    authPluginName,
    connectAttributes,
    zstdCompressionLevel,
  };
}

/** Reads the lenenc-prefixed block of lenenc key/value pairs; a pair crossing the block's end is malformed. */
function readConnectAttributes(reader: PacketReader): Map<string, string> {
  const length = reader.readLenencInt();
  const block = reader.readFixedBytes(length);
  const attributes = new Map<string, string>();
  const pairs = new PacketReader(block);
  while (pairs.hasMore) {
    const key = pairs.readLenencString();
    if (!pairs.hasMore) throw malformedPacket();
    attributes.set(key, pairs.readLenencString());
  }
  return attributes;
}

/** Writes a HandshakeResponse41 payload (the client side; for tests). Fields are written per `capabilities`. */
export function writeHandshakeResponse41(writer: PacketWriter, response: Omit<HandshakeResponse41, 'kind'>): void {
  const { capabilities } = response;
  writer
    .writeInt4(capabilities)
    .writeInt4(response.maxPacketSize)
    .writeInt1(response.characterSet)
    .writeZeros(HANDSHAKE_RESPONSE_FILLER_LENGTH)
    .writeNulString(response.username);
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
    writer.writeLenencBytes(response.authResponse);
  } else if (hasCapability(capabilities, CapabilityFlags.CLIENT_SECURE_CONNECTION)) {
    writer.writeInt1(response.authResponse.length).writeBytes(response.authResponse);
  } else {
    writer.writeBytes(response.authResponse).writeInt1(0);
  }
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_CONNECT_WITH_DB))
    writer.writeNulString(response.database ?? '');
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH)) {
    writer.writeNulString(response.authPluginName ?? '');
  }
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_CONNECT_ATTRS)) {
    const block = encodePayload((attributes) => {
      for (const [key, value] of response.connectAttributes) attributes.writeLenencString(key).writeLenencString(value);
    });
    writer.writeLenencBytes(block);
  }
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_ZSTD_COMPRESSION_ALGORITHM)) {
    writer.writeInt1(response.zstdCompressionLevel ?? 0);
  }
}
