// SQL behaviour of generated columns as data (MySQL 8.0 manual, "CREATE TABLE and Generated Columns"): values
// computed on write, 3105 for values written to them, the expressions they may not hold, indexes on them used for
// their expression, ALTER TABLE, SHOW CREATE TABLE and information_schema as MySQL prints them.
import type { SqlCase } from './query-cases.js';

export const GENERATED_SETUP = [
  'CREATE TABLE triangle (sidea DOUBLE, sideb DOUBLE, sidec DOUBLE AS (SQRT(sidea * sidea + sideb * sideb)))',
  'INSERT INTO triangle (sidea, sideb) VALUES (1, 1), (3, 4), (6, 8)',
  "CREATE TABLE people (id INT PRIMARY KEY, first VARCHAR(10), last VARCHAR(10), full_name VARCHAR(21) GENERATED ALWAYS AS (CONCAT(first, ' ', last)) STORED, initials VARCHAR(2) AS (CONCAT(LEFT(first, 1), LEFT(last, 1))) VIRTUAL, INDEX (initials))",
  "INSERT INTO people (id, first, last) VALUES (1, 'Ada', 'Lovelace'), (2, 'Alan', 'Turing'), (3, 'Grace', 'Hopper')",
];

export const GENERATED_CASES: readonly SqlCase[] = [
  // Values are the expression's, computed in column order (a generated column may read an earlier one)
  { sql: 'SELECT * FROM triangle', rows: [['1', '1', '1.4142135623730951'], ['3', '4', '5'], ['6', '8', '10']] },
  { sql: 'SELECT id, full_name, initials FROM people ORDER BY id', rows: [['1', 'Ada Lovelace', 'AL'], ['2', 'Alan Turing', 'AT'], ['3', 'Grace Hopper', 'GH']] },
  { sql: 'CREATE TABLE chain (a INT, b INT AS (a + 1), c INT AS (b * 10) STORED)', affectedRows: 0 },
  { sql: 'INSERT INTO chain (a) VALUES (1), (NULL)', affectedRows: 2 },
  { sql: 'SELECT a, b, c FROM chain ORDER BY a', rows: [[null, null, null], ['1', '2', '20']] },
  // Only DEFAULT may be written to a generated column (3105); IGNORE makes it a warning and drops the value
  { sql: 'INSERT INTO chain VALUES (5, 6, 70)', error: 3105, message: "The value specified for generated column 'b' in table 'chain' is not allowed." },
  { sql: 'INSERT INTO chain (a, c) VALUES (5, 70)', error: 3105, message: "The value specified for generated column 'c' in table 'chain' is not allowed." },
  { sql: 'INSERT INTO chain VALUES (5, DEFAULT, DEFAULT)', affectedRows: 1 },
  { sql: 'INSERT IGNORE INTO chain VALUES (6, 1, 1)', affectedRows: 1 },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '3105', "The value specified for generated column 'b' in table 'chain' is not allowed."], ['Warning', '3105', "The value specified for generated column 'c' in table 'chain' is not allowed."]] },
  { sql: 'SELECT a, b, c FROM chain WHERE a >= 5 ORDER BY a', rows: [['5', '6', '60'], ['6', '7', '70']] },
  // Outside strict mode the value is ignored with a warning too (as MariaDB does; its mysqldump writes such values)
  { sql: "SET sql_mode = ''", affectedRows: 0 },
  { sql: 'INSERT INTO chain VALUES (8, 1, 1)', affectedRows: 1 },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '3105', "The value specified for generated column 'b' in table 'chain' is not allowed."], ['Warning', '3105', "The value specified for generated column 'c' in table 'chain' is not allowed."]] },
  { sql: 'DELETE FROM chain WHERE a = 8', affectedRows: 1 },
  { sql: 'SET sql_mode = DEFAULT', affectedRows: 0 },
  { sql: 'UPDATE chain SET b = 1', error: 3105 },
  { sql: 'UPDATE chain SET b = DEFAULT, a = a + 1 WHERE a = 6', affectedRows: 1 },
  { sql: 'SELECT a, b, c FROM chain WHERE a = 7', rows: [['7', '8', '80']] },
  { sql: 'INSERT INTO chain (a) VALUES (7) ON DUPLICATE KEY UPDATE b = 3', error: 3105 },
  // UPDATE of a base column recomputes the generated ones, and their indexes follow
  { sql: "UPDATE people SET first = 'Augusta' WHERE id = 1", affectedRows: 1 },
  { sql: 'SELECT full_name, initials FROM people WHERE id = 1', rows: [['Augusta Lovelace', 'AL']] },
  { sql: "UPDATE people SET last = 'Byron' WHERE id = 1", affectedRows: 1 },
  { sql: "SELECT id FROM people WHERE initials = 'AB'", rows: [['1']] },
  { sql: "SELECT id FROM people WHERE initials = 'AL'", rows: [] },
  { sql: 'CHECK TABLE people', rows: [['cases.people', 'check', 'status', 'OK']] },
  // A condition on the expression uses the column's index (MySQL's generated column substitution)
  { sql: "SELECT id FROM people WHERE CONCAT(LEFT(first, 1), LEFT(last, 1)) = 'GH'", rows: [['3']] },
  {
    sql: "EXPLAIN SELECT id FROM people WHERE CONCAT(LEFT(first, 1), LEFT(last, 1)) = 'GH'",
    rows: [
      ['IndexLookUp_4', '8.00', 'root', '', ''],
      ['├─IndexRangeScan_1(Build)', '10.00', 'root', 'table:people, index:initials(initials)', 'range:["GH","GH"], keep order:false, stats:pseudo'],
      ['└─Selection_3(Probe)', '8.00', 'root', '', 'eq(cases.people.initials, "GH")'],
      ['  └─TableRowIDScan_2', '10.00', 'root', 'table:people', 'keep order:false, stats:pseudo'],
    ],
  },
  { sql: 'CREATE TABLE nums (id INT PRIMARY KEY, n INT, twice INT AS (n * 2), KEY (twice))', affectedRows: 0 },
  { sql: 'INSERT INTO nums (id, n) VALUES (1, 1), (2, 2), (3, 3), (4, 4)', affectedRows: 4 },
  { sql: 'SELECT id FROM nums WHERE n * 2 BETWEEN 3 AND 6 ORDER BY id', rows: [['2'], ['3']] },
  { sql: 'SELECT id FROM nums WHERE n * 2 IN (2, 8) ORDER BY id', rows: [['1'], ['4']] },
  { sql: 'DELETE FROM nums WHERE n * 2 > 6', affectedRows: 1 },
  { sql: 'SELECT COUNT(*) FROM nums', rows: [['3']] },
  // Strict mode applies to the computed value, as to any value stored in the column
  { sql: 'CREATE TABLE small (a INT, b TINYINT AS (a * 100))', affectedRows: 0 },
  { sql: 'INSERT INTO small (a) VALUES (2)', error: 1264 },
  { sql: 'CREATE TABLE nn (a INT, b INT AS (a + 1) NOT NULL)', affectedRows: 0 },
  { sql: 'INSERT INTO nn (a) VALUES (NULL)', error: 1048, message: "Column 'b' cannot be null" },
  // What a generated column's expression may not hold
  { sql: 'CREATE TABLE g_bad (a INT, b INT AS (RAND()))', error: 3763, message: "Expression of generated column 'b' contains a disallowed function: rand." },
  { sql: 'CREATE TABLE g_bad (a DATETIME, b DATETIME AS (NOW()))', error: 3763, message: "Expression of generated column 'b' contains a disallowed function: now." },
  { sql: 'CREATE TABLE g_bad (a INT, b INT AS (CONNECTION_ID()))', error: 3763 },
  { sql: 'CREATE TABLE g_bad (a INT, b INT AS ((SELECT 1)))', error: 3102, message: "Expression of generated column 'b' contains a disallowed function." },
  { sql: 'CREATE TABLE g_bad (a INT, b INT AS (a + @x))', error: 3765, message: "Expression of generated column 'b' cannot refer user or system variables." },
  { sql: 'CREATE TABLE g_bad (a INT AUTO_INCREMENT PRIMARY KEY, b INT AS (a + 1))', error: 3109, message: "Generated column 'b' cannot refer to auto-increment column." },
  { sql: 'CREATE TABLE g_bad (a INT, b INT AS (c + 1), c INT AS (a))', error: 3107, message: 'Generated column can refer only to generated columns defined prior to it.' },
  { sql: 'CREATE TABLE g_bad (a INT, b INT AS (b + 1))', error: 3107 },
  { sql: 'CREATE TABLE g_bad (a INT, b INT AS (z + 1))', error: 1054, message: "Unknown column 'z' in 'generated column function'" },
  { sql: 'CREATE TABLE g_bad (a INT, b INT AS (a) VIRTUAL PRIMARY KEY)', error: 3106 },
  // A generated column may read a base column defined after it
  { sql: 'CREATE TABLE later (b INT AS (a * 3), a INT)', affectedRows: 0 },
  { sql: 'INSERT INTO later (a) VALUES (2)', affectedRows: 1 },
  { sql: 'SELECT * FROM later', rows: [['6', '2']] },
  // SHOW CREATE TABLE, DESCRIBE and information_schema.COLUMNS as MySQL 8.0 prints them
  {
    sql: 'SHOW CREATE TABLE people',
    rows: [['people', "CREATE TABLE `people` (\n  `id` int NOT NULL,\n  `first` varchar(10) DEFAULT NULL,\n  `last` varchar(10) DEFAULT NULL,\n  `full_name` varchar(21) GENERATED ALWAYS AS (concat(`first`,_utf8mb4' ',`last`)) STORED,\n  `initials` varchar(2) GENERATED ALWAYS AS (concat(left(`first`,1),left(`last`,1))) VIRTUAL,\n  PRIMARY KEY (`id`),\n  KEY `initials` (`initials`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci"]],
  },
  { sql: 'SHOW CREATE TABLE nn', rows: [['nn', 'CREATE TABLE `nn` (\n  `a` int DEFAULT NULL,\n  `b` int GENERATED ALWAYS AS ((`a` + 1)) VIRTUAL NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']] },
  { sql: 'DESCRIBE chain', rows: [['a', 'int', 'YES', '', null, ''], ['b', 'int', 'YES', '', null, 'VIRTUAL GENERATED'], ['c', 'int', 'YES', '', null, 'STORED GENERATED']] },
  {
    sql: "SELECT COLUMN_NAME, COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME = 'chain' ORDER BY ORDINAL_POSITION",
    rows: [['a', null, '', ''], ['b', null, 'VIRTUAL GENERATED', '(`a` + 1)'], ['c', null, 'STORED GENERATED', '(`b` * 10)']],
  },
  // ALTER TABLE: add (computed for existing rows), modify and drop generated columns; their base columns stay
  { sql: 'ALTER TABLE nums ADD COLUMN square INT AS (n * n) STORED, ADD INDEX (square)', affectedRows: 0 },
  { sql: 'SELECT id, square FROM nums ORDER BY id', rows: [['1', '1'], ['2', '4'], ['3', '9']] },
  { sql: 'SELECT id FROM nums WHERE n * n = 9', rows: [['3']] },
  { sql: 'ALTER TABLE nums MODIFY COLUMN square INT AS (n * n * n) STORED', affectedRows: 0 },
  { sql: 'SELECT id, square FROM nums ORDER BY id', rows: [['1', '1'], ['2', '8'], ['3', '27']] },
  { sql: 'ALTER TABLE nums DROP COLUMN n', error: 3108, message: "Column 'n' has a generated column dependency." },
  { sql: 'ALTER TABLE nums RENAME COLUMN n TO m', error: 3108 },
  { sql: 'ALTER TABLE nums DROP COLUMN square', affectedRows: 0 },
  { sql: 'ALTER TABLE nums DROP COLUMN twice', affectedRows: 0 },
  { sql: 'ALTER TABLE nums DROP COLUMN n', affectedRows: 0 },
  { sql: 'SELECT * FROM nums ORDER BY id', rows: [['1'], ['2'], ['3']] },
  { sql: 'ALTER TABLE later ADD COLUMN c INT AS (RAND())', error: 3763 },
  // CREATE TABLE … LIKE keeps generated columns; REPLACE and multi-table UPDATE compute them too
  { sql: 'CREATE TABLE chain2 LIKE chain', affectedRows: 0 },
  { sql: 'REPLACE INTO chain2 (a) VALUES (1), (1)', affectedRows: 2 },
  { sql: 'SELECT a, b, c FROM chain2', rows: [['1', '2', '20'], ['1', '2', '20']] },
  { sql: 'UPDATE chain2, later SET chain2.a = later.a', affectedRows: 2 },
  { sql: 'SELECT a, b, c FROM chain2', rows: [['2', '3', '30'], ['2', '3', '30']] },
  // JSON in indexes through generated columns: the index serves the extraction written as in the column
  { sql: "CREATE TABLE doc (id INT PRIMARY KEY, body JSON, name VARCHAR(50) AS (body->>'$.name'), INDEX (name))", affectedRows: 0 },
  { sql: 'INSERT INTO doc (id, body) VALUES (1, \'{"name": "Ada", "age": 36}\'), (2, \'{"name": "Alan"}\'), (3, \'{"age": 1}\')', affectedRows: 3 },
  { sql: 'SELECT id, name FROM doc ORDER BY id', rows: [['1', 'Ada'], ['2', 'Alan'], ['3', null]] },
  { sql: "SELECT id FROM doc WHERE body->>'$.name' = 'Alan'", rows: [['2']] },
  { sql: "SELECT id FROM doc WHERE JSON_UNQUOTE(JSON_EXTRACT(body, '$.name')) IN ('Ada', 'Alan') ORDER BY id", rows: [['1'], ['2']] },
  {
    sql: "EXPLAIN SELECT id FROM doc WHERE body->>'$.name' = 'Alan'",
    rows: [
      ['IndexLookUp_4', '8.00', 'root', '', ''],
      ['├─IndexRangeScan_1(Build)', '10.00', 'root', 'table:doc, index:name(name)', 'range:["Alan","Alan"], keep order:false, stats:pseudo'],
      ['└─Selection_3(Probe)', '8.00', 'root', '', 'eq(cases.doc.name, "Alan")'],
      ['  └─TableRowIDScan_2', '10.00', 'root', 'table:doc', 'keep order:false, stats:pseudo'],
    ],
  },
  {
    sql: "SELECT GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME = 'doc' AND COLUMN_NAME = 'name'",
    rows: [["json_unquote(json_extract(`body`,_utf8mb4'$.name'))"]],
  },
  { sql: "UPDATE doc SET body = JSON_SET(body, '$.name', 'Grace') WHERE id = 3", affectedRows: 1 },
  { sql: "SELECT id FROM doc WHERE body->>'$.name' = 'Grace'", rows: [['3']] },
];
