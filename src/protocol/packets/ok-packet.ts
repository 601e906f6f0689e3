// OK_Packet: success of a command, and (with header 0xFE) the end of a result set under CLIENT_DEPRECATE_EOF.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_ok_packet.html
import { CapabilityFlags, hasCapability } from '../constants/capability-flags.js';
import { PacketHeader } from '../constants/packet-header.js';
import { ServerStatus } from '../constants/server-status.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';
import { readSessionStateInfo, writeSessionStateInfo, type SessionStateChange } from './session-state-change.js';

/** The fields of an OK packet. */
export interface OkPacket {
  readonly affectedRows: number | bigint;
  readonly lastInsertId: number | bigint;
  /** SERVER_STATUS_* bits. */
  readonly statusFlags: number;
  readonly warnings: number;
  /** Human-readable info such as 'Rows matched: 1  Changed: 1  Warnings: 0'; '' for none. */
  readonly info?: string;
  /** Sent only with CLIENT_SESSION_TRACK and SERVER_SESSION_STATE_CHANGED in statusFlags. */
  readonly sessionStateChanges?: readonly SessionStateChange[];
}

/** Writes an OK packet (header 0x00) for a client with `capabilities`. */
export function writeOkPacket(writer: PacketWriter, ok: OkPacket, capabilities: number): void {
  writeOkBody(writer, PacketHeader.OK, ok, capabilities);
}

/**
 * Writes the OK packet with header 0xFE that replaces EOF_Packet at the end of a result set when the client set
 * CLIENT_DEPRECATE_EOF.
 */
export function writeEofOkPacket(writer: PacketWriter, ok: OkPacket, capabilities: number): void {
  writeOkBody(writer, PacketHeader.EOF, ok, capabilities);
}

function writeOkBody(writer: PacketWriter, header: number, ok: OkPacket, capabilities: number): void {
  writer.writeInt1(header).writeLenencInt(ok.affectedRows).writeLenencInt(ok.lastInsertId);
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_PROTOCOL_41)) {
    writer.writeInt2(ok.statusFlags).writeInt2(ok.warnings);
  } else if (hasCapability(capabilities, CapabilityFlags.CLIENT_TRANSACTIONS)) {
    writer.writeInt2(ok.statusFlags);
  }
  const info = ok.info ?? '';
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_SESSION_TRACK)) {
    const changes = ok.sessionStateChanges;
    const isStateChanged = (ok.statusFlags & ServerStatus.SERVER_SESSION_STATE_CHANGED) !== 0 && changes !== undefined;
    // As MySQL's net_send_ok: the info is omitted entirely when empty and no state follows.
    if (isStateChanged || info.length > 0) writer.writeLenencString(info);
    if (isStateChanged) writeSessionStateInfo(writer, changes);
  } else if (info.length > 0) {
    // The protocol docs say string<EOF>, but mysqld's net_send_ok stores it length-encoded (net_store_data), and
    // MariaDB Connector/C parses it that way; follow the server, not the docs.
    writer.writeLenencString(info);
  }
}

/**
 * Decodes an OK packet (header 0x00, or 0xFE for the result-set-ending form) sent to a client with `capabilities`.
 * Row counts above 2^53 come back as bigint. Throws ER_MALFORMED_PACKET.
 */
export function decodeOkPacket(payload: Buffer, capabilities: number): OkPacket {
  const reader = new PacketReader(payload);
  const header = reader.readInt1();
  if (header !== PacketHeader.OK && header !== PacketHeader.EOF) throw malformedPacket();
  const affectedRows = safeNumber(reader.readLenencBigInt());
  const lastInsertId = safeNumber(reader.readLenencBigInt());
  let statusFlags = 0;
  let warnings = 0;
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_PROTOCOL_41)) {
    statusFlags = reader.readInt2();
    warnings = reader.readInt2();
  } else if (hasCapability(capabilities, CapabilityFlags.CLIENT_TRANSACTIONS)) {
    statusFlags = reader.readInt2();
  }
  let info = '';
  let sessionStateChanges: SessionStateChange[] | undefined;
  if (hasCapability(capabilities, CapabilityFlags.CLIENT_SESSION_TRACK)) {
    if (reader.hasMore) info = reader.readLenencString();
    if ((statusFlags & ServerStatus.SERVER_SESSION_STATE_CHANGED) !== 0 && reader.hasMore) {
      sessionStateChanges = readSessionStateInfo(reader);
    }
  } else if (reader.hasMore) {
    info = reader.readLenencString();
  }
  const ok: OkPacket = { affectedRows, lastInsertId, statusFlags, warnings, info };
  return sessionStateChanges === undefined ? ok : { ...ok, sessionStateChanges };
}

function safeNumber(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
