// Tests for ERR_Packet: built from a MySqlError, with and without the SQLSTATE marker.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ER_NO_SUCH_TABLE, mysqlError } from '../../../../src/errors/index.js';
import { CapabilityFlags } from '../../../../src/protocol/constants/capability-flags.js';
import { encodePayload } from '../../../../src/protocol/packet-writer.js';
import { decodeErrPacket, writeErrPacket } from '../../../../src/protocol/packets/err-packet.js';
import { assertMalformed } from '../assert-malformed.js';

void describe('ErrPacket', () => {
  const error = mysqlError(ER_NO_SUCH_TABLE, 'shop', 'orders');

  void it('encodes a MySqlError as 0xFF, code, #, SQLSTATE, message', () => {
    const payload = encodePayload((w) => writeErrPacket(w, error, CapabilityFlags.CLIENT_PROTOCOL_41));
    assert.equal(payload[0], 0xff);
    assert.equal(payload.readUInt16LE(1), 1146);
    assert.equal(payload.toString('latin1', 3, 9), '#42S02');
    assert.equal(payload.toString('utf8', 9), "Table 'shop.orders' doesn't exist");
    assert.deepEqual(decodeErrPacket(payload), { code: 1146, sqlState: '42S02', message: error.message });
  });

  void it('leaves out the SQLSTATE for pre-4.1 capabilities', () => {
    const payload = encodePayload((w) => writeErrPacket(w, error, 0));
    assert.equal(payload.toString('utf8', 3), error.message);
    assert.deepEqual(decodeErrPacket(payload), { code: 1146, sqlState: 'HY000', message: error.message });
  });

  void it('cuts long messages to 511 bytes on a character boundary', () => {
    const long = { code: 1105, sqlState: 'HY000', message: 'é'.repeat(400) };
    const decoded = decodeErrPacket(encodePayload((w) => writeErrPacket(w, long, CapabilityFlags.CLIENT_PROTOCOL_41)));
    assert.equal(decoded.message, 'é'.repeat(255));
  });

  void it('throws ER_MALFORMED_PACKET on truncation', () => {
    assertMalformed(() => decodeErrPacket(Buffer.from([0xff, 0x01])));
    assertMalformed(() => decodeErrPacket(Buffer.from([0xff, 0x01, 0x00, 0x23, 0x34])));
    assertMalformed(() => decodeErrPacket(Buffer.from([0x00])));
  });
});
