// Tests for HandshakeV10: round trip, exact layout, and parsing by mysql2's client code.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CapabilityFlags, capabilities } from '../../../../src/protocol/constants/capability-flags.js';
import { ServerStatus } from '../../../../src/protocol/constants/server-status.js';
import { encodePayload } from '../../../../src/protocol/packet-writer.js';
import { decodeHandshakeV10, writeHandshakeV10 } from '../../../../src/protocol/packets/handshake-v10.js';
import type { HandshakeV10 } from '../../../../src/protocol/packets/handshake-v10.js';
import { asMysql2Packet, Mysql2HandshakeV10 } from '../mysql2-internals.js';
import { assertMalformed } from '../assert-malformed.js';

const serverCapabilities = capabilities(
  CapabilityFlags.CLIENT_LONG_PASSWORD,
  CapabilityFlags.CLIENT_PROTOCOL_41,
  CapabilityFlags.CLIENT_SECURE_CONNECTION,
  CapabilityFlags.CLIENT_PLUGIN_AUTH,
  CapabilityFlags.CLIENT_SSL,
  CapabilityFlags.CLIENT_DEPRECATE_EOF,
  CapabilityFlags.CLIENT_CONNECT_ATTRS,
  CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA,
  CapabilityFlags.CLIENT_REMEMBER_OPTIONS,
);

const handshake: HandshakeV10 = {
  serverVersion: '8.0.11-TidalDB-0.1.0',
  connectionId: 0xdeadbeef,
  authPluginData: Buffer.from('0123456789abcdefghij'),
  capabilities: serverCapabilities,
  characterSet: 255,
  statusFlags: ServerStatus.SERVER_STATUS_AUTOCOMMIT,
  authPluginName: 'caching_sha2_password',
};

void describe('HandshakeV10', () => {
  const payload = encodePayload((w) => writeHandshakeV10(w, handshake));

  void it('round-trips', () => {
    assert.deepEqual(decodeHandshakeV10(payload), handshake);
  });

  void it('lays out the fields as MySQL documents them', () => {
    const versionEnd = 1 + handshake.serverVersion.length;
    assert.equal(payload[0], 10);
    assert.equal(payload[versionEnd], 0);
    assert.equal(payload.readUInt32LE(versionEnd + 1), 0xdeadbeef);
    assert.equal(payload.toString('latin1', versionEnd + 5, versionEnd + 13), '01234567');
    assert.equal(payload[versionEnd + 13], 0);
    const afterScramble1 = versionEnd + 14;
    assert.equal(payload.readUInt16LE(afterScramble1), serverCapabilities & 0xffff);
    assert.equal(payload[afterScramble1 + 2], 255);
    assert.equal(payload.readUInt16LE(afterScramble1 + 3), ServerStatus.SERVER_STATUS_AUTOCOMMIT);
    assert.equal(payload.readUInt16LE(afterScramble1 + 5), serverCapabilities >>> 16);
    assert.equal(payload[afterScramble1 + 7], 21);
    assert.ok(payload.subarray(afterScramble1 + 8, afterScramble1 + 18).equals(Buffer.alloc(10)));
    const part2 = afterScramble1 + 18;
    assert.equal(payload.toString('latin1', part2, part2 + 13), '89abcdefghij\0');
    assert.equal(payload.toString('latin1', part2 + 13), 'caching_sha2_password\0');
  });

  void it('is parsed by mysql2 into the same fields', () => {
    const parsed = Mysql2HandshakeV10.fromPacket(asMysql2Packet(payload));
    assert.equal(parsed.protocolVersion, 10);
    assert.equal(parsed.serverVersion, handshake.serverVersion);
    assert.equal(parsed.connectionId, handshake.connectionId);
    assert.equal(parsed.capabilityFlags, serverCapabilities);
    assert.equal(parsed.characterSet, 255);
    assert.equal(parsed.statusFlags, ServerStatus.SERVER_STATUS_AUTOCOMMIT);
    assert.equal(parsed.authPluginName, 'caching_sha2_password');
    const scramble = Buffer.concat([parsed.authPluginData1, parsed.authPluginData2]).subarray(0, 20);
    assert.ok(scramble.equals(handshake.authPluginData));
  });

  void it('throws ER_MALFORMED_PACKET for every truncation', () => {
    for (let length = 0; length < payload.length - 'caching_sha2_password\0'.length; length++) {
      assertMalformed(() => decodeHandshakeV10(payload.subarray(0, length)));
    }
  });
});
