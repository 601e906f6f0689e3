// SSLRequest: the truncated HandshakeResponse41 a client sends to ask for TLS before authenticating.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_ssl_request.html
import { CapabilityFlags, hasCapability } from '../constants/capability-flags.js';
import { ER_NOT_SUPPORTED_AUTH_MODE, mysqlError } from '../../errors/index.js';
import { PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The length of an SSLRequest payload: flags, max packet size, charset, 23 filler bytes. */
export const SSL_REQUEST_LENGTH = 32;
/** The filler after the character set in SSLRequest and HandshakeResponse41. */
export const HANDSHAKE_RESPONSE_FILLER_LENGTH = 23;

/** The fields of Protocol::SSLRequest. */
export interface SslRequest {
  readonly kind: 'ssl-request';
  readonly capabilities: number;
  readonly maxPacketSize: number;
  readonly characterSet: number;
}

/** True when `payload` is an SSLRequest: exactly 32 bytes with CLIENT_SSL set in its capability flags. */
export function isSslRequest(payload: Buffer): boolean {
  return payload.length === SSL_REQUEST_LENGTH && hasCapability(payload.readUInt32LE(0), CapabilityFlags.CLIENT_SSL);
}

/**
 * Decodes the common 32-byte prefix of SSLRequest and HandshakeResponse41. Throws ER_MALFORMED_PACKET when shorter,
 * and ER_NOT_SUPPORTED_AUTH_MODE for a pre-4.1 client (no CLIENT_PROTOCOL_41), which MySQL 8 no longer serves.
 */
export function decodeSslRequest(payload: Buffer): SslRequest {
  return readHandshakePrefix(new PacketReader(payload));
}

/** Reads flags, max packet size, charset and filler; leaves `reader` after the filler. */
export function readHandshakePrefix(reader: PacketReader): SslRequest {
  const capabilities = reader.readInt4();
  const maxPacketSize = reader.readInt4();
  const characterSet = reader.readInt1();
  reader.skip(HANDSHAKE_RESPONSE_FILLER_LENGTH);
  if (!hasCapability(capabilities, CapabilityFlags.CLIENT_PROTOCOL_41)) throw mysqlError(ER_NOT_SUPPORTED_AUTH_MODE);
  return { kind: 'ssl-request', capabilities, maxPacketSize, characterSet };
}

/** Writes an SSLRequest payload (the client side; for tests). */
export function writeSslRequest(writer: PacketWriter, request: Omit<SslRequest, 'kind'>): void {
  writer
    .writeInt4(request.capabilities)
    .writeInt4(request.maxPacketSize)
    .writeInt1(request.characterSet)
    .writeZeros(HANDSHAKE_RESPONSE_FILLER_LENGTH);
}
