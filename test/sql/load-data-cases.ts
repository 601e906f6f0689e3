// LOAD DATA LOCAL behaviour as data: a table, the file the client sends, the statement, then the rows and warnings
// expected. Results checked against MariaDB 10.11 (where it agrees with the MySQL 8.0 manual); where they differ it
// says so.

export interface LoadDataCase {
  readonly name: string;
  /** CREATE TABLE of table `t`. */
  readonly table: string;
  /** The file's bytes (text is sent as UTF-8). */
  readonly file: string | Buffer;
  /** The statement; it reads the file named 'data.txt' (the client's stream factory hands over `file`). */
  readonly load: string;
  /** `SELECT … FROM t ORDER BY 1`'s rows, as strings (NULL as null). */
  readonly rows: readonly (readonly (string | null)[])[];
  readonly select?: string;
  /** Warning codes in SHOW WARNINGS order, when it matters. */
  readonly warnings?: readonly number[];
  /** The OK packet's info text. */
  readonly info?: string;
}

const INTO = "LOAD DATA LOCAL INFILE 'data.txt'";

export const LOAD_DATA_CASES: readonly LoadDataCase[] = [
  {
    name: 'CHARACTER SET latin1 reads the bytes as cp1252, whatever the connection sends',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))',
    file: Buffer.from('1\tcaf\xe9\n2\t\x80uro\n', 'latin1'),
    load: `${INTO} INTO TABLE t CHARACTER SET latin1`,
    rows: [['1', 'café'], ['2', '€uro']],
    select: 'SELECT id, v FROM t ORDER BY id',
  },
  {
    name: 'without CHARACTER SET the file is read in the database\'s character set (utf8mb4 here)',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))',
    file: '1\tcafé €\n',
    load: `${INTO} INTO TABLE t`,
    rows: [['1', 'café €']],
  },
  {
    name: 'the defaults: tab-separated fields, newline-terminated lines, \\N for NULL, backslash escapes',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))',
    file: '1\tone\n2\t\\N\n3\ttab\\there\n4\tback\\\\slash\n',
    load: `${INTO} INTO TABLE t`,
    rows: [['1', 'one'], ['2', null], ['3', 'tab\there'], ['4', 'back\\slash']],
    info: 'Records: 4  Deleted: 0  Skipped: 0  Warnings: 0',
  },
  {
    name: 'a last line without its terminator is still read',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))',
    file: '1\ta\n2\tb',
    load: `${INTO} INTO TABLE t`,
    rows: [['1', 'a'], ['2', 'b']],
  },
  {
    name: 'CSV: OPTIONALLY ENCLOSED, doubled and escaped quotes, separators inside quotes, IGNORE 1 LINES',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20), note VARCHAR(20))',
    file: 'id,name,note\n1,"Smith, J","say ""hi"""\n2,"esc\\"aped",plain\n3,"",NULL\n',
    load: `${INTO} INTO TABLE t FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n' IGNORE 1 LINES`,
    rows: [['1', 'Smith, J', 'say "hi"'], ['2', 'esc"aped', 'plain'], ['3', '', null]],
  },
  {
    name: 'CRLF lines and a multi-character field terminator',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))',
    file: '1||a\r\n2||b\r\n',
    load: `${INTO} INTO TABLE t FIELDS TERMINATED BY '||' LINES TERMINATED BY '\\r\\n'`,
    rows: [['1', 'a'], ['2', 'b']],
  },
  {
    name: 'LINES STARTING BY skips the text before the prefix and lines without it',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))',
    file: 'xxx>1,a\nno prefix here\n>2,b\n',
    load: `${INTO} INTO TABLE t FIELDS TERMINATED BY ',' LINES STARTING BY '>'`,
    rows: [['1', 'a'], ['2', 'b']],
  },
  {
    name: 'a column list with user variables and SET col = expr over them; @var keeps the last row',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, price DECIMAL(6,2), total DECIMAL(8,2), tag VARCHAR(10))',
    file: '1,2.50,x\n2,4.00,y\n',
    load: `${INTO} INTO TABLE t FIELDS TERMINATED BY ',' (id, @p, @skip) SET price = @p, total = @p * 2, tag = UPPER(@skip)`,
    rows: [['1', '2.50', '5.00', 'X'], ['2', '4.00', '8.00', 'Y']],
    select: 'SELECT id, price, total, tag FROM t ORDER BY 1',
  },
  {
    // MariaDB stores '' in the missing VARCHAR; the MySQL 8.0 manual says missing columns take their defaults.
    name: 'too few fields (1261 per missing column, which takes its default), too many (1262), a bad number (1366)',
    table: "CREATE TABLE t (id INT PRIMARY KEY, n INT, v VARCHAR(10) DEFAULT 'dflt')",
    file: '1,5,a\n2\n3,7,c,extra\n4,abc,d\n',
    load: `${INTO} INTO TABLE t FIELDS TERMINATED BY ','`,
    rows: [['1', '5', 'a'], ['2', null, 'dflt'], ['3', '7', 'c'], ['4', '0', 'd']],
    warnings: [1261, 1261, 1262, 1366],
    info: 'Records: 4  Deleted: 0  Skipped: 0  Warnings: 4',
  },
  {
    name: 'LOCAL implies IGNORE: duplicate keys are skipped with warnings',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))',
    file: '1,a\n1,b\n2,c\n',
    load: `${INTO} INTO TABLE t FIELDS TERMINATED BY ','`,
    rows: [['1', 'a'], ['2', 'c']],
    warnings: [1062],
    info: 'Records: 3  Deleted: 0  Skipped: 1  Warnings: 1',
  },
  {
    name: 'REPLACE replaces the duplicates and counts them as deleted',
    table: 'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))',
    file: '1,a\n1,b\n2,c\n',
    load: `${INTO} REPLACE INTO TABLE t FIELDS TERMINATED BY ','`,
    rows: [['1', 'b'], ['2', 'c']],
    info: 'Records: 3  Deleted: 1  Skipped: 0  Warnings: 0',
  },
  {
    name: 'AUTO_INCREMENT columns left out of the column list are numbered',
    table: 'CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10))',
    file: 'a\nb\nc\n',
    load: `${INTO} INTO TABLE t (v)`,
    rows: [['1', 'a'], ['2', 'b'], ['3', 'c']],
  },
  {
    name: 'an empty file loads nothing',
    table: 'CREATE TABLE t (id INT PRIMARY KEY)',
    file: '',
    load: `${INTO} INTO TABLE t`,
    rows: [],
    info: 'Records: 0  Deleted: 0  Skipped: 0  Warnings: 0',
  },
];
