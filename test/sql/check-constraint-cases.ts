// SQL behaviour of CHECK constraints as data (MySQL 8.0 manual, "CHECK Constraints"): naming, [NOT] ENFORCED,
// 3819 on every write statement, IGNORE, ALTER TABLE, the expression rules (3812–3823) and how SHOW CREATE TABLE and
// information_schema show them.
import type { SqlCase } from './query-cases.js';

export const CHECK_SETUP = [
  // The manual's example: unnamed constraints are numbered in statement order, listed by name.
  'CREATE TABLE t1 (CHECK (c1 <> c2), c1 INT CHECK (c1 > 10), c2 INT CONSTRAINT c2_positive CHECK (c2 > 0), c3 INT CHECK (c3 < 100), CONSTRAINT c1_nonzero CHECK (c1 <> 0), CHECK (c1 > c3))',
  "CREATE TABLE orders (id INT PRIMARY KEY, qty INT NOT NULL, status VARCHAR(10), CONSTRAINT qty_positive CHECK (qty > 0), CONSTRAINT status_known CHECK (status IN ('new', 'paid', 'shipped')))",
];

export const CHECK_CASES: readonly SqlCase[] = [
  {
    sql: 'SHOW CREATE TABLE t1',
    rows: [[
      't1',
      'CREATE TABLE `t1` (\n  `c1` int DEFAULT NULL,\n  `c2` int DEFAULT NULL,\n  `c3` int DEFAULT NULL,\n' +
        '  CONSTRAINT `c1_nonzero` CHECK ((`c1` <> 0)),\n  CONSTRAINT `c2_positive` CHECK ((`c2` > 0)),\n' +
        '  CONSTRAINT `t1_chk_1` CHECK ((`c1` <> `c2`)),\n  CONSTRAINT `t1_chk_2` CHECK ((`c1` > 10)),\n' +
        '  CONSTRAINT `t1_chk_3` CHECK ((`c3` < 100)),\n  CONSTRAINT `t1_chk_4` CHECK ((`c1` > `c3`))\n' +
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci',
    ]],
  },
  // A row violates a constraint when its expression is FALSE; NULL (unknown) passes
  { sql: 'INSERT INTO t1 VALUES (20, 5, 10)', affectedRows: 1 },
  { sql: 'INSERT INTO t1 VALUES (5, 5, 1)', error: 3819, message: "Check constraint 't1_chk_1' is violated." },
  { sql: 'INSERT INTO t1 VALUES (20, -1, 10)', error: 3819, message: "Check constraint 'c2_positive' is violated." },
  { sql: 'INSERT INTO t1 VALUES (NULL, NULL, NULL)', affectedRows: 1 },
  { sql: "INSERT INTO orders VALUES (1, 2, 'new'), (2, 1, 'paid')", affectedRows: 2 },
  { sql: "INSERT INTO orders VALUES (3, 0, 'new')", error: 3819, message: "Check constraint 'qty_positive' is violated." },
  { sql: "INSERT INTO orders VALUES (3, 1, 'lost')", error: 3819, message: "Check constraint 'status_known' is violated." },
  // A multi-row INSERT fails whole at the first violating row
  { sql: "INSERT INTO orders VALUES (3, 1, 'new'), (4, -1, 'new')", error: 3819 },
  { sql: 'SELECT COUNT(*) FROM orders', rows: [['2']] },
  // UPDATE, REPLACE and ON DUPLICATE KEY UPDATE check the row they write
  { sql: "UPDATE orders SET status = 'gone' WHERE id = 1", error: 3819, message: "Check constraint 'status_known' is violated." },
  { sql: 'UPDATE orders SET qty = qty - 1', error: 3819, message: "Check constraint 'qty_positive' is violated." },
  { sql: 'SELECT id, qty FROM orders ORDER BY id', rows: [['1', '2'], ['2', '1']] },
  { sql: "REPLACE INTO orders VALUES (1, -5, 'new')", error: 3819 },
  { sql: "INSERT INTO orders VALUES (1, 1, 'new') ON DUPLICATE KEY UPDATE qty = -1", error: 3819 },
  { sql: "INSERT INTO orders VALUES (1, 1, 'new') ON DUPLICATE KEY UPDATE qty = 7", affectedRows: 2 },
  // IGNORE turns a violation into a warning and skips the row
  { sql: "INSERT IGNORE INTO orders VALUES (3, 0, 'new'), (4, 4, 'new')", affectedRows: 1, info: 'Records: 2  Duplicates: 0  Warnings: 1' },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '3819', "Check constraint 'qty_positive' is violated."]] },
  { sql: 'UPDATE IGNORE orders SET qty = qty - 1', affectedRows: 3, info: 'Rows matched: 3  Changed: 2  Warnings: 1' },
  { sql: 'SELECT id, qty FROM orders ORDER BY id', rows: [['1', '6'], ['2', '1'], ['4', '3']] },
  // NOT ENFORCED constraints are kept but not checked; enforcing one checks the rows already there
  { sql: 'ALTER TABLE orders ADD CONSTRAINT qty_small CHECK (qty < 5) NOT ENFORCED', affectedRows: 0 },
  { sql: "INSERT INTO orders VALUES (5, 50, 'new')", affectedRows: 1 },
  { sql: 'ALTER TABLE orders ALTER CHECK qty_small ENFORCED', error: 3819, message: "Check constraint 'qty_small' is violated." },
  { sql: 'DELETE FROM orders WHERE qty >= 5', affectedRows: 2 },
  { sql: 'ALTER TABLE orders ALTER CHECK qty_small ENFORCED', affectedRows: 0 },
  { sql: "INSERT INTO orders VALUES (6, 9, 'new')", error: 3819, message: "Check constraint 'qty_small' is violated." },
  { sql: 'ALTER TABLE orders ALTER CONSTRAINT qty_small NOT ENFORCED', affectedRows: 0 },
  { sql: "INSERT INTO orders VALUES (6, 9, 'new')", affectedRows: 1 },
  {
    sql: "SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE, ENFORCED FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME = 'orders' ORDER BY CONSTRAINT_NAME",
    rows: [['PRIMARY', 'PRIMARY KEY', 'YES'], ['qty_positive', 'CHECK', 'YES'], ['qty_small', 'CHECK', 'NO'], ['status_known', 'CHECK', 'YES']],
  },
  {
    sql: "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = 'cases' AND CONSTRAINT_NAME IN ('qty_small', 'status_known') ORDER BY CONSTRAINT_NAME",
    rows: [['qty_small', '(`qty` < 5)'], ['status_known', "(`status` in (_utf8mb4\\'new\\',_utf8mb4\\'paid\\',_utf8mb4\\'shipped\\'))"]],
  },
  {
    sql: 'SHOW CREATE TABLE orders',
    rows: [[
      'orders',
      'CREATE TABLE `orders` (\n  `id` int NOT NULL,\n  `qty` int NOT NULL,\n  `status` varchar(10) DEFAULT NULL,\n  PRIMARY KEY (`id`),\n' +
        '  CONSTRAINT `qty_positive` CHECK ((`qty` > 0)),\n  CONSTRAINT `qty_small` CHECK ((`qty` < 5)) /*!80016 NOT ENFORCED */,\n' +
        "  CONSTRAINT `status_known` CHECK ((`status` in (_utf8mb4'new',_utf8mb4'paid',_utf8mb4'shipped')))\n" +
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci',
    ]],
  },
  // ALTER TABLE ADD CHECK checks the existing rows; DROP CHECK / DROP CONSTRAINT remove one
  { sql: 'ALTER TABLE orders ADD CHECK (qty > 5)', error: 3819, message: "Check constraint 'orders_chk_1' is violated." },
  { sql: 'ALTER TABLE orders ADD CHECK (qty > 0 AND id > 0)', affectedRows: 0 },
  { sql: "SELECT CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_NAME LIKE 'orders%'", rows: [['orders_chk_1']] },
  { sql: 'ALTER TABLE orders DROP CHECK orders_chk_1', affectedRows: 0 },
  { sql: 'ALTER TABLE orders DROP CHECK orders_chk_1', error: 3821, message: "Check constraint 'orders_chk_1' is not found in the table." },
  { sql: 'ALTER TABLE orders DROP CONSTRAINT qty_small', affectedRows: 0 },
  { sql: 'ALTER TABLE orders DROP CONSTRAINT nothing', error: 3940, message: "Constraint 'nothing' does not exist." },
  { sql: 'ALTER TABLE orders ALTER CHECK nothing ENFORCED', error: 3821 },
  { sql: 'ALTER TABLE orders ALTER CONSTRAINT `PRIMARY` NOT ENFORCED', error: 3941 },
  // A column a CHECK reads can be neither dropped nor renamed
  { sql: 'ALTER TABLE orders DROP COLUMN qty', error: 3959, message: "Check constraint 'qty_positive' uses column 'qty', hence column cannot be dropped or renamed." },
  { sql: 'ALTER TABLE orders RENAME COLUMN status TO state', error: 3959 },
  // Names are unique in the database
  { sql: 'CREATE TABLE other (a INT, CONSTRAINT qty_positive CHECK (a > 0))', error: 3822, message: "Duplicate check constraint name 'qty_positive'." },
  // What a CHECK expression may not hold
  { sql: 'CREATE TABLE c_bad (a INT, CHECK (a))', error: 3812, message: "An expression of non-boolean type specified to a check constraint 'c_bad_chk_1'." },
  { sql: 'CREATE TABLE c_bad (a INT, b INT CHECK (a > b))', error: 3813, message: "Column check constraint 'c_bad_chk_1' references other column." },
  { sql: 'CREATE TABLE c_bad (a DATE, CHECK (a > CURDATE()))', error: 3814, message: "An expression of a check constraint 'c_bad_chk_1' contains disallowed function: curdate." },
  { sql: 'CREATE TABLE c_bad (a INT, CHECK (a IN (SELECT 1)))', error: 3815, message: "An expression of a check constraint 'c_bad_chk_1' contains disallowed function." },
  { sql: 'CREATE TABLE c_bad (a INT, CHECK (a > @limit))', error: 3816, message: "An expression of a check constraint 'c_bad_chk_1' cannot refer to a user or system variable." },
  { sql: 'CREATE TABLE c_bad (a INT, b INT, CHECK ((a, b) = (1, 2)))', error: 3817 },
  { sql: 'CREATE TABLE c_bad (a INT AUTO_INCREMENT PRIMARY KEY, CHECK (a > 0))', error: 3818, message: "Check constraint 'c_bad_chk_1' cannot refer to an auto-increment column." },
  { sql: 'CREATE TABLE c_bad (a INT, CHECK (b > 0))', error: 3820, message: "Check constraint 'c_bad_chk_1' refers to non-existing column 'b'." },
  { sql: 'CREATE TABLE cp (id INT PRIMARY KEY)', affectedRows: 0 },
  { sql: 'CREATE TABLE c_bad (a INT, CHECK (a > 0), FOREIGN KEY (a) REFERENCES cp (id) ON DELETE CASCADE)', error: 3823, message: "Column 'a' cannot be used in a check constraint 'c_bad_chk_1': needed in a foreign key constraint 'c_bad_ibfk_1' referential action." },
  // CREATE TABLE … LIKE copies the constraints under the new table's names
  { sql: 'CREATE TABLE orders2 LIKE orders', affectedRows: 0 },
  { sql: "INSERT INTO orders2 VALUES (1, 0, 'new')", error: 3819, message: "Check constraint 'orders2_chk_1' is violated." },
  // JSON conditions are conditions
  { sql: "CREATE TABLE jdoc (body JSON, CHECK (JSON_VALID(body)), CHECK (body->>'$.kind' IN ('a', 'b')))", affectedRows: 0 },
  { sql: 'INSERT INTO jdoc VALUES (\'{"kind": "a"}\')', affectedRows: 1 },
  { sql: 'INSERT INTO jdoc VALUES (\'{"kind": "c"}\')', error: 3819, message: "Check constraint 'jdoc_chk_2' is violated." },
  { sql: "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_NAME = 'jdoc_chk_1'", rows: [['json_valid(`body`)']] },
];
