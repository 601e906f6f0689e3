// Round trips of account statements: CREATE/ALTER/DROP/RENAME USER, SET PASSWORD, GRANT, REVOKE.
import { roundTripSuite, type RoundTripCase } from './round-trip-cases.js';

const cases: readonly RoundTripCase[] = [
  ["CREATE USER 'u'@'%'"],
  ["create user if not exists u@localhost identified by 'pw'", "CREATE USER IF NOT EXISTS 'u'@'localhost' IDENTIFIED BY 'pw'"],
  ["CREATE USER 'a'@'%' IDENTIFIED WITH mysql_native_password BY 'x', 'b' IDENTIFIED WITH caching_sha2_password AS ''"],
  ["CREATE USER 'u'@'%' REQUIRE SSL ACCOUNT LOCK FAILED_LOGIN_ATTEMPTS 3 PASSWORD_LOCK_TIME UNBOUNDED"],
  ["CREATE USER 'u' REQUIRE SUBJECT '/CN=x' ISSUER '/CN=ca'", "CREATE USER 'u' REQUIRE ISSUER '/CN=ca' AND SUBJECT '/CN=x'"],
  ["ALTER USER 'u'@'%' REQUIRE CIPHER 'TLS_AES_256_GCM_SHA384' AND SAN 'DNS:x'"],
  ["ALTER USER IF EXISTS 'u'@'%' IDENTIFIED BY 'p' ACCOUNT UNLOCK PASSWORD_LOCK_TIME 2"],
  ['ALTER USER CURRENT_USER() IDENTIFIED BY \'p\'', "ALTER USER CURRENT_USER IDENTIFIED BY 'p'"],
  ["DROP USER IF EXISTS 'a'@'%', 'b'@'localhost'"],
  ["RENAME USER 'a'@'%' TO 'b'@'%', 'c' TO 'd'"],
  ["SET PASSWORD = 'x'"],
  ["SET PASSWORD FOR 'u'@'%' = 'x'"],
  ['GRANT ALL PRIVILEGES ON *.* TO u WITH GRANT OPTION', "GRANT ALL ON *.* TO 'u' WITH GRANT OPTION"],
  ["GRANT SELECT, INSERT, CREATE VIEW, SHOW DATABASES ON db.* TO 'u'@'%'"],
  ["GRANT SELECT ON TABLE db.t TO 'u'@'%', 'v'@'%'", "GRANT SELECT ON db.t TO 'u'@'%', 'v'@'%'"],
  ["GRANT USAGE ON * TO 'u'"],
  ["REVOKE UPDATE ON t FROM 'u'@'%'"],
  ["REVOKE ALL, GRANT OPTION FROM 'u'@'%'"],
];

roundTripSuite('account', cases);
