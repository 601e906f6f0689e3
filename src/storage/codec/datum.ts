// Datum: the values the storage codecs encode, one per column.
import type { Decimal } from 'decimal.js';

/**
 * One encodable value: NULL, a 64-bit integer (signed or unsigned, as bigint), a float64, a string (stored as its
 * UTF-8 bytes), raw bytes, or a decimal. Key decoding gives strings back as Buffers (a key does not record which it
 * was; the caller knows the column type); the row codec keeps strings and bytes apart.
 */
export type Datum = null | bigint | number | string | Uint8Array | Decimal;
