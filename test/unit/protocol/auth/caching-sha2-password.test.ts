// Tests for caching_sha2_password: fast-auth scramble, RSA-OAEP full auth and cleartext, cross-checked with mysql2.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import {
  cachingSha2Digest,
  CachingSha2Status,
  decryptCachingSha2Password,
  isPublicKeyRequest,
  parseCleartextPassword,
  scrambleCachingSha2Password,
  verifyCachingSha2Scramble,
} from '../../../../src/protocol/auth/caching-sha2-password.js';
import { generateScramble } from '../../../../src/protocol/auth/scramble.js';
import { mysql2CachingSha2, mysql2CachingSha2Plugin } from '../mysql2-internals.js';

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/** XOR(SHA256(pw), SHA256(SHA256(SHA256(pw)) || nonce)), computed here independently of the code under test. */
function referenceToken(password: string, nonce: Buffer): Buffer {
  const stage1 = sha256(Buffer.from(password));
  const mask = sha256(Buffer.concat([sha256(stage1), nonce]));
  return Buffer.from(stage1.map((byte, i) => byte ^ (mask[i] as number)));
}

void describe('caching_sha2_password', () => {
  const scramble = Buffer.from('ABCDEFGHIJKLMNOPQRST');

  void it('uses the AuthMoreData status bytes MySQL documents', () => {
    assert.deepEqual(CachingSha2Status, {
      REQUEST_PUBLIC_KEY: 0x02,
      FAST_AUTH_SUCCESS: 0x03,
      PERFORM_FULL_AUTHENTICATION: 0x04,
    });
    assert.equal(isPublicKeyRequest(Buffer.of(2)), true);
    assert.equal(isPublicKeyRequest(Buffer.of(2, 0)), false);
  });

  void it('computes the digest-then-nonce token as the formula and as mysql2 do', () => {
    const token = scrambleCachingSha2Password('s3cret', scramble);
    assert.deepEqual(token, referenceToken('s3cret', scramble));
    assert.deepEqual(token, mysql2CachingSha2.calculateToken('s3cret', scramble));
    // The other concatenation order gives a different token: the order matters.
    const stage1 = sha256(Buffer.from('s3cret'));
    const swapped = sha256(Buffer.concat([scramble, sha256(stage1)]));
    assert.notDeepEqual(token, Buffer.from(stage1.map((b, i) => b ^ (swapped[i] as number))));
  });

  void it("verifies mysql2's fast-auth response against the cached digest and rejects others", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (password, other) => {
          const nonce = generateScramble();
          const digest = cachingSha2Digest(password);
          assert.deepEqual(digest, sha256(sha256(Buffer.from(password))));
          assert.equal(
            verifyCachingSha2Scramble(digest, nonce, mysql2CachingSha2.calculateToken(password, nonce)),
            true,
          );
          assert.equal(verifyCachingSha2Scramble(digest, nonce, referenceToken(other, nonce)), password === other);
        },
      ),
      { numRuns: 50 },
    );
  });

  void it('rejects responses of the wrong length and for another nonce', () => {
    const digest = cachingSha2Digest('pw');
    assert.equal(verifyCachingSha2Scramble(digest, scramble, Buffer.alloc(0)), false);
    assert.equal(verifyCachingSha2Scramble(digest, scramble, referenceToken('pw', scramble).subarray(1)), false);
    assert.equal(verifyCachingSha2Scramble(digest, scramble, referenceToken('pw', Buffer.alloc(20, 1))), false);
    assert.equal(
      verifyCachingSha2Scramble(digest, Buffer.concat([scramble, Buffer.of(0)]), referenceToken('pw', scramble)),
      true,
    );
  });

  void it('decrypts the RSA-OAEP password mysql2 sends after requesting the public key', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const password = 'pässwörd that is longer than the twenty-byte scramble';
    const client = mysql2CachingSha2Plugin({})({ connection: { config: { password } }, command: {} });
    client(Buffer.concat([scramble, Buffer.of(0)]));
    const request = client(Buffer.of(CachingSha2Status.PERFORM_FULL_AUTHENTICATION));
    assert.ok(request !== null && isPublicKeyRequest(request));
    const encrypted = client(Buffer.from(publicKey));
    assert.ok(encrypted !== null);
    assert.equal(decryptCachingSha2Password(encrypted, privateKey, scramble), password);
    assert.equal(decryptCachingSha2Password(Buffer.alloc(256, 1), privateKey, scramble), undefined);
  });

  void it('reads the cleartext password mysql2 sends over TLS', () => {
    const client = mysql2CachingSha2Plugin({})({
      connection: { config: { password: 'tls-pw', ssl: {} } },
      command: {},
    });
    client(scramble);
    const cleartext = client(Buffer.of(CachingSha2Status.PERFORM_FULL_AUTHENTICATION));
    assert.ok(cleartext !== null);
    assert.equal(parseCleartextPassword(cleartext), 'tls-pw');
  });
});
