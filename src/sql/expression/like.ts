// LIKE: MySQL's pattern match, compiled to a RegExp once when the pattern is constant.
import { toText } from '../types/index.js';
import type { WarningSink } from '../types/index.js';
import type { CompiledExpr } from './compiled-expr.js';
import { BOOL_RESULT_TYPE } from './literal-types.js';
import { likePatternToRegExp } from './like-pattern.js';

/** `operand [NOT] LIKE pattern [ESCAPE e]`. */
export function compileLike(
  operand: CompiledExpr,
  pattern: CompiledExpr,
  escape: CompiledExpr | undefined,
  isNot: boolean,
  _warnings: WarningSink,
): CompiledExpr {
  const isCaseInsensitive = operand.type.collation === 'utf8mb4_general_ci' || pattern.type.collation === 'utf8mb4_general_ci';
  const escapeChar = escape ? (toText(escape.constantValue ?? '\\') ?? '\\') : '\\';
  const constantPattern = pattern.constantValue;
  const cached = constantPattern !== undefined && constantPattern !== null
    ? likePatternToRegExp(toText(constantPattern) ?? '', escapeChar, isCaseInsensitive)
    : undefined;
  return {
    type: BOOL_RESULT_TYPE,
    isNullable: true,
    evaluate: (row) => {
      const value = operand.evaluate(row);
      if (value === null) return null;
      let regexp = cached;
      if (!regexp) {
        const current = pattern.evaluate(row);
        if (current === null) return null;
        regexp = likePatternToRegExp(toText(current) ?? '', escapeChar, isCaseInsensitive);
      }
      return regexp.test(toText(value) ?? '') !== isNot ? 1n : 0n;
    },
  };
}
