// SQL behaviour of FOREIGN KEY constraints as data (MySQL 8.0 manual, "FOREIGN KEY Constraints", with InnoDB; the
// same results as MariaDB 10.11's InnoDB where its messages agree): 1452/1451, the referential actions, multi-column
// and self-referencing keys, cascade depth, the index a key needs, foreign_key_checks, DDL around referenced tables.
import type { SqlCase } from './query-cases.js';

export const FOREIGN_KEY_SETUP = [
  'CREATE TABLE parent (id INT NOT NULL, PRIMARY KEY (id))',
  'CREATE TABLE child (id INT, parent_id INT, INDEX par_ind (parent_id), FOREIGN KEY (parent_id) REFERENCES parent (id))',
  'INSERT INTO parent (id) VALUES (1)',
];

export const FOREIGN_KEY_CASES: readonly SqlCase[] = [
  // The manual's example: a child row needs its parent, a parent row with children cannot go
  { sql: 'INSERT INTO child (id, parent_id) VALUES (1, 1)', affectedRows: 1 },
  {
    sql: 'INSERT INTO child (id, parent_id) VALUES (2, 2)',
    error: 1452,
    message: 'Cannot add or update a child row: a foreign key constraint fails (`cases`.`child`, CONSTRAINT `child_ibfk_1` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`))',
  },
  { sql: 'INSERT INTO child (id, parent_id) VALUES (2, NULL)', affectedRows: 1 },
  {
    sql: 'DELETE FROM parent WHERE id = 1',
    error: 1451,
    message: 'Cannot delete or update a parent row: a foreign key constraint fails (`cases`.`child`, CONSTRAINT `child_ibfk_1` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`))',
  },
  { sql: 'UPDATE parent SET id = 3 WHERE id = 1', error: 1451 },
  { sql: 'UPDATE child SET parent_id = 2 WHERE id = 1', error: 1452 },
  { sql: 'INSERT IGNORE INTO child (id, parent_id) VALUES (3, 7), (4, 1)', affectedRows: 1 },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '1452', 'Cannot add or update a child row: a foreign key constraint fails (`cases`.`child`, CONSTRAINT `child_ibfk_1` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`))']] },
  { sql: 'INSERT INTO parent VALUES (2)', affectedRows: 1 },
  { sql: 'DELETE IGNORE FROM parent', affectedRows: 1 },
  { sql: 'SELECT id FROM parent', rows: [['1']] },
  {
    sql: 'SHOW CREATE TABLE child',
    rows: [['child', 'CREATE TABLE `child` (\n  `id` int DEFAULT NULL,\n  `parent_id` int DEFAULT NULL,\n  KEY `par_ind` (`parent_id`),\n  CONSTRAINT `child_ibfk_1` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']],
  },
  // ON DELETE CASCADE / SET NULL, ON UPDATE CASCADE, across several levels
  { sql: 'CREATE TABLE author (id INT PRIMARY KEY, name VARCHAR(20))', affectedRows: 0 },
  { sql: 'CREATE TABLE book (id INT PRIMARY KEY, author_id INT, title VARCHAR(20), CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE ON UPDATE CASCADE)', affectedRows: 0 },
  { sql: 'CREATE TABLE review (id INT PRIMARY KEY, book_id INT, CONSTRAINT fk_review_book FOREIGN KEY (book_id) REFERENCES book (id) ON DELETE CASCADE)', affectedRows: 0 },
  { sql: 'CREATE TABLE loan (id INT PRIMARY KEY, book_id INT, FOREIGN KEY (book_id) REFERENCES book (id) ON DELETE SET NULL ON UPDATE SET NULL)', affectedRows: 0 },
  { sql: "INSERT INTO author VALUES (1, 'Le Guin'), (2, 'Lem')", affectedRows: 2 },
  { sql: "INSERT INTO book VALUES (10, 1, 'Earthsea'), (11, 1, 'Dispossessed'), (20, 2, 'Solaris')", affectedRows: 3 },
  { sql: 'INSERT INTO review VALUES (100, 10), (101, 11), (102, 20)', affectedRows: 3 },
  { sql: 'INSERT INTO loan VALUES (1000, 10), (1001, 20)', affectedRows: 2 },
  { sql: 'UPDATE author SET id = 5 WHERE id = 1', affectedRows: 1 },
  { sql: 'SELECT id, author_id FROM book ORDER BY id', rows: [['10', '5'], ['11', '5'], ['20', '2']] },
  { sql: 'DELETE FROM author WHERE id = 5', affectedRows: 1 },
  { sql: 'SELECT id FROM book', rows: [['20']] },
  { sql: 'SELECT id, book_id FROM review ORDER BY id', rows: [['102', '20']] },
  { sql: 'SELECT id, book_id FROM loan ORDER BY id', rows: [['1000', null], ['1001', '20']] },
  { sql: 'UPDATE book SET id = 21 WHERE id = 20', error: 1451 },
  { sql: 'DELETE FROM review', affectedRows: 1 },
  { sql: 'UPDATE book SET id = 21 WHERE id = 20', affectedRows: 1 },
  { sql: 'SELECT id, book_id FROM loan ORDER BY id', rows: [['1000', null], ['1001', null]] },
  // RESTRICT and NO ACTION refuse at once; REPLACE deletes the old parent row, so its children go with it
  { sql: 'CREATE TABLE shelf (id INT PRIMARY KEY, book_id INT, FOREIGN KEY (book_id) REFERENCES book (id) ON DELETE RESTRICT ON UPDATE NO ACTION)', affectedRows: 0 },
  { sql: 'INSERT INTO shelf VALUES (1, 21)', affectedRows: 1 },
  { sql: 'DELETE FROM book', error: 1451, message: 'Cannot delete or update a parent row: a foreign key constraint fails (`cases`.`shelf`, CONSTRAINT `shelf_ibfk_1` FOREIGN KEY (`book_id`) REFERENCES `book` (`id`) ON DELETE RESTRICT)' },
  { sql: "REPLACE INTO book VALUES (21, 2, 'Solaris 2')", error: 1451 },
  { sql: 'DROP TABLE shelf', affectedRows: 0 },
  { sql: 'INSERT INTO review VALUES (103, 21)', affectedRows: 1 },
  { sql: "REPLACE INTO book VALUES (21, 2, 'Solaris 2')", affectedRows: 2 },
  { sql: 'SELECT COUNT(*) FROM review', rows: [['0']] },
  // Multi-column keys, NULL in any key column skips the check (MATCH SIMPLE)
  { sql: 'CREATE TABLE product (category INT NOT NULL, id INT NOT NULL, price DECIMAL(6,2), PRIMARY KEY (category, id))', affectedRows: 0 },
  { sql: 'CREATE TABLE product_order (no INT NOT NULL AUTO_INCREMENT PRIMARY KEY, product_category INT, product_id INT, FOREIGN KEY (product_category, product_id) REFERENCES product (category, id) ON UPDATE CASCADE ON DELETE RESTRICT)', affectedRows: 0 },
  { sql: 'INSERT INTO product VALUES (1, 1, 9.99), (1, 2, 5.00)', affectedRows: 2 },
  { sql: 'INSERT INTO product_order (product_category, product_id) VALUES (1, 2), (1, NULL), (NULL, 9)', affectedRows: 3 },
  { sql: 'INSERT INTO product_order (product_category, product_id) VALUES (2, 1)', error: 1452 },
  { sql: 'UPDATE product SET id = 3 WHERE category = 1 AND id = 2', affectedRows: 1 },
  { sql: 'SELECT product_category, product_id FROM product_order ORDER BY no', rows: [['1', '3'], ['1', null], [null, '9']] },
  {
    sql: "SELECT CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, POSITION_IN_UNIQUE_CONSTRAINT, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME = 'product_order' ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION",
    rows: [['PRIMARY', 'no', '1', null, null, null], ['product_order_ibfk_1', 'product_category', '1', '1', 'product', 'category'], ['product_order_ibfk_1', 'product_id', '2', '2', 'product', 'id']],
  },
  {
    sql: "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, MATCH_OPTION, UPDATE_RULE, DELETE_RULE, TABLE_NAME, REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = 'cases' ORDER BY CONSTRAINT_NAME",
    rows: [
      ['child_ibfk_1', 'PRIMARY', 'NONE', 'NO ACTION', 'NO ACTION', 'child', 'parent'],
      ['fk_book_author', 'PRIMARY', 'NONE', 'CASCADE', 'CASCADE', 'book', 'author'],
      ['fk_review_book', 'PRIMARY', 'NONE', 'NO ACTION', 'CASCADE', 'review', 'book'],
      ['loan_ibfk_1', 'PRIMARY', 'NONE', 'SET NULL', 'SET NULL', 'loan', 'book'],
      ['product_order_ibfk_1', 'PRIMARY', 'NONE', 'CASCADE', 'RESTRICT', 'product_order', 'product'],
    ],
  },
  { sql: "SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME = 'loan' ORDER BY CONSTRAINT_NAME", rows: [['loan_ibfk_1', 'FOREIGN KEY'], ['PRIMARY', 'PRIMARY KEY']] },
  // Self-reference: a row may reference itself; ON DELETE CASCADE walks the tree; a cascading update of the table
  // being updated is refused (InnoDB)
  { sql: 'CREATE TABLE node (id INT PRIMARY KEY, up INT, FOREIGN KEY (up) REFERENCES node (id) ON DELETE CASCADE ON UPDATE CASCADE)', affectedRows: 0 },
  { sql: 'INSERT INTO node VALUES (1, 1), (2, 1), (3, 2), (4, 2), (5, NULL)', affectedRows: 5 },
  { sql: 'INSERT INTO node VALUES (6, 7)', error: 1452 },
  { sql: 'UPDATE node SET id = 30 WHERE id = 3', affectedRows: 1 },
  { sql: 'UPDATE node SET id = 20 WHERE id = 2', error: 1451 },
  { sql: 'DELETE FROM node WHERE id = 2', affectedRows: 1 },
  { sql: 'SELECT id, up FROM node ORDER BY id', rows: [['1', '1'], ['5', null]] },
  { sql: 'DELETE FROM node', affectedRows: 2 },
  // The index a foreign key needs is created when missing, named after the constraint, else the column
  { sql: 'CREATE TABLE tag (name VARCHAR(10) PRIMARY KEY)', affectedRows: 0 },
  { sql: 'CREATE TABLE tagged (id INT, tag VARCHAR(10), other VARCHAR(10), CONSTRAINT tag_fk FOREIGN KEY (tag) REFERENCES tag (name), FOREIGN KEY (other) REFERENCES tag (name))', affectedRows: 0 },
  { sql: 'SHOW INDEX FROM tagged', rows: [['tagged', '1', 'tag_fk', '1', 'tag', 'A', '0', null, null, 'YES', 'BTREE', '', '', 'YES', null], ['tagged', '1', 'other', '1', 'other', 'A', '0', null, null, 'YES', 'BTREE', '', '', 'YES', null]] },
  { sql: 'ALTER TABLE tagged DROP INDEX tag_fk', error: 1553, message: "Cannot drop index 'tag_fk': needed in a foreign key constraint" },
  { sql: 'ALTER TABLE tagged DROP COLUMN tag', error: 1828, message: "Cannot drop column 'tag': needed in a foreign key constraint 'tag_fk'" },
  { sql: 'ALTER TABLE tag DROP COLUMN name', error: 1829 },
  // String keys compare under their collation, as the parent's index does
  { sql: "INSERT INTO tag VALUES ('Red')", affectedRows: 1 },
  { sql: "INSERT INTO tagged VALUES (1, 'red', NULL)", affectedRows: 1 },
  // What a foreign key definition may not be
  { sql: 'CREATE TABLE fk_bad (a INT, FOREIGN KEY (a) REFERENCES missing (id))', error: 1824, message: "Failed to open the referenced table 'missing'" },
  { sql: 'CREATE TABLE fk_bad (a BIGINT, FOREIGN KEY (a) REFERENCES parent (id))', error: 3780, message: "Referencing column 'a' and referenced column 'id' in foreign key constraint 'fk_bad_ibfk_1' are incompatible." },
  { sql: 'CREATE TABLE fk_bad (a INT UNSIGNED, FOREIGN KEY (a) REFERENCES parent (id))', error: 3780 },
  { sql: 'CREATE TABLE fk_bad (a INT, FOREIGN KEY (a) REFERENCES product (price))', error: 3780 },
  { sql: 'CREATE TABLE fk_bad (a INT, FOREIGN KEY (a) REFERENCES product (id))', error: 1822, message: "Failed to add the foreign key constraint. Missing index for constraint 'fk_bad_ibfk_1' in the referenced table 'product'" },
  { sql: 'CREATE TABLE fk_bad (a INT, FOREIGN KEY (a) REFERENCES parent (nope))', error: 3734, message: "Failed to add the foreign key constraint. Missing column 'nope' for constraint 'fk_bad_ibfk_1' in the referenced table 'parent'" },
  { sql: 'CREATE TABLE fk_bad (a INT, FOREIGN KEY (b) REFERENCES parent (id))', error: 1072 },
  { sql: 'CREATE TABLE fk_bad (a INT, b INT, FOREIGN KEY (a, b) REFERENCES parent (id))', error: 1239 },
  { sql: 'CREATE TABLE fk_bad (a INT NOT NULL, FOREIGN KEY (a) REFERENCES parent (id) ON DELETE SET NULL)', error: 1830, message: "Column 'a' cannot be NOT NULL: needed in a foreign key constraint 'fk_bad_ibfk_1' SET NULL" },
  { sql: 'CREATE TABLE fk_bad (a INT, FOREIGN KEY (a) REFERENCES parent (id) ON DELETE SET DEFAULT)', error: 1215, message: 'Cannot add foreign key constraint' },
  { sql: 'CREATE TABLE fk_bad (a INT, CONSTRAINT child_ibfk_1 FOREIGN KEY (a) REFERENCES parent (id))', error: 1826, message: "Duplicate foreign key constraint name 'child_ibfk_1'" },
  { sql: 'CREATE TABLE fk_bad (a INT, b INT AS (a) VIRTUAL, FOREIGN KEY (b) REFERENCES parent (id))', error: 3733 },
  // A column's inline REFERENCES is parsed and ignored, as in MySQL 8.0
  { sql: 'CREATE TABLE inline_ref (a INT REFERENCES parent (id))', affectedRows: 0 },
  { sql: 'INSERT INTO inline_ref VALUES (99)', affectedRows: 1 },
  // DDL around referenced tables: DROP (3730), TRUNCATE (1701), RENAME (the keys follow), ALTER ADD/DROP FOREIGN KEY
  { sql: 'DROP TABLE parent', error: 3730, message: "Cannot drop table 'parent' referenced by a foreign key constraint 'child_ibfk_1' on table 'child'." },
  { sql: 'TRUNCATE TABLE parent', error: 1701, message: 'Cannot truncate a table referenced in a foreign key constraint (`cases`.`child`, CONSTRAINT `child_ibfk_1` FOREIGN KEY (`parent_id`) REFERENCES `cases`.`parent` (`id`))' },
  { sql: 'RENAME TABLE parent TO mother', affectedRows: 0 },
  { sql: "SELECT REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_NAME = 'child_ibfk_1'", rows: [['mother']] },
  { sql: 'INSERT INTO child VALUES (9, 9)', error: 1452 },
  { sql: 'ALTER TABLE child DROP FOREIGN KEY child_ibfk_1', affectedRows: 0 },
  { sql: 'ALTER TABLE child DROP FOREIGN KEY child_ibfk_1', error: 1091 },
  { sql: 'INSERT INTO child VALUES (9, 9)', affectedRows: 1 },
  { sql: 'ALTER TABLE child ADD CONSTRAINT back_fk FOREIGN KEY (parent_id) REFERENCES mother (id)', error: 1452 },
  { sql: 'DELETE FROM child WHERE id = 9', affectedRows: 1 },
  { sql: 'ALTER TABLE child ADD CONSTRAINT back_fk FOREIGN KEY (parent_id) REFERENCES mother (id)', affectedRows: 0 },
  { sql: 'DROP TABLE mother, child', affectedRows: 0 },
  // foreign_key_checks = 0: no checks, no actions, a parent may be missing; turning it on re-checks nothing
  { sql: 'SET foreign_key_checks = 0', affectedRows: 0 },
  { sql: 'CREATE TABLE later_child (id INT PRIMARY KEY, pid INT, FOREIGN KEY (pid) REFERENCES later_parent (id) ON DELETE CASCADE)', affectedRows: 0 },
  { sql: 'INSERT INTO later_child VALUES (1, 1), (2, 42)', affectedRows: 2 },
  { sql: 'CREATE TABLE later_parent (id INT PRIMARY KEY)', affectedRows: 0 },
  { sql: 'INSERT INTO later_parent VALUES (1)', affectedRows: 1 },
  { sql: 'DELETE FROM later_parent', affectedRows: 1 },
  { sql: 'SET foreign_key_checks = 1', affectedRows: 0 },
  { sql: 'SELECT id, pid FROM later_child ORDER BY id', rows: [['1', '1'], ['2', '42']] },
  { sql: 'INSERT INTO later_child VALUES (3, 1)', error: 1452 },
  { sql: 'INSERT INTO later_parent VALUES (1)', affectedRows: 1 },
  { sql: 'DELETE FROM later_parent', affectedRows: 1 },
  { sql: 'SELECT id, pid FROM later_child ORDER BY id', rows: [['2', '42']] },
];

/** Statements that build a chain of tables t0 ← t1 ← … ← t16, each deleting with its parent. */
export function cascadeChain(levels: number): string[] {
  const statements = ['CREATE TABLE lvl0 (id INT PRIMARY KEY)', 'INSERT INTO lvl0 VALUES (1)'];
  for (let i = 1; i <= levels; i++) {
    statements.push(`CREATE TABLE lvl${i} (id INT PRIMARY KEY, p INT, FOREIGN KEY (p) REFERENCES lvl${i - 1} (id) ON DELETE CASCADE)`);
    statements.push(`INSERT INTO lvl${i} VALUES (1, 1)`);
  }
  return statements;
}

/** InnoDB stops a cascade at 15 levels below the statement's row (MariaDB's InnoDB does the same: error 193). */
export const CASCADE_DEPTH_CASES: readonly SqlCase[] = [
  { sql: 'DELETE FROM lvl0', error: 3008, message: 'Foreign key cascade delete/update exceeds max depth of 15.' },
  { sql: 'SELECT COUNT(*) FROM lvl16', rows: [['1']] },
  { sql: 'DELETE FROM lvl2', affectedRows: 1 },
  { sql: 'SELECT COUNT(*) FROM lvl16', rows: [['0']] },
  { sql: 'SELECT COUNT(*) FROM lvl1', rows: [['1']] },
];
