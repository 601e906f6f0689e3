// SessionVariables: reads by scope, DEFAULT, session/global separation, aliases, charsets, SHOW and hot getters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VALUE, SessionVariables } from '../../../../src/session/variables/index.js';
import type { VariableChange } from '../../../../src/session/variables/index.js';
import { makeSession, mysqlErr } from './variables-fixture.js';

void describe('reading variables', () => {
  void it('returns SELECT forms: booleans as 1n/0n, integers as bigint, strings as strings', () => {
    const { session } = makeSession();
    assert.equal(session.get('autocommit'), 1n);
    assert.equal(session.getForShow('autocommit'), 'ON');
    assert.equal(session.get('max_allowed_packet'), 67108864n);
    assert.equal(
      session.get('sql_mode'),
      'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION',
    );
    assert.equal(session.get('AutoCommit'), 1n, 'names ignore case');
    assert.equal(session.get('version'), '8.0.11-TidalDB-0.1.0');
    assert.equal(session.get('port'), 4000n);
    assert.equal(session.get('lower_case_table_names'), 2n);
    assert.equal(session.get('collation_connection'), 'utf8mb4_0900_ai_ci');
  });

  void it('refuses @@session of a GLOBAL-only and @@global of a SESSION-only variable with 1238', () => {
    const { session } = makeSession();
    assert.throws(() => session.get('version', 'session'), mysqlErr(1238, "Variable 'version' is a GLOBAL variable"));
    assert.throws(
      () => session.get('timestamp', 'global'),
      mysqlErr(1238, "Variable 'timestamp' is a SESSION variable"),
    );
    assert.equal(session.get('version'), '8.0.11-TidalDB-0.1.0', 'unqualified reads of a GLOBAL-only variable work');
  });

  void it('reads warning_count and error_count from the session, and timestamp from its clock', () => {
    const { session, setWarningCount } = makeSession();
    setWarningCount(3);
    assert.equal(session.get('warning_count'), 3n);
    assert.equal(session.get('error_count'), 0n);
    assert.equal(session.get('timestamp'), 1700000000.25);
  });
});

void describe('scopes', () => {
  void it('keeps SET SESSION to the session and SET GLOBAL to new sessions', () => {
    const { globals, session } = makeSession();
    session.set('wait_timeout', 100n);
    assert.equal(session.get('wait_timeout'), 100n);
    assert.equal(session.get('wait_timeout', 'global'), 28800n);
    session.set('wait_timeout', 200n, 'global');
    assert.equal(session.get('wait_timeout'), 100n, 'the open session is not affected');
    assert.equal(new SessionVariables(globals).get('wait_timeout'), 200n, 'a new session copies the new global');
  });

  void it('starts every session from the globals of the moment, never from another session', () => {
    const { globals, session } = makeSession();
    session.set('wait_timeout', 100n);
    session.set('sql_mode', 'ANSI_QUOTES');
    session.set('timestamp', 1000n);
    const second = new SessionVariables(globals);
    assert.equal(second.get('wait_timeout'), 28800n, "one session's SET does not reach the next session");
    assert.equal(second.sqlMode.isAnsiQuotes, false);
    assert.equal(second.sqlMode.isOnlyFullGroupBy, true);
    session.set('sql_mode', 'PIPES_AS_CONCAT', 'global');
    session.set('wait_timeout', 300n, 'global');
    const third = new SessionVariables(globals);
    assert.equal(third.get('wait_timeout'), 300n, 'a SET GLOBAL reaches the sessions made after it');
    assert.equal(third.sqlMode.isPipesAsConcat, true);
    assert.equal(third.sqlMode.isOnlyFullGroupBy, false);
    assert.equal(second.sqlMode.isOnlyFullGroupBy, true, 'an open session keeps its sql_mode');
  });

  void it('shows a SET GLOBAL of a GLOBAL-only variable to every session at once', () => {
    const { globals, session } = makeSession();
    const other = new SessionVariables(globals);
    session.set('max_connections', 500n, 'global');
    assert.equal(other.get('max_connections'), 500n);
    assert.equal(globals.maxConnections, 500);
  });

  void it('DEFAULT gives the session the current global value and the global the compiled default', () => {
    const { session } = makeSession();
    session.set('sql_select_limit', 10n, 'global');
    session.set('sql_select_limit', 5n);
    session.set('sql_select_limit', DEFAULT_VALUE);
    assert.equal(session.sqlSelectLimit, 10n);
    session.set('sql_select_limit', DEFAULT_VALUE, 'global');
    assert.equal(session.get('sql_select_limit', 'global'), 18446744073709551615n);
    session.set('last_insert_id', 7n);
    session.set('last_insert_id', DEFAULT_VALUE);
    assert.equal(session.lastInsertId, 0n, 'SESSION-only variables return to their compiled default');
  });

  void it('reset() returns every session value to the current globals', () => {
    const { session } = makeSession();
    session.set('autocommit', 0n);
    session.set('sql_mode', 'ANSI');
    session.reset();
    assert.equal(session.isAutocommit, true);
    assert.equal(session.sqlMode.isAnsiQuotes, false);
  });
});

void describe('aliases', () => {
  void it('tx_isolation and transaction_isolation share one value; errors name the alias used', () => {
    const { session } = makeSession();
    session.set('tx_isolation', 'READ-COMMITTED');
    assert.equal(session.get('transaction_isolation'), 'READ-COMMITTED');
    session.set('transaction_isolation', 'SERIALIZABLE');
    assert.equal(session.get('tx_isolation'), 'SERIALIZABLE');
    assert.throws(
      () => session.set('tx_isolation', 'x'),
      mysqlErr(1231, "Variable 'tx_isolation' can't be set to the value of 'x'"),
    );
    session.set('tx_read_only', 'ON');
    assert.equal(session.isTransactionReadOnly, true);
  });

  void it('identity is last_insert_id', () => {
    const { session } = makeSession();
    session.assignInternal('last_insert_id', 42n);
    assert.equal(session.get('identity'), 42n);
    assert.equal(session.lastInsertId, 42n);
  });
});

void describe('character sets', () => {
  void it('pairs character_set_connection with collation_connection both ways', () => {
    const { session } = makeSession();
    session.set('collation_connection', 'latin1_bin');
    assert.equal(session.get('character_set_connection'), 'latin1');
    session.set('character_set_connection', 'UTF8MB4');
    assert.equal(session.get('collation_connection'), 'utf8mb4_0900_ai_ci');
    session.set('collation_connection', 255n);
    assert.equal(session.collationConnection, 'utf8mb4_0900_ai_ci');
  });

  void it('refuses unknown charsets (1115) and collations (1273); character_set_results takes NULL', () => {
    const { session } = makeSession();
    assert.throws(
      () => session.set('character_set_client', 'klingon'),
      mysqlErr(1115, "Unknown character set: 'klingon'"),
    );
    assert.throws(() => session.set('character_set_client', 999n), mysqlErr(1115, "Unknown character set: '999'"));
    assert.throws(
      () => session.set('character_set_client', null),
      mysqlErr(1231, "Variable 'character_set_client' can't be set to the value of 'NULL'"),
    );
    assert.throws(
      () => session.set('collation_connection', 'utf8mb4_klingon_ci'),
      mysqlErr(1273, "Unknown collation: 'utf8mb4_klingon_ci'"),
    );
    session.set('character_set_results', null);
    assert.equal(session.characterSetResults, null);
    assert.equal(session.get('character_set_results'), null);
    assert.equal(session.getForShow('character_set_results'), '');
    session.set('character_set_client', 'utf8mb3');
    assert.equal(session.characterSetClient, 'utf8');
  });

  void it('setNames sets client, connection and results; a foreign collation is 1253', () => {
    const { session } = makeSession();
    session.setNames('latin1');
    assert.deepEqual(
      [
        session.characterSetClient,
        session.characterSetConnection,
        session.characterSetResults,
        session.collationConnection,
      ],
      ['latin1', 'latin1', 'latin1', 'latin1_swedish_ci'],
    );
    session.setNames('utf8mb4', 'utf8mb4_general_ci');
    assert.equal(session.collationConnection, 'utf8mb4_general_ci');
    assert.throws(
      () => session.setNames('utf8mb4', 'latin1_bin'),
      mysqlErr(1253, "COLLATION 'latin1_bin' is not valid for CHARACTER SET 'utf8mb4'"),
    );
  });

  void it('setCharacterSet takes the connection charset from the database', () => {
    const { session } = makeSession();
    session.set('character_set_database', 'latin1');
    session.setCharacterSet('ascii');
    assert.deepEqual(
      [session.characterSetClient, session.characterSetResults, session.characterSetConnection],
      ['ascii', 'ascii', 'latin1'],
    );
    assert.equal(session.collationConnection, 'latin1_swedish_ci');
  });
});

void describe('SHOW VARIABLES', () => {
  void it('lists session values sorted by name, including GLOBAL-only variables', () => {
    const { session } = makeSession();
    session.set('autocommit', 'OFF');
    const rows = session.list('session');
    const names = rows.map(([name]) => name);
    assert.deepEqual(names, [...names].sort());
    assert.ok(names.includes('version') && names.includes('timestamp') && names.includes('warning_count'));
    assert.deepEqual(
      rows.find(([name]) => name === 'autocommit'),
      ['autocommit', 'OFF'],
    );
  });

  void it('leaves SESSION-only variables out of the global list and shows global values there', () => {
    const { session } = makeSession();
    session.set('autocommit', 'OFF');
    const rows = session.list('global');
    const names = rows.map(([name]) => name);
    assert.ok(!names.includes('timestamp') && !names.includes('sql_log_bin') && !names.includes('last_insert_id'));
    assert.deepEqual(
      rows.find(([name]) => name === 'autocommit'),
      ['autocommit', 'ON'],
    );
  });

  void it('filters with LIKE, ignoring case, as the MariaDB reference transcript does', () => {
    const { session } = makeSession();
    assert.deepEqual(session.list('global', 'SSL%'), [
      ['ssl_ca', 'certs/ca.pem'],
      ['ssl_capath', ''],
      ['ssl_cert', 'certs/server-cert.pem'],
      ['ssl_cipher', ''],
      ['ssl_crl', ''],
      ['ssl_crlpath', ''],
      ['ssl_key', 'certs/server-key.pem'],
    ]);
    assert.deepEqual(session.list('session', 'tls\\_version'), [['tls_version', 'TLSv1.2,TLSv1.3']]);
    assert.deepEqual(session.list('session', 'have_%ssl'), [
      ['have_openssl', 'YES'],
      ['have_ssl', 'YES'],
    ]);
  });
});

void describe('listeners and hot getters', () => {
  void it('tells listeners about session changes, with old and new values', () => {
    const { session } = makeSession();
    const changes: VariableChange[] = [];
    const unsubscribe = session.onChange('autocommit', (change) => changes.push(change));
    session.set('autocommit', 0n);
    session.set('autocommit', 'ON');
    unsubscribe();
    session.set('autocommit', 0n);
    assert.deepEqual(changes, [
      { name: 'autocommit', scope: 'session', oldValue: 1n, newValue: 0n },
      { name: 'autocommit', scope: 'session', oldValue: 0n, newValue: 1n },
    ]);
  });

  void it('keys listeners by the canonical name, so an alias SET reaches them', () => {
    const { session } = makeSession();
    const seen: string[] = [];
    session.onChange('tx_isolation', (change) => seen.push(`${change.name}=${String(change.newValue)}`));
    session.set('transaction_isolation', 'READ-COMMITTED');
    assert.deepEqual(seen, ['transaction_isolation=READ-COMMITTED']);
  });

  void it('tells global listeners about SET GLOBAL', () => {
    const { globals, session } = makeSession();
    const seen: unknown[] = [];
    globals.onChange('max_connections', (change) => seen.push(change.newValue));
    session.set('max_connections', 10n, 'global');
    assert.deepEqual(seen, [10n]);
  });

  void it('keeps the typed getters in step with SET', () => {
    const { session } = makeSession();
    assert.equal(session.isStrictMode, true);
    assert.equal(session.sqlMode.isOnlyFullGroupBy, true);
    session.set('sql_mode', '');
    assert.equal(session.isStrictMode, false);
    assert.equal(session.sqlMode.bits, 0n);
    session.set('sql_mode', 'NO_BACKSLASH_ESCAPES');
    assert.equal(session.sqlMode.isNoBackslashEscapes, true);
    session.set('div_precision_increment', 8n);
    assert.equal(session.divPrecisionIncrement, 8);
    session.set('foreign_key_checks', 0n);
    assert.equal(session.isForeignKeyChecks, false);
    assert.equal(session.lockWaitTimeout, 50);
    assert.equal(session.maxErrorCount, 1024);
    assert.equal(session.autoIncrementIncrement, 1n);
    assert.equal(session.groupConcatMaxLen, 1024n);
  });
});
