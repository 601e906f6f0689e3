// Tests for mysql_native_password: stored hash format and scramble verification, cross-checked against mysql2.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  mysqlNativePassword,
  nativePasswordHash,
  parseNativePasswordHash,
  scrambleNativePassword,
  verifyNativePassword,
} from '../../../../src/protocol/auth/mysql-native-password.js';
import { generateScramble } from '../../../../src/protocol/auth/scramble.js';
import { mysql2Auth41, mysql2NativePlugin } from '../mysql2-internals.js';

const sha1 = (data: Buffer): Buffer => createHash('sha1').update(data).digest();

/** The client token computed here from the documented formula, independently of the code under test. */
function referenceToken(password: string, scramble: Buffer): Buffer {
  const stage1 = sha1(Buffer.from(password));
  const mask = sha1(Buffer.concat([scramble, sha1(stage1)]));
  return Buffer.from(stage1.map((byte, i) => byte ^ (mask[i] as number)));
}

void describe('mysql_native_password', () => {
  const scramble = Buffer.from('abcdefghij0123456789');

  void it("stores SHA1(SHA1(password)) as MySQL's '*HEX' string", () => {
    assert.equal(nativePasswordHash('password'), '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19');
    assert.equal(nativePasswordHash(''), '');
    assert.deepEqual(parseNativePasswordHash(nativePasswordHash('x')), sha1(sha1(Buffer.from('x'))));
    assert.equal(parseNativePasswordHash('*123'), undefined);
    assert.equal(parseNativePasswordHash('2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'), undefined);
  });

  void it('computes the same client token as the formula and as mysql2', () => {
    const token = scrambleNativePassword('s3cret', scramble);
    assert.deepEqual(token, referenceToken('s3cret', scramble));
    assert.deepEqual(token, mysql2Auth41.calculateToken('s3cret', scramble.subarray(0, 8), scramble.subarray(8)));
    const plugin = mysql2NativePlugin({})({ connection: { config: { password: 's3cret' } }, command: {} });
    assert.deepEqual(plugin(Buffer.concat([scramble, Buffer.of(0)])), token);
  });

  void it("verifies mysql2's response against the stored hash and rejects wrong passwords", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (password, other) => {
          const nonce = generateScramble();
          const stored = nativePasswordHash(password);
          const response = mysql2Auth41.calculateToken(password, nonce.subarray(0, 8), nonce.subarray(8));
          assert.equal(verifyNativePassword(stored, nonce, response), true);
          assert.equal(verifyNativePassword(stored, nonce, referenceToken(other, nonce)), password === other);
        },
      ),
      { numRuns: 50 },
    );
  });

  void it('matches an empty password only with an empty response', () => {
    assert.equal(verifyNativePassword('', scramble, Buffer.alloc(0)), true);
    assert.equal(verifyNativePassword('', scramble, referenceToken('x', scramble)), false);
    assert.equal(verifyNativePassword(nativePasswordHash('x'), scramble, Buffer.alloc(0)), false);
    assert.deepEqual(scrambleNativePassword('', scramble), Buffer.alloc(0));
  });

  void it('rejects a response for another scramble, a wrong length, or a malformed stored hash', () => {
    const stored = nativePasswordHash('pw');
    assert.equal(
      verifyNativePassword(stored, scramble, referenceToken('pw', Buffer.from('zzzzzzzzzzzzzzzzzzzz'))),
      false,
    );
    assert.equal(verifyNativePassword(stored, scramble, referenceToken('pw', scramble).subarray(0, 19)), false);
    assert.equal(verifyNativePassword('*XYZ', scramble, referenceToken('pw', scramble)), false);
  });

  void it('ignores a trailing NUL on the scramble and announces scramble + NUL', () => {
    const withNul = mysqlNativePassword.authSwitchData(scramble);
    assert.equal(withNul.length, 21);
    assert.equal(withNul[20], 0);
    assert.equal(verifyNativePassword(nativePasswordHash('pw'), withNul, referenceToken('pw', scramble)), true);
  });
});
