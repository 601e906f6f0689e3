// The token the lexer hands to the parser.

/** Token kinds; `Error` marks text the lexer could not scan (the parser reports it as ER_PARSE_ERROR). */
export const TokenType = {
  EOF: 0,
  /** Unquoted word: identifier or keyword. */
  Ident: 1,
  /** `` `name` `` (or "name" under ANSI_QUOTES). */
  QuotedIdent: 2,
  /** '…' or "…" with escapes decoded. */
  String: 3,
  /** N'…'. */
  NationalString: 4,
  /** X'…' (value: digits). */
  HexString: 5,
  /** 0x… (value: digits). */
  HexNumber: 6,
  /** b'…' (value: digits). */
  BitString: 7,
  /** 0b… (value: digits). */
  BitNumber: 8,
  Int: 9,
  Decimal: 10,
  Float: 11,
  /** @name, @'name', @`name` (value: the name). */
  UserVar: 12,
  /** Punctuation and operators (value: the operator text). */
  Op: 13,
  Error: 14,
} as const;

export type TokenType = (typeof TokenType)[keyof typeof TokenType];

/** One token. `start`/`end` are offsets into the SQL text; `upper` is set for Ident tokens only. */
export interface Token {
  readonly type: TokenType;
  readonly start: number;
  readonly end: number;
  /** Decoded value: identifier name, string contents, digits, operator text. */
  readonly value: string;
  /** Upper-cased value for Ident tokens (keyword comparisons); '' otherwise. */
  readonly upper: string;
}
