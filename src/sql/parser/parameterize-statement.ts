// parameterizeStatement: a statement's text with its literals replaced by `?`, and the literals, for the text plan
// cache (unlike sql-digest.ts's normalised digest, the text stays parseable and the values stay in order).
import type { NumberLiteralExpr, StringLiteralExpr } from '../ast/index.js';
import { Lexer } from './lexer.js';
import { TokenType } from './token.js';
import type { Token } from './token.js';

/** The literals taken out of a statement, in order, as the parser would have made them. */
export type StatementLiteral = NumberLiteralExpr | StringLiteralExpr;

/** A statement's text with `?` for its literals, and the literals that stand behind those `?`s. */
export interface ParameterizedStatement {
  readonly text: string;
  readonly literals: readonly StatementLiteral[];
}

/** Integer literals past this are DECIMAL, not BIGINT; they stay in the text. */
const INT64_DIGITS = 18;

/**
 * The parameterised form of `sql` when it is one statement with plain literals to take out, else undefined (several
 * statements, `?` already in the text, or text the lexer cannot scan). Numbers and plain strings become `?`; strings
 * with an introducer (`_utf8mb4'…'`, N'…'), next to another string (`'a' 'b'`), after a temporal keyword
 * (`DATE '…'`) or in LIMIT stay, since their meaning is not a plain value. Whether each `?` stands where a value
 * may is for the caller to check on the parsed digest.
 */
export function parameterizeStatement(sql: string): ParameterizedStatement | undefined {
  const lexer = new Lexer(sql);
  const literals: StatementLiteral[] = [];
  const parts: string[] = [];
  let copied = 0;
  let previous: Token | undefined;
  // A string is taken out only once the next token shows it is not the first of `'a' 'b'`.
  let pendingString: Token | undefined;
  let isInLimit = false;
  const take = (token: Token, literal: StatementLiteral): void => {
    parts.push(sql.slice(copied, token.start), '?');
    copied = token.end;
    literals.push(literal);
  };
  for (;;) {
    const token = lexer.next();
    if (pendingString && token.type !== TokenType.String) take(pendingString, { kind: 'StringLiteralExpr', value: pendingString.value });
    pendingString = undefined;
    if (token.type === TokenType.EOF) break;
    if (token.type === TokenType.Error) return undefined;
    if (token.type === TokenType.Op && (token.value === '?' || token.value === ';')) {
      if (token.value === '?' || lexer.next().type !== TokenType.EOF) return undefined;
      break;
    }
    if (token.type === TokenType.Ident && (token.upper === 'LIMIT' || token.upper === 'OFFSET')) isInLimit = true;
    else if (isInLimit && token.type !== TokenType.Int && !(token.type === TokenType.Op && token.value === ',')) isInLimit = false;
    if (!isInLimit) {
      if (token.type === TokenType.String) {
        if (isPlainStringAfter(previous)) pendingString = token;
      } else {
        const literal = numberOf(token);
        if (literal) take(token, literal);
      }
    }
    previous = token;
  }
  if (literals.length === 0) return undefined;
  parts.push(sql.slice(copied));
  return { text: parts.join(''), literals };
}

function numberOf(token: Token): StatementLiteral | undefined {
  switch (token.type) {
    case TokenType.Int:
      return token.value.length <= INT64_DIGITS ? { kind: 'NumberLiteralExpr', numberKind: 'int', text: token.value } : undefined;
    case TokenType.Decimal:
      return { kind: 'NumberLiteralExpr', numberKind: 'decimal', text: token.value };
    case TokenType.Float:
      return { kind: 'NumberLiteralExpr', numberKind: 'float', text: token.value };
    default:
      return undefined;
  }
}

const TEMPORAL_KEYWORDS: ReadonlySet<string> = new Set(['DATE', 'TIME', 'TIMESTAMP', 'INTERVAL']);

/** A string after this token is a plain value: not continuing another string, no introducer, no temporal keyword. */
function isPlainStringAfter(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (previous.type === TokenType.String || previous.type === TokenType.NationalString) return false;
  return !(previous.type === TokenType.Ident && (previous.upper.startsWith('_') || TEMPORAL_KEYWORDS.has(previous.upper)));
}
