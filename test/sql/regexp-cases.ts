// MySQL 8.0's regular expressions (ICU semantics) as data: REGEXP/RLIKE, REGEXP_LIKE, REGEXP_INSTR, REGEXP_SUBSTR,
// REGEXP_REPLACE, match_type flags, collations, code-point positions, ICU syntax and ICU's errors.
// MariaDB uses PCRE, so expectations come from the MySQL 8.0 manual and MySQL's own regular_expressions_func test.
// Case sensitivity comes from named collations, match_type, or the utf8mb4_bin connection collation SETUP pins.
import type { SqlCase } from './query-cases.js';

/** The schema and data every case runs against. */
export const REGEXP_SETUP = [
  // Literals take the connection's collation: pinned, so that cases without a COLLATE are case-sensitive whatever
  // the server's default collation is.
  'SET NAMES utf8mb4 COLLATE utf8mb4_bin',
  'CREATE TABLE rx (id INT PRIMARY KEY, ci VARCHAR(20) COLLATE utf8mb4_general_ci, cs VARCHAR(20) COLLATE utf8mb4_bin, b VARBINARY(20))',
  "INSERT INTO rx VALUES (1, 'Apple', 'Apple', X'0102'), (2, 'banana', 'banana', X'FF'), (3, NULL, NULL, NULL), (4, 'cherry pie', 'cherry pie', X'01')",
  'CREATE TABLE pats (id INT PRIMARY KEY, s VARCHAR(20) COLLATE utf8mb4_bin, p VARCHAR(20) COLLATE utf8mb4_bin, m VARCHAR(5))',
  "INSERT INTO pats VALUES (1, 'abc', '^a', 'c'), (2, 'abc', 'B', 'i'), (3, 'abc', 'B', 'c'), (4, 'abc', NULL, 'c'), (5, 'a1b2', '[0-9]', NULL)",
];

export const REGEXP_CASES: readonly SqlCase[] = [
  // The operators.
  { sql: "SELECT 'abc' REGEXP 'b', 'abc' NOT REGEXP 'b', 'abc' RLIKE '^a', 'abc' NOT RLIKE 'x$', NULL REGEXP 'a', 'a' REGEXP NULL, 1 REGEXP '1', 1.5 REGEXP '\\\\.'", rows: [['1', '0', '1', '1', null, null, '1', '1']] },
  // Case sensitivity follows the collation of the arguments; match_type c/i overrides it, the last letter winning.
  { sql: "SELECT 'ABC' REGEXP 'b' COLLATE utf8mb4_general_ci, 'ABC' REGEXP 'b' COLLATE utf8mb4_bin, REGEXP_LIKE('ABC', 'b', 'i'), REGEXP_LIKE('ABC' COLLATE utf8mb4_general_ci, 'b', 'c'), REGEXP_LIKE('abc', 'B', 'ci'), REGEXP_LIKE('abc', 'B', 'ic')", rows: [['1', '0', '1', '0', '1', '0']] },
  { sql: "SELECT id FROM rx WHERE ci REGEXP '^a' ORDER BY id", rows: [['1']] },
  { sql: "SELECT id FROM rx WHERE cs REGEXP '^a' ORDER BY id", rows: [] },
  { sql: "SELECT id FROM rx WHERE cs NOT REGEXP 'an' ORDER BY id", rows: [['1'], ['4']] },
  { sql: 'SELECT id, REGEXP_LIKE(s, p, m), s REGEXP p FROM pats ORDER BY id', rows: [['1', '1', '1'], ['2', '1', '0'], ['3', '0', '0'], ['4', null, null], ['5', null, '1']] },
  // REGEXP_INSTR(expr, pat[, pos[, occurrence[, return_option[, match_type]]]]).
  { sql: "SELECT REGEXP_INSTR('abc', 'a'), REGEXP_INSTR('abc', 'c'), REGEXP_INSTR('abc', 'd'), REGEXP_INSTR(NULL, 'a'), REGEXP_INSTR('a', NULL)", rows: [['1', '3', '0', null, null]] },
  { sql: "SELECT REGEXP_INSTR('abcabcabc', 'a+', 1), REGEXP_INSTR('abcabcabc', 'a+', 2), REGEXP_INSTR('abcabcabc', 'b+', 2), REGEXP_INSTR('abcabcabc', 'b+', 3)", rows: [['1', '4', '2', '5']] },
  { sql: "SELECT REGEXP_INSTR('abcabcabc', 'a+', 1, 2), REGEXP_INSTR('abcabcabc', 'a+', 1, 3), REGEXP_INSTR('abcabcabc', 'a+', 1, 4), REGEXP_INSTR('abcabcabc', 'a+', 4, 2)", rows: [['4', '7', '0', '7']] },
  { sql: "SELECT REGEXP_INSTR('abcabcabc', 'a+', 1, 1, 0), REGEXP_INSTR('abcabcabc', 'a+', 1, 1, 1), REGEXP_INSTR('aaabcabcabc', 'a+', 1, 1, 1), REGEXP_INSTR('aaabcabcabc', 'A+', 1, 1, 1, 'i'), REGEXP_INSTR('aaabcabcabc', 'A+', 1, 1, 1, 'cic')", rows: [['1', '2', '4', '4', '0']] },
  { sql: "SELECT REGEXP_INSTR('a', 'a', NULL), REGEXP_INSTR('a', 'a', 1, NULL), REGEXP_INSTR('a', 'a', 1, 1, NULL), REGEXP_INSTR('a', 'a', 1, 1, 0, NULL)", rows: [[null, null, null, null]] },
  { sql: "SELECT REGEXP_INSTR('a', 'a+', 3)", error: 3686 },
  { sql: "SELECT REGEXP_INSTR('a', 'a+', 1, 1, 2)", error: 1210 },
  { sql: "SELECT REGEXP_INSTR('a', 'a+', 1, 1, -1)", error: 1210 },
  { sql: "SELECT REGEXP_INSTR('a', 'a+', 1, 1, 1, 'x')", error: 1210 },
  { sql: "SELECT REGEXP_LIKE('a', 'a+', 'cmnux')", error: 1210 },
  // REGEXP_SUBSTR(expr, pat[, pos[, occurrence[, match_type]]]).
  { sql: "SELECT REGEXP_SUBSTR('ab ac ad', '.d'), REGEXP_SUBSTR('ab ac ad', 'a.', 3), REGEXP_SUBSTR('ab ac ad', 'A.', 3, 2, 'i'), REGEXP_SUBSTR('ab ac ad', 'a.', 3, 3), REGEXP_SUBSTR('ab ac ad', 'x')", rows: [['ad', 'ac', 'ad', null, null]] },
  { sql: "SELECT REGEXP_SUBSTR('ab ac ad', 'a.', 0)", error: 1583 },
  { sql: "SELECT REGEXP_SUBSTR('a')", error: 1582 },
  { sql: "SELECT REGEXP_SUBSTR('a', 'b', 1, 1, 'c', 'd')", error: 1582 },
  // REGEXP_REPLACE(expr, pat, repl[, pos[, occurrence[, match_type]]]): occurrence 0 replaces all.
  { sql: "SELECT REGEXP_REPLACE('aaa', 'a', 'X'), REGEXP_REPLACE('abc', 'b', 'X'), REGEXP_REPLACE(NULL, 'a', 'X'), REGEXP_REPLACE('aaa', NULL, 'X'), REGEXP_REPLACE('aaa', 'a', NULL)", rows: [['XXX', 'aXc', null, null, null]] },
  { sql: "SELECT REGEXP_REPLACE('aaa', 'a', 'X', 2), REGEXP_REPLACE('aaa', 'a', 'XX', 2), REGEXP_REPLACE('abcbdb', 'b', 'X', 3), REGEXP_REPLACE('aaabcbdb', 'b', 'X', 3)", rows: [['aXX', 'aXXXX', 'abcXdX', 'aaaXcXdX']] },
  { sql: "SELECT REGEXP_REPLACE('aaabbccbbddaa', 'b+', 'X', 1, 1), REGEXP_REPLACE('aaabbccbbddaa', 'b+', 'X', 1, 2), REGEXP_REPLACE('aaabbccbbddaa', '(b+)', '<$1>', 1, 2), REGEXP_REPLACE('aaabbccbbddaa', 'b+', 'x', 1, 0), REGEXP_REPLACE('aaab', 'b', 'x', 1, 2)", rows: [['aaaXccbbddaa', 'aaabbccXddaa', 'aaabbcc<bb>ddaa', 'aaaxccxddaa', 'aaab']] },
  { sql: "SELECT REGEXP_REPLACE('a a a', '^([[:alpha:]]+)[[:space:]].*$', '$1'), REGEXP_REPLACE('abc', '(?<mid>b)', '[${mid}]'), REGEXP_REPLACE('a.b', '\\\\.', '\\\\$'), REGEXP_REPLACE('abc', '', '-')", rows: [['a', 'a[b]c', 'a$b', '-a-b-c-']] },
  { sql: "SELECT REGEXP_REPLACE('aaa', 'a', 'X', 0)", error: 1583 },
  { sql: "SELECT REGEXP_REPLACE('a', 'a+', 'b', 3)", error: 3686 },
  { sql: "SELECT REGEXP_REPLACE('abc', 'abc', '$abc')", error: 3887 },
  { sql: "SELECT REGEXP_REPLACE('abc', '(b)', '$2')", error: 3686 },
  { sql: 'CREATE TABLE words (id INT PRIMARY KEY, w VARCHAR(20))', affectedRows: 0 },
  { sql: "INSERT INTO words VALUES (1, 'a a a'), (2, 'b b b'), (3, 'c c c')", affectedRows: 3 },
  { sql: "UPDATE words SET w = REGEXP_REPLACE(w, '^([[:alpha:]]+)[[:space:]].*$', '$1') WHERE id < 3", affectedRows: 2 },
  { sql: 'SELECT w FROM words ORDER BY id', rows: [['a'], ['b'], ['c c c']] },
  // Positions count characters (code points), not bytes or UTF-16 units.
  { sql: "SELECT REGEXP_INSTR('🍣🍣a', '🍣', 2), REGEXP_INSTR('🍣🍣a', 'a', 3), REGEXP_SUBSTR('a🍣b', '.', 2), REGEXP_SUBSTR('a🍣🍣b', '.', 4), REGEXP_REPLACE('🍣🍣🍣', '.', 'a', 2), REGEXP_REPLACE('🍣🍣🍣', '.', 'a', 2, 2)", rows: [['2', '3', '🍣', 'b', '🍣aa', '🍣🍣a']] },
  { sql: "SELECT REGEXP_INSTR('🍣🍣a', 'a', 4)", error: 3686 },
  { sql: "SELECT REGEXP_INSTR('aöb', 'ö'), REGEXP_INSTR('אב רק', '^[^ב]'), CHAR_LENGTH(REGEXP_SUBSTR('日本語テキスト', '\\\\p{Katakana}+'))", rows: [['2', '1', '4']] },
  // Lines: ^ and $ see the whole subject unless m; $ also matches before a final line terminator; . stops at line
  // terminators (CR, LF, NEL, LS, PS, …) unless n; u makes LF the only terminator.
  { sql: "SELECT REGEXP_LIKE('a\\nb\\nc', '^b$'), REGEXP_LIKE('a\\nb\\nc', '(?m)^b$'), REGEXP_LIKE('a\\nb\\nc', '^b$', 'm'), REGEXP_LIKE('fo\\no', '^fo$'), REGEXP_LIKE('fo\\n', '^fo$'), REGEXP_LIKE('fofo', '^f.*$')", rows: [['0', '1', '1', '0', '1', '1']] },
  { sql: "SELECT REGEXP_LIKE('fo\\r\\nfo', '^f.*$'), REGEXP_LIKE('fo\\r\\nfo', '^f.*$', 'm'), REGEXP_LIKE('fo\\r\\nfo', '^f.*$', 'n'), REGEXP_LIKE('a\\rb', 'a.b'), REGEXP_LIKE('a\\rb', 'a.b', 'u'), REGEXP_LIKE('a\\nb', 'a.b', 'u')", rows: [['0', '1', '1', '0', '1', '0']] },
  // ICU syntax: Unicode \w and \b, POSIX classes, properties with loose names, sets with && and --, quantifiers.
  { sql: "SELECT 'café' REGEXP 'caf\\\\b', 'café' REGEXP 'caf\\\\w', 'straße' REGEXP '^[[:alpha:]]+$', 'x1' REGEXP '[[:digit:]]', 'a b' REGEXP '^[[:alnum:][:space:]]+$', 'ab' REGEXP '[[:punct:]]'", rows: [['0', '1', '1', '1', '1', '0']] },
  { sql: "SELECT 'αβγ' REGEXP '^\\\\p{Greek}+$', 'αβγ' REGEXP '\\\\p{script=greek}', 'A' REGEXP '\\\\p{Lowercase_letter}', 'a' REGEXP '\\\\p{lowercase letter}', 'a' REGEXP '\\\\P{Lu}', '٣' REGEXP '^\\\\d$', '\\t' REGEXP '\\\\s'", rows: [['1', '1', '0', '1', '1', '1', '1']] },
  { sql: "SELECT 'e' REGEXP '[a-z&&[aeiou]]', 'b' REGEXP '[a-z&&[aeiou]]', 'b' REGEXP '[[a-z]--[aeiou]]', 'e' REGEXP '[[a-z]--[aeiou]]', ']' REGEXP '[]a]', '-' REGEXP '[a-]'", rows: [['1', '0', '1', '0', '1', '1']] },
  { sql: "SELECT REGEXP_SUBSTR('aaab', 'a++b'), REGEXP_SUBSTR('aaa', 'a++a'), REGEXP_SUBSTR('aaa', '(?>a+)a'), REGEXP_SUBSTR('abab', '(ab)\\\\1'), REGEXP_SUBSTR('xyzzy', 'z{2}'), REGEXP_SUBSTR('aaaa', 'a{2,3}?'), REGEXP_SUBSTR('a+b', 'a\\\\+b'), REGEXP_SUBSTR('a.b', '\\\\Q.\\\\E')", rows: [['aaab', null, null, 'abab', 'zz', 'aa', 'a+b', '.']] },
  { sql: "SELECT REGEXP_LIKE('Ab', '(?i)ab'), REGEXP_LIKE('Ab', 'a(?i)b'), REGEXP_LIKE('aB', 'a(?i:b)'), REGEXP_LIKE('AB', 'a(?i:b)'), REGEXP_LIKE('abc', '(?x) a b c # comment'), REGEXP_LIKE('a\\nb', '(?s)a.b')", rows: [['1', '0', '1', '0', '1', '1']] },
  { sql: "SELECT REGEXP_LIKE('x', '\\\\x{78}'), REGEXP_LIKE('x', '\\\\u0078'), REGEXP_LIKE('x', '\\\\0170'), REGEXP_LIKE('\\t', '\\\\t'), REGEXP_LIKE('a#b', 'a\\\\#b')", rows: [['1', '1', '1', '1', '1']] },
  { sql: "SELECT REGEXP_INSTR('', 'a', 1), REGEXP_INSTR('abc', 'c', 3), REGEXP_SUBSTR('abc', '$', 3)", rows: [['0', '3', '']] },
  { sql: "SELECT REGEXP_INSTR('abc', 'c', 4)", error: 3686 },
  // Patterns ICU refuses, with MySQL's errors.
  { sql: "SELECT REGEXP_LIKE('a', '[[:invalid_bracket_expression:]]')", error: 3685 },
  { sql: "SELECT REGEXP_LIKE('a', '[[:<:]]a')", error: 3685 },
  { sql: "SELECT REGEXP_LIKE('a', '\\\\p{NoSuchProperty}')", error: 3685 },
  { sql: "SELECT REGEXP_LIKE('a', '   **')", error: 3688 },
  { sql: "SELECT REGEXP_SUBSTR('aaa', '+')", error: 3688 },
  { sql: "SELECT REGEXP_LIKE('a', '\\\\')", error: 3689 },
  { sql: "SELECT REGEXP_LIKE('a', '\\\\y')", error: 3689 },
  { sql: "SELECT REGEXP_LIKE('a', '(?{})')", error: 3690 },
  { sql: "SELECT REGEXP_LIKE('a', '(')", error: 3691 },
  { sql: "SELECT REGEXP_LIKE('a', 'a)')", error: 3691 },
  { sql: "SELECT REGEXP_LIKE('a', 'a{}')", error: 3692 },
  { sql: "SELECT REGEXP_LIKE('a', 'a{2,1}')", error: 3693 },
  { sql: "SELECT REGEXP_LIKE('a', '\\\\1')", error: 3694 },
  { sql: "SELECT REGEXP_SUBSTR('ab', '(?<=a+)b')", error: 3695 },
  { sql: "SELECT REGEXP_LIKE('a', 'a[')", error: 3696 },
  { sql: "SELECT REGEXP_SUBSTR('ab', '[b-a]')", error: 3697 },
  { sql: "SELECT REGEXP_REPLACE(' F', '^ ', '[,$')", error: 3887 },
  { sql: "SELECT REGEXP_INSTR('abc', '(?-')", error: 3900 },
  { sql: "SELECT REGEXP_LIKE(0, '^{18446744073709551616')", error: 4007 },
  // A constant bad pattern fails the statement even when no row is read.
  { sql: "SELECT id FROM rx WHERE id > 100 AND cs REGEXP '('", error: 3691 },
  // Binary strings match byte by byte and stay binary; mixed with a character string they are 3995.
  { sql: "SELECT HEX(REGEXP_REPLACE(X'01', X'01', X'02')), HEX(REGEXP_SUBSTR(X'FFFF', X'FFFF')), REGEXP_INSTR(X'0102', X'02')", rows: [['02', 'FFFF', '2']] },
  { sql: "SELECT id FROM rx WHERE b REGEXP X'01' ORDER BY id", rows: [['1'], ['4']] },
  { sql: "SELECT REGEXP_LIKE('1', X'01')", error: 3995 },
  { sql: "SELECT REGEXP_LIKE(cs, X'01') FROM rx", error: 3995 },
  // Backtracking is bounded by regexp_time_limit: a catastrophic pattern ends with 3699 instead of running forever.
  { sql: "SELECT REGEXP_INSTR('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAC', '(A+)+B')", error: 3699 },
  { sql: "SELECT REGEXP_INSTR('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac', '(a|aa)+b')", error: 3699 },
  { sql: "SELECT REGEXP_INSTR('AAAAAAAAAAAAAAAAAAAAAAB', '(A+)+B'), REGEXP_LIKE('adminuseradmin42@example.com', '^(user|admin)+[0-9]+@example\\\\.com$'), @@global.regexp_time_limit", rows: [['1', '1', '32']] },
];
