// SQL behaviour of MySQL 8.0's built-in functions as data: casts, interval arithmetic, UUIDs, and the function list.
// Expected values follow MySQL 8.0; where MariaDB agrees they were checked against it.
import type { SqlCase } from './query-cases.js';

/** The schema and data every case runs against. */
export const FUNCTION_SETUP = [
  'CREATE TABLE g (id INT PRIMARY KEY, v INT)',
  'INSERT INTO g VALUES (1, 1), (2, 2), (3, 2)',
  'CREATE TABLE bits (id INT PRIMARY KEY, x BIGINT)',
  'INSERT INTO bits VALUES (1, -5), (2, 6)',
];

export const FUNCTION_CASES: readonly SqlCase[] = [
  // CAST to a sized CHAR/BINARY cuts with warning 1292; BINARY(n) pads with 0x00.
  { sql: "SELECT CAST('Bob' AS CHAR(1)), CAST('Bob' AS CHAR(5)), CAST('abc' AS BINARY(2)), HEX(CAST('ab' AS BINARY(4)))", rows: [['B', 'Bob', 'ab', '61620000']] },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '1292', "Truncated incorrect CHAR(1) value: 'Bob'"], ['Warning', '1292', "Truncated incorrect BINARY(2) value: 'abc'"]] },
  // Bit operations are BIGINT UNSIGNED; CAST/CONVERT to SIGNED wraps them back to two's complement.
  { sql: 'SELECT CONVERT(x << 2, SIGNED), x << 2, x >> 1, x & 7, ~x, CAST(~x AS SIGNED) FROM bits ORDER BY id', rows: [['-20', '18446744073709551596', '9223372036854775805', '3', '4', '4'], ['24', '24', '3', '6', '18446744073709551609', '-7']] },
  { sql: 'SELECT CAST(~0 AS SIGNED), CONVERT(1 << 63, SIGNED), CAST(-1 AS UNSIGNED)', rows: [['-1', '-9223372036854775808', '18446744073709551615']] },
  { sql: 'CREATE TABLE wrapped (id INT PRIMARY KEY, v BIGINT)', affectedRows: 0 },
  { sql: 'INSERT INTO wrapped SELECT id, CONVERT(x << 2, SIGNED) FROM bits', affectedRows: 2 },
  { sql: 'SELECT v FROM wrapped ORDER BY id', rows: [['-20'], ['24']] },
  { sql: "SELECT CAST(2021 AS YEAR), CAST(21 AS YEAR), CAST('69' AS YEAR), CAST(DATE '2010-05-06' AS YEAR)", rows: [['2021', '2021', '2069', '2010']] },
  // date ± INTERVAL expr unit, every unit including the compound ones.
  { sql: "SELECT '2020-01-01' + INTERVAL 1 DAY, INTERVAL 1 DAY + '2020-01-01', '2020-01-01' - INTERVAL 1 HOUR, DATE '2020-01-01' + INTERVAL '1 1' DAY_HOUR", rows: [['2020-01-02', '2020-01-02', '2019-12-31 23:00:00', '2020-01-02 01:00:00']] },
  { sql: "SELECT TIMESTAMP '2020-01-01 00:00:00' + INTERVAL 1 MICROSECOND, TIMESTAMP '2020-01-01 00:00:00' - INTERVAL '1.000002' SECOND_MICROSECOND, '2020-01-01' + INTERVAL '1 02:03:04.000005' DAY_MICROSECOND", rows: [['2020-01-01 00:00:00.000001', '2019-12-31 23:59:58.999998', '2020-01-02 02:03:04.000005']] },
  { sql: "SELECT DATE '2020-01-31' + INTERVAL 1 MONTH, DATE '2020-01-01' + INTERVAL '1-2' YEAR_MONTH, DATE '2020-01-01' + INTERVAL 1 QUARTER, DATE '2020-01-01' - INTERVAL 2 WEEK", rows: [['2020-02-29', '2021-03-01', '2020-04-01', '2019-12-18']] },
  { sql: "SELECT TIMESTAMP '2020-01-01 10:00:00' + INTERVAL '1:30' HOUR_MINUTE, TIMESTAMP '2020-01-01 10:00:00' + INTERVAL '1:30:05' HOUR_SECOND, TIMESTAMP '2020-01-01 10:00:00' - INTERVAL '30:05' MINUTE_SECOND", rows: [['2020-01-01 11:30:00', '2020-01-01 11:30:05', '2020-01-01 09:29:55']] },
  // GROUP BY the alias of a subquery expression.
  { sql: 'SELECT EXISTS(SELECT 1 FROM g g2 WHERE g2.id = g.v AND g2.id > 1) AS e, COUNT(*) FROM g GROUP BY e ORDER BY e', rows: [['0', '1'], ['1', '2']] },
  { sql: 'SELECT (SELECT MAX(v) FROM g g2 WHERE g2.id <= g.id) AS m, COUNT(*) FROM g GROUP BY m ORDER BY m', rows: [['1', '1'], ['2', '2']] },
  // UUIDs.
  { sql: "SELECT LENGTH(UUID()), SUBSTRING(UUID(), 15, 1), UUID() <> UUID(), UUID_SHORT() < UUID_SHORT(), IS_UUID(UUID())", rows: [['36', '1', '1', '1', '1']] },
  { sql: "SELECT HEX(UUID_TO_BIN('6ccd780c-baba-1026-9564-5b8c656024db')), HEX(UUID_TO_BIN('6ccd780c-baba-1026-9564-5b8c656024db', 1)), BIN_TO_UUID(UUID_TO_BIN('{6CCD780C-BABA-1026-9564-5B8C656024DB}', 1), 1)", rows: [['6CCD780CBABA102695645B8C656024DB', '1026BABA6CCD780C95645B8C656024DB', '6ccd780c-baba-1026-9564-5b8c656024db']] },
  { sql: "SELECT IS_UUID('6ccd780cbaba102695645b8c656024db'), IS_UUID('{6ccd780c-baba-1026-9564-5b8c656024db}'), IS_UUID('6ccd780c-baba-1026-9564-5b8c656024d'), IS_UUID(NULL), UUID_TO_BIN(NULL), BIN_TO_UUID(NULL)", rows: [['1', '1', '0', null, null, null]] },
  { sql: "SELECT UUID_TO_BIN('abc')", error: 1411 },
  { sql: "SELECT BIN_TO_UUID(X'0102')", error: 1411 },
  { sql: 'SELECT LENGTH(RANDOM_BYTES(1)), LENGTH(RANDOM_BYTES(1024)), RANDOM_BYTES(16) <> RANDOM_BYTES(16), RANDOM_BYTES(NULL)', rows: [['1', '1024', '1', null]] },
  { sql: 'SELECT RANDOM_BYTES(0)', error: 1690 },
  { sql: 'SELECT RANDOM_BYTES(1025)', error: 1690 },
];
