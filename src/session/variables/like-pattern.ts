// SQL LIKE patterns for SHOW … LIKE, compiled once to a case-insensitive RegExp.

/** A compiled LIKE pattern: true when `text` matches. */
export type LikeMatcher = (text: string) => boolean;

// The characters RegExp syntax gives meaning to; with the `u` flag only these may be escaped.
const regExpSpecial = /[.*+?^${}()|[\]\\/]/g;

/**
 * Compiles a LIKE pattern: `%` matches any run of characters, `_` exactly one character (a code point), and
 * `escape` (default backslash) makes the next character literal; a trailing escape stands for itself, as in MySQL.
 * Matching ignores case, as SHOW VARIABLES / SHOW STATUS LIKE does under utf8 general collations.
 */
export function compileLikePattern(pattern: string, escape = '\\'): LikeMatcher {
  let source = '';
  const characters = [...pattern];
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] ?? '';
    if (character === escape && index + 1 < characters.length) {
      index++;
      source += literal(characters[index] ?? '');
    } else if (character === '%') {
      source += '.*';
    } else if (character === '_') {
      source += '.';
    } else {
      source += literal(character);
    }
  }
  const regExp = new RegExp(`^${source}$`, 'isu');
  return (text) => regExp.test(text);
}

function literal(character: string): string {
  return character.replace(regExpSpecial, '\\$&');
}

/** A matcher for an optional pattern: everything matches when `pattern` is undefined. */
export function optionalLikeMatcher(pattern: string | undefined): LikeMatcher {
  return pattern === undefined ? () => true : compileLikePattern(pattern);
}
