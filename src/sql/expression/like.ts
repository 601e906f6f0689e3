// LIKE: MySQL's pattern match (`%`, `_`, escape character) under the operands' collation.
import { collatorFor } from '../collation/index.js';
import type { Collator } from '../collation/index.js';
import { toText } from '../types/index.js';
import type { WarningSink } from '../types/index.js';
import { comparisonCollation } from './collation-derivation.js';
import type { CompiledExpr } from './compiled-expr.js';
import { BOOL_RESULT_TYPE } from './literal-types.js';
import { likePatternToRegExp } from './like-pattern.js';

/** One pattern element: `%`, `_`, or a character compared by its collation key. */
type PatternToken = { readonly kind: 'any' } | { readonly kind: 'one' } | { readonly kind: 'char'; readonly key: string };

/** A matcher comparing character by character under a `_ci`/`_cs` collation ('a' LIKE 'Á' under utf8mb4_0900_ai_ci). */
function collatedMatcher(pattern: string, escape: string, collator: Collator): (text: string) => boolean {
  const tokens: PatternToken[] = [];
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === escape && i + 1 < chars.length) tokens.push({ kind: 'char', key: collator.charKey(chars[++i]!) });
    else if (char === '%') tokens.push({ kind: 'any' });
    else if (char === '_') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', key: collator.charKey(char) });
  }
  return (text) => wildcardMatch([...text].map((char) => collator.charKey(char)), tokens);
}

/** The classic greedy wildcard match with backtracking to the last `%`. */
function wildcardMatch(text: readonly string[], pattern: readonly PatternToken[]): boolean {
  let t = 0;
  let p = 0;
  let starAt = -1;
  let starText = 0;
  while (t < text.length) {
    const token = pattern[p];
    if (token && (token.kind === 'one' || (token.kind === 'char' && token.key === text[t]))) {
      t++;
      p++;
    } else if (token?.kind === 'any') {
      starAt = p++;
      starText = t;
    } else if (starAt >= 0) {
      p = starAt + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (pattern[p]?.kind === 'any') p++;
  return p === pattern.length;
}

/** `operand [NOT] LIKE pattern [ESCAPE e]`, under the collation the two operands aggregate to. */
export function compileLike(
  operand: CompiledExpr,
  pattern: CompiledExpr,
  escape: CompiledExpr | undefined,
  isNot: boolean,
  _warnings: WarningSink,
): CompiledExpr {
  const collator = collatorFor(comparisonCollation(operand.type, pattern.type, 'like'));
  const escapeChar = escape ? (toText(escape.constantValue ?? '\\') ?? '\\') : '\\';
  const compile = (text: string): ((value: string) => boolean) => {
    if (collator.isExact) {
      const regexp = likePatternToRegExp(text, escapeChar, false);
      return (value) => regexp.test(value);
    }
    return collatedMatcher(text, escapeChar, collator);
  };
  const constantPattern = pattern.constantValue;
  const cached = constantPattern !== undefined && constantPattern !== null ? compile(toText(constantPattern) ?? '') : undefined;
  return {
    type: BOOL_RESULT_TYPE,
    isNullable: true,
    evaluate: (row) => {
      const value = operand.evaluate(row);
      if (value === null) return null;
      let matches = cached;
      if (!matches) {
        const current = pattern.evaluate(row);
        if (current === null) return null;
        matches = compile(toText(current) ?? '');
      }
      return matches(toText(value) ?? '') !== isNot ? 1n : 0n;
    },
  };
}
