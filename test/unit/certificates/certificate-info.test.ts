// OpenSSL's certificate time format, which MySQL's Ssl_server_not_before/after show: parsing and printing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatOpenSslTime, parseOpenSslTime } from '../../../src/certificates/index.js';

void describe('OpenSSL certificate times', () => {
  void it('prints as MySQL shows Ssl_server_not_after, the day padded with a space', () => {
    assert.equal(formatOpenSslTime(new Date(Date.UTC(2027, 10, 24, 12, 27, 59))), 'Nov 24 12:27:59 2027 GMT');
    assert.equal(formatOpenSslTime(new Date(Date.UTC(2030, 0, 4, 3, 5, 9))), 'Jan  4 03:05:09 2030 GMT');
  });

  void it('parses what it prints, and refuses anything else', () => {
    for (const text of ['Nov 24 12:27:59 2027 GMT', 'Jan  4 03:05:09 2030 GMT', 'Feb 29 23:59:59 2028 GMT']) {
      assert.equal(formatOpenSslTime(parseOpenSslTime(text)), text);
    }
    assert.throws(() => parseOpenSslTime('2027-11-24T12:27:59Z'), /unrecognised certificate time/);
    assert.throws(() => parseOpenSslTime('Foo 24 12:27:59 2027 GMT'), /unrecognised certificate time/);
  });
});
