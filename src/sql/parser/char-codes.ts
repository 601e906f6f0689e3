// Character codes the lexer tests with charCodeAt, named so the scanning code reads as MySQL's lexer states do.

export const Ch = {
  TAB: 9,
  LF: 10,
  CR: 13,
  SPACE: 32,
  BANG: 33,
  DQUOTE: 34,
  HASH: 35,
  DOLLAR: 36,
  PERCENT: 37,
  AMP: 38,
  SQUOTE: 39,
  STAR: 42,
  PLUS: 43,
  MINUS: 45,
  DOT: 46,
  SLASH: 47,
  ZERO: 48,
  ONE: 49,
  NINE: 57,
  COLON: 58,
  LT: 60,
  EQ: 61,
  GT: 62,
  QUESTION: 63,
  AT: 64,
  UPPER_A: 65,
  UPPER_B: 66,
  UPPER_E: 69,
  UPPER_F: 70,
  UPPER_N: 78,
  UPPER_X: 88,
  UPPER_Z: 90,
  BACKSLASH: 92,
  UNDERSCORE: 95,
  BACKQUOTE: 96,
  LOWER_A: 97,
  LOWER_B: 98,
  LOWER_E: 101,
  LOWER_F: 102,
  LOWER_N: 110,
  LOWER_X: 120,
  LOWER_Z: 122,
  PIPE: 124,
  /** First code unit outside ASCII: MySQL lets such characters appear in unquoted identifiers. */
  NON_ASCII: 128,
} as const;

/** True for characters that may appear in an unquoted identifier: [A-Za-z0-9_$] and non-ASCII. */
export function isIdentChar(c: number): boolean {
  return (
    (c >= Ch.LOWER_A && c <= Ch.LOWER_Z) ||
    (c >= Ch.UPPER_A && c <= Ch.UPPER_Z) ||
    (c >= Ch.ZERO && c <= Ch.NINE) ||
    c === Ch.UNDERSCORE ||
    c === Ch.DOLLAR ||
    c >= Ch.NON_ASCII
  );
}

export function isDigit(c: number): boolean {
  return c >= Ch.ZERO && c <= Ch.NINE;
}

export function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= Ch.LOWER_A && c <= Ch.LOWER_F) || (c >= Ch.UPPER_A && c <= Ch.UPPER_F);
}

/** Whitespace as MySQL's lexer sees it (space and ASCII control characters). */
export function isSpace(c: number): boolean {
  return c === Ch.SPACE || (c >= Ch.TAB && c <= Ch.CR);
}
