// SQL behaviour of the BIT(M) type as data: DDL and metadata, literals and strings stored by their bits, ranges
// (1406 strict, 1264 warning otherwise), numeric use, comparison, ordering, grouping, keys and aggregates. Checked
// against MariaDB 10.11, which agrees with MySQL 8 here except SHOW CREATE TABLE's MySQL 8 spelling (int, collation).
import type { SqlCase } from './query-cases.js';

/** The schema and data every case runs against. */
export const SETUP = [
  'CREATE TABLE flags (id INT PRIMARY KEY, b BIT(8), w BIT(64), one BIT, KEY k_b (b))',
  `INSERT INTO flags VALUES (1, b'101', 18446744073709551615, 1), (2, 0b11, 0, 0), (3, x'ff', 1, NULL), (4, 3, 256, b'1'),
    (5, NULL, NULL, NULL), (6, '5', 9223372036854775808, 0)`,
  'CREATE TABLE keyed (k BIT(12) PRIMARY KEY, v VARCHAR(10))',
  "INSERT INTO keyed VALUES (b'100000000001', 'top'), (1, 'one'), (0, 'zero'), (x'0102', 'mid')",
];

export const BIT_CASES: readonly SqlCase[] = [
  // DDL and metadata: bit(M), BIT alone is bit(1), M up to 64 (1439), BIT(0) is bit(1).
  {
    sql: 'SHOW CREATE TABLE flags',
    rows: [['flags', 'CREATE TABLE `flags` (\n  `id` int NOT NULL,\n  `b` bit(8) DEFAULT NULL,\n  `w` bit(64) DEFAULT NULL,\n  `one` bit(1) DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  KEY `k_b` (`b`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']],
  },
  { sql: 'DESCRIBE keyed', rows: [['k', 'bit(12)', 'NO', 'PRI', null, ''], ['v', 'varchar(10)', 'YES', '', null, '']] },
  {
    sql: "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, NUMERIC_PRECISION, NUMERIC_SCALE, CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS WHERE TABLE_NAME = 'flags' AND COLUMN_NAME <> 'id' ORDER BY ORDINAL_POSITION",
    rows: [['b', 'bit', 'bit(8)', '8', null, null], ['w', 'bit', 'bit(64)', '64', null, null], ['one', 'bit', 'bit(1)', '1', null, null]],
  },
  { sql: 'CREATE TABLE wide (b BIT(65))', error: 1439, message: "Display width out of range for column 'b' (max = 64)" },
  { sql: 'CREATE TABLE narrow (b BIT(0))', affectedRows: 0 },
  { sql: "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_NAME = 'narrow'", rows: [['bit(1)']] },
  // Values: literals, hex and strings by their bytes ('5' is 0x35), integers as they are; the cell is the raw bytes.
  {
    sql: 'SELECT id, b+0, HEX(b), BIN(b), BIT_COUNT(b), one+0 FROM flags ORDER BY id',
    rows: [['1', '5', '5', '101', '2', '1'], ['2', '3', '3', '11', '2', '0'], ['3', '255', 'FF', '11111111', '8', null], ['4', '3', '3', '11', '2', '1'], ['5', null, null, null, null, null], ['6', '53', '35', '110101', '4', '0']],
  },
  {
    sql: 'SELECT id, w+0, HEX(w), BIT_COUNT(w) FROM flags WHERE w IS NOT NULL ORDER BY id',
    rows: [['1', '18446744073709551615', 'FFFFFFFFFFFFFFFF', '64'], ['2', '0', '0', '0'], ['3', '1', '1', '1'], ['4', '256', '100', '1'], ['6', '9223372036854775808', '8000000000000000', '1']],
  },
  { sql: 'SELECT b, one FROM flags WHERE id = 1', rows: [['\u0005', '\u0001']] },
  { sql: "SELECT k, HEX(k) FROM keyed WHERE v = 'mid'", rows: [['\u0001\u0002', '102']] },
  { sql: "SELECT b'101' + 0, 0b101 + 0, HEX(b'101'), b'1' = 1, b'1010' | 1", rows: [['5', '5', '05', '1', '11']] },
  // In string context a BIT is its bytes.
  { sql: "SELECT CONCAT(b), HEX(CONCAT('<', b, '>')), HEX(CAST(b AS BINARY)), HEX(CAST(b AS CHAR)) FROM flags WHERE id = 1", rows: [['\u0005', '3C053E', '05', '05']] },
  { sql: "SELECT HEX(CONCAT(k)) FROM keyed WHERE v = 'top'", rows: [['0801']] },
  // String functions read a BIT(M) as its ceil(M/8) bytes; HEX and arithmetic take its number (checked on MariaDB).
  {
    sql: "SELECT LENGTH(k), CHAR_LENGTH(k), BIT_LENGTH(k), HEX(SUBSTRING(k, 2)), HEX(LEFT(k, 1)), HEX(REVERSE(k)), ASCII(k), MD5(k) = MD5(x'0801'), HEX(LPAD(k, 3, 'z')), TO_BASE64(k), HEX(CONCAT_WS(',', k, k)), HEX(k) FROM keyed WHERE v = 'top'",
    rows: [['2', '2', '16', '01', '08', '0108', '8', '1', '7A0801', 'CAE=', '08012C0801', '801']],
  },
  // Comparison with numbers and bit literals, ordering and grouping by the number.
  { sql: 'SELECT id FROM flags WHERE b = 5', rows: [['1']] },
  { sql: "SELECT id FROM flags WHERE b = b'11' ORDER BY id", rows: [['2'], ['4']] },
  { sql: 'SELECT id FROM flags WHERE b > 100 ORDER BY id', rows: [['3']] },
  { sql: 'SELECT id FROM flags WHERE b IN (3, 5) ORDER BY id', rows: [['1'], ['2'], ['4']] },
  { sql: 'SELECT id FROM flags WHERE w > 9223372036854775807 ORDER BY w', rows: [['6'], ['1']] },
  { sql: 'SELECT id, b+0 FROM flags ORDER BY b DESC, id', rows: [['3', '255'], ['6', '53'], ['1', '5'], ['2', '3'], ['4', '3'], ['5', null]] },
  { sql: 'SELECT b+0, COUNT(*) FROM flags GROUP BY b ORDER BY b', rows: [[null, '1'], ['3', '2'], ['5', '1'], ['53', '1'], ['255', '1']] },
  // Aggregates: the BIT_* family and SUM work on the number.
  { sql: 'SELECT BIT_OR(b), BIT_AND(b), BIT_XOR(b), SUM(b), COUNT(DISTINCT b) FROM flags', rows: [['255', '1', '207', '319', '4']] },
  // A BIT primary key: ordered and searched by the number, duplicates refused.
  { sql: 'SELECT k+0, v FROM keyed ORDER BY k', rows: [['0', 'zero'], ['1', 'one'], ['258', 'mid'], ['2049', 'top']] },
  { sql: 'SELECT v FROM keyed WHERE k = 258', rows: [['mid']] },
  { sql: 'SELECT v FROM keyed WHERE k BETWEEN 1 AND 300 ORDER BY k', rows: [['one'], ['mid']] },
  { sql: 'INSERT INTO keyed VALUES (1, \'again\')', error: 1062 },
  // Too wide for M bits: 1406 in strict mode.
  { sql: 'INSERT INTO flags (id, b) VALUES (7, 256)', error: 1406, message: "Data too long for column 'b' at row 1" },
  { sql: "INSERT INTO flags (id, b) VALUES (7, b'100000000')", error: 1406 },
  { sql: "INSERT INTO flags (id, b) VALUES (7, x'0100')", error: 1406 },
  { sql: 'INSERT INTO flags (id, b) VALUES (7, -1)', error: 1406 },
  { sql: "INSERT INTO flags (id, b) VALUES (7, 'ab')", error: 1406 },
  { sql: "INSERT INTO flags (id, one) VALUES (7, 2)", error: 1406, message: "Data too long for column 'one' at row 1" },
  { sql: 'UPDATE flags SET b = b + 1 WHERE id = 2', affectedRows: 1 },
  { sql: 'SELECT b+0 FROM flags WHERE id = 2', rows: [['4']] },
  { sql: 'UPDATE flags SET b = b * 100 WHERE id = 2', error: 1406 },
  // Otherwise all M bits are set and 1264 is a warning.
  { sql: "SET sql_mode = ''", affectedRows: 0 },
  { sql: "INSERT INTO flags (id, b, one) VALUES (7, 300, 2), (8, -1, 'x')", affectedRows: 2 },
  {
    sql: 'SHOW WARNINGS',
    rows: [['Warning', '1264', "Out of range value for column 'b' at row 1"], ['Warning', '1264', "Out of range value for column 'one' at row 1"], ['Warning', '1264', "Out of range value for column 'b' at row 2"], ['Warning', '1264', "Out of range value for column 'one' at row 2"]],
  },
  { sql: 'SELECT id, b+0, one+0 FROM flags WHERE id > 6 ORDER BY id', rows: [['7', '255', '1'], ['8', '255', '1']] },
  { sql: 'SET sql_mode = DEFAULT', affectedRows: 0 },
  // Defaults print as b'…' and apply to new rows and, through ADD COLUMN, to existing ones.
  { sql: "CREATE TABLE defs (id INT PRIMARY KEY, b BIT(4) NOT NULL DEFAULT b'101')", affectedRows: 0 },
  { sql: 'INSERT INTO defs (id) VALUES (1)', affectedRows: 1 },
  { sql: 'ALTER TABLE defs ADD COLUMN c BIT(3) NOT NULL DEFAULT 6', affectedRows: 0 },
  { sql: 'INSERT INTO defs (id) VALUES (2)', affectedRows: 1 },
  { sql: 'SELECT id, b+0, c+0 FROM defs ORDER BY id', rows: [['1', '5', '6'], ['2', '5', '6']] },
  { sql: "SELECT COLUMN_NAME, COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_NAME = 'defs' AND COLUMN_NAME <> 'id' ORDER BY ORDINAL_POSITION", rows: [['b', "b'101'"], ['c', "b'110'"]] },
  { sql: "CREATE TABLE bad_default (b BIT(2) DEFAULT b'111')", error: 1067 },
  // Narrowing M below a stored value is 1406 (widening is in test/e2e/bit-type.test.ts).
  { sql: 'ALTER TABLE defs MODIFY b BIT(2) NOT NULL', error: 1406 },
];
