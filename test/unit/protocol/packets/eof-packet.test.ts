// Tests for EOF_Packet.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CapabilityFlags } from '../../../../src/protocol/constants/capability-flags.js';
import { encodePayload } from '../../../../src/protocol/packet-writer.js';
import { decodeEofPacket, isEofPacket, writeEofPacket } from '../../../../src/protocol/packets/eof-packet.js';
import { assertMalformed } from '../assert-malformed.js';

void describe('EofPacket', () => {
  void it('round-trips warnings and status as 5 bytes', () => {
    const eof = { warnings: 2, statusFlags: 0x0022 };
    const payload = encodePayload((w) => writeEofPacket(w, eof, CapabilityFlags.CLIENT_PROTOCOL_41));
    assert.deepEqual([...payload], [0xfe, 2, 0, 0x22, 0]);
    assert.equal(isEofPacket(payload), true);
    assert.deepEqual(decodeEofPacket(payload, CapabilityFlags.CLIENT_PROTOCOL_41), eof);
  });

  void it('is one byte for pre-4.1 clients, and a long 0xFE payload is not an EOF', () => {
    assert.deepEqual([...encodePayload((w) => writeEofPacket(w, { warnings: 1, statusFlags: 2 }, 0))], [0xfe]);
    assert.equal(isEofPacket(Buffer.alloc(9, 0xfe)), false);
  });

  void it('throws ER_MALFORMED_PACKET on truncation', () => {
    assertMalformed(() => decodeEofPacket(Buffer.from([0xfe, 0]), CapabilityFlags.CLIENT_PROTOCOL_41));
  });
});
