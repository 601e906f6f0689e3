// Round trips of role statements: CREATE/DROP ROLE, GRANT/REVOKE role, SET ROLE, SET DEFAULT ROLE, ALTER USER … DEFAULT ROLE.
import { roundTripSuite, type RoundTripCase } from './round-trip-cases.js';

const cases: readonly RoundTripCase[] = [
  ["CREATE ROLE 'r'"],
  ["create role if not exists r1, 'r2'@'localhost'", "CREATE ROLE IF NOT EXISTS 'r1', 'r2'@'localhost'"],
  ["DROP ROLE IF EXISTS 'r1', 'r2'@'%'"],
  ["GRANT 'r1', 'r2' TO 'u'@'%' WITH ADMIN OPTION"],
  ['GRANT r1 TO u', "GRANT 'r1' TO 'u'"],
  ["REVOKE 'r1' FROM 'u'@'%', 'v'"],
  ['REVOKE ALL, GRANT OPTION FROM u', "REVOKE ALL, GRANT OPTION FROM 'u'"],
  ['SET ROLE DEFAULT'],
  ['SET ROLE NONE'],
  ['SET ROLE ALL'],
  ["SET ROLE ALL EXCEPT 'r1', 'r2'@'localhost'"],
  ["SET ROLE 'r1', 'r2'"],
  ["SET DEFAULT ROLE ALL TO 'u'@'%', 'v'"],
  ["SET DEFAULT ROLE 'r1' TO 'u'"],
  ["ALTER USER 'u'@'%' DEFAULT ROLE NONE"],
  ["alter user u@localhost default role r1, r2", "ALTER USER 'u'@'localhost' DEFAULT ROLE 'r1', 'r2'"],
  ["ALTER USER CURRENT_USER DEFAULT ROLE ALL"],
  ["SHOW GRANTS FOR 'u'@'%' USING 'r1', 'r2'"],
  ['SET role = 1'],
];

roundTripSuite('role', cases);
