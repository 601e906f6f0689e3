// Tests loadConfig: defaults, the TOML file, flag overrides, path resolution, and each error's exact line.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../../src/config/index.js';
import type { LoadConfigOptions, ServerConfig } from '../../../src/config/index.js';

const root = mkdtempSync(join(tmpdir(), 'tidal-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

const cwd = join(root, 'work');
mkdirSync(cwd);
const configDirectory = join(root, 'etc');
mkdirSync(configDirectory);

let fileCounter = 0;
/** Writes a TOML file under etc/ and returns its absolute path. */
function writeToml(text: string): string {
  fileCounter += 1;
  const file = join(configDirectory, `tidal-${fileCounter}.toml`);
  writeFileSync(file, text);
  return file;
}

function serve(argv: readonly string[], options: LoadConfigOptions = { cwd }): ServerConfig {
  const result = loadConfig(argv, options);
  assert.equal(result.kind, 'serve');
  return result.config;
}

function assertConfigError(argv: readonly string[], message: string): void {
  assert.throws(
    () => loadConfig(argv, { cwd }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
      assert.equal(error.message, message);
      assert.equal(error.message.includes('\n'), false);
      return true;
    },
  );
}

void describe('loadConfig defaults', () => {
  void it('uses TiDB-style defaults and resolves the default data directory against the cwd', () => {
    const config = serve([]);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 4000);
    assert.equal(config.store, 'lmdb');
    assert.equal(config.path, join(cwd, 'tidal-data'));
    assert.equal(config.keyspaceName, '');
    assert.equal(config.tempDir, '/tmp/tidaldb');
    assert.equal(config.log.level, 'info');
    assert.equal(config.log.file.filename, '');
    assert.deepEqual(config.security, {
      clusterSslCa: '',
      clusterSslCert: '',
      clusterSslKey: '',
      clusterVerifyCn: '',
      sslCa: '',
      sslCert: '',
      sslKey: '',
      sslAltCert: '',
      sslAltKey: '',
      sslKeyPassword: '',
      sslKeyPasswordFile: '',
      sslCrl: '',
      sslCipher: '',
      tlsCiphersuites: '',
      tlsVersion: '',
      sslVerifyDepth: -1,
      requireSecureTransport: false,
      secureFilePriv: 'NULL',
      rsaPrivateKey: '',
      rsaPublicKey: '',
      initializeRootPassword: '',
      autoTls: true,
      rsaKeySize: 2048,
      sslExpiryCheckInterval: 86400,
    });
    assert.deepEqual(config.instance, { maxConnections: 0, maxAllowedPacket: 67108864, localInfile: false });
    assert.deepEqual(config.status, { reportStatus: true, statusHost: '127.0.0.1', statusPort: 10080 });
    assert.deepEqual(config.log, {
      level: 'info',
      format: 'auto',
      file: { filename: '', maxSize: 300, maxDays: 0, maxBackups: 0 },
      slowQueryFile: '',
      slowThreshold: 300,
    });
    assert.equal(config.gracefulWaitBeforeShutdown, 0);
    assert.equal(config.configFile, '');
    assert.equal(config.configFileDirectory, cwd);
  });

  void it('returns a deeply frozen object', () => {
    const config = serve([]);
    assert.ok(Object.isFrozen(config));
    assert.ok(Object.isFrozen(config.security));
    assert.ok(Object.isFrozen(config.log.file));
  });
});

void describe('loadConfig with a config file', () => {
  const file = writeToml(`
host = "0.0.0.0"
port = 4100
path = "data"

[log]
level = "debug"

[log.file]
filename = "logs/tidal.log"

[security]
ssl-ca = "certs/ca.pem"
ssl-cert = "/abs/server.pem"
ssl-key = "certs/server-key.pem"
require-secure-transport = true
auto-tls = true
tls-version = "TLSv1.3"
rsa-key-size = 2048

[instance]
max_connections = 50
max_allowed_packet = 1048576
`);

  void it('reads every section and resolves relative paths against the file folder', () => {
    const config = serve(['--config', file]);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.port, 4100);
    assert.equal(config.path, join(configDirectory, 'data'));
    assert.equal(config.log.level, 'debug');
    assert.equal(config.log.file.filename, join(configDirectory, 'logs/tidal.log'));
    assert.equal(config.security.sslCa, join(configDirectory, 'certs/ca.pem'));
    assert.equal(config.security.sslCert, '/abs/server.pem');
    assert.equal(config.security.sslKey, join(configDirectory, 'certs/server-key.pem'));
    assert.equal(config.security.requireSecureTransport, true);
    assert.equal(config.security.autoTls, true);
    assert.equal(config.security.tlsVersion, 'TLSv1.3');
    assert.equal(config.security.rsaKeySize, 2048);
    assert.equal(config.instance.maxConnections, 50);
    assert.equal(config.instance.maxAllowedPacket, 1048576);
    assert.equal(config.configFile, file);
    assert.equal(config.configFileDirectory, configDirectory);
  });

  void it('lets flags override the file, resolving flag paths against the cwd', () => {
    const config = serve([
      `--config=${file}`,
      '-P',
      '4200',
      '--path',
      'flag-data',
      '--ssl-ca=flag/ca.pem',
      '--log-level',
      'warn',
      '--log-file',
      'flag.log',
      '--require-secure-transport=false',
      '--max-connections=7',
    ]);
    assert.equal(config.port, 4200);
    assert.equal(config.path, join(cwd, 'flag-data'));
    assert.equal(config.security.sslCa, join(cwd, 'flag/ca.pem'));
    assert.equal(config.log.level, 'warn');
    assert.equal(config.log.file.filename, join(cwd, 'flag.log'));
    assert.equal(config.security.requireSecureTransport, false);
    assert.equal(config.instance.maxConnections, 7);
    // Keys no flag touched keep the file's values.
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.security.sslKey, join(configDirectory, 'certs/server-key.pem'));
  });

  void it('resolves a relative --config path against the cwd', () => {
    writeFileSync(join(cwd, 'local.toml'), 'port = 4300\npath = "here"\n');
    const config = serve(['--config', 'local.toml']);
    assert.equal(config.port, 4300);
    assert.equal(config.path, join(cwd, 'here'));
    assert.equal(config.configFileDirectory, cwd);
  });

  void it('accepts an empty file', () => {
    assert.equal(serve(['--config', writeToml('')]).port, 4000);
  });
});

void describe('loadConfig flags', () => {
  void it('accepts -P4000, --flag=value, bare booleans and a later flag winning', () => {
    const config = serve(['-P4001', '--host=::1', '--auto-tls', '--port', '0', '-L', 'error']);
    assert.equal(config.port, 0);
    assert.equal(config.host, '::1');
    assert.equal(config.security.autoTls, true);
    assert.equal(config.log.level, 'error');
  });

  void it('normalises tls-version lists', () => {
    assert.equal(serve(['--tls-version', 'tlsv1.3, TLSv1.2,TLSv1.3']).security.tlsVersion, 'TLSv1.3,TLSv1.2');
  });

  void it('reads cluster-verify-cn as a TOML array of names, or a comma-separated flag', () => {
    const file = writeToml('[security]\ncluster-verify-cn = ["tidb-server", " ops tool "]\n');
    assert.equal(serve(['--config', file]).security.clusterVerifyCn, 'tidb-server,ops tool');
    assert.equal(serve(['--cluster-verify-cn', 'a, b']).security.clusterVerifyCn, 'a,b');
    const numbers = writeToml('[security]\ncluster-verify-cn = [1]\n');
    assertConfigError(['--config', numbers], `config file ${numbers}: 'security.cluster-verify-cn' must be an array of strings or a comma-separated list, got an array`);
  });

  void it('keeps an empty path flag empty instead of resolving it', () => {
    assert.equal(serve(['--ssl-ca=']).security.sslCa, '');
  });

  void it('answers --help and --version without reading the config file', () => {
    const help = loadConfig(['--config', '/does/not/exist.toml', '--help'], { cwd });
    assert.equal(help.kind, 'help');
    const version = loadConfig(['-V', '--config', '/does/not/exist.toml'], { cwd });
    assert.equal(version.kind, 'version');
  });
});

void describe('loadConfig errors (exact one-line messages)', () => {
  void it('reports TOML syntax errors with line and column', () => {
    const file = writeToml('port = 4000\n[log]\nlevel = \n');
    assertConfigError(['--config', file], `config file ${file}: line 3, column 9: invalid value`);
  });

  void it('reports duplicate TOML keys with their position', () => {
    const file = writeToml('port = 1\nport = 2\n');
    assertConfigError(
      ['--config', file],
      `config file ${file}: line 2, column 1: trying to redefine an already defined table or value`,
    );
  });

  void it('names an unknown key by its dotted path and suggests the closest one', () => {
    const file = writeToml('[security]\nssl-certt = "x"\n');
    assertConfigError(
      ['--config', file],
      `config file ${file}: unknown configuration key 'security.ssl-certt' (did you mean 'security.ssl-cert'?)`,
    );
  });

  void it('names a key in an unknown table and suggests the right table', () => {
    const file = writeToml('[securty]\nssl-ca = "x"\n');
    assertConfigError(
      ['--config', file],
      `config file ${file}: unknown configuration key 'securty.ssl-ca' (did you mean 'security.ssl-ca'?)`,
    );
  });

  void it('gives no suggestion when nothing is close', () => {
    const file = writeToml('[performance]\ncross-join = true\n');
    assertConfigError(['--config', file], `config file ${file}: unknown configuration key 'performance.cross-join'`);
  });

  void it('rejects a wrong type in the file', () => {
    const file = writeToml('port = "abc"\n');
    assertConfigError(['--config', file], `config file ${file}: 'port' must be an integer from 0 to 65535, got "abc"`);
  });

  void it('rejects an out-of-range integer in the file', () => {
    const file = writeToml('[instance]\nmax_allowed_packet = 10\n');
    assertConfigError(
      ['--config', file],
      `config file ${file}: 'instance.max_allowed_packet' must be an integer from 1024 to 1073741824, got 10`,
    );
  });

  void it('rejects a quoted boolean and a bad enum in the file', () => {
    const boolFile = writeToml('[security]\nauto-tls = "yes"\n');
    assertConfigError(
      ['--config', boolFile],
      `config file ${boolFile}: 'security.auto-tls' must be true or false, got "yes"`,
    );
    const enumFile = writeToml('[log]\nlevel = "trace"\n');
    assertConfigError(
      ['--config', enumFile],
      `config file ${enumFile}: 'log.level' must be one of debug, info, warn, error, got "trace"`,
    );
  });

  void it('rejects a value where a table belongs, and a table where a value belongs', () => {
    const scalar = writeToml('log = "debug"\n');
    assertConfigError(['--config', scalar], `config file ${scalar}: 'log' must be a table, got "debug"`);
    const table = writeToml('[port]\nvalue = 1\n');
    assertConfigError(
      ['--config', table],
      `config file ${table}: 'port' must be an integer from 0 to 65535, got a table`,
    );
  });

  void it('rejects unknown TLS versions', () => {
    const file = writeToml('[security]\ntls-version = "SSLv3"\n');
    assertConfigError(
      ['--config', file],
      `config file ${file}: 'security.tls-version' must be a comma-separated list of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3, got "SSLv3"`,
    );
  });

  void it('reports a missing config file', () => {
    assertConfigError(['--config', 'missing.toml'], `config file ${join(cwd, 'missing.toml')} does not exist`);
  });

  void it('reports an unreadable config path', () => {
    assertConfigError(
      ['--config', configDirectory],
      `config file ${configDirectory}: cannot read it: EISDIR: illegal operation on a directory, read`,
    );
  });

  void it('rejects wrong flag values', () => {
    assertConfigError(['--port', 'abc'], 'flag --port must be an integer from 0 to 65535, got "abc"');
    assertConfigError(['-P', '65536'], 'flag --port must be an integer from 0 to 65535, got "65536"');
    assertConfigError(['--port=40.5'], 'flag --port must be an integer from 0 to 65535, got "40.5"');
    assertConfigError(['--auto-tls=maybe'], 'flag --auto-tls must be true or false, got "maybe"');
    assertConfigError(['-L', 'trace'], 'flag --log-level must be one of debug, info, warn, error, got "trace"');
  });

  void it('rejects unknown flags, with a hint when one is close', () => {
    assertConfigError(['--ssl-certt', 'x'], "unknown flag '--ssl-certt' (did you mean '--ssl-cert'?); see --help");
    assertConfigError(['--frobnicate'], "unknown flag '--frobnicate'; see --help");
    assertConfigError(['-x'], "unknown flag '-x'; see --help");
  });

  void it('rejects missing flag values, values on command flags, and positional arguments', () => {
    assertConfigError(['--port'], 'flag --port needs a value');
    assertConfigError(['--config'], 'flag --config needs a value');
    assertConfigError(
      ['--port', '--host', 'x'],
      "flag --port needs a value (write --port=--host if the value starts with '-')",
    );
    assertConfigError(['--version=1'], 'flag --version takes no value');
    assertConfigError(['serve'], "unexpected argument 'serve': flags start with --, see --help");
  });
});
