// X'…', 0x… and b'…' literals: binary strings that stand for an unsigned integer in numeric context, as MySQL's.
// https://dev.mysql.com/doc/refman/8.0/en/hexadecimal-literals.html, bit-value-literals.html
import { TypeKind, fieldType, isFloatType, isIntegerType, withLiteralNumber } from '../types/index.js';
import { constantExpr } from './compiled-expr.js';
import type { CompiledExpr } from './compiled-expr.js';
import { UNSIGNED_BIGINT_TYPE } from './literal-types.js';

/** A literal's bytes with the integer they spell (big-endian), kept for numeric context. */
interface BinaryNumberLiteral extends CompiledExpr {
  readonly literalNumber: bigint;
}

/** X'4142' / 0x4142: the bytes; an odd digit count gets a leading 0 (0xABC is 0x0ABC). */
export function hexLiteralExpr(hexDigits: string): CompiledExpr {
  const bytes = Buffer.from(hexDigits.length % 2 === 1 ? `0${hexDigits}` : hexDigits, 'hex');
  return binaryNumberLiteral(bytes);
}

/** b'1000001' / 0b1000001: the bits right-aligned in whole bytes (b'101' is 0x05; b'' is the empty string). */
export function bitLiteralExpr(bits: string): CompiledExpr {
  const bytes = Buffer.alloc(Math.ceil(bits.length / 8));
  let value = bits === '' ? 0n : BigInt(`0b${bits}`);
  for (let i = bytes.length - 1; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return binaryNumberLiteral(bytes);
}

function binaryNumberLiteral(bytes: Buffer): BinaryNumberLiteral {
  // Beyond 8 bytes MySQL keeps the low 64 bits in numeric context.
  const literalNumber = bytes.length === 0 ? 0n : BigInt.asUintN(64, BigInt(`0x${bytes.toString('hex')}`));
  const type = { ...fieldType(TypeKind.VarBinary, { length: bytes.length }), coercibility: 'coercible' as const };
  return { ...constantExpr(withLiteralNumber(bytes, literalNumber), type), literalNumber };
}

/** The operand as a numeric operator sees it: a hex or bit literal becomes its BIGINT UNSIGNED value. */
export function inNumericContext(expr: CompiledExpr): CompiledExpr {
  const literalNumber = (expr as Partial<BinaryNumberLiteral>).literalNumber;
  return literalNumber === undefined ? expr : constantExpr(literalNumber, UNSIGNED_BIGINT_TYPE);
}

/**
 * The operands of a comparison: a hex or bit literal compared with a number compares as a number (0x41 = 65), and
 * with a string as a binary string.
 */
export function comparisonOperands(left: CompiledExpr, right: CompiledExpr): [CompiledExpr, CompiledExpr] {
  const isNumeric = (expr: CompiledExpr): boolean => isIntegerType(expr.type) || isFloatType(expr.type) || expr.type.kind === TypeKind.Decimal;
  if (isNumeric(right)) left = inNumericContext(left);
  if (isNumeric(left)) right = inNumericContext(right);
  return [left, right];
}
