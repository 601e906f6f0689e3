// The integer an X'…', 0x… or b'…' literal stands for, carried on its bytes, so that storing it in a numeric
// column stores the number (INSERT INTO t (int_col) VALUES (0x41) stores 65, as MySQL does).
const LITERAL_NUMBER = Symbol('literal number');

/** Marks `bytes` as a hex or bit literal standing for `value` in numeric context. Returns `bytes`. */
export function withLiteralNumber(bytes: Buffer, value: bigint): Buffer {
  Object.defineProperty(bytes, LITERAL_NUMBER, { value });
  return bytes;
}

/** The number a hex or bit literal's bytes stand for, or undefined for any other value. */
export function literalNumberOf(value: unknown): bigint | undefined {
  return Buffer.isBuffer(value) ? ((value as unknown as Record<symbol, bigint | undefined>)[LITERAL_NUMBER]) : undefined;
}
