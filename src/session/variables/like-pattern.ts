// SQL LIKE patterns for SHOW … LIKE: the SQL layer's LIKE compiler, case-insensitive.
import { likePatternToRegExp } from '../../sql/expression/index.js';

/** A compiled LIKE pattern: true when `text` matches. */
export type LikeMatcher = (text: string) => boolean;

/**
 * Compiles a LIKE pattern for SHOW VARIABLES / SHOW STATUS LIKE, which ignore case as MySQL's utf8 general
 * collations do.
 */
export function compileLikePattern(pattern: string, escape = '\\'): LikeMatcher {
  const regExp = likePatternToRegExp(pattern, escape, true);
  return (text) => regExp.test(text);
}

/** A matcher for an optional pattern: everything matches when `pattern` is undefined. */
export function optionalLikeMatcher(pattern: string | undefined): LikeMatcher {
  return pattern === undefined ? () => true : compileLikePattern(pattern);
}
