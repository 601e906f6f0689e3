// Tests for caching_sha2_password's stored authentication_string, against SHA-256 crypt vectors from glibc crypt(3).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  cachingSha2AuthString,
  sha256Crypt,
  verifyCachingSha2AuthString,
} from '../../../../src/protocol/auth/caching-sha2-auth-string.js';

/** [password, salt, rounds, digest] computed with glibc: crypt(password, '$5$rounds=N$salt'). */
const glibcVectors: [string, string, number, string][] = [
  ['Hello world!', 'saltstring', 5000, '5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5'],
  ['password', 'abcdefghijklmnop', 5000, 'ieyonWfl7MR75BuN79Fkt2PqhPI43TsNZYGUObDGVI/'],
  [
    'pässwörd € long password that exceeds thirty-two bytes easily',
    '0123456789ABCDEF',
    1000,
    '1WG4DnYFasG9dbY2ZNnhccZBet.SO4e0ozVeHG6/ZM6',
  ],
  ['', 'shortsalt', 5000, 'iuUaH.Ga4L72pjeRTJNjQNXYRT4vr86Hd8qSkHI1eU3'],
  ['x', 'a', 5000, 'm5PPB7rYZmTs0gzCcO.9R/qmXtGr3g/5s2bl1flV9x2'],
];

void describe('caching_sha2_password authentication_string', () => {
  void it('computes the SHA-256 crypt digest glibc computes', () => {
    for (const [password, salt, rounds, digest] of glibcVectors) {
      assert.equal(sha256Crypt(Buffer.from(password), Buffer.from(salt), rounds), digest, password);
    }
  });

  void it("formats '$A$005$' + 20-byte salt + 43-character digest and verifies it", () => {
    const salt = Buffer.from('abcdefghijklmnopqrst');
    const stored = cachingSha2AuthString('s3cret', salt);
    assert.equal(stored.length, 70);
    assert.equal(stored.slice(0, 27), '$A$005$abcdefghijklmnopqrst');
    assert.equal(stored.slice(27), sha256Crypt(Buffer.from('s3cret'), salt, 5000));
    assert.equal(verifyCachingSha2AuthString(stored, 's3cret'), true);
    assert.equal(verifyCachingSha2AuthString(stored, 's3creT'), false);
    assert.equal(verifyCachingSha2AuthString(stored, ''), false);
  });

  void it('uses a random salt and honours other iteration counts', () => {
    const first = cachingSha2AuthString('pw');
    assert.notEqual(first, cachingSha2AuthString('pw'));
    assert.equal(verifyCachingSha2AuthString(first, 'pw'), true);
    const slower = cachingSha2AuthString('pw', undefined, 10000);
    assert.equal(slower.slice(0, 7), '$A$00A$');
    assert.equal(verifyCachingSha2AuthString(slower, 'pw'), true);
  });

  void it('stores the empty password as an empty string and rejects malformed strings', () => {
    assert.equal(cachingSha2AuthString(''), '');
    assert.equal(verifyCachingSha2AuthString('', ''), true);
    assert.equal(verifyCachingSha2AuthString('', 'x'), false);
    assert.equal(verifyCachingSha2AuthString('$A$005$short', 'x'), false);
    assert.equal(verifyCachingSha2AuthString('*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19', 'password'), false);
  });
});
