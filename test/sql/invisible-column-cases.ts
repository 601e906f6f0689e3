// SQL behaviour as data for MySQL 8.0.23's INVISIBLE columns: left out of `SELECT *`, TABLE, NATURAL JOIN and an
// INSERT or LOAD DATA without a column list, yet read and written by name; shown in SHOW CREATE TABLE, SHOW COLUMNS
// and information_schema; set by CREATE/ALTER TABLE; and a table keeps at least one visible column (4028).
// Rows checked against MariaDB 10.11 (invisible columns since 10.3); texts and errors from the MySQL 8.0 manual
// ("Invisible Columns").
import type { SqlCase } from './query-cases.js';

export const INVISIBLE_COLUMN_SETUP = [
  'CREATE TABLE v (id INT PRIMARY KEY, secret VARCHAR(10) INVISIBLE DEFAULT \'s\', n INT)',
  "INSERT INTO v VALUES (1, 10), (2, 20)",
  "INSERT INTO v (id, secret, n) VALUES (3, 'hidden', 30)",
  'CREATE TABLE w (secret VARCHAR(10), m INT)',
  "INSERT INTO w VALUES ('s', 7)",
];

export const INVISIBLE_COLUMN_CASES: readonly SqlCase[] = [
  { sql: 'SELECT * FROM v ORDER BY id', rows: [['1', '10'], ['2', '20'], ['3', '30']] },
  { sql: 'TABLE v ORDER BY id LIMIT 1', rows: [['1', '10']] },
  { sql: 'SELECT v.* FROM v WHERE id = 3', rows: [['3', '30']] },
  { sql: 'SELECT id, secret FROM v ORDER BY id', rows: [['1', 's'], ['2', 's'], ['3', 'hidden']] },
  { sql: "SELECT id FROM v WHERE secret = 'hidden'", rows: [['3']] },
  { sql: 'SELECT * FROM (SELECT id, secret FROM v) AS d WHERE id = 1', rows: [['1', 's']] },
  // an INSERT without a column list gives the visible columns only
  { sql: 'INSERT INTO v VALUES (4, 40, 99)', error: 1136 },
  { sql: 'INSERT INTO v SELECT * FROM v WHERE id = 1 ON DUPLICATE KEY UPDATE n = 11', affectedRows: 2 },
  // NATURAL JOIN joins on the visible common columns only (here none: a cross join); USING may name an invisible one
  { sql: 'SELECT COUNT(*) FROM v NATURAL JOIN w', rows: [['3']] },
  { sql: 'SELECT * FROM v JOIN w USING (secret) ORDER BY id', rows: [['1', '11', '7'], ['2', '20', '7']] },
  // CREATE TABLE … SELECT * leaves it out; LIKE keeps it, invisible
  { sql: 'CREATE TABLE v_copy AS SELECT * FROM v', affectedRows: 3 },
  { sql: "SELECT column_name FROM information_schema.columns WHERE table_schema = 'cases' AND table_name = 'v_copy' ORDER BY ordinal_position", rows: [['id'], ['n']] },
  { sql: 'CREATE TABLE v_like LIKE v', affectedRows: 0 },
  { sql: "SHOW COLUMNS FROM v_like LIKE 'secret'", rows: [['secret', 'varchar(10)', 'YES', '', 's', 'INVISIBLE']] },
  // how MySQL 8 shows it
  {
    sql: 'SHOW CREATE TABLE v',
    rows: [['v', "CREATE TABLE `v` (\n  `id` int NOT NULL,\n  `secret` varchar(10) DEFAULT 's' /*!80023 INVISIBLE */,\n  `n` int DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci"]],
  },
  { sql: "SELECT column_name, extra FROM information_schema.columns WHERE table_schema = 'cases' AND table_name = 'v' ORDER BY ordinal_position", rows: [['id', ''], ['secret', 'INVISIBLE'], ['n', '']] },
  // visibility changes: ALTER COLUMN … SET VISIBLE|INVISIBLE, MODIFY with or without INVISIBLE, ADD COLUMN … INVISIBLE
  { sql: 'ALTER TABLE v ALTER COLUMN secret SET VISIBLE', affectedRows: 0 },
  { sql: 'SELECT * FROM v WHERE id = 3', rows: [['3', 'hidden', '30']] },
  { sql: 'ALTER TABLE v MODIFY n INT INVISIBLE, ADD COLUMN extra INT INVISIBLE DEFAULT 1', affectedRows: 0 },
  { sql: 'SELECT * FROM v WHERE id = 3', rows: [['3', 'hidden']] },
  { sql: 'SELECT id, n, extra FROM v WHERE id = 3', rows: [['3', '30', '1']] },
  { sql: 'ALTER TABLE v CHANGE n n INT', affectedRows: 0 },
  { sql: 'SELECT * FROM v WHERE id = 3', rows: [['3', 'hidden', '30']] },
  // at least one column must stay visible
  { sql: 'CREATE TABLE bad (a INT INVISIBLE)', error: 4028, message: 'A table must have at least one visible column.' },
  { sql: 'CREATE TABLE one (a INT INVISIBLE, b INT)', affectedRows: 0 },
  { sql: 'ALTER TABLE one ALTER COLUMN b SET INVISIBLE', error: 4028 },
  { sql: 'ALTER TABLE one DROP COLUMN b', error: 4028 },
  { sql: 'ALTER TABLE one ALTER COLUMN nope SET INVISIBLE', error: 1054 },
];
