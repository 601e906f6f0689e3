// The SQL types module's public surface.
export * from './sql-value.js';
export * from './field-type.js';
export * from './mysql-datetime.js';
export * from './mysql-time.js';
export * from './convert.js';
export * from './compare-values.js';
export * from './coerce-to-column.js';
export { compareOrderValues } from './enum-set-value.js';
export * from './warnings.js';
export { decodeUtf8Lossless, encodeUtf8Lossless } from './lossless-utf8.js';
export { literalNumberOf, withLiteralNumber } from './literal-number.js';
