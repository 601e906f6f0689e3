// MySQL 8's roles as data: CREATE/DROP ROLE, GRANT/REVOKE role, SET ROLE, default and mandatory roles, SHOW GRANTS,
// CURRENT_ROLE(), the grant tables and information_schema, and privilege checks through active roles. Expectations
// follow the MySQL 8.0 manual (https://dev.mysql.com/doc/refman/8.0/en/roles.html); MariaDB's roles differ in syntax.
import type { SqlCase } from './query-cases.js';

export const ROLE_SETUP = [
  'CREATE TABLE secret (id INT PRIMARY KEY, v VARCHAR(10))',
  "INSERT INTO secret VALUES (1, 'a'), (2, 'b')",
  'CREATE USER alice, bob, carol',
];

export const ROLE_CASES: readonly SqlCase[] = [
  { sql: 'CREATE ROLE app_read, app_write', affectedRows: 0 },
  { sql: 'CREATE ROLE app_read', error: 1396, message: "Operation CREATE ROLE failed for 'app_read'@'%'" },
  { sql: 'CREATE ROLE IF NOT EXISTS app_read', affectedRows: 0 },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '3163', "Authorization ID 'app_read'@'%' already exists."]] },
  { sql: "CREATE ROLE 'ops'@'localhost'", affectedRows: 0 },
  // A role is a locked account without a password
  { sql: "SELECT User, Host, account_locked, authentication_string FROM mysql.user WHERE User LIKE 'app%' ORDER BY User", rows: [['app_read', '%', 'Y', ''], ['app_write', '%', 'Y', '']] },
  { sql: 'GRANT SELECT ON cases.* TO app_read', affectedRows: 0 },
  { sql: 'GRANT INSERT ON cases.secret TO app_write', affectedRows: 0 },
  { sql: 'GRANT app_read TO alice', affectedRows: 0 },
  { sql: 'GRANT nosuch TO alice', error: 3523, message: 'Unknown authorization ID `nosuch`@`%`' },
  { sql: 'GRANT app_read TO nobody', error: 3523, message: 'Unknown authorization ID `nobody`@`%`' },
  { sql: 'GRANT app_write TO app_read', affectedRows: 0 },
  { sql: 'GRANT app_read TO app_write', error: 4027, message: 'User account `app_write`@`%` is directly or indirectly granted to the role `app_read`@`%`. The GRANT would create a loop' },
  { sql: 'GRANT app_read TO app_read', error: 4027 },
  { sql: 'SELECT FROM_USER, FROM_HOST, TO_USER, TO_HOST, WITH_ADMIN_OPTION FROM mysql.role_edges ORDER BY TO_USER', rows: [['app_read', '%', 'alice', '%', 'N'], ['app_write', '%', 'app_read', '%', 'N']] },
  { sql: 'SHOW GRANTS FOR alice', rows: [['GRANT USAGE ON *.* TO `alice`@`%`'], ['GRANT `app_read`@`%` TO `alice`@`%`']] },
  // USING merges in the privileges of the role and of the roles granted to it
  {
    sql: 'SHOW GRANTS FOR alice USING app_read',
    rows: [['GRANT USAGE ON *.* TO `alice`@`%`'], ['GRANT SELECT ON `cases`.* TO `alice`@`%`'], ['GRANT INSERT ON `cases`.`secret` TO `alice`@`%`'], ['GRANT `app_read`@`%` TO `alice`@`%`']],
  },
  { sql: 'SHOW GRANTS FOR alice USING app_write', error: 3530, message: '`app_write`@`%` is not granted to `alice`@`%`' },
  { sql: 'SHOW GRANTS FOR app_read', rows: [['GRANT USAGE ON *.* TO `app_read`@`%`'], ['GRANT SELECT ON `cases`.* TO `app_read`@`%`'], ['GRANT `app_write`@`%` TO `app_read`@`%`']] },
  // Granted roles do nothing until activated
  { as: 'alice', sql: 'SELECT CURRENT_ROLE()', rows: [['NONE']] },
  { as: 'alice', sql: 'SELECT v FROM cases.secret ORDER BY id', error: 1142 },
  { as: 'alice', sql: 'SET ROLE app_read', affectedRows: 0 },
  { as: 'alice', sql: 'SELECT CURRENT_ROLE()', rows: [['`app_read`@`%`']] },
  { as: 'alice', sql: 'SELECT v FROM cases.secret ORDER BY id', rows: [['a'], ['b']] },
  // app_write reaches alice through app_read
  { as: 'alice', sql: "INSERT INTO cases.secret VALUES (3, 'c')", affectedRows: 1 },
  { as: 'alice', sql: 'UPDATE cases.secret SET v = v', error: 1142 },
  { as: 'alice', sql: 'SHOW GRANTS', rows: [['GRANT USAGE ON *.* TO `alice`@`%`'], ['GRANT SELECT ON `cases`.* TO `alice`@`%`'], ['GRANT INSERT ON `cases`.`secret` TO `alice`@`%`'], ['GRANT `app_read`@`%` TO `alice`@`%`']] },
  { as: 'alice', sql: 'SELECT ROLE_NAME, ROLE_HOST, IS_DEFAULT, IS_MANDATORY FROM information_schema.ENABLED_ROLES ORDER BY ROLE_NAME', rows: [['app_read', '%', 'NO', 'NO'], ['app_write', '%', 'NO', 'NO']] },
  {
    as: 'alice',
    sql: 'SELECT USER, GRANTEE, ROLE_NAME, IS_GRANTABLE, IS_DEFAULT, IS_MANDATORY FROM information_schema.APPLICABLE_ROLES ORDER BY ROLE_NAME',
    rows: [['alice', 'alice', 'app_read', 'NO', 'NO', 'NO'], ['alice', 'app_read', 'app_write', 'NO', 'NO', 'NO']],
  },
  { as: 'alice', sql: 'SET ROLE app_write', error: 3530, message: '`app_write`@`%` is not granted to `alice`@`%`' },
  { as: 'alice', sql: 'SET ROLE NONE', affectedRows: 0 },
  { as: 'alice', sql: 'SELECT v FROM cases.secret ORDER BY id', error: 1142 },
  { as: 'alice', sql: 'SET ROLE ALL', affectedRows: 0 },
  { as: 'alice', sql: 'SELECT CURRENT_ROLE()', rows: [['`app_read`@`%`']] },
  { as: 'alice', sql: 'SET ROLE ALL EXCEPT app_read', affectedRows: 0 },
  { as: 'alice', sql: 'SELECT CURRENT_ROLE()', rows: [['NONE']] },
  { as: 'alice', sql: 'SET ROLE DEFAULT', affectedRows: 0 },
  { as: 'alice', sql: 'SELECT CURRENT_ROLE()', rows: [['NONE']] },
  // Default roles are active from the login on
  { sql: 'SET DEFAULT ROLE app_read TO alice', affectedRows: 0 },
  { sql: 'SET DEFAULT ROLE app_write TO alice', error: 3530, message: '`app_write`@`%` is not granted to `alice`@`%`' },
  { sql: 'SET DEFAULT ROLE app_read TO nobody', error: 3523 },
  { sql: 'SELECT HOST, USER, DEFAULT_ROLE_HOST, DEFAULT_ROLE_USER FROM mysql.default_roles', rows: [['%', 'alice', '%', 'app_read']] },
  { as: 'alice/2', sql: 'SELECT CURRENT_ROLE(), COUNT(*) FROM cases.secret', rows: [['`app_read`@`%`', '3']] },
  { as: 'alice/2', sql: "SELECT ROLE_NAME, IS_DEFAULT FROM information_schema.APPLICABLE_ROLES WHERE GRANTEE = 'alice'", rows: [['app_read', 'YES']] },
  { sql: 'ALTER USER alice DEFAULT ROLE NONE', affectedRows: 0 },
  { sql: 'SELECT COUNT(*) FROM mysql.default_roles', rows: [['0']] },
  { sql: 'ALTER USER alice DEFAULT ROLE ALL', affectedRows: 0 },
  { sql: 'SELECT DEFAULT_ROLE_USER FROM mysql.default_roles', rows: [['app_read']] },
  // One's own default roles need no privilege
  { as: 'alice', sql: 'SET DEFAULT ROLE NONE TO alice', affectedRows: 0 },
  { as: 'alice', sql: 'SET DEFAULT ROLE NONE TO bob', error: 1227 },
  // Mandatory roles: granted to everyone, activated like any other, never revoked or dropped
  { sql: "SET GLOBAL mandatory_roles = '`app_write`@`%`,ops@localhost'", affectedRows: 0 },
  { as: 'bob', sql: 'SELECT CURRENT_ROLE()', rows: [['NONE']] },
  { as: 'bob', sql: 'SET ROLE app_write', affectedRows: 0 },
  { as: 'bob', sql: "INSERT INTO cases.secret VALUES (4, 'd')", affectedRows: 1 },
  { as: 'bob', sql: 'SELECT ROLE_NAME, ROLE_HOST, IS_MANDATORY FROM information_schema.APPLICABLE_ROLES ORDER BY ROLE_NAME', rows: [['app_write', '%', 'YES'], ['ops', 'localhost', 'YES']] },
  { sql: 'DROP ROLE app_write', error: 3628, message: "The role `app_write`@`%` is a mandatory role and can't be revoked or dropped. The restriction can be lifted by excluding the role identifier from the global variable mandatory_roles." },
  { sql: 'REVOKE app_write FROM app_read', error: 3628 },
  { sql: 'SET GLOBAL activate_all_roles_on_login = ON', affectedRows: 0 },
  { as: 'bob/2', sql: 'SELECT CURRENT_ROLE()', rows: [['`app_write`@`%`,`ops`@`localhost`']] },
  { sql: 'SET GLOBAL activate_all_roles_on_login = OFF', affectedRows: 0 },
  { sql: "SET GLOBAL mandatory_roles = ''", affectedRows: 0 },
  // WITH ADMIN OPTION lets a grantee grant (and revoke) the role itself; others need ROLE_ADMIN
  { as: 'carol', sql: 'GRANT app_read TO bob', error: 1227 },
  { sql: 'GRANT app_read TO carol WITH ADMIN OPTION', affectedRows: 0 },
  { sql: 'SHOW GRANTS FOR carol', rows: [['GRANT USAGE ON *.* TO `carol`@`%`'], ['GRANT `app_read`@`%` TO `carol`@`%` WITH ADMIN OPTION']] },
  { as: 'carol', sql: 'GRANT app_read TO bob', affectedRows: 0 },
  { as: 'carol', sql: 'GRANT app_write TO bob', error: 1227 },
  { as: 'carol', sql: 'REVOKE app_read FROM bob', affectedRows: 0 },
  // REVOKE takes the role away, also from the default roles
  { sql: 'SET DEFAULT ROLE app_read TO alice', affectedRows: 0 },
  { sql: 'REVOKE app_read FROM alice', affectedRows: 0 },
  { sql: 'SHOW GRANTS FOR alice', rows: [['GRANT USAGE ON *.* TO `alice`@`%`']] },
  { sql: "SELECT COUNT(*) FROM mysql.default_roles WHERE USER = 'alice'", rows: [['0']] },
  { sql: 'REVOKE app_read FROM nobody', error: 3523 },
  // DROP ROLE removes the role's grants in both directions
  { sql: 'DROP ROLE app_read', affectedRows: 0 },
  { sql: 'DROP ROLE app_read', error: 1396, message: "Operation DROP ROLE failed for 'app_read'@'%'" },
  { sql: 'DROP ROLE IF EXISTS app_read', affectedRows: 0 },
  { sql: "SELECT COUNT(*) FROM mysql.role_edges WHERE FROM_USER = 'app_read' OR TO_USER = 'app_read'", rows: [['0']] },
  { sql: 'SHOW GRANTS FOR carol', rows: [['GRANT USAGE ON *.* TO `carol`@`%`']] },
  { as: 'carol', sql: 'CREATE ROLE r9', error: 1227, message: 'Access denied; you need (at least one of) the CREATE USER or CREATE ROLE privilege(s) for this operation' },
  { sql: 'SELECT CURRENT_ROLE()', rows: [['NONE']] },
];
