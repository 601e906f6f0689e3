// LIKE compiles for every pattern (no "Invalid escape" from RegExp syntax) and agrees with a plain reference matcher.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { likePatternToRegExp } from '../../../../src/sql/expression/like-pattern.js';

/**
 * The reference: LIKE by dynamic programming over code points, written from the manual's definition and nothing else.
 * `matches[i][j]` is true when the first `i` characters of the text match the first `j` tokens of the pattern.
 */
function referenceLike(text: string, pattern: string, escape: string): boolean {
  type Token = { kind: 'any-run' } | { kind: 'any-one' } | { kind: 'literal'; char: string };
  const chars = [...pattern];
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (escape !== '' && c === escape && i + 1 < chars.length) tokens.push({ kind: 'literal', char: chars[++i] ?? '' });
    else if (c === '%') tokens.push({ kind: 'any-run' });
    else if (c === '_') tokens.push({ kind: 'any-one' });
    else tokens.push({ kind: 'literal', char: c });
  }
  const input = [...text];
  let previous: boolean[] = [true];
  for (const token of tokens) previous.push(token.kind === 'any-run' && previous[previous.length - 1] === true);
  for (const char of input) {
    const current: boolean[] = [false];
    tokens.forEach((token, j) => {
      const diagonal = previous[j] === true;
      if (token.kind === 'any-run') current.push(current[j] === true || previous[j + 1] === true);
      else if (token.kind === 'any-one') current.push(diagonal);
      else current.push(diagonal && token.char === char);
    });
    previous = current;
  }
  return previous[tokens.length] === true;
}

const REGEXP_METACHARACTERS = [...'^$\\.*+?()[]{}|/-,:=!<>#&~\'"`'];
const alphabet = fc.constantFrom('a', 'b', '%', '_', '\\', '|', 'é', '😀', '\n', ...REGEXP_METACHARACTERS);
const smallText = fc.array(alphabet, { maxLength: 8 }).map((parts) => parts.join(''));

test('examples from the issue and from the manual', () => {
  const like = (text: string, pattern: string, escape = '\\'): boolean => likePatternToRegExp(pattern, escape, false).test(text);
  assert.equal(like('a-b', 'a-b'), true);
  assert.equal(like('2020-01-15', '2020-01%'), true);
  assert.equal(like('2020-02-15', '2020-01%'), false);
  assert.equal(like('a/b', 'a/b'), true);
  assert.equal(like('50%', '50\\%'), true);
  assert.equal(like('500', '50\\%'), false);
  assert.equal(like('a_b', 'a|_b', '|'), true);
  assert.equal(like('axb', 'a|_b', '|'), false);
  assert.equal(like('a\\', 'a\\'), true, 'a trailing escape stands for itself');
  assert.equal(like('a\\b', 'a\\b', ''), true, 'ESCAPE \'\' means no escape character');
  for (const meta of REGEXP_METACHARACTERS) assert.equal(like(`x${meta}y`, `x${meta === '\\' ? '\\\\' : meta}y`), true, meta);
});

test('every random pattern compiles and matches as the reference does', () => {
  fc.assert(
    fc.property(smallText, smallText, fc.constantFrom('\\', '|', '-', '$', ''), (text, pattern, escape) => {
      const regexp = likePatternToRegExp(pattern, escape, false);
      assert.equal(regexp.test(text), referenceLike(text, pattern, escape), `${JSON.stringify(text)} LIKE ${JSON.stringify(pattern)} ESCAPE ${JSON.stringify(escape)}`);
    }),
    { numRuns: 5000 },
  );
});

test('a text built from the pattern always matches it', () => {
  fc.assert(
    fc.property(smallText, (pattern) => {
      const literalText = [...pattern].filter((c) => c !== '%' && c !== '_' && c !== '\\').join('');
      const escaped = [...literalText].map((c) => (c === '%' || c === '_' || c === '\\' ? `\\${c}` : c)).join('');
      assert.equal(likePatternToRegExp(escaped, '\\', false).test(literalText), true);
    }),
  );
});
