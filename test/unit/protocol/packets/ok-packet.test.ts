// Tests for OK_Packet in its 0x00 and 0xFE (DEPRECATE_EOF) forms, with and without session tracking.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CapabilityFlags, capabilities } from '../../../../src/protocol/constants/capability-flags.js';
import { ServerStatus } from '../../../../src/protocol/constants/server-status.js';
import { encodePayload } from '../../../../src/protocol/packet-writer.js';
import { decodeOkPacket, writeEofOkPacket, writeOkPacket } from '../../../../src/protocol/packets/ok-packet.js';
import type { OkPacket } from '../../../../src/protocol/packets/ok-packet.js';
import { assertMalformed } from '../assert-malformed.js';

const protocol41 = capabilities(CapabilityFlags.CLIENT_PROTOCOL_41, CapabilityFlags.CLIENT_TRANSACTIONS);
const sessionTrack = capabilities(protocol41, CapabilityFlags.CLIENT_SESSION_TRACK);

void describe('OkPacket', () => {
  void it('encodes a plain OK exactly as MySQL does', () => {
    const ok: OkPacket = {
      affectedRows: 1,
      lastInsertId: 0,
      statusFlags: ServerStatus.SERVER_STATUS_AUTOCOMMIT,
      warnings: 0,
    };
    assert.deepEqual(
      [...encodePayload((w) => writeOkPacket(w, ok, protocol41))],
      [0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00],
    );
  });

  void it('round-trips any counts, flags and info', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.nat(), fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n - 1n })),
        fc.oneof(fc.nat(), fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n - 1n })),
        fc.nat(0xffff),
        fc.nat(0xffff),
        fc.string({ maxLength: 300 }),
        fc.constantFrom(protocol41, sessionTrack),
        (affectedRows, lastInsertId, statusFlags, warnings, info, caps) => {
          const flags = statusFlags & ~ServerStatus.SERVER_SESSION_STATE_CHANGED;
          const ok: OkPacket = { affectedRows, lastInsertId, statusFlags: flags, warnings, info };
          assert.deepEqual(
            decodeOkPacket(
              encodePayload((w) => writeOkPacket(w, ok, caps)),
              caps,
            ),
            ok,
          );
        },
      ),
    );
  });

  void it('writes the result-set-ending form with header 0xFE', () => {
    const ok: OkPacket = { affectedRows: 0, lastInsertId: 0, statusFlags: 0x22, warnings: 1, info: '' };
    const payload = encodePayload((w) => writeEofOkPacket(w, ok, protocol41));
    assert.equal(payload[0], 0xfe);
    assert.deepEqual(decodeOkPacket(payload, protocol41), ok);
  });

  void it('omits the info under SESSION_TRACK when it is empty, like MySQL', () => {
    const ok: OkPacket = { affectedRows: 0, lastInsertId: 0, statusFlags: 2, warnings: 0, info: '' };
    assert.equal(encodePayload((w) => writeOkPacket(w, ok, sessionTrack)).length, 7);
  });

  void it('round-trips session state changes', () => {
    const ok: OkPacket = {
      affectedRows: 0,
      lastInsertId: 0,
      statusFlags: ServerStatus.SERVER_STATUS_AUTOCOMMIT | ServerStatus.SERVER_SESSION_STATE_CHANGED,
      warnings: 0,
      info: '',
      sessionStateChanges: [
        { type: 'schema', schema: 'shop' },
        { type: 'system-variable', name: 'autocommit', value: 'OFF' },
        { type: 'state-change', isChanged: true },
        { type: 'transaction-state', state: 'T_______' },
        { type: 'transaction-characteristics', characteristics: 'START TRANSACTION;' },
        { type: 'gtids', data: Buffer.from([0, 3, 0x61, 0x62, 0x63]) },
      ],
    };
    assert.deepEqual(
      decodeOkPacket(
        encodePayload((w) => writeOkPacket(w, ok, sessionTrack)),
        sessionTrack,
      ),
      ok,
    );
  });

  void it('writes info length-encoded without SESSION_TRACK, as mysqld does (not string<EOF> as documented)', () => {
    const ok: OkPacket = {
      affectedRows: 3,
      lastInsertId: 0,
      statusFlags: 2,
      warnings: 0,
      info: 'Records: 3  Duplicates: 0  Warnings: 0',
    };
    const payload = encodePayload((w) => writeOkPacket(w, ok, protocol41));
    assert.equal(payload[7], ok.info!.length);
    assert.equal(payload.toString('utf8', 8), ok.info);
  });

  void it('throws ER_MALFORMED_PACKET on truncation and a wrong header', () => {
    const payload = encodePayload((w) =>
      writeOkPacket(w, { affectedRows: 300, lastInsertId: 70000, statusFlags: 2, warnings: 0 }, protocol41),
    );
    for (let length = 0; length < payload.length; length++)
      assertMalformed(() => decodeOkPacket(payload.subarray(0, length), protocol41));
    assertMalformed(() => decodeOkPacket(Buffer.from([0x05, 0, 0, 0, 0, 0, 0]), protocol41));
  });
});
