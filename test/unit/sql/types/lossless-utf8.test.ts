// Lossless UTF-8: valid text decodes as usual; invalid bytes survive a decode/encode round trip unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeUtf8Lossless, encodeUtf8Lossless } from '../../../../src/sql/types/index.js';

describe('lossless UTF-8', () => {
  it('decodes valid UTF-8 exactly as Buffer does', () => {
    const text = "héllo ✓ 😀 'quote'";
    assert.equal(decodeUtf8Lossless(Buffer.from(text)), text);
    assert.deepEqual(encodeUtf8Lossless(text), Buffer.from(text));
  });

  it('keeps every invalid byte through a round trip', () => {
    const bytes = Buffer.from([0x27, 0x00, 0xff, 0x80, 0x7f, 0xc3, 0x28, 0xe0, 0x80, 0x80, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xc3, 0xa9, 0x27]);
    const text = decodeUtf8Lossless(bytes);
    assert.ok(text.includes('é'), 'valid sequences between invalid bytes still decode');
    assert.deepEqual(encodeUtf8Lossless(text), bytes);
    for (let byte = 0x80; byte <= 0xff; byte++) assert.deepEqual(encodeUtf8Lossless(decodeUtf8Lossless(Buffer.from([byte]))), Buffer.from([byte]));
  });

  it('leaves real surrogate pairs alone', () => {
    const emoji = '\ud83d\ude00';
    assert.deepEqual(encodeUtf8Lossless(emoji), Buffer.from(emoji));
  });

  it('round-trips any bytes and decodes valid UTF-8 as Buffer does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (array) => {
        const bytes = Buffer.from(array);
        assert.deepEqual(encodeUtf8Lossless(decodeUtf8Lossless(bytes)), bytes);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        assert.equal(decodeUtf8Lossless(Buffer.from(text)), text);
        assert.deepEqual(encodeUtf8Lossless(`${text}\udcff`), Buffer.concat([Buffer.from(text), Buffer.from([0xff])]));
      }),
    );
  });

  it('turns a lone surrogate that stands for no byte into U+FFFD, as Buffer does', () => {
    assert.deepEqual(encodeUtf8Lossless('\ud800x\udcff'), Buffer.from([0xef, 0xbf, 0xbd, 0x78, 0xff]));
    assert.deepEqual(encodeUtf8Lossless('\udc00\udcff'), Buffer.from([0xef, 0xbf, 0xbd, 0xff]));
  });
});
