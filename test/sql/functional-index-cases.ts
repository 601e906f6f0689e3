// SQL behaviour as data for MySQL 8.0.13's functional key parts, `INDEX ((expr))`: the index is kept on a hidden
// generated column, serves `WHERE expr = …`, enforces UNIQUE on the expression, shows as its expression (SHOW CREATE
// TABLE, SHOW INDEX, information_schema.STATISTICS) and nowhere as a column, and goes with its index.
// Texts and errors from the MySQL 8.0 manual (CREATE INDEX, "Functional Key Parts"); MariaDB has no functional key
// parts, so rows were checked against the same queries without the index.
import type { SqlCase } from './query-cases.js';

export const FUNCTIONAL_INDEX_SETUP = [
  'CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(20), a INT, b INT, body TEXT, INDEX ((LOWER(name))), UNIQUE KEY ab ((a + b)))',
  "INSERT INTO p VALUES (1, 'AbC', 1, 2, 'x'), (2, 'xyz', 2, 2, 'y')",
];

const STATISTICS = "SELECT index_name, seq_in_index, column_name, expression, collation FROM information_schema.statistics WHERE table_schema = 'cases' AND table_name = 'p' ORDER BY index_name, seq_in_index";

export const FUNCTIONAL_INDEX_CASES: readonly SqlCase[] = [
  { sql: "SELECT id FROM p WHERE LOWER(name) = 'abc'", rows: [['1']] },
  { sql: "SELECT COUNT(*) FROM p WHERE LOWER(name) BETWEEN 'a' AND 'y'", rows: [['2']] },
  { sql: "SELECT id FROM p WHERE LOWER(name) > 'b'", rows: [['2']] },
  // the index serves the expression (EXPLAIN names it)
  { sql: "EXPLAIN FORMAT = 'brief' SELECT id FROM p WHERE LOWER(name) = 'abc'", rows: [['IndexLookUp', '8.00', 'root', '', ''], ['├─IndexRangeScan(Build)', '10.00', 'root', 'table:p, index:functional_index(!hidden!functional_index!0!0)', 'range:["abc","abc"], keep order:false, stats:pseudo'], ['└─Selection(Probe)', '8.00', 'root', '', 'eq(cases.p.!hidden!functional_index!0!0, "abc")'], ['  └─TableRowIDScan', '10.00', 'root', 'table:p', 'keep order:false, stats:pseudo']] },
  // UNIQUE on an expression: a + b may not repeat
  { sql: "INSERT INTO p VALUES (3, 'q', 2, 1, NULL)", error: 1062, message: "Duplicate entry '3' for key 'p.ab'" },
  { sql: "INSERT INTO p VALUES (3, 'q', 5, 1, NULL)", affectedRows: 1 },
  // the hidden columns are nowhere to be seen
  { sql: 'SELECT * FROM p WHERE id = 3', rows: [['3', 'q', '5', '1', null]] },
  { sql: "SELECT column_name FROM information_schema.columns WHERE table_schema = 'cases' AND table_name = 'p' ORDER BY ordinal_position", rows: [['id'], ['name'], ['a'], ['b'], ['body']] },
  {
    sql: 'SHOW CREATE TABLE p',
    rows: [['p', 'CREATE TABLE `p` (\n  `id` int NOT NULL,\n  `name` varchar(20) DEFAULT NULL,\n  `a` int DEFAULT NULL,\n  `b` int DEFAULT NULL,\n  `body` text,\n  PRIMARY KEY (`id`),\n  KEY `functional_index` ((lower(`name`))),\n  UNIQUE KEY `ab` (((`a` + `b`)))\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']],
  },
  { sql: STATISTICS, rows: [['ab', '1', null, '(`a` + `b`)', 'A'], ['functional_index', '1', null, 'lower(`name`)', 'A'], ['PRIMARY', '1', 'id', null, 'A']] },
  // CREATE INDEX and ALTER TABLE ADD INDEX with expressions (mixed with a column, DESC); unnamed ones are numbered
  { sql: 'CREATE INDEX up ON p ((UPPER(name)) DESC, id)', affectedRows: 0 },
  { sql: 'ALTER TABLE p ADD INDEX ((a * 10)), ADD INDEX ((CAST(body AS CHAR(5))))', affectedRows: 0 },
  { sql: 'CREATE INDEX body_start ON p ((LEFT(body, 10)))', affectedRows: 0 },
  { sql: "SELECT id FROM p WHERE LEFT(body, 10) = 'y'", rows: [['2']] },
  { sql: "SELECT id FROM p WHERE UPPER(name) = 'XYZ'", rows: [['2']] },
  { sql: 'SELECT id FROM p WHERE a * 10 = 50', rows: [['3']] },
  { sql: "SELECT index_name, column_name, expression, collation FROM information_schema.statistics WHERE table_schema = 'cases' AND table_name = 'p' AND index_name IN ('up', 'functional_index_2', 'functional_index_3') ORDER BY index_name, seq_in_index", rows: [['functional_index_2', null, '(`a` * 10)', 'A'], ['functional_index_3', null, 'cast(`body` as char(5))', 'A'], ['up', null, 'upper(`name`)', 'D'], ['up', 'id', null, 'A']] },
  // a column a functional index reads cannot be dropped (3755); the index's hidden columns go with it
  { sql: 'ALTER TABLE p DROP COLUMN name', error: 3755, message: "Cannot drop column 'name' because it is used by a functional index. In order to drop the column, you must remove the functional index." },
  { sql: 'DROP INDEX functional_index ON p', affectedRows: 0 },
  { sql: 'ALTER TABLE p DROP INDEX up', affectedRows: 0 },
  { sql: 'ALTER TABLE p DROP COLUMN name', affectedRows: 0 },
  { sql: "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = 'cases' AND table_name = 'p'", rows: [['5']] },
  // what a functional key part may not be
  { sql: 'CREATE TABLE bad (a INT, PRIMARY KEY ((a + 1)))', error: 3756, message: 'The primary key cannot be a functional index' },
  { sql: 'CREATE TABLE bad (a INT, INDEX ((a)))', error: 3762, message: 'Functional index on a column is not supported. Consider using a regular index instead.' },
  { sql: "CREATE TABLE bad (a JSON, INDEX ((a->'$.x')))", error: 3753 },
  { sql: 'CREATE TABLE bad (a TEXT, INDEX ((CONCAT(a, \'x\'))))', error: 3757 },
  { sql: 'CREATE TABLE bad (a TEXT, INDEX ((UPPER(a))))', error: 3757, message: 'Cannot create a functional index on an expression that returns a BLOB or TEXT. Please consider using CAST.' },
  { sql: 'CREATE TABLE bad (a INT, INDEX ((a + RAND())))', error: 3758, message: "Expression of functional index 'functional_index' contains a disallowed function." },
  { sql: 'CREATE TABLE bad (a INT AUTO_INCREMENT PRIMARY KEY, INDEX ((a + 1)))', error: 3754, message: "Functional index 'functional_index' cannot refer to an auto-increment column." },
  { sql: 'CREATE TABLE bad (a INT, INDEX ((nope + 1)))', error: 1054 },
];
