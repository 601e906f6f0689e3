// Round trips for LOAD DATA [LOCAL] INFILE, and its syntax errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSql } from '../../../../src/sql/parser/index.js';
import { roundTripSuite, type RoundTripCase } from './round-trip-cases.js';

const cases: RoundTripCase[] = [
  ["LOAD DATA INFILE 'a.txt' INTO TABLE t"],
  ["load data local infile 'a.csv' into table db.t", "LOAD DATA LOCAL INFILE 'a.csv' INTO TABLE db.t"],
  ["LOAD DATA LOW_PRIORITY LOCAL INFILE 'f' REPLACE INTO TABLE t CHARACTER SET utf8mb4"],
  [
    "LOAD DATA LOCAL INFILE 'f' IGNORE INTO TABLE t COLUMNS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY '\\\\' LINES STARTING BY '>' TERMINATED BY '\\r\\n' IGNORE 1 ROWS",
    "LOAD DATA LOCAL INFILE 'f' IGNORE INTO TABLE t FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY '\\\\' LINES STARTING BY '>' TERMINATED BY '\\r\\n' IGNORE 1 LINES",
  ],
  ["LOAD DATA INFILE 'f' INTO TABLE t FIELDS ENCLOSED BY '''' (a, @b, t.c) SET d = @b * 2, e = DEFAULT", "LOAD DATA INFILE 'f' INTO TABLE t FIELDS ENCLOSED BY '''' (a, @b, c) SET d = @b * 2, e = DEFAULT"],
  ["LOAD DATA INFILE 'f' INTO TABLE t PARTITION (p0, p1) ()"],
];

roundTripSuite('load data', cases);

test('load data: incomplete clauses are syntax errors (1064)', () => {
  for (const sql of ["LOAD DATA INFILE 'f' TABLE t", "LOAD DATA INFILE 'f' INTO TABLE t FIELDS", "LOAD DATA INFILE 'f' INTO TABLE t IGNORE 2", 'LOAD DATA INFILE f INTO TABLE t']) {
    assert.throws(() => parseSql(sql), (error: { code?: number }) => error.code === 1064, sql);
  }
});
