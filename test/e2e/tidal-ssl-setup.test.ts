// End-to-end: the built tidal-ssl-setup bin, its files checked with the openssl CLI, and TLS round trips with them.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, connect as netConnect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import type { ConnectionOptions, TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { loadServerTlsContext, tlsSessionStatus, upgradeToTls } from '../../src/protocol/tls/index.js';
import type { ServerTlsContext } from '../../src/protocol/tls/index.js';
import { SSL_SETUP_BIN, tempDir } from './helpers/tidal-process.js';

const FILES = [
  'ca-key.pem',
  'ca.pem',
  'server-cert.pem',
  'server-key.pem',
  'client-cert.pem',
  'client-key.pem',
  'private_key.pem',
  'public_key.pem',
];
const KEYS = ['ca-key.pem', 'server-key.pem', 'client-key.pem', 'private_key.pem'];
/** What the client writes in plain text before its handshake, as a MySQL client sends SSLRequest. */
const PLAIN_PREFIX = 'SSLREQUEST\n';

interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program with empty stdin; never rejects on a non-zero exit. */
function run(command: string, args: readonly string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

function sslSetup(...args: string[]): Promise<RunResult> {
  return run(process.execPath, [SSL_SETUP_BIN, ...args]);
}

async function fileContents(dir: string): Promise<string[]> {
  return Promise.all(FILES.map((name) => readFile(join(dir, name), 'utf8')));
}

/** The action column of the bin's report, per file. */
function actions(stdout: string): Record<string, string> {
  return Object.fromEntries(
    [...stdout.matchAll(/^ {2}(\S+\.pem) +(\S+) /gm)].map((match): [string, string] => [
      match[1] ?? '',
      match[2] ?? '',
    ]),
  );
}

void describe('tidal-ssl-setup', () => {
  let root: { path: string; remove: () => Promise<void> };
  let dir: string;
  let firstRun: RunResult;

  before(async () => {
    root = await tempDir('ssl-setup');
    dir = join(root.path, 'certs');
    firstRun = await sslSetup(`--datadir=${dir}`);
  });
  after(() => root.remove());

  void it('writes the eight files, private keys with mode 0600, and says how to use them', async () => {
    assert.equal(firstRun.code, 0, firstRun.stderr);
    assert.equal(firstRun.stderr, '');
    assert.match(firstRun.stdout, new RegExp(`^tidal-ssl-setup: ${dir} \\(created\\)\n`));
    assert.deepEqual(actions(firstRun.stdout), Object.fromEntries(FILES.map((name) => [name, 'written'])));
    assert.ok(
      firstRun.stdout.includes(
        `--ssl-cert=${join(dir, 'server-cert.pem')} --ssl-key=${join(dir, 'server-key.pem')} --ssl-ca=${join(dir, 'ca.pem')}`,
      ),
    );
    for (const name of FILES) {
      const mode = (await stat(join(dir, name))).mode & 0o777;
      assert.equal(mode, KEYS.includes(name) ? 0o600 : 0o644, name);
    }
  });

  void it('writes certificates openssl verifies against ca.pem, with the server SANs', async () => {
    const verified = await run('openssl', [
      'verify',
      '-CAfile',
      join(dir, 'ca.pem'),
      join(dir, 'server-cert.pem'),
      join(dir, 'client-cert.pem'),
    ]);
    assert.equal(verified.code, 0, verified.stderr);
    assert.equal(verified.stdout, `${join(dir, 'server-cert.pem')}: OK\n${join(dir, 'client-cert.pem')}: OK\n`);
    const sans = await run('openssl', [
      'x509',
      '-noout',
      '-ext',
      'subjectAltName',
      '-in',
      join(dir, 'server-cert.pem'),
    ]);
    assert.match(sans.stdout, /DNS:localhost, IP Address:127\.0\.0\.1, IP Address:0:0:0:0:0:0:0:1/);
    const ca = await run('openssl', [
      'x509',
      '-noout',
      '-ext',
      'basicConstraints,keyUsage',
      '-in',
      join(dir, 'ca.pem'),
    ]);
    assert.match(ca.stdout, /critical\n\s+CA:TRUE/);
    assert.match(ca.stdout, /Certificate Sign/);
    const client = await run('openssl', [
      'x509',
      '-noout',
      '-ext',
      'extendedKeyUsage',
      '-in',
      join(dir, 'client-cert.pem'),
    ]);
    assert.match(client.stdout, /TLS Web Client Authentication/);
    for (const key of KEYS) {
      const checked = await run('openssl', ['pkey', '-in', join(dir, key), '-noout', '-check']);
      assert.equal(checked.code, 0, `${key}: ${checked.stderr}`);
    }
  });

  void it('keeps existing files on a second run, and replaces them all with --force', async () => {
    const before = await fileContents(dir);
    const second = await sslSetup(`--datadir=${dir}`);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(actions(second.stdout), Object.fromEntries(FILES.map((name) => [name, 'kept'])));
    assert.deepEqual(await fileContents(dir), before);

    const forced = await sslSetup('--datadir', dir, '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.deepEqual(actions(forced.stdout), Object.fromEntries(FILES.map((name) => [name, 'replaced'])));
    const after = await fileContents(dir);
    FILES.forEach((name, index) => assert.notEqual(after[index], before[index], name));
    const verified = await run('openssl', ['verify', '-CAfile', join(dir, 'ca.pem'), join(dir, 'server-cert.pem')]);
    assert.equal(verified.code, 0);
  });

  void it('reports an incomplete set instead of mixing old and new files', async () => {
    const partial = join(root.path, 'partial');
    assert.equal((await sslSetup(`--datadir=${partial}`, '--rsa-key-size=2048')).code, 0);
    await writeFile(join(partial, 'server-key.pem'), '');
    await run('rm', [join(partial, 'server-cert.pem')]);
    const result = await sslSetup(`--datadir=${partial}`);
    assert.equal(result.code, 0);
    assert.equal(actions(result.stdout)['server-cert.pem'], 'MISSING');
    assert.match(
      result.stdout,
      /^note: SSL files incomplete: ca\.pem, server-key\.pem exist but server-cert\.pem is missing; like mysql_ssl_rsa_setup, no SSL file was created \(use --force to replace the whole set\)$/m,
    );
  });

  void it('refuses bad arguments and unusable directories with one line and exit code 1', async () => {
    const notDirectory = join(dir, 'ca.pem');
    const cases: Array<[string[], string]> = [
      [['--bogus'], 'tidal-ssl-setup: unknown option --bogus (see --help)\n'],
      [['--force=yes'], 'tidal-ssl-setup: option --force takes no value (see --help)\n'],
      [['--datadir'], 'tidal-ssl-setup: option --datadir needs a value (see --help)\n'],
      [['--datadir='], 'tidal-ssl-setup: --datadir needs a directory (see --help)\n'],
      [['stray'], 'tidal-ssl-setup: unexpected argument "stray" (see --help)\n'],
      [['--rsa-key-size=big'], 'tidal-ssl-setup: --rsa-key-size must be a number of bits, got "big" (see --help)\n'],
      [
        [`--datadir=${dir}`, '--rsa-key-size=1024'],
        'tidal-ssl-setup: RSA key size must be an integer from 2048 to 16384 bits, got 1024\n',
      ],
      [[`--datadir=${notDirectory}`], `tidal-ssl-setup: ${notDirectory} is not a directory\n`],
      [
        [`--datadir=${join(notDirectory, 'x')}`],
        `tidal-ssl-setup: cannot create directory ${join(notDirectory, 'x')}: a parent of it is not a directory (ENOTDIR)\n`,
      ],
    ];
    for (const [args, stderr] of cases) {
      const result = await sslSetup(...args);
      assert.equal(result.code, 1, args.join(' '));
      assert.equal(result.stderr, stderr);
      assert.equal(result.stdout, '');
    }
  });

  void it('prints help and version', async () => {
    const help = await sslSetup('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: tidal-ssl-setup \[--datadir=DIR\] \[--force\] \[--rsa-key-size=BITS\]/);
    assert.match(help.stdout, /default \.\/tidal-data/);
    const version = await sslSetup('--version');
    assert.match(version.stdout, /^tidal-ssl-setup \(tidaldb\) \d+\.\d+\.\d+\n$/);
  });
});

/** Outcome of one server-side upgrade. */
type Upgrade =
  | { readonly ok: true; readonly socket: TLSSocket; readonly peerSubject: string | undefined }
  | { readonly ok: false; readonly reason: string };

/**
 * A loopback server upgrading each connection with upgradeToTls: after a plain-text line (as after MySQL's
 * SSLRequest) or, with `isImmediate`, at once (for openssl s_client). Each accepted socket gets "hello\n", then
 * the server closes (prefixed) or waits for the client to (immediate).
 */
async function startTlsServer(
  context: ServerTlsContext,
  isImmediate: boolean,
): Promise<{ server: Server; port: number; next: () => Promise<Upgrade> }> {
  const results: Array<Promise<Upgrade>> = [];
  const waiters: Array<(result: Promise<Upgrade>) => void> = [];
  const publish = (result: Promise<Upgrade>): void => {
    const waiter = waiters.shift();
    if (waiter) waiter(result);
    else results.push(result);
  };
  const upgrade = (socket: Socket, leftover: Buffer): void => {
    publish(
      upgradeToTls(socket, context, { leftover }).then(
        (tlsSocket): Upgrade => {
          const peerSubject = tlsSocket.getPeerX509Certificate()?.subject;
          tlsSocket.on('error', () => undefined);
          // Node closes without close_notify, which openssl s_client reports as an error: there, let the client close.
          if (isImmediate) tlsSocket.write('hello\n');
          else tlsSocket.end('hello\n');
          return { ok: true, socket: tlsSocket, peerSubject };
        },
        (error: Error): Upgrade => ({ ok: false, reason: error.message }),
      ),
    );
  };
  const server = createServer((socket) => {
    if (isImmediate) {
      upgrade(socket, Buffer.alloc(0));
      return;
    }
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf(0x0a);
      if (end < 0) return;
      socket.off('data', onData);
      socket.pause();
      upgrade(socket, received.subarray(end + 1));
    };
    socket.on('data', onData);
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  const next = (): Promise<Upgrade> => {
    const ready = results.shift();
    return ready ?? new Promise<Upgrade>((resolve) => waiters.push((result) => resolve(result)));
  };
  return { server, port, next };
}

/** Client outcome: what it read before the connection closed, or its error. */
interface ClientOutcome {
  readonly isSecure: boolean;
  readonly data: string;
  readonly errorCode?: string | undefined;
  readonly isAuthorized: boolean;
}

function connectClient(port: number, options: ConnectionOptions): Promise<ClientOutcome> {
  return new Promise((resolve) => {
    const raw = netConnect(port, '127.0.0.1', () => {
      raw.write(PLAIN_PREFIX);
      const socket = tlsConnect({ socket: raw, servername: 'localhost', ...options });
      let isSecure = false;
      let data = '';
      let errorCode: string | undefined;
      socket.on('secureConnect', () => (isSecure = true));
      socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
      socket.on('error', (error: NodeJS.ErrnoException) => (errorCode ??= error.code));
      socket.on('close', () => resolve({ isSecure, data, errorCode, isAuthorized: socket.authorized }));
    });
    raw.on('error', () => undefined);
  });
}

void describe('TLS round trips with tidal-ssl-setup files', () => {
  let root: { path: string; remove: () => Promise<void> };
  let a: (name: string) => string;
  let b: (name: string) => string;
  let context: ServerTlsContext;
  let prefixed: Awaited<ReturnType<typeof startTlsServer>>;
  let immediate: Awaited<ReturnType<typeof startTlsServer>>;

  before(async () => {
    root = await tempDir('ssl-roundtrip');
    a = (name) => join(root.path, 'a', name);
    b = (name) => join(root.path, 'b', name);
    const runs = await Promise.all([
      sslSetup(`--datadir=${join(root.path, 'a')}`),
      sslSetup(`--datadir=${join(root.path, 'b')}`),
    ]);
    for (const result of runs) assert.equal(result.code, 0, result.stderr);
    const loaded = loadServerTlsContext({ cert: a('server-cert.pem'), key: a('server-key.pem'), ca: a('ca.pem') });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.reason);
    context = loaded.context;
    [prefixed, immediate] = await Promise.all([startTlsServer(context, false), startTlsServer(context, true)]);
  });

  after(async () => {
    await Promise.all([prefixed, immediate].map(({ server }) => new Promise((resolve) => server.close(resolve))));
    await root.remove();
  });

  void it('lets a client verify the server against ca.pem as localhost', async () => {
    const client = connectClient(prefixed.port, { ca: await readFile(a('ca.pem')) });
    const upgraded = await prefixed.next();
    assert.ok(upgraded.ok);
    const status = new Map(tlsSessionStatus(upgraded.socket));
    assert.equal(status.get('Ssl_version'), 'TLSv1.3');
    assert.equal(status.get('Ssl_cipher'), 'TLS_AES_256_GCM_SHA384');
    assert.deepEqual(await client, { isSecure: true, data: 'hello\n', errorCode: undefined, isAuthorized: true });
  });

  void it('accepts a client certificate signed by ssl-ca, and a client without one', async () => {
    const withCert = connectClient(prefixed.port, {
      ca: await readFile(a('ca.pem')),
      cert: await readFile(a('client-cert.pem')),
      key: await readFile(a('client-key.pem')),
    });
    const upgraded = await prefixed.next();
    assert.ok(upgraded.ok);
    assert.equal(upgraded.peerSubject, 'CN=TidalDB_Auto_Generated_Client_Certificate');
    assert.equal((await withCert).data, 'hello\n');

    const without = connectClient(prefixed.port, { ca: await readFile(a('ca.pem')) });
    const plain = await prefixed.next();
    assert.ok(plain.ok);
    assert.equal(plain.peerSubject, undefined);
    assert.equal((await without).data, 'hello\n');
  });

  void it('refuses a client certificate from another CA, over TLS 1.3 and TLS 1.2', async () => {
    for (const maxVersion of ['TLSv1.3', 'TLSv1.2'] as const) {
      const client = connectClient(prefixed.port, {
        ca: await readFile(a('ca.pem')),
        cert: await readFile(b('client-cert.pem')),
        key: await readFile(b('client-key.pem')),
        maxVersion,
      });
      const upgraded = await prefixed.next();
      assert.equal(upgraded.ok, false, maxVersion);
      assert.match(
        upgraded.ok ? '' : upgraded.reason,
        /^TLS handshake with 127\.0\.0\.1:\d+ failed: client certificate "CN=TidalDB_Auto_Generated_Client_Certificate" refused: unable to verify the first certificate \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)$/,
      );
      assert.equal((await client).data, '', `${maxVersion}: the refused client must get no application data`);
    }
  });

  void it('refuses a client limited to TLSv1.1', async () => {
    const client = connectClient(prefixed.port, {
      ca: await readFile(a('ca.pem')),
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    const upgraded = await prefixed.next();
    assert.match(upgraded.ok ? '' : upgraded.reason, /\(unsupported protocol\)$/);
    const outcome = await client;
    assert.equal(outcome.isSecure, false);
    assert.equal(outcome.errorCode, 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION');
  });

  void it('is not trusted by a client that only trusts another CA', async () => {
    const client = connectClient(prefixed.port, { ca: await readFile(b('ca.pem')) });
    const outcome = await client;
    assert.equal(outcome.isSecure, false);
    assert.equal(outcome.errorCode, 'SELF_SIGNED_CERT_IN_CHAIN');
    // The client judges the chain after its side of the handshake, so the server may or may not finish: drain it.
    await prefixed.next();
  });

  void it('works with openssl s_client, which verifies the server and presents the PKCS#8 client key', async () => {
    const args = [
      's_client',
      '-connect',
      `127.0.0.1:${immediate.port}`,
      '-brief',
      '-CAfile',
      a('ca.pem'),
      '-verify_return_error',
      '-verify_hostname',
      'localhost',
    ];
    const result = await run('openssl', [...args, '-cert', a('client-cert.pem'), '-key', a('client-key.pem')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^Protocol version: TLSv1\.3$/m);
    assert.match(result.stderr, /^Verification: OK$/m);
    assert.match(result.stderr, /^Verified peername: localhost$/m);
    const upgraded = await immediate.next();
    assert.ok(upgraded.ok);
    assert.equal(upgraded.peerSubject, 'CN=TidalDB_Auto_Generated_Client_Certificate');

    const old = await run('openssl', [...args, '-tls1_1']);
    assert.notEqual(old.code, 0);
    const refused = await immediate.next();
    assert.equal(refused.ok, false);
  });
});
