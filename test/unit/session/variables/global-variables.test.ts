// GlobalVariables: start values from configuration, live server facts, SHOW GLOBAL VARIABLES.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GlobalVariables, SessionVariables, hostPlatform } from '../../../../src/session/variables/index.js';
import { makeFacts, makeSession, mysqlErr } from './variables-fixture.js';

void describe('GlobalVariables', () => {
  void it('applies initial values, including read-only ones, and sessions start from them', () => {
    const { globals, session } = makeSession({
      max_connections: 20n,
      sql_mode: 'ANSI',
      skip_name_resolve: 'ON',
      character_set_server: 'latin1',
    });
    assert.equal(globals.maxConnections, 20);
    assert.equal(session.sqlMode.isAnsiQuotes, true);
    assert.equal(globals.get('skip_name_resolve'), 1n);
    assert.equal(globals.get('collation_server'), 'latin1_swedish_ci', 'companions follow initial values');
  });

  void it('refuses bad initial values strictly: out-of-range numbers fail instead of clamping', () => {
    assert.throws(
      () => makeSession({ max_connections: 0n }),
      mysqlErr(1231, "Variable 'max_connections' can't be set to the value of '0'"),
    );
    assert.throws(
      () => makeSession({ sql_mode: 'BOGUS' }),
      mysqlErr(1231, "Variable 'sql_mode' can't be set to the value of 'BOGUS'"),
    );
    assert.throws(() => makeSession({ nope: 1n }), mysqlErr(1193, "Unknown system variable 'nope'"));
    assert.throws(
      () => makeSession({ require_secure_transport: 'ON' }, makeFacts({ haveSsl: 'DISABLED' })),
      mysqlErr(
        3160,
        'No secure transports (SSL or Shared Memory) are configured, unable to set --require_secure_transport=ON.',
      ),
    );
    assert.throws(() => makeSession({ version: 'x' }), /comes from ServerFacts/);
  });

  void it('reads fact variables at every query, so a TLS reload shows at once', () => {
    const facts = makeFacts();
    const globals = new GlobalVariables({ facts: () => facts });
    const session = new SessionVariables(globals);
    assert.equal(session.get('ssl_cert'), 'certs/server-cert.pem');
    facts.sslCert = 'certs/rotated.pem';
    facts.haveSsl = 'DISABLED';
    assert.equal(session.get('ssl_cert'), 'certs/rotated.pem');
    assert.equal(session.getForShow('have_ssl'), 'DISABLED');
    assert.equal(globals.get('have_openssl'), 'DISABLED');
  });

  void it('lists global values sorted by name, filtered by LIKE', () => {
    const { globals } = makeSession();
    assert.deepEqual(globals.list('%secure_transport'), [['require_secure_transport', 'OFF']]);
    assert.deepEqual(globals.list('version%'), [
      ['version', '8.0.11-TidalDB-0.1.0'],
      ['version_comment', 'TidalDB Server (Apache License 2.0)'],
      ['version_compile_machine', 'x86_64'],
      ['version_compile_os', 'Linux'],
    ]);
    assert.throws(() => globals.get('timestamp'), mysqlErr(1238, "Variable 'timestamp' is a SESSION variable"));
  });

  void it('maps Node platform names to the ones MySQL builds report', () => {
    assert.deepEqual(hostPlatform('x64', 'linux'), { machine: 'x86_64', os: 'Linux' });
    assert.deepEqual(hostPlatform('arm64', 'darwin'), { machine: 'aarch64', os: 'macos' });
    assert.deepEqual(hostPlatform('riscv64', 'aix'), { machine: 'riscv64', os: 'aix' });
  });
});
