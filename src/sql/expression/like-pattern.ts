// The one translation of a SQL LIKE pattern (`%`, `_`, escape character) into an anchored RegExp.
// https://dev.mysql.com/doc/refman/8.0/en/string-comparison-functions.html#operator_like

// RegExp syntax characters: with the `u` flag these, and only these, may be written with a backslash (`\-` is an
// "Invalid escape" there, which is how `'a-b' LIKE 'a-b'` once failed).
const REGEXP_SYNTAX_CHARACTER = /^[\^$\\.*+?()[\]{}|/]$/;

/**
 * Compiles a LIKE pattern into an anchored RegExp: `%` matches any run of characters, `_` exactly one character
 * (a code point), and `escape` makes the next character literal; an escape at the very end stands for itself, as in
 * MySQL. An empty `escape` means there is none. Case-insensitive when `isCaseInsensitive` (a `_ci` collation).
 */
export function likePatternToRegExp(pattern: string, escape: string, isCaseInsensitive: boolean): RegExp {
  const characters = [...pattern];
  let source = '^';
  for (let i = 0; i < characters.length; i++) {
    const character = characters[i] ?? '';
    if (escape !== '' && character === escape && i + 1 < characters.length) {
      source += literal(characters[++i] ?? '');
    } else if (character === '%') {
      source += '[\\s\\S]*';
    } else if (character === '_') {
      source += '[\\s\\S]';
    } else {
      source += literal(character);
    }
  }
  return new RegExp(`${source}$`, isCaseInsensitive ? 'iu' : 'u');
}

function literal(character: string): string {
  return REGEXP_SYNTAX_CHARACTER.test(character) ? `\\${character}` : character;
}
