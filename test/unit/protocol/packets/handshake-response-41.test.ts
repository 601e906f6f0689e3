// Tests for HandshakeResponse41 and SSLRequest decoding, including packets built by mysql2's client code.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MySqlError } from '../../../../src/errors/index.js';
import { CapabilityFlags, capabilities } from '../../../../src/protocol/constants/capability-flags.js';
import { encodePayload } from '../../../../src/protocol/packet-writer.js';
import {
  decodeClientHandshake,
  decodeHandshakeResponse41,
  writeHandshakeResponse41,
} from '../../../../src/protocol/packets/handshake-response-41.js';
import type { HandshakeResponse41 } from '../../../../src/protocol/packets/handshake-response-41.js';
import { decodeSslRequest, isSslRequest, writeSslRequest } from '../../../../src/protocol/packets/ssl-request.js';
import { scrambleNativePassword } from '../../../../src/protocol/auth/mysql-native-password.js';
import { Mysql2HandshakeResponse, mysql2ClientFlags } from '../mysql2-internals.js';
import { assertMalformed, returnsOrMalformed } from '../assert-malformed.js';

const base = capabilities(
  CapabilityFlags.CLIENT_LONG_PASSWORD,
  CapabilityFlags.CLIENT_PROTOCOL_41,
  CapabilityFlags.CLIENT_SECURE_CONNECTION,
  CapabilityFlags.CLIENT_PLUGIN_AUTH,
);

function response(overrides: Partial<Omit<HandshakeResponse41, 'kind'>>): Omit<HandshakeResponse41, 'kind'> {
  return {
    capabilities: base,
    maxPacketSize: 16 * 1024 * 1024,
    characterSet: 45,
    username: 'root',
    authResponse: Buffer.from('0123456789abcdefghij'),
    database: undefined,
    authPluginName: 'mysql_native_password',
    connectAttributes: new Map(),
    zstdCompressionLevel: undefined,
    ...overrides,
  };
}

function roundTrip(fields: Omit<HandshakeResponse41, 'kind'>): HandshakeResponse41 {
  return decodeHandshakeResponse41(encodePayload((w) => writeHandshakeResponse41(w, fields)));
}

void describe('HandshakeResponse41', () => {
  void it('round-trips the SECURE_CONNECTION form', () => {
    const fields = response({});
    assert.deepEqual(roundTrip(fields), { kind: 'handshake-response', ...fields });
  });

  void it('round-trips the LENENC_CLIENT_DATA form with a database and connect attributes', () => {
    const fields = response({
      capabilities: capabilities(
        base,
        CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA,
        CapabilityFlags.CLIENT_CONNECT_WITH_DB,
        CapabilityFlags.CLIENT_CONNECT_ATTRS,
        CapabilityFlags.CLIENT_ZSTD_COMPRESSION_ALGORITHM,
      ),
      authResponse: Buffer.alloc(300, 9),
      database: 'tidal_db',
      connectAttributes: new Map([
        ['_client_name', 'libmysql'],
        ['program_name', 'mysql'],
        ['emoji', '🌊'],
      ]),
      zstdCompressionLevel: 3,
    });
    assert.deepEqual(roundTrip(fields), { kind: 'handshake-response', ...fields });
  });

  void it('round-trips the old NUL-terminated auth response form', () => {
    const fields = response({
      capabilities: CapabilityFlags.CLIENT_PROTOCOL_41,
      authResponse: Buffer.from('abc'),
      authPluginName: undefined,
    });
    assert.deepEqual(roundTrip(fields), { kind: 'handshake-response', ...fields });
  });

  void it('accepts an empty auth response (empty password)', () => {
    assert.equal(roundTrip(response({ authResponse: Buffer.alloc(0) })).authResponse.length, 0);
  });

  void it('accepts a plugin name that runs to the end of the packet without NUL', () => {
    const payload = encodePayload((w) => writeHandshakeResponse41(w, response({})));
    assert.equal(
      decodeHandshakeResponse41(payload.subarray(0, payload.length - 1)).authPluginName,
      'mysql_native_password',
    );
  });

  void it('decodes what mysql2 sends', () => {
    const scramble = Buffer.from('abcdefghijklmnopqrst');
    const flags =
      mysql2ClientFlags.PROTOCOL_41! |
      mysql2ClientFlags.SECURE_CONNECTION! |
      mysql2ClientFlags.PLUGIN_AUTH! |
      mysql2ClientFlags.CONNECT_WITH_DB! |
      mysql2ClientFlags.CONNECT_ATTRS! |
      mysql2ClientFlags.PLUGIN_AUTH_LENENC_CLIENT_DATA! |
      mysql2ClientFlags.LONG_PASSWORD!;
    const packet = new Mysql2HandshakeResponse({
      user: 'app',
      database: 'shop',
      password: 's3cret',
      authPluginData1: scramble.subarray(0, 8),
      authPluginData2: scramble.subarray(8),
      flags,
      charsetNumber: 45,
      connectAttributes: { _client_name: 'Node-MySQL-2' },
    }).toPacket();
    const decoded = decodeClientHandshake(packet.buffer.subarray(4));
    assert.equal(decoded.kind, 'handshake-response');
    assert.ok(decoded.kind === 'handshake-response');
    assert.equal(decoded.username, 'app');
    assert.equal(decoded.database, 'shop');
    assert.equal(decoded.authPluginName, 'mysql_native_password');
    assert.equal(decoded.characterSet, 45);
    assert.deepEqual([...decoded.connectAttributes], [['_client_name', 'Node-MySQL-2']]);
    assert.ok(decoded.authResponse.equals(scrambleNativePassword('s3cret', scramble)));
  });

  void it('throws ER_MALFORMED_PACKET for every truncation of a full response', () => {
    const payload = encodePayload((w) =>
      writeHandshakeResponse41(
        w,
        response({
          capabilities: capabilities(
            base,
            CapabilityFlags.CLIENT_CONNECT_WITH_DB,
            CapabilityFlags.CLIENT_CONNECT_ATTRS,
          ),
          database: 'db',
          connectAttributes: new Map([['k', 'v']]),
        }),
      ),
    );
    // Up to the end of the auth response every cut is malformed; later cuts may read as shorter optional fields.
    const authEnd = 32 + 'root\0'.length + 1 + 20;
    for (let length = 0; length < authEnd; length++) {
      assertMalformed(() => decodeHandshakeResponse41(payload.subarray(0, length)));
    }
    assertMalformed(() => decodeClientHandshake(payload.subarray(0, 32)));
    for (let length = authEnd; length < payload.length; length++) {
      returnsOrMalformed(() => decodeHandshakeResponse41(payload.subarray(0, length)));
    }
  });

  void it('rejects connect attributes whose lengths overrun their block', () => {
    const flags = capabilities(base, CapabilityFlags.CLIENT_CONNECT_ATTRS);
    const payload = encodePayload((w) => writeHandshakeResponse41(w, response({ capabilities: flags })));
    const bad = Buffer.concat([payload.subarray(0, payload.length - 1), Buffer.from([3, 2, 0x61, 0x62])]);
    assertMalformed(() => decodeHandshakeResponse41(bad));
  });

  void it('never throws anything but ER_MALFORMED_PACKET or a MySqlError on random input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, isProtocol41) => {
        const payload = Buffer.from(bytes);
        if (payload.length >= 4 && isProtocol41) payload[1] = (payload[1] as number) | 0x02;
        try {
          decodeClientHandshake(payload);
        } catch (error) {
          assert.ok(error instanceof MySqlError, String(error));
          assert.ok(error.code === 1835 || error.code === 1251);
        }
      }),
    );
  });

  void it('refuses pre-4.1 clients with ER_NOT_SUPPORTED_AUTH_MODE', () => {
    const payload = encodePayload((w) =>
      writeHandshakeResponse41(w, response({ capabilities: CapabilityFlags.CLIENT_SECURE_CONNECTION })),
    );
    assert.throws(
      () => decodeHandshakeResponse41(payload),
      (error: unknown) => error instanceof MySqlError && error.code === 1251,
    );
  });
});

void describe('SSLRequest', () => {
  const request = {
    capabilities: capabilities(base, CapabilityFlags.CLIENT_SSL),
    maxPacketSize: 0x1000000,
    characterSet: 255,
  };
  const payload = encodePayload((w) => writeSslRequest(w, request));

  void it('is 32 bytes and detected by length and CLIENT_SSL', () => {
    assert.equal(payload.length, 32);
    assert.equal(isSslRequest(payload), true);
    assert.deepEqual(decodeClientHandshake(payload), { kind: 'ssl-request', ...request });
    assert.deepEqual(decodeSslRequest(payload), { kind: 'ssl-request', ...request });
  });

  void it('is not detected without CLIENT_SSL or at another length', () => {
    const noSsl = encodePayload((w) => writeSslRequest(w, { ...request, capabilities: base }));
    assert.equal(isSslRequest(noSsl), false);
    assert.equal(isSslRequest(Buffer.concat([payload, Buffer.from('root\0')])), false);
    assert.equal(isSslRequest(Buffer.alloc(3)), false);
  });
});
