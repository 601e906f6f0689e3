// Session state change entries carried in an OK packet when CLIENT_SESSION_TRACK is on.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_ok_packet.html
import { malformedPacket, PacketReader } from '../packet-reader.js';
import { encodePayload } from '../packet-writer.js';
import type { PacketWriter } from '../packet-writer.js';

/** MySQL's enum_session_state_type. */
export const SessionTrackType = {
  SESSION_TRACK_SYSTEM_VARIABLES: 0,
  SESSION_TRACK_SCHEMA: 1,
  SESSION_TRACK_STATE_CHANGE: 2,
  SESSION_TRACK_GTIDS: 3,
  SESSION_TRACK_TRANSACTION_CHARACTERISTICS: 4,
  SESSION_TRACK_TRANSACTION_STATE: 5,
} as const;

/** One tracked change. `gtids` keeps its raw data (an encoding byte then lenenc GTID set). */
export type SessionStateChange =
  | { readonly type: 'system-variable'; readonly name: string; readonly value: string }
  | { readonly type: 'schema'; readonly schema: string }
  | { readonly type: 'state-change'; readonly isChanged: boolean }
  | { readonly type: 'gtids'; readonly data: Buffer }
  | { readonly type: 'transaction-characteristics'; readonly characteristics: string }
  | { readonly type: 'transaction-state'; readonly state: string };

/** Writes the session-state-info block: lenenc total length, then type byte + lenenc data for each change. */
export function writeSessionStateInfo(writer: PacketWriter, changes: readonly SessionStateChange[]): void {
  const block = encodePayload((entries) => {
    for (const change of changes) writeEntry(entries, change);
  });
  writer.writeLenencBytes(block);
}

function writeEntry(writer: PacketWriter, change: SessionStateChange): void {
  switch (change.type) {
    case 'system-variable':
      writer.writeInt1(SessionTrackType.SESSION_TRACK_SYSTEM_VARIABLES);
      writer.writeLenencBytes(
        encodePayload((data) => data.writeLenencString(change.name).writeLenencString(change.value)),
      );
      return;
    case 'schema':
      writer.writeInt1(SessionTrackType.SESSION_TRACK_SCHEMA);
      writer.writeLenencBytes(encodePayload((data) => data.writeLenencString(change.schema)));
      return;
    case 'state-change':
      writer.writeInt1(SessionTrackType.SESSION_TRACK_STATE_CHANGE);
      writer.writeLenencBytes(encodePayload((data) => data.writeLenencString(change.isChanged ? '1' : '0')));
      return;
    case 'gtids':
      writer.writeInt1(SessionTrackType.SESSION_TRACK_GTIDS).writeLenencBytes(change.data);
      return;
    case 'transaction-characteristics':
      writer.writeInt1(SessionTrackType.SESSION_TRACK_TRANSACTION_CHARACTERISTICS);
      writer.writeLenencBytes(encodePayload((data) => data.writeLenencString(change.characteristics)));
      return;
    case 'transaction-state':
      writer.writeInt1(SessionTrackType.SESSION_TRACK_TRANSACTION_STATE);
      writer.writeLenencBytes(encodePayload((data) => data.writeLenencString(change.state)));
      return;
  }
}

/** Reads a session-state-info block written by writeSessionStateInfo. Unknown types are malformed. */
export function readSessionStateInfo(reader: PacketReader): SessionStateChange[] {
  const block = new PacketReader(reader.readLenencBytes());
  const changes: SessionStateChange[] = [];
  while (block.hasMore) {
    const type = block.readInt1();
    const data = new PacketReader(block.readLenencBytes());
    switch (type) {
      case SessionTrackType.SESSION_TRACK_SYSTEM_VARIABLES:
        changes.push({ type: 'system-variable', name: data.readLenencString(), value: data.readLenencString() });
        break;
      case SessionTrackType.SESSION_TRACK_SCHEMA:
        changes.push({ type: 'schema', schema: data.readLenencString() });
        break;
      case SessionTrackType.SESSION_TRACK_STATE_CHANGE:
        changes.push({ type: 'state-change', isChanged: data.readLenencString() === '1' });
        break;
      case SessionTrackType.SESSION_TRACK_GTIDS:
        changes.push({ type: 'gtids', data: Buffer.from(data.readRestBytes()) });
        break;
      case SessionTrackType.SESSION_TRACK_TRANSACTION_CHARACTERISTICS:
        changes.push({ type: 'transaction-characteristics', characteristics: data.readLenencString() });
        break;
      case SessionTrackType.SESSION_TRACK_TRANSACTION_STATE:
        changes.push({ type: 'transaction-state', state: data.readLenencString() });
        break;
      default:
        throw malformedPacket();
    }
  }
  return changes;
}
