// SET validation: every error and warning a SET of a system variable can raise, with MySQL's exact messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VALUE } from '../../../../src/session/variables/index.js';
import { CollectedWarnings, makeFacts, makeSession, mysqlErr } from './variables-fixture.js';

void describe('SET name and scope checks', () => {
  void it('refuses an unknown variable with 1193, quoting the name as written', () => {
    const { session } = makeSession();
    assert.throws(() => session.set('No_Such_Var', 1n), mysqlErr(1193, "Unknown system variable 'No_Such_Var'"));
    assert.throws(() => session.get('no_such_var'), mysqlErr(1193, "Unknown system variable 'no_such_var'"));
    assert.throws(
      () => session.set('no_such_var', 1n, 'global'),
      mysqlErr(1193, "Unknown system variable 'no_such_var'"),
    );
  });

  void it('refuses a read-only variable with 1238 in any scope, before the scope check', () => {
    const { session } = makeSession();
    const readOnly = mysqlErr(1238, "Variable 'version' is a read only variable");
    assert.throws(() => session.set('version', 'x'), readOnly);
    assert.throws(() => session.set('version', 'x', 'global'), readOnly);
    assert.throws(() => session.set('version', DEFAULT_VALUE, 'global'), readOnly);
    assert.throws(
      () => session.set('warning_count', 1n),
      mysqlErr(1238, "Variable 'warning_count' is a read only variable"),
    );
  });

  void it('refuses SET GLOBAL of a SESSION-only variable with 1228', () => {
    const { session } = makeSession();
    assert.throws(
      () => session.set('sql_log_bin', 0n, 'global'),
      mysqlErr(1228, "Variable 'sql_log_bin' is a SESSION variable and can't be used with SET GLOBAL"),
    );
    assert.throws(
      () => session.set('timestamp', 5n, 'global'),
      mysqlErr(1228, "Variable 'timestamp' is a SESSION variable and can't be used with SET GLOBAL"),
    );
  });

  void it('refuses a session SET of a GLOBAL-only variable with 1229, with or without SESSION', () => {
    const { session } = makeSession();
    const expected = mysqlErr(
      1229,
      "Variable 'max_connections' is a GLOBAL variable and should be set with SET GLOBAL",
    );
    assert.throws(() => session.set('max_connections', 10n), expected);
    assert.throws(() => session.set('max_connections', 10n, 'session'), expected);
  });

  void it('refuses SET SESSION of max_allowed_packet with 1621, also for DEFAULT, and allows SET GLOBAL', () => {
    const { session, globals } = makeSession();
    const expected = mysqlErr(
      1621,
      "SESSION variable 'max_allowed_packet' is read-only. Use SET GLOBAL to assign the value",
    );
    assert.throws(() => session.set('max_allowed_packet', 20000n), expected);
    assert.throws(() => session.set('max_allowed_packet', DEFAULT_VALUE), expected);
    session.set('max_allowed_packet', 2048n, 'global');
    assert.equal(globals.get('max_allowed_packet'), 2048n);
    assert.equal(session.maxAllowedPacket, 67108864, 'the open session keeps its copy');
  });
});

void describe('SET value checks', () => {
  void it('booleans take ON/OFF/TRUE/FALSE/1/0 in any case and refuse other values with 1231', () => {
    const { session } = makeSession();
    for (const [input, expected] of [
      ['off', 0n],
      ['ON', 1n],
      ['false', 0n],
      ['True', 1n],
      [0n, 0n],
      [1n, 1n],
      ['0', 0n],
      [true, 1n],
    ] as const) {
      session.set('foreign_key_checks', input);
      assert.equal(session.get('foreign_key_checks'), expected, `input ${String(input)}`);
    }
    assert.throws(
      () => session.set('foreign_key_checks', 2n),
      mysqlErr(1231, "Variable 'foreign_key_checks' can't be set to the value of '2'"),
    );
    assert.throws(
      () => session.set('foreign_key_checks', -1n),
      mysqlErr(1231, "Variable 'foreign_key_checks' can't be set to the value of '-1'"),
    );
    assert.throws(
      () => session.set('foreign_key_checks', 'Y'),
      mysqlErr(1231, "Variable 'foreign_key_checks' can't be set to the value of 'Y'"),
    );
    assert.throws(
      () => session.set('autocommit', null),
      mysqlErr(1231, "Variable 'autocommit' can't be set to the value of 'NULL'"),
    );
    assert.throws(
      () => session.set('autocommit', 0.5),
      mysqlErr(1232, "Incorrect argument type to variable 'autocommit'"),
    );
  });

  void it('integers refuse strings, reals and NULL with 1232', () => {
    const { session } = makeSession();
    const wrongType = mysqlErr(1232, "Incorrect argument type to variable 'auto_increment_increment'");
    assert.throws(() => session.set('auto_increment_increment', 'test'), wrongType);
    assert.throws(() => session.set('auto_increment_increment', '10'), wrongType);
    assert.throws(() => session.set('auto_increment_increment', 65530.34), wrongType);
    assert.throws(() => session.set('auto_increment_increment', null), wrongType);
  });

  void it('integers out of range clamp with warning 1292 quoting the original value', () => {
    const { session } = makeSession();
    const warnings = new CollectedWarnings();
    session.set('auto_increment_increment', 0n, undefined, warnings);
    assert.equal(session.get('auto_increment_increment'), 1n);
    session.set('auto_increment_increment', -1024n, undefined, warnings);
    assert.equal(session.get('auto_increment_increment'), 1n);
    session.set('auto_increment_increment', 4294967295n, undefined, warnings);
    assert.equal(session.get('auto_increment_increment'), 65535n);
    session.set('auto_increment_increment', false, undefined, warnings);
    assert.deepEqual(warnings.texts, [
      "1292: Truncated incorrect auto_increment_increment value: '0'",
      "1292: Truncated incorrect auto_increment_increment value: '-1024'",
      "1292: Truncated incorrect auto_increment_increment value: '4294967295'",
      "1292: Truncated incorrect auto_increment_increment value: '0'",
    ]);
    session.set('auto_increment_increment', 100n, undefined, warnings);
    assert.equal(warnings.list.length, 4, 'an in-range value raises no warning');
  });

  void it('rounds to the block size with a warning, as max_allowed_packet does', () => {
    const { session, globals } = makeSession();
    const warnings = new CollectedWarnings();
    session.set('max_allowed_packet', 1073741823n, 'global', warnings);
    assert.equal(globals.get('max_allowed_packet'), 1073740800n);
    session.set('max_allowed_packet', 1025n, 'global', warnings);
    assert.equal(globals.get('max_allowed_packet'), 1024n);
    session.set('max_allowed_packet', 10737418241n, 'global', warnings);
    assert.equal(globals.get('max_allowed_packet'), 1073741824n);
    session.set('max_allowed_packet', 1024n, 'global', warnings);
    assert.deepEqual(warnings.texts, [
      "1292: Truncated incorrect max_allowed_packet value: '1073741823'",
      "1292: Truncated incorrect max_allowed_packet value: '1025'",
      "1292: Truncated incorrect max_allowed_packet value: '10737418241'",
    ]);
  });

  void it('fails instead of clamping when the session is in STRICT_ALL_TABLES mode', () => {
    const { session } = makeSession();
    session.set('sql_mode', 'STRICT_ALL_TABLES');
    assert.throws(
      () => session.set('wait_timeout', 0n),
      mysqlErr(1231, "Variable 'wait_timeout' can't be set to the value of '0'"),
    );
    assert.throws(
      () => session.set('max_connections', 0n, 'global'),
      mysqlErr(1231, "Variable 'max_connections' can't be set to the value of '0'"),
    );
    assert.equal(session.get('wait_timeout'), 28800n);
  });

  void it('enums take a name in any case or a 0-based index, refusing others with 1231', () => {
    const { session } = makeSession();
    session.set('transaction_isolation', 'read-committed');
    assert.equal(session.get('transaction_isolation'), 'READ-COMMITTED');
    assert.equal(session.transactionIsolation, 'READ-COMMITTED');
    session.set('transaction_isolation', 3n);
    assert.equal(session.get('transaction_isolation'), 'SERIALIZABLE');
    assert.throws(
      () => session.set('transaction_isolation', 4n),
      mysqlErr(1231, "Variable 'transaction_isolation' can't be set to the value of '4'"),
    );
    assert.throws(
      () => session.set('transaction_isolation', 'READ COMMITTED'),
      mysqlErr(1231, "Variable 'transaction_isolation' can't be set to the value of 'READ COMMITTED'"),
    );
    assert.throws(
      () => session.set('transaction_isolation', 1.5),
      mysqlErr(1232, "Incorrect argument type to variable 'transaction_isolation'"),
    );
    session.set('tidb_txn_mode', 'OPTIMISTIC');
    assert.equal(session.txnMode, 'optimistic');
  });

  void it('strings refuse numbers with 1232 and NULL with 1231, except where NULL is allowed', () => {
    const { session } = makeSession();
    assert.throws(
      () => session.set('init_connect', 5n, 'global'),
      mysqlErr(1232, "Incorrect argument type to variable 'init_connect'"),
    );
    assert.throws(
      () => session.set('init_connect', null, 'global'),
      mysqlErr(1231, "Variable 'init_connect' can't be set to the value of 'NULL'"),
    );
    session.set('session_track_system_variables', null);
    assert.equal(session.get('session_track_system_variables'), null);
  });

  void it('floats clamp into their range with a warning and print six decimals', () => {
    const { session } = makeSession();
    const warnings = new CollectedWarnings();
    session.set('long_query_time', 0.5, undefined, warnings);
    assert.equal(session.get('long_query_time'), 0.5);
    assert.equal(session.getForShow('long_query_time'), '0.500000');
    session.set('long_query_time', -1n, undefined, warnings);
    assert.equal(session.get('long_query_time'), 0);
    assert.deepEqual(warnings.texts, ["1292: Truncated incorrect long_query_time value: '-1'"]);
    assert.throws(
      () => session.set('long_query_time', 'x'),
      mysqlErr(1232, "Incorrect argument type to variable 'long_query_time'"),
    );
  });

  void it('default_storage_engine takes InnoDB only, with 1286 for other engines', () => {
    const { session } = makeSession();
    session.set('default_storage_engine', 'innodb');
    assert.equal(session.get('default_storage_engine'), 'InnoDB');
    assert.throws(
      () => session.set('default_storage_engine', 'MyISAM'),
      mysqlErr(1286, "Unknown storage engine 'MyISAM'"),
    );
  });

  void it('time_zone takes SYSTEM, offsets (normalised) and zone names; others fail with 1298', () => {
    const { session } = makeSession();
    session.set('time_zone', '+8:00');
    assert.equal(session.timeZone, '+08:00');
    session.set('time_zone', '-00:00');
    assert.equal(session.get('time_zone'), '+00:00');
    session.set('time_zone', 'system');
    assert.equal(session.get('time_zone'), 'SYSTEM');
    session.set('time_zone', 'Europe/Paris');
    assert.equal(session.get('time_zone'), 'Europe/Paris');
    assert.throws(() => session.set('time_zone', '+14:01'), mysqlErr(1298, "Unknown or incorrect time zone: '+14:01'"));
    assert.throws(
      () => session.set('time_zone', 'Mars/Olympus'),
      mysqlErr(1298, "Unknown or incorrect time zone: 'Mars/Olympus'"),
    );
    assert.throws(() => session.set('time_zone', '+05:60'), mysqlErr(1298, "Unknown or incorrect time zone: '+05:60'"));
    assert.throws(
      () => session.set('time_zone', 0n),
      mysqlErr(1232, "Incorrect argument type to variable 'time_zone'"),
    );
  });

  void it('require_secure_transport cannot be turned ON while TLS is disabled (3160)', () => {
    const facts = makeFacts({ haveSsl: 'DISABLED' });
    const { session, globals } = makeSession(undefined, facts);
    assert.throws(
      () => session.set('require_secure_transport', 'ON', 'global'),
      mysqlErr(
        3160,
        'No secure transports (SSL or Shared Memory) are configured, unable to set --require_secure_transport=ON.',
      ),
    );
    facts.haveSsl = 'YES';
    session.set('require_secure_transport', 'ON', 'global');
    assert.equal(globals.isSecureTransportRequired, true);
  });

  void it('timestamp takes seconds in range, refuses negative values (1231) and strings (1232)', () => {
    const { session } = makeSession();
    session.set('timestamp', 1000000000.5);
    assert.equal(session.get('timestamp'), 1000000000.5);
    assert.equal(session.getForShow('timestamp'), '1000000000.500000');
    assert.throws(
      () => session.set('timestamp', -1n),
      mysqlErr(1231, "Variable 'timestamp' can't be set to the value of '-1'"),
    );
    assert.throws(
      () => session.set('timestamp', 'now'),
      mysqlErr(1232, "Incorrect argument type to variable 'timestamp'"),
    );
    session.set('timestamp', DEFAULT_VALUE);
    assert.equal(session.get('timestamp'), 1700000000.25, 'back to the statement clock');
  });
});
