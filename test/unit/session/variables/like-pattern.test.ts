// compileLikePattern: %, _, escapes, case-insensitivity and RegExp metacharacters taken literally.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileLikePattern } from '../../../../src/session/variables/index.js';

void describe('compileLikePattern', () => {
  void it('matches % as any run and _ as exactly one character', () => {
    const matches = compileLikePattern('ssl%');
    assert.equal(matches('ssl_cert'), true);
    assert.equal(matches('ssl'), true);
    assert.equal(matches('have_ssl'), false);
    const one = compileLikePattern('a_c');
    assert.equal(one('abc'), true);
    assert.equal(one('ac'), false);
    assert.equal(one('abbc'), false);
    assert.equal(one('a😀c'), true, '_ is one code point');
  });

  void it('ignores case, as SHOW … LIKE does', () => {
    assert.equal(compileLikePattern('%Ssl%')('Com_show_processlist'), true);
    assert.equal(compileLikePattern('AUTOCOMMIT')('autocommit'), true);
  });

  void it('treats an escaped wildcard literally, and a trailing escape as itself', () => {
    const literalUnderscore = compileLikePattern('tls\\_version');
    assert.equal(literalUnderscore('tls_version'), true);
    assert.equal(literalUnderscore('tlsXversion'), false);
    assert.equal(compileLikePattern('100\\%')('100%'), true);
    assert.equal(compileLikePattern('100\\%')('1000'), false);
    assert.equal(compileLikePattern('a\\')('a\\'), true);
    assert.equal(compileLikePattern('a|b', '|')('ab'), true, 'an escaped ordinary character is itself');
    assert.equal(compileLikePattern('a\\_', '|')('a\\x'), true, 'backslash is ordinary under another escape');
    assert.equal(compileLikePattern('x|%', '|')('x%'), true);
  });

  void it('takes RegExp metacharacters literally', () => {
    assert.equal(compileLikePattern('a.c')('abc'), false);
    assert.equal(compileLikePattern('a.c')('a.c'), true);
    assert.equal(compileLikePattern('(x)+[y]$^-/{1}')('(x)+[y]$^-/{1}'), true);
    assert.equal(compileLikePattern('line%')('line1\nline2'), true, '% spans newlines');
  });

  void it('matches every string against itself when it has no wildcards or escapes', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !/[%_\\]/.test(text)),
        (text) => compileLikePattern(text)(text) && compileLikePattern(`%${text}%`)(`before${text}after`),
      ),
    );
  });
});
