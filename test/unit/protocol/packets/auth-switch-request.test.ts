// Tests for AuthSwitchRequest and AuthMoreData.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cachingSha2Password, CachingSha2Status } from '../../../../src/protocol/auth/caching-sha2-password.js';
import { encodePayload } from '../../../../src/protocol/packet-writer.js';
import { decodeAuthMoreData, writeAuthMoreData } from '../../../../src/protocol/packets/auth-more-data.js';
import {
  decodeAuthSwitchRequest,
  writeAuthSwitchRequest,
} from '../../../../src/protocol/packets/auth-switch-request.js';
import { assertMalformed } from '../assert-malformed.js';

void describe('AuthSwitchRequest', () => {
  void it('round-trips plugin name and the scramble + NUL plugin data', () => {
    const scramble = Buffer.from('abcdefghijklmnopqrst');
    const request = { pluginName: cachingSha2Password.name, pluginData: cachingSha2Password.authSwitchData(scramble) };
    const payload = encodePayload((w) => writeAuthSwitchRequest(w, request));
    assert.equal(payload[0], 0xfe);
    assert.equal(payload.toString('latin1'), '\xfecaching_sha2_password\0abcdefghijklmnopqrst\0');
    assert.deepEqual(decodeAuthSwitchRequest(payload), request);
  });

  void it('throws ER_MALFORMED_PACKET without a NUL-terminated plugin name', () => {
    assertMalformed(() => decodeAuthSwitchRequest(Buffer.from('\xfemysql', 'latin1')));
  });
});

void describe('AuthMoreData', () => {
  void it('round-trips the fast-auth status byte and a PEM key', () => {
    const fast = encodePayload((w) => writeAuthMoreData(w, Buffer.of(CachingSha2Status.FAST_AUTH_SUCCESS)));
    assert.deepEqual([...fast], [0x01, 0x03]);
    const pem = Buffer.from('-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----\n');
    assert.deepEqual(decodeAuthMoreData(encodePayload((w) => writeAuthMoreData(w, pem))), pem);
    assertMalformed(() => decodeAuthMoreData(Buffer.from([0x02, 0x03])));
  });
});
