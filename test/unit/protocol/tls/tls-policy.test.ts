// The TLS policy: versions and forward-secret AEAD ciphers only, checked as constants and against live clients.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { connect as tlsConnect, createSecureContext, getCiphers } from 'node:tls';
import type { ConnectionOptions } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import {
  ECDH_CURVES,
  SSL_CIPHER_LIST,
  TLS12_CIPHERS,
  TLS13_CIPHERSUITES,
  TLS_POLICY,
  TLS_VERSION_LIST,
  loadServerTlsContext,
  tlsPolicyOptions,
  tlsVersionList,
  upgradeToTls,
} from '../../../../src/protocol/tls/index.js';
import type { ServerTlsContext } from '../../../../src/protocol/tls/index.js';
import { PLAIN_PREFIX, listenPlainThenTls, makeCertificateDirs } from './tls-fixtures.js';
import type { CertificateDir } from './tls-fixtures.js';

void describe('TLS policy constants', () => {
  void it('allows TLSv1.2 and TLSv1.3 only', () => {
    assert.equal(TLS_POLICY.minVersion, 'TLSv1.2');
    assert.equal(TLS_POLICY.maxVersion, 'TLSv1.3');
    assert.equal(TLS_VERSION_LIST, 'TLSv1.2,TLSv1.3');
    assert.equal(tlsVersionList(['TLSv1.3']), 'TLSv1.3');
    assert.deepEqual(
      [tlsPolicyOptions(['TLSv1.3']).minVersion, tlsPolicyOptions(['TLSv1.3']).maxVersion],
      ['TLSv1.3', 'TLSv1.3'],
    );
    assert.deepEqual([tlsPolicyOptions([]).minVersion, tlsPolicyOptions([]).maxVersion], ['TLSv1.2', 'TLSv1.3']);
  });

  void it('lists TLS 1.3 suites first, then forward-secret AEAD TLS 1.2 ciphers, colon-separated as MySQL', () => {
    assert.deepEqual(
      [...TLS13_CIPHERSUITES],
      ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'],
    );
    assert.equal(SSL_CIPHER_LIST, [...TLS13_CIPHERSUITES, ...TLS12_CIPHERS].join(':'));
    assert.equal(TLS12_CIPHERS.length, 6);
    for (const cipher of TLS12_CIPHERS)
      assert.match(cipher, /^ECDHE-(ECDSA|RSA)-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305)$/);
    const known = new Set(getCiphers());
    for (const cipher of [...TLS12_CIPHERS, ...TLS13_CIPHERSUITES])
      assert.ok(known.has(cipher.toLowerCase()), `${cipher} unknown to this OpenSSL`);
    assert.deepEqual([...ECDH_CURVES], ['X25519', 'P-256', 'P-384']);
    assert.equal(TLS_POLICY.honorCipherOrder, true);
  });

  void it('is accepted by OpenSSL as secure-context options', () => {
    assert.doesNotThrow(() => createSecureContext(tlsPolicyOptions()));
  });
});

void describe('TLS policy on the wire', () => {
  let certs: CertificateDir;
  let remove: () => Promise<void>;
  let context: ServerTlsContext;

  before(async () => {
    const made = await makeCertificateDirs(1);
    certs = made.dirs[0]!;
    remove = made.remove;
    const loaded = loadServerTlsContext({ cert: certs.serverCert, key: certs.serverKey });
    assert.ok(loaded.ok);
    context = loaded.context;
  });
  after(() => remove());

  /** Runs one handshake; resolves with the negotiated cipher or the server's rejection reason. */
  async function negotiate(
    options: ConnectionOptions,
  ): Promise<{ cipher?: string; version?: string | null; serverError?: string }> {
    let upgrade: Promise<unknown> = Promise.resolve();
    const { server, port } = await listenPlainThenTls((raw, leftover) => {
      upgrade = upgradeToTls(raw, context, { leftover });
      upgrade.catch(() => undefined);
    });
    try {
      const outcome = await new Promise<{ cipher?: string; version?: string | null; close?: () => void }>((resolve) => {
        const raw = netConnect(port, '127.0.0.1', () => {
          raw.write(PLAIN_PREFIX);
          const socket = tlsConnect({ socket: raw, ca: readFileSync(certs.ca), servername: 'localhost', ...options });
          socket.once('secureConnect', () =>
            resolve({ cipher: socket.getCipher().name, version: socket.getProtocol(), close: () => socket.destroy() }),
          );
          socket.once('error', () => resolve({}));
        });
      });
      if (outcome.close !== undefined) {
        // The server finishes after the client in TLS 1.3 (it still reads the client's Finished): wait for it.
        await upgrade;
        outcome.close();
        return { cipher: outcome.cipher, version: outcome.version };
      }
      const serverError = await upgrade.then(
        () => 'accepted',
        (error: Error) => error.message,
      );
      return { serverError };
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  void it("prefers the server's order: AES-256-GCM over what the client lists first", async () => {
    const tls13 = await negotiate({ ciphers: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384' });
    assert.deepEqual(tls13, { cipher: 'TLS_AES_256_GCM_SHA384', version: 'TLSv1.3' });
    const tls12 = await negotiate({
      maxVersion: 'TLSv1.2',
      ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384',
    });
    assert.deepEqual(tls12, { cipher: 'ECDHE-RSA-AES256-GCM-SHA384', version: 'TLSv1.2' });
  });

  void it('refuses TLS 1.2 clients offering only CBC, RSA key exchange or SHA-1 ciphers', async () => {
    for (const ciphers of [
      'ECDHE-RSA-AES128-SHA',
      'AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-SHA384',
      'DHE-RSA-AES256-GCM-SHA384',
    ]) {
      const result = await negotiate({ maxVersion: 'TLSv1.2', ciphers });
      assert.match(
        result.serverError ?? 'accepted',
        /none of the allowed cipher suites \(no shared cipher\)$/,
        ciphers,
      );
    }
  });

  void it('serves ChaCha20-Poly1305 to a client that only has it', async () => {
    assert.deepEqual(await negotiate({ ciphers: 'TLS_CHACHA20_POLY1305_SHA256' }), {
      cipher: 'TLS_CHACHA20_POLY1305_SHA256',
      version: 'TLSv1.3',
    });
    assert.deepEqual(await negotiate({ maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-CHACHA20-POLY1305' }), {
      cipher: 'ECDHE-RSA-CHACHA20-POLY1305',
      version: 'TLSv1.2',
    });
  });
});
