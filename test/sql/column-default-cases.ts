// SQL behaviour as data for column defaults as MySQL 8 has them: expression defaults `DEFAULT (expr)` (8.0.13), on
// any type, evaluated per row (INSERT, CREATE TABLE … SELECT, ALTER TABLE ADD COLUMN); `col = DEFAULT` in UPDATE and
// ON DUPLICATE KEY UPDATE; the DEFAULT(col) function; and what MySQL refuses in them.
// Rows checked against MariaDB 10.11 (which has expression defaults since 10.2); SHOW CREATE TABLE text,
// information_schema and error numbers/messages from the MySQL 8.0 manual ("Data Type Default Values").
import type { SqlCase } from './query-cases.js';

export const COLUMN_DEFAULT_SETUP = [
  'CREATE TABLE d (id INT PRIMARY KEY, n INT DEFAULT 5, k INT DEFAULT (n * 2), j JSON DEFAULT (JSON_ARRAY()), b BLOB DEFAULT (\'xy\'), u VARCHAR(36) DEFAULT (UUID()), t DATETIME DEFAULT (NOW()))',
  'CREATE TABLE plain (id INT PRIMARY KEY, n INT DEFAULT 5, s VARCHAR(10) NOT NULL, ts TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3), a INT AUTO_INCREMENT UNIQUE)',
  "INSERT INTO plain (id, s) VALUES (1, 'x')",
];

export const COLUMN_DEFAULT_CASES: readonly SqlCase[] = [
  // every row that takes an expression default evaluates it over that row
  { sql: 'INSERT INTO d (id) VALUES (1)', affectedRows: 1 },
  { sql: 'INSERT INTO d (id, n) VALUES (2, 10), (3, 7)', affectedRows: 2, info: 'Records: 2  Duplicates: 0  Warnings: 0' },
  { sql: 'INSERT INTO d VALUES (4, 1, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT)', affectedRows: 1 },
  { sql: 'INSERT INTO d SET id = 5, n = 100, k = DEFAULT', affectedRows: 1 },
  { sql: 'SELECT id, n, k, j, b, LENGTH(u), t IS NOT NULL FROM d ORDER BY id', rows: [['1', '5', '10', '[]', 'xy', '36', '1'], ['2', '10', '20', '[]', 'xy', '36', '1'], ['3', '7', '14', '[]', 'xy', '36', '1'], ['4', '1', '2', '[]', 'xy', '36', '1'], ['5', '100', '200', '[]', 'xy', '36', '1']] },
  { sql: 'SELECT COUNT(DISTINCT u) FROM d', rows: [['5']] },
  // how MySQL 8 shows them
  {
    sql: 'SHOW CREATE TABLE d',
    rows: [['d', 'CREATE TABLE `d` (\n  `id` int NOT NULL,\n  `n` int DEFAULT \'5\',\n  `k` int DEFAULT ((`n` * 2)),\n  `j` json DEFAULT (json_array()),\n  `b` blob DEFAULT (_utf8mb4\'xy\'),\n  `u` varchar(36) DEFAULT (uuid()),\n  `t` datetime DEFAULT (now()),\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']],
  },
  {
    sql: "SELECT column_name, column_default, extra FROM information_schema.columns WHERE table_schema = 'cases' AND table_name = 'd' AND column_name IN ('k', 'j', 'u') ORDER BY ordinal_position",
    rows: [['k', '(`n` * 2)', 'DEFAULT_GENERATED'], ['j', 'json_array()', 'DEFAULT_GENERATED'], ['u', 'uuid()', 'DEFAULT_GENERATED']],
  },
  { sql: "SHOW COLUMNS FROM d LIKE 'k'", rows: [['k', 'int', 'YES', '', '(`n` * 2)', 'DEFAULT_GENERATED']] },
  // UPDATE … SET col = DEFAULT: a literal default, and an expression default over the row as it is being changed
  { sql: 'UPDATE d SET n = DEFAULT WHERE id = 2', affectedRows: 1, info: 'Rows matched: 1  Changed: 1  Warnings: 0' },
  { sql: 'UPDATE d SET n = 8, k = DEFAULT WHERE id = 3', affectedRows: 1 },
  { sql: 'SELECT id, n, k FROM d WHERE id IN (2, 3) ORDER BY id', rows: [['2', '5', '20'], ['3', '8', '16']] },
  { sql: 'INSERT INTO d (id, n) VALUES (3, 0) ON DUPLICATE KEY UPDATE n = DEFAULT, k = DEFAULT', affectedRows: 2 },
  { sql: 'SELECT n, k FROM d WHERE id = 3', rows: [['5', '10']] },
  { sql: 'UPDATE d AS x JOIN plain AS p ON p.id = x.id SET x.n = DEFAULT, x.k = DEFAULT WHERE x.id = 1', affectedRows: 1, info: 'Rows matched: 1  Changed: 0  Warnings: 0' },
  // DEFAULT(col) reads a column's default; not of an expression default (3773) nor of a NOT NULL column without one (1364)
  { sql: 'SELECT DEFAULT(n), DEFAULT(ts) IS NOT NULL, DEFAULT(a) FROM plain', rows: [['5', '1', '0']] },
  { sql: 'UPDATE plain SET n = DEFAULT(n) + 1', affectedRows: 1 },
  { sql: 'SELECT n FROM plain', rows: [['6']] },
  { sql: 'SELECT DEFAULT(k) FROM d', error: 3773, message: 'DEFAULT function cannot be used with default value expressions' },
  { sql: 'SELECT DEFAULT(s) FROM plain', error: 1364, message: "Field 's' doesn't have a default value" },
  { sql: 'SELECT DEFAULT(nope) FROM plain', error: 1054 },
  // ALTER TABLE: an added column's expression default is computed for every existing row; SET DEFAULT (expr)
  // (TidalDB reports 0 rows for every ALTER TABLE; MySQL's copying ALTER counts the rows it copied: a known difference)
  { sql: 'ALTER TABLE d ADD COLUMN z INT NOT NULL DEFAULT (id + 100)', affectedRows: 0 },
  { sql: 'SELECT id, z FROM d ORDER BY id', rows: [['1', '101'], ['2', '102'], ['3', '103'], ['4', '104'], ['5', '105']] },
  { sql: 'ALTER TABLE d ALTER COLUMN n SET DEFAULT (id * 3)', affectedRows: 0 },
  { sql: 'INSERT INTO d (id) VALUES (9)', affectedRows: 1 },
  { sql: 'SELECT n, k, z FROM d WHERE id = 9', rows: [['27', '54', '109']] },
  // a column an expression default reads can be neither dropped nor renamed
  { sql: 'ALTER TABLE d DROP COLUMN id', error: 3766, message: "Column 'id' of table 'd' has a default value expression dependency and cannot be dropped or renamed." },
  { sql: 'ALTER TABLE d RENAME COLUMN n TO n2', error: 3766 },
  // CREATE TABLE … SELECT fills the new table's own columns from their expression defaults
  { sql: 'CREATE TABLE d2 (extra VARCHAR(20) DEFAULT (CONCAT(\'row-\', id))) AS SELECT id FROM d WHERE id < 3', affectedRows: 2 },
  { sql: 'SELECT id, extra FROM d2 ORDER BY id', rows: [['1', 'row-1'], ['2', 'row-2']] },
  // what an expression default may not be
  { sql: 'CREATE TABLE bad (a INT DEFAULT (a + 1))', error: 3767, message: "Default value expression of column 'a' cannot refer to a column defined after it if that column is a generated column or has an expression as default value." },
  { sql: 'CREATE TABLE bad (a INT DEFAULT (b + 1), b INT DEFAULT (1))', error: 3767 },
  { sql: 'CREATE TABLE bad (a INT AUTO_INCREMENT PRIMARY KEY, b INT DEFAULT (a + 1))', error: 3768, message: "Default value expression of column 'b' cannot refer to an auto-increment column." },
  { sql: 'CREATE TABLE bad (a INT DEFAULT (@x))', error: 3772, message: "Default value expression of column 'a' cannot refer user or system variables." },
  { sql: 'CREATE TABLE bad (a INT DEFAULT ((SELECT 1)))', error: 3769, message: "Default value expression of column 'a' contains a disallowed function." },
  { sql: 'CREATE TABLE bad (a INT DEFAULT (CONNECTION_ID()))', error: 3770, message: "Default value expression of column 'a' contains a disallowed function: connection_id." },
  { sql: 'CREATE TABLE bad (a INT DEFAULT (ROW(1, 2)))', error: 3771 },
  { sql: 'CREATE TABLE bad (a INT DEFAULT (nope + 1))', error: 1054, message: "Unknown column 'nope' in 'default value expression'" },
  // a literal default on BLOB/TEXT/JSON stays refused (only an expression may give them one)
  { sql: "CREATE TABLE bad (a TEXT DEFAULT 'x')", error: 1101 },
  // a later column may read an earlier expression-default column, and ordinary columns in any position
  { sql: 'CREATE TABLE ok1 (a INT DEFAULT (b + 1), b INT, c INT DEFAULT (a * 10))', affectedRows: 0 },
  { sql: 'INSERT INTO ok1 (b) VALUES (4)', affectedRows: 1 },
  { sql: 'SELECT a, b, c FROM ok1', rows: [['5', '4', '50']] },
];
