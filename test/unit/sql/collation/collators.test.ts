// Collators: the weights MySQL documents, and properties every collator keeps (keys agree with comparison).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { COLLATIONS, collatorFor, findCollation } from '../../../../src/sql/collation/index.js';

const hex = (key: Uint8Array | string): string => Buffer.from(key).toString('hex');
const sign = (order: number): number => Math.sign(order);

/** Characters that exercise case, accents, expansions, padding and supplementary planes. */
const ALPHABET = ['a', 'A', 'b', 'á', 'Á', 'ä', 'ß', 's', 'S', 'æ', 'Ø', 'o', ' ', '-', '_', '1', 'Й', 'И', 'ё', '😀', '😃', '中', '가', 'z', 'Z', '\t'];
/** Below U+E000 the `_bin` order of UTF-16 units is code point order, so `_bin` keys order as the comparison does. */
const BMP_ALPHABET = ALPHABET.filter((char) => char.length === 1);
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 6 }).map((chars) => chars.join(''));
/** Without characters below a space, PAD SPACE keys order exactly as the comparison does. */
const textAboveSpace = (alphabet: readonly string[]) => fc.array(fc.constantFrom(...alphabet.filter((char) => char !== '\t')), { maxLength: 6 }).map((chars) => chars.join(''));

void describe('collators', () => {
  void it('weigh as MySQL documents (WEIGHT_STRING of utf8mb4_0900_ai_ci, UCA 9.0.0: a = 0x1C47)', () => {
    assert.equal(hex(collatorFor('utf8mb4_0900_ai_ci').sortKey('a')), '1c47');
    assert.equal(hex(collatorFor('utf8mb4_0900_ai_ci').sortKey('A')), '1c47');
    assert.equal(hex(collatorFor('utf8mb4_0900_as_cs').sortKey('Ab')), '1c471c60000000200020000000080002');
    assert.equal(hex(collatorFor('utf8mb4_unicode_520_ci').sortKey('가')), 'fbc1ac00');
    assert.equal(hex(collatorFor('utf8mb4_unicode_ci').sortKey('😀')), hex(collatorFor('utf8mb4_unicode_ci').sortKey('\uFFFD')));
    assert.equal(hex(collatorFor('utf8mb4_unicode_520_ci').sortKey('😀')), 'fbc3f600');
    assert.equal(hex(collatorFor('utf8mb4_general_ci').sortKey('aé ')), '00410045');
  });

  void it('decompose Hangul syllables into jamo for UCA 9.0.0 only', () => {
    const ai = collatorFor('utf8mb4_0900_ai_ci');
    assert.equal(ai.compare('가', '\u1100\u1161'), 0);
    assert.notEqual(collatorFor('utf8mb4_unicode_520_ci').compare('가', '\u1100\u1161'), 0);
  });

  void it('compare PAD SPACE collations as if the shorter string were padded with spaces', () => {
    for (const name of ['utf8mb4_bin', 'utf8mb4_general_ci', 'utf8mb4_unicode_ci', 'utf8mb4_unicode_520_ci', 'latin1_swedish_ci']) {
      const collator = collatorFor(name);
      assert.equal(collator.compare('a  ', 'a'), 0, name);
      assert.ok(collator.compare('a\t', 'a') < 0, name);
      assert.ok(collator.compare('a!', 'a') > 0, name);
      assert.equal(collator.key('ab  '), collator.key('ab'), name);
    }
    for (const name of ['utf8mb4_0900_ai_ci', 'utf8mb4_0900_as_cs', 'utf8mb4_0900_bin', 'binary']) {
      assert.ok(collatorFor(name).compare('a ', 'a') > 0, name);
    }
  });

  void it('order utf8mb4_bin by code point within the BMP', () => {
    const bin = collatorFor('utf8mb4_bin');
    assert.ok(bin.compare('Z', 'a') < 0);
    assert.ok(bin.compare('ab', 'aé') < 0);
    assert.ok(bin.compare('a', 'a\u0001') > 0);
  });

  for (const { name } of COLLATIONS) {
    void it(`${name}: equal keys exactly for equal strings, sort keys in comparison order, antisymmetric`, () => {
      const collator = collatorFor(name);
      fc.assert(
        fc.property(text, text, (a, b) => {
          const order = sign(collator.compare(a, b));
          assert.equal(sign(collator.compare(b, a)) + order, 0);
          assert.equal(collator.key(a) === collator.key(b), order === 0);
        }),
        { numRuns: 300 },
      );
      fc.assert(
        fc.property(textAboveSpace(collator.isExact ? BMP_ALPHABET : ALPHABET), textAboveSpace(collator.isExact ? BMP_ALPHABET : ALPHABET), (a, b) => {
          assert.equal(sign(Buffer.compare(Buffer.from(collator.sortKey(a)), Buffer.from(collator.sortKey(b)))), sign(collator.compare(a, b)));
        }),
        { numRuns: 300 },
      );
    });
  }

  void it('find names in any case and the utf8mb3_ spelling of utf8_ collations, and nothing else', () => {
    assert.equal(findCollation('UTF8MB4_0900_AI_CI')?.id, 255);
    assert.equal(findCollation('utf8mb3_general_ci')?.name, 'utf8_general_ci');
    assert.equal(findCollation('utf8mb4_danish_ci'), undefined);
  });
});
