// An order-preserving (memcomparable) byte encoding of decimal.js values, our own format (not TiDB's MyDecimal bins).
//
// Format, after the caller's decimalFlag byte:
//   zero:      0x01
//   positive:  0x02, exponent, digit pairs, 0x00
//   negative:  0x00, then the positive encoding of |value| with every byte inverted (so the terminator is 0xFF)
// where |value| = 0.d1 d2 d3 ... x 10^(exponent + 1) with d1 != 0 and no trailing zero digit; the exponent is a
// signed int32 stored big endian with its sign bit flipped, and digits are packed two per byte as d1*10+d2+1
// (1..100; an odd last digit pairs with 0). Bigger exponents mean bigger magnitudes; at equal exponents the digit
// bytes compare like the digits, and a shorter digit string (a prefix) is smaller thanks to the 0x00 terminator,
// which is below every digit byte. Scale is not kept: 1.50 and 1.5 encode alike (the column type knows the scale).
import { Decimal } from 'decimal.js';
import type { ByteWriter } from './byte-writer.js';

/** The sign byte that starts each encoded decimal. */
export const DecimalSign = { negative: 0x00, zero: 0x01, positive: 0x02 } as const;

const Digits = { terminator: 0x00, pairBase: 1, exponentSignFlip: 0x80000000 } as const;

/** Appends the comparable encoding of `value`; rejects NaN and infinities. */
export function writeComparableDecimal(writer: ByteWriter, value: Decimal): void {
  if (!value.isFinite()) throw new RangeError(`cannot encode the decimal ${value.toString()} in a key`);
  if (value.isZero()) {
    writer.byte(DecimalSign.zero);
    return;
  }
  const isNegative = value.isNegative();
  writer.byte(isNegative ? DecimalSign.negative : DecimalSign.positive);
  // toExponential() prints every significant digit, without trailing zeros: "d.ddde+x".
  const text = value.abs().toExponential();
  const marker = text.indexOf('e');
  const digits = text.slice(0, marker).replace('.', '');
  const exponent = Number(text.slice(marker + 1));
  if (!Number.isSafeInteger(exponent) || exponent < -0x80000000 || exponent > 0x7fffffff) {
    throw new RangeError(`decimal exponent ${exponent} is out of range for a key`);
  }
  const start = writer.position;
  writer.uint32BE((exponent ^ Digits.exponentSignFlip) >>> 0);
  for (let i = 0; i < digits.length; i += 2) {
    const high = digits.charCodeAt(i) - 48;
    const low = i + 1 < digits.length ? digits.charCodeAt(i + 1) - 48 : 0;
    writer.byte(high * 10 + low + Digits.pairBase);
  }
  writer.byte(Digits.terminator);
  if (isNegative) {
    const bytes = writer.raw;
    for (let i = start; i < writer.position; i++) bytes[i] = ~bytes[i]! & 0xff;
  }
}

/** Reads a comparable decimal at `offset`; returns the value and the offset after it. */
export function readComparableDecimal(bytes: Uint8Array, offset: number): { value: Decimal; next: number } {
  const sign = bytes[offset];
  if (sign === DecimalSign.zero) return { value: new Decimal(0), next: offset + 1 };
  if (sign !== DecimalSign.negative && sign !== DecimalSign.positive) throw corrupt(offset);
  const flip = sign === DecimalSign.negative ? 0xff : 0x00;
  let at = offset + 1;
  if (at + 4 > bytes.length) throw corrupt(offset);
  const rawExponent =
    (((bytes[at]! ^ flip) << 24) |
      ((bytes[at + 1]! ^ flip) << 16) |
      ((bytes[at + 2]! ^ flip) << 8) |
      (bytes[at + 3]! ^ flip)) >>>
    0;
  const exponent = (rawExponent ^ Digits.exponentSignFlip) | 0;
  at += 4;
  let digits = '';
  for (;;) {
    if (at >= bytes.length) throw corrupt(offset);
    const pair = bytes[at++]! ^ flip;
    if (pair === Digits.terminator) break;
    const packed = pair - Digits.pairBase;
    if (packed < 0 || packed > 99) throw corrupt(offset);
    digits += packed < 10 ? `0${packed}` : String(packed);
  }
  digits = digits.replace(/0+$/, '');
  if (digits.length === 0) throw corrupt(offset);
  const text = `${flip === 0xff ? '-' : ''}${digits[0]}.${digits.slice(1) || '0'}e${exponent}`;
  return { value: new Decimal(text), next: at };
}

function corrupt(offset: number): Error {
  return new Error(`corrupt comparable decimal at byte ${offset}`);
}
