// What every client of the matrix stores and must read back: one row of each common type, and the table holding it.

export const MATRIX_TABLE =
  'CREATE TABLE t (id INT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, dec_ DECIMAL(20,6), d DOUBLE, s VARCHAR(50), b BLOB, dt DATE, dtm DATETIME(6), tm TIME, n INT)';

export const MATRIX_BLOB = Buffer.from([0x00, 0xff, 0x80, 0x7f, 0x27, 0x5c]);

/** The row as parameters, and as text (dates, decimals and big integers as strings). */
export const MATRIX_ROW = [
  1, '-9223372036854775808', '18446744073709551615', '-12345678901234.123456', 2.5, "héllo ✓ 'q'", MATRIX_BLOB, '2024-02-29',
  '2024-02-29 23:59:58.123456', '12:34:56', null,
] as const;
