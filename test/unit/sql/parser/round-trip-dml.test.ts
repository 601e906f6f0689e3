// Round trips for INSERT / REPLACE / UPDATE / DELETE.
import { roundTripSuite, type RoundTripCase } from './round-trip-cases.js';

const cases: RoundTripCase[] = [
  ['INSERT INTO t VALUES (1, 2)'],
  ['insert t values(1,2)', 'INSERT INTO t VALUES (1, 2)'],
  ['INSERT INTO t (a, b) VALUES (1, 2), (3, DEFAULT)'],
  ['INSERT INTO t (a) VALUE (1)', 'INSERT INTO t (a) VALUES (1)'],
  ['INSERT INTO t () VALUES ()'],
  ['INSERT INTO t VALUES ROW(1), ROW(2)', 'INSERT INTO t VALUES (1), (2)'],
  ['INSERT IGNORE INTO db.t (a) VALUES (?)'],
  ['INSERT LOW_PRIORITY INTO t SET a = 1, b = DEFAULT'],
  ['INSERT INTO t (a, b) SELECT x, y FROM u WHERE z = 1'],
  ['INSERT INTO t (SELECT * FROM u)', 'INSERT INTO t SELECT * FROM u'],
  ['INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = VALUES(a) + 1, b = 2'],
  ['INSERT INTO t (a) VALUES (1) AS new ON DUPLICATE KEY UPDATE a = new.a'],
  ['INSERT INTO t (t.a, b) VALUES (1, 2)', 'INSERT INTO t (a, b) VALUES (1, 2)'],
  ['REPLACE INTO t VALUES (1)'],
  ['REPLACE t SET a = 1', 'REPLACE INTO t SET a = 1'],
  ['UPDATE t SET a = a + 1'],
  ['UPDATE LOW_PRIORITY IGNORE t SET a = 1, t.b = 2 WHERE id = 3 ORDER BY id DESC LIMIT 1'],
  ['UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.a = t2.b WHERE t2.c > 0'],
  ['UPDATE t1, t2 SET t1.a = t2.a WHERE t1.id = t2.id'],
  // Multi-table UPDATE parses ORDER BY / LIMIT (the executor answers 1221, as MySQL does).
  ['UPDATE t1 JOIN t2 ON t1.id = t2.id SET t1.a = 1 ORDER BY t1.a LIMIT 2'],
  ['UPDATE t1, t2 SET t1.a = (SELECT MAX(b) FROM t3 WHERE t3.id = t1.id) WHERE t1.id IN (SELECT id FROM t4)'],
  ['DELETE FROM t WHERE a IN (SELECT a FROM (SELECT a FROM t) AS d)'],
  ['DELETE FROM x, y USING t1 AS x JOIN t2 AS y ON x.id = y.id', 'DELETE x, y FROM t1 AS x JOIN t2 AS y ON x.id = y.id'],
  ['DELETE FROM t'],
  ['DELETE FROM t WHERE a = 1 ORDER BY b LIMIT 10'],
  ['DELETE LOW_PRIORITY QUICK IGNORE FROM db.t WHERE a = 1'],
  ['DELETE FROM t AS x WHERE x.a = 1'],
  ['DELETE t1, t2 FROM t1 JOIN t2 ON t1.id = t2.id WHERE t1.a = 1'],
  [
    'DELETE t1.* FROM t1 LEFT JOIN t2 ON t1.id = t2.id WHERE t2.id IS NULL',
    'DELETE t1 FROM t1 LEFT JOIN t2 ON t1.id = t2.id WHERE t2.id IS NULL',
  ],
  ['DELETE FROM t1, t2 USING t1 JOIN t2 ON t1.id = t2.id', 'DELETE t1, t2 FROM t1 JOIN t2 ON t1.id = t2.id'],
];

roundTripSuite('dml', cases);
