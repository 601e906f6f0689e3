// Collations as data: comparison, sorting, grouping, UNIQUE, index lookups, coercibility, defaults and errors.
// Cases under utf8mb4_unicode_ci, _unicode_520_ci, _general_ci, _bin and latin1_swedish_ci were checked against
// MariaDB 10.11 (which shares those tables); utf8mb4_0900_* cases follow the MySQL 8.0 manual and the DUCET 9.0.0
// weights (MariaDB has no 0900 collations). The connection is mysql2's: utf8mb4_unicode_ci.
import type { SqlCase } from './query-cases.js';

/** The mixed list every collation sorts; ties are broken by id so that the expected order is exact. */
const WORDS = "(1,'b'),(2,'A'),(3,'á'),(4,'a'),(5,'B'),(6,'Z'),(7,'z'),(8,'ä'),(9,'_x'),(10,'10'),(11,'9'),(12,'Ab'),(13,'æ'),(14,'ß'),(15,'ss'),(16,'sa')";

export const SETUP = [
  'CREATE TABLE words (id INT PRIMARY KEY, w VARCHAR(20) COLLATE utf8mb4_bin)',
  `INSERT INTO words VALUES ${WORDS}`,
  'CREATE TABLE mix (a VARCHAR(10) COLLATE utf8mb4_unicode_ci, b VARCHAR(10) COLLATE utf8mb4_general_ci, c VARCHAR(10) COLLATE utf8mb4_bin, d VARCHAR(10))',
  "INSERT INTO mix VALUES ('x', 'X', 'x', 'X')",
];

const sortedBy = (collation: string, order: string): SqlCase => ({
  sql: `SELECT GROUP_CONCAT(w ORDER BY w COLLATE ${collation}, id SEPARATOR ',') FROM words`,
  rows: [[order]],
});

export const COLLATION_CASES: readonly SqlCase[] = [
  // Accent and case sensitivity, expansions.
  { sql: "SELECT 'a' = 'Á' COLLATE utf8mb4_0900_ai_ci, 'a' = 'Á' COLLATE utf8mb4_0900_as_ci, 'a' = 'A' COLLATE utf8mb4_0900_as_ci, 'a' = 'A' COLLATE utf8mb4_0900_as_cs", rows: [['1', '0', '1', '0']] },
  { sql: "SELECT 'ß' = 'ss' COLLATE utf8mb4_0900_ai_ci, 'ß' = 'ss' COLLATE utf8mb4_unicode_ci, 'ß' = 'ss' COLLATE utf8mb4_unicode_520_ci, 'ß' = 's' COLLATE utf8mb4_general_ci, 'ß' = 'ss' COLLATE utf8mb4_general_ci", rows: [['1', '1', '1', '1', '0']] },
  // UCA 5.2.0 weighs Æ as A+E and Ø as O with a stroke (4.0.0 had letters of their own: see README's Collations).
  { sql: "SELECT 'Æ' = 'AE' COLLATE utf8mb4_unicode_520_ci, 'Æ' = 'A' COLLATE utf8mb4_general_ci, 'Ø' = 'O' COLLATE utf8mb4_general_ci, 'Ø' = 'O' COLLATE utf8mb4_unicode_520_ci", rows: [['1', '0', '0', '1']] },
  { sql: "SELECT 'Й' = 'И' COLLATE utf8mb4_general_ci, 'Ё' = 'Е' COLLATE utf8mb4_general_ci, 'ā' = 'a' COLLATE utf8mb4_general_ci, 'ı' = 'i' COLLATE utf8mb4_unicode_ci", rows: [['0', '1', '1', '0']] },
  // Supplementary characters: one weight (U+FFFD) in general_ci and unicode_ci, their own since UCA 5.2.
  { sql: "SELECT '😀' = '😃' COLLATE utf8mb4_unicode_ci, '😀' = '😃' COLLATE utf8mb4_unicode_520_ci, '😀' = '😃' COLLATE utf8mb4_general_ci, '😀' = '😃' COLLATE utf8mb4_0900_ai_ci", rows: [['1', '0', '1', '0']] },
  // PAD SPACE (trailing spaces do not count) against NO PAD (the 0900 collations and binary).
  { sql: "SELECT 'a ' = 'a' COLLATE utf8mb4_unicode_ci, 'a ' = 'a' COLLATE utf8mb4_general_ci, 'a ' = 'a' COLLATE utf8mb4_bin, 'a ' = 'a' COLLATE utf8mb4_0900_ai_ci, 'a ' = 'a' COLLATE utf8mb4_0900_bin, 'a ' > 'a' COLLATE utf8mb4_0900_ai_ci", rows: [['1', '1', '1', '0', '0', '1']] },
  { sql: "SELECT 'a\\t' < 'a' COLLATE utf8mb4_bin, 'a\\t' < 'a' COLLATE utf8mb4_unicode_ci, 'a\\t' = 'a' COLLATE utf8mb4_bin", rows: [['1', '1', '0']] },
  // Sorting a mixed list.
  sortedBy('utf8mb4_unicode_ci', '_x,10,9,A,á,a,ä,Ab,æ,b,B,sa,ß,ss,Z,z'),
  sortedBy('utf8mb4_unicode_520_ci', '_x,10,9,A,á,a,ä,Ab,æ,b,B,sa,ß,ss,Z,z'),
  sortedBy('utf8mb4_0900_ai_ci', '_x,10,9,A,á,a,ä,Ab,æ,b,B,sa,ß,ss,Z,z'),
  sortedBy('utf8mb4_0900_as_cs', '_x,10,9,a,A,á,ä,Ab,æ,b,B,sa,ss,ß,z,Z'),
  sortedBy('utf8mb4_general_ci', '10,9,A,á,a,ä,Ab,b,B,ß,sa,ss,Z,z,_x,æ'),
  { sql: "SELECT GROUP_CONCAT(w ORDER BY w, id SEPARATOR ',') FROM words", rows: [['10,9,A,Ab,B,Z,_x,a,b,sa,ss,z,ß,á,ä,æ']] },
  // DISTINCT, GROUP BY, MIN/MAX under a collation.
  { sql: 'SELECT COUNT(DISTINCT w COLLATE utf8mb4_general_ci), COUNT(DISTINCT w COLLATE utf8mb4_unicode_ci), COUNT(DISTINCT w COLLATE utf8mb4_0900_ai_ci), COUNT(DISTINCT w) FROM words', rows: [['11', '10', '10', '16']] },
  { sql: 'SELECT MIN(w COLLATE utf8mb4_unicode_ci), MAX(w COLLATE utf8mb4_unicode_ci), MIN(w), MAX(w) FROM words', rows: [['_x', 'Z', '10', 'æ']] },
  { sql: 'SELECT COUNT(*) FROM words GROUP BY w COLLATE utf8mb4_0900_ai_ci ORDER BY MIN(id)', rows: [['2'], ['4'], ['2'], ['1'], ['1'], ['1'], ['1'], ['1'], ['2'], ['1']] },
  { sql: "SELECT DISTINCT w COLLATE utf8mb4_general_ci AS k FROM words WHERE w IN ('a', 'A', 'á', 'b') ORDER BY k", rows: [['A'], ['b']] },
  { sql: "SELECT 'Ábc' LIKE 'a%' COLLATE utf8mb4_0900_ai_ci, 'Ábc' LIKE 'a%' COLLATE utf8mb4_unicode_ci, 'Ábc' LIKE 'a%' COLLATE utf8mb4_bin, 'abc' LIKE 'A_C' COLLATE utf8mb4_general_ci", rows: [['1', '1', '0', '1']] },
  { sql: "SELECT STRCMP('a' COLLATE utf8mb4_unicode_ci, 'B'), FIELD('B' COLLATE utf8mb4_general_ci, 'a', 'b'), FIND_IN_SET('B' COLLATE utf8mb4_0900_ai_ci, 'a,b')", rows: [['-1', '2', '2']] },
  // UNIQUE and index lookups under _ci collations: keys are the collation's sort keys.
  { sql: 'CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20) COLLATE utf8mb4_0900_ai_ci, email VARCHAR(40) COLLATE utf8mb4_general_ci, UNIQUE KEY u_name (name), UNIQUE KEY u_email (email))', affectedRows: 0 },
  { sql: "INSERT INTO users VALUES (1, 'Ab', 'Bob@Example.com')", affectedRows: 1 },
  { sql: "INSERT INTO users VALUES (2, 'aB', 'x@y')", error: 1062, message: "Duplicate entry 'aB' for key 'users.u_name'" },
  { sql: "INSERT INTO users VALUES (3, 'áb', 'x@y')", error: 1062 },
  { sql: "INSERT INTO users VALUES (4, 'ab ', 'bob@example.com ')", error: 1062, message: "Duplicate entry 'bob@example.com ' for key 'users.u_email'" },
  { sql: "INSERT INTO users VALUES (5, 'ab ', 'carol@example.com')", affectedRows: 1 },
  { sql: "SELECT id, name FROM users WHERE name = 'AB'", rows: [['1', 'Ab']] },
  { sql: "SELECT id FROM users WHERE email = 'BOB@EXAMPLE.COM   '", rows: [['1']] },
  { sql: "SELECT id FROM users WHERE email IN ('CAROL@example.com', 'nobody')", rows: [['5']] },
  { sql: "SELECT id FROM users WHERE name = 'ab' COLLATE utf8mb4_0900_as_cs", rows: [] },
  { sql: 'SELECT name FROM users ORDER BY name DESC', rows: [['ab '], ['Ab']] },
  { sql: "UPDATE users SET name = 'AB ' WHERE id = 1", error: 1062 },
  { sql: "REPLACE INTO users VALUES (6, 'AB', 'dave@example.com')", affectedRows: 2 },
  { sql: 'SELECT id, name FROM users ORDER BY id', rows: [['5', 'ab '], ['6', 'AB']] },
  // ORDER BY … LIMIT read in index order: the keys order as the collation sorts (ties by row id).
  { sql: 'CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(20) COLLATE utf8mb4_0900_ai_ci, KEY k_name (name))', affectedRows: 0 },
  { sql: "INSERT INTO people VALUES (1, 'émile'), (2, 'Zoe'), (3, 'adam'), (4, 'Émile'), (5, 'bob'), (6, 'Anna'), (7, 'zoë')", affectedRows: 7 },
  { sql: 'SELECT name FROM people ORDER BY name LIMIT 5', rows: [['adam'], ['Anna'], ['bob'], ['émile'], ['Émile']] },
  { sql: 'SELECT name FROM people ORDER BY name DESC LIMIT 3', rows: [['zoë'], ['Zoe'], ['Émile']] },
  { sql: "SELECT name FROM people WHERE name = 'EMILE' ORDER BY name", rows: [['émile'], ['Émile']] },
  // Coercibility: an explicit COLLATE, then a column, then a literal; equal strengths of different collations are
  // 1267 unless one is the charset's _bin collation.
  { sql: 'SELECT a = b FROM mix', error: 1267, message: "Illegal mix of collations (utf8mb4_unicode_ci,IMPLICIT) and (utf8mb4_general_ci,IMPLICIT) for operation '='" },
  { sql: 'SELECT a = c, b = c, c = d, a = d FROM mix', error: 1267 },
  { sql: 'SELECT a = c, b = c, c = d FROM mix', rows: [['1', '0', '0']] },
  { sql: 'SELECT a = b COLLATE utf8mb4_bin, a COLLATE utf8mb4_general_ci = b FROM mix', rows: [['0', '1']] },
  { sql: "SELECT a = 'X', c = 'X', d = 'x' FROM mix", rows: [['1', '0', '1']] },
  { sql: "SELECT 'a' COLLATE utf8mb4_bin = 'A' COLLATE utf8mb4_general_ci", error: 1267, message: "Illegal mix of collations (utf8mb4_bin,EXPLICIT) and (utf8mb4_general_ci,EXPLICIT) for operation '='" },
  { sql: "SELECT a LIKE b FROM mix", error: 1267, message: "Illegal mix of collations (utf8mb4_unicode_ci,IMPLICIT) and (utf8mb4_general_ci,IMPLICIT) for operation 'like'" },
  { sql: "SELECT a IN (b, 'y') FROM mix", error: 1270, message: "Illegal mix of collations (utf8mb4_unicode_ci,IMPLICIT), (utf8mb4_general_ci,IMPLICIT), (utf8mb4_unicode_ci,COERCIBLE) for operation 'in'" },
  { sql: "SELECT a BETWEEN b AND 'z' FROM mix", error: 1270 },
  { sql: "SELECT a IN (c, 'y'), b BETWEEN 'W' AND 'y' FROM mix", rows: [['1', '1']] },
  // A string function over conflicting collations is of derivation NONE (the charset's _bin), an error once compared.
  { sql: 'SELECT COLLATION(a), COERCIBILITY(a), CHARSET(a), COLLATION(CONCAT(a, c)), COLLATION(CONCAT(a, b)), COERCIBILITY(CONCAT(a, b)) FROM mix', rows: [['utf8mb4_unicode_ci', '2', 'utf8mb4', 'utf8mb4_bin', 'utf8mb4_bin', '1']] },
  { sql: 'SELECT CONCAT(a, b) = c FROM mix', error: 1267, message: "Illegal mix of collations (utf8mb4_bin,NONE) and (utf8mb4_bin,IMPLICIT) for operation '='" },
  { sql: "SELECT CONCAT(a, b) = 'xX' FROM mix", error: 1267, message: "Illegal mix of collations (utf8mb4_bin,NONE) and (utf8mb4_unicode_ci,COERCIBLE) for operation '='" },
  { sql: "SELECT COLLATION('x'), COERCIBILITY('x'), COLLATION(_latin1'x'), COLLATION(UPPER(b)), COLLATION(USER()), COERCIBILITY(USER()), COERCIBILITY(1), COERCIBILITY(NULL), COERCIBILITY('x' COLLATE utf8mb4_bin) FROM mix", rows: [['utf8mb4_unicode_ci', '4', 'latin1_swedish_ci', 'utf8mb4_general_ci', 'utf8_general_ci', '3', '5', '6', '0']] },
  // Functions that make their own text (digests, hex digits, formatted dates) answer in the connection's character set, even over bytes.
  { sql: "SELECT CHARSET(MD5(_binary'a')), CHARSET(HEX(_binary'a')), CHARSET(SHA2(_binary'a', 256)), CHARSET(DATE_FORMAT(NOW(), '%Y')), CHARSET(UPPER(_binary'a')), CHARSET(CONCAT(_binary'a', 'b'))", rows: [['utf8mb4', 'utf8mb4', 'utf8mb4', 'utf8mb4', 'binary', 'binary']] },
  { sql: "SELECT COLLATION(IF(a = 'x', b, 'y')), COLLATION(COALESCE(NULL, c)) FROM mix", rows: [['utf8mb4_general_ci', 'utf8mb4_bin']] },
  { sql: "SELECT COLLATION(CONVERT('x' USING latin1)), COERCIBILITY(CONVERT('x' USING latin1)), COLLATION(CONVERT(a USING utf8mb3)) FROM mix", rows: [['latin1_swedish_ci', '2', 'utf8_general_ci']] },
  { sql: "SELECT CONVERT('x' USING klingon)", error: 1115 },
  // Unknown and mismatched names are errors, never mapped to another collation.
  { sql: "SELECT 'a' COLLATE utf8mb4_klingon_ci", error: 1273, message: "Unknown collation: 'utf8mb4_klingon_ci'" },
  { sql: "SELECT 'a' COLLATE latin1_swedish_ci", error: 1253, message: "COLLATION 'latin1_swedish_ci' is not valid for CHARACTER SET 'utf8mb4'" },
  { sql: 'CREATE TABLE bad1 (c VARCHAR(5) COLLATE utf8mb4_danish_ci)', error: 1273 },
  { sql: 'CREATE TABLE bad2 (c VARCHAR(5) CHARACTER SET klingon)', error: 1115, message: "Unknown character set: 'klingon'" },
  { sql: 'CREATE TABLE bad3 (c VARCHAR(5) CHARACTER SET latin1 COLLATE utf8mb4_bin)', error: 1253 },
  { sql: 'CREATE TABLE bad4 (c INT) COLLATE = utf8mb4_nosuch_ci', error: 1273 },
  { sql: 'CREATE DATABASE bad5 COLLATE utf8mb4_nosuch_ci', error: 1273 },
  { sql: 'CREATE DATABASE bad6 CHARACTER SET klingon', error: 1115 },
  // Defaults: the server's is utf8mb4_0900_ai_ci; a database's is inherited by its tables and their columns.
  { sql: 'SELECT @@collation_server, @@character_set_server, @@collation_database', rows: [['utf8mb4_0900_ai_ci', 'utf8mb4', 'utf8mb4_0900_ai_ci']] },
  { sql: 'CREATE DATABASE cdb DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci', affectedRows: 1 },
  { sql: 'SHOW CREATE DATABASE cdb', rows: [['cdb', "CREATE DATABASE `cdb` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */ /*!80016 DEFAULT ENCRYPTION='N' */"]] },
  { sql: 'USE cdb', affectedRows: 0 },
  { sql: 'SELECT @@collation_database, @@character_set_database', rows: [['utf8mb4_general_ci', 'utf8mb4']] },
  { sql: 'CREATE TABLE t1 (id INT PRIMARY KEY, name VARCHAR(10), code VARCHAR(10) COLLATE utf8mb4_bin, l VARCHAR(10) CHARACTER SET latin1, u VARCHAR(10) CHARACTER SET utf8mb3 COLLATE utf8mb3_bin)', affectedRows: 0 },
  { sql: 'SHOW CREATE TABLE t1', rows: [['t1', 'CREATE TABLE `t1` (\n  `id` int NOT NULL,\n  `name` varchar(10) DEFAULT NULL,\n  `code` varchar(10) COLLATE utf8mb4_bin DEFAULT NULL,\n  `l` varchar(10) CHARACTER SET latin1 DEFAULT NULL,\n  `u` varchar(10) CHARACTER SET utf8 COLLATE utf8_bin DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci']] },
  { sql: "SELECT COLUMN_NAME, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'cdb' AND TABLE_NAME = 't1' AND DATA_TYPE = 'varchar' ORDER BY ORDINAL_POSITION", rows: [['name', 'utf8mb4', 'utf8mb4_general_ci'], ['code', 'utf8mb4', 'utf8mb4_bin'], ['l', 'latin1', 'latin1_swedish_ci'], ['u', 'utf8', 'utf8_bin']] },
  { sql: "INSERT INTO t1 VALUES (1, 'Ärger', 'Ärger', 'Ärger', 'x'), (2, 'arger', 'arger', 'Aerger', 'y')", affectedRows: 2 },
  { sql: "SELECT id FROM t1 WHERE name = 'ARGER' ORDER BY id", rows: [['1'], ['2']] },
  { sql: "SELECT id FROM t1 WHERE code = 'ARGER' ORDER BY id", rows: [] },
  { sql: 'ALTER DATABASE cdb COLLATE utf8mb4_unicode_ci', affectedRows: 1 },
  { sql: 'SELECT @@collation_database', rows: [['utf8mb4_unicode_ci']] },
  { sql: 'CREATE TABLE t2 (s VARCHAR(5))', affectedRows: 0 },
  { sql: "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'cdb' ORDER BY TABLE_NAME", rows: [['t1', 'utf8mb4_general_ci'], ['t2', 'utf8mb4_unicode_ci']] },
  { sql: 'ALTER TABLE t2 CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_as_cs', affectedRows: 0 },
  { sql: 'SHOW CREATE TABLE t2', rows: [['t2', 'CREATE TABLE `t2` (\n  `s` varchar(5) DEFAULT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_as_cs']] },
  { sql: 'USE cases', affectedRows: 0 },
  { sql: 'SELECT @@collation_database', rows: [['utf8mb4_0900_ai_ci']] },
  // latin1_swedish_ci: Å, Ä = Æ and Ö after Z, Ü as Y, other accents ignored.
  { sql: 'CREATE TABLE l1 (id INT PRIMARY KEY, c VARCHAR(5) CHARACTER SET latin1)', affectedRows: 0 },
  { sql: "INSERT INTO l1 VALUES (1,'ü'),(2,'Y'),(3,'Ä'),(4,'Æ'),(5,'Å'),(6,'z'),(7,'Ö'),(8,'o'),(9,'é'),(10,'E')", affectedRows: 10 },
  { sql: "SELECT GROUP_CONCAT(c ORDER BY c, id SEPARATOR ',') FROM l1", rows: [['é,E,o,ü,Y,z,Å,Ä,Æ,Ö']] },
  { sql: 'SELECT COUNT(DISTINCT c) FROM l1', rows: [['7']] },
  // The collations that exist, with MySQL's ids; SET NAMES … COLLATE sets the literals' collation.
  { sql: "SELECT COLLATION_NAME, ID, IS_DEFAULT, PAD_ATTRIBUTE FROM information_schema.COLLATIONS WHERE COLLATION_NAME IN ('utf8mb4_0900_ai_ci', 'utf8mb4_0900_as_cs', 'utf8mb4_unicode_ci', 'utf8mb4_unicode_520_ci', 'utf8mb4_general_ci', 'utf8mb4_bin', 'latin1_swedish_ci', 'binary') ORDER BY ID", rows: [['latin1_swedish_ci', '8', 'Yes', 'PAD SPACE'], ['utf8mb4_general_ci', '45', '', 'PAD SPACE'], ['utf8mb4_bin', '46', '', 'PAD SPACE'], ['binary', '63', 'Yes', 'NO PAD'], ['utf8mb4_unicode_ci', '224', '', 'PAD SPACE'], ['utf8mb4_unicode_520_ci', '246', '', 'PAD SPACE'], ['utf8mb4_0900_ai_ci', '255', 'Yes', 'NO PAD'], ['utf8mb4_0900_as_cs', '278', '', 'NO PAD']] },
  { sql: "SELECT COUNT(*) FROM information_schema.COLLATION_CHARACTER_SET_APPLICABILITY WHERE CHARACTER_SET_NAME = 'utf8mb4'", rows: [['10']] },
  { sql: "SHOW COLLATION LIKE 'utf8mb4_0900%'", rows: [['utf8mb4_0900_ai_ci', 'utf8mb4', '255', 'Yes', 'Yes', '0', 'NO PAD'], ['utf8mb4_0900_as_ci', 'utf8mb4', '305', '', 'Yes', '0', 'NO PAD'], ['utf8mb4_0900_as_cs', 'utf8mb4', '278', '', 'Yes', '0', 'NO PAD'], ['utf8mb4_0900_bin', 'utf8mb4', '309', '', 'Yes', '1', 'NO PAD']] },
  { sql: 'SET NAMES utf8mb4 COLLATE utf8mb4_bin', affectedRows: 0 },
  { sql: "SELECT 'a' = 'A', @@collation_connection, COLLATION('a')", rows: [['0', 'utf8mb4_bin', 'utf8mb4_bin']] },
  { sql: 'SET NAMES utf8mb4', affectedRows: 0 },
  { sql: "SELECT 'a' = 'Á', @@collation_connection", rows: [['1', 'utf8mb4_0900_ai_ci']] },
  { sql: 'SET NAMES utf8mb4 COLLATE utf8mb4_klingon_ci', error: 1273 },
  { sql: 'SET NAMES latin1 COLLATE utf8mb4_bin', error: 1253 },
  { sql: 'SET collation_connection = 224', affectedRows: 0 },
  { sql: 'SELECT @@collation_connection', rows: [['utf8mb4_unicode_ci']] },
  // Language tailorings of UCA 4.0.0 (checked against MariaDB): Swedish å ä ö after z, ü as y; Esperanto ĉ after c
  { sql: "SELECT 'å' > 'zz' COLLATE utf8mb4_swedish_ci, 'ü' = 'y' COLLATE utf8mb4_swedish_ci, 'ä' = 'æ' COLLATE utf8mb4_swedish_ci, 'ö' > 'ä' COLLATE utf8mb4_swedish_ci", rows: [['1', '1', '1', '1']] },
  { sql: "SELECT 'ĉ' > 'cz' COLLATE utf8mb4_esperanto_ci, 'ĉ' < 'd' COLLATE utf8mb4_esperanto_ci, 'Ĉ' = 'ĉ' COLLATE utf8mb4_esperanto_ci, 'å' = 'a' COLLATE utf8mb4_esperanto_ci", rows: [['1', '1', '1', '1']] },
];
