// upgradeToTls: the handshake after a plain-text prefix, leftover bytes, session status, resumption, and failures.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { ConnectionOptions, TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import {
  SSL_CIPHER_LIST,
  TlsHandshakeError,
  TlsServerCounters,
  UNLIMITED_VERIFY_DEPTH,
  describeHandshakeError,
  loadServerTlsContext,
  tlsSessionStatus,
  upgradeToTls,
} from '../../../../src/protocol/tls/index.js';
import type { ServerTlsContext, UpgradeToTlsOptions } from '../../../../src/protocol/tls/index.js';
import { PLAIN_PREFIX, listenPlainThenTls, makeCertificateDirs } from './tls-fixtures.js';
import type { CertificateDir } from './tls-fixtures.js';

let certs: CertificateDir;
let removeCerts: () => Promise<void>;
let context: ServerTlsContext;

/** One upgrade on the server side: the promise, and the leftover the server saw. */
interface Accepted {
  readonly upgrade: Promise<TLSSocket>;
  readonly leftover: Buffer;
  readonly raw: Socket;
}

/** A server whose next connection is upgraded with `options`; `accepted()` resolves when the prefix was read. */
async function startServer(
  options: Omit<UpgradeToTlsOptions, 'leftover'>,
  delayMs = 0,
  tlsContext = context,
): Promise<{ server: Server; port: number; accepted: () => Promise<Accepted> }> {
  const waiting: Array<(accepted: Accepted) => void> = [];
  const ready: Accepted[] = [];
  const { server, port } = await listenPlainThenTls((raw, leftover) => {
    const upgrade = upgradeToTls(raw, tlsContext, { ...options, leftover });
    upgrade.catch(() => undefined);
    const accepted = { upgrade, leftover, raw };
    const waiter = waiting.shift();
    if (waiter) waiter(accepted);
    else ready.push(accepted);
  }, delayMs);
  const accepted = (): Promise<Accepted> => {
    const first = ready.shift();
    return first ? Promise.resolve(first) : new Promise((resolve) => waiting.push(resolve));
  };
  return { server, port, accepted };
}

/** Connects, sends the prefix and starts a TLS handshake; resolves on secureConnect. */
function connectTls(port: number, options: ConnectionOptions = {}): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const raw = netConnect(port, '127.0.0.1', () => {
      raw.write(PLAIN_PREFIX);
      const socket = tlsConnect({ socket: raw, ca: readFileSync(certs.ca), servername: 'localhost', ...options });
      socket.once('secureConnect', () => resolve(socket));
      socket.once('error', reject);
    });
    raw.once('error', reject);
  });
}

/** Connects and sends the prefix followed by `bytes` (or nothing), in plain text; resolves when the server closes. */
function sendPlain(port: number, bytes: string | undefined, shouldEnd = false): Promise<void> {
  return new Promise((resolve) => {
    const raw = netConnect(port, '127.0.0.1', () => {
      raw.write(PLAIN_PREFIX + (bytes ?? ''));
      if (shouldEnd) raw.end();
    });
    raw.on('error', () => undefined);
    raw.on('close', () => resolve());
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function statusOf(socket: TLSSocket | undefined): Map<string, unknown> {
  return new Map(tlsSessionStatus(socket));
}

void describe('upgradeToTls', () => {
  before(async () => {
    const made = await makeCertificateDirs(1);
    certs = made.dirs[0]!;
    removeCerts = made.remove;
    const loaded = loadServerTlsContext({ cert: certs.serverCert, key: certs.serverKey, ca: certs.ca });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.reason);
    context = loaded.context;
  });
  after(() => removeCerts());

  void it('replays bytes read past the prefix, finishes the handshake and carries data both ways', async () => {
    const counters = new TlsServerCounters();
    const { server, port, accepted } = await startServer({ counters }, 100);
    try {
      const client = await connectTls(port);
      const { upgrade, leftover } = await accepted();
      const serverSocket = await upgrade;
      assert.ok(leftover.length > 0, 'the ClientHello should have arrived with the prefix');
      assert.equal(serverSocket.listenerCount('secure'), 0);
      serverSocket.on('error', () => undefined);
      serverSocket.once('data', (chunk: Buffer) => serverSocket.write(`pong:${chunk.toString()}`));
      const reply = new Promise<string>((resolve) => client.once('data', (chunk: Buffer) => resolve(chunk.toString())));
      client.write('ping');
      assert.equal(await reply, 'pong:ping');
      assert.equal(client.getProtocol(), 'TLSv1.3');
      assert.equal(client.authorized, true);

      const status = statusOf(serverSocket);
      assert.equal(status.get('Ssl_cipher'), 'TLS_AES_256_GCM_SHA384');
      assert.equal(status.get('Ssl_version'), 'TLSv1.3');
      assert.equal(status.get('Ssl_cipher_list'), SSL_CIPHER_LIST);
      assert.equal(status.get('Ssl_verify_mode'), 5);
      assert.equal(status.get('Ssl_verify_depth'), UNLIMITED_VERIFY_DEPTH);
      assert.equal(status.get('Ssl_server_not_before'), context.serverNotBefore);
      assert.equal(status.get('Ssl_server_not_after'), context.serverNotAfter);
      assert.equal(status.get('Ssl_sessions_reused'), 0);
      assert.deepEqual([counters.accepts, counters.finishedAccepts, counters.sessionsReused], [1, 1, 0]);
      client.destroy();
      serverSocket.destroy();
    } finally {
      await closeServer(server);
    }
  });

  void it('resumes a TLS session and counts it as reused', async () => {
    const counters = new TlsServerCounters();
    const { server, port, accepted } = await startServer({ counters });
    try {
      const first = await connectTls(port);
      const firstServer = await (await accepted()).upgrade;
      firstServer.on('error', () => undefined);
      // TLS 1.3 tickets come after the handshake; the client sees one once it reads.
      const session = new Promise<Buffer>((resolve) => first.once('session', resolve));
      firstServer.write('hello');
      const ticket = await session;
      first.destroy();
      firstServer.destroy();

      const second = await connectTls(port, { session: ticket });
      const secondServer = await (await accepted()).upgrade;
      assert.equal(second.isSessionReused(), true);
      assert.equal(statusOf(secondServer).get('Ssl_sessions_reused'), 1);
      assert.deepEqual([counters.accepts, counters.finishedAccepts, counters.sessionsReused], [2, 2, 1]);
      second.destroy();
      secondServer.destroy();
    } finally {
      await closeServer(server);
    }
  });

  void it('does not ask for client certificates without a CA', async () => {
    const loaded = loadServerTlsContext({ cert: certs.serverCert, key: certs.serverKey });
    assert.ok(loaded.ok);
    const { server, port, accepted } = await startServer({}, 0, loaded.context);
    try {
      const client = await connectTls(port, {
        cert: readFileSync(certs.clientCert),
        key: readFileSync(certs.clientKey),
      });
      const serverSocket = await (await accepted()).upgrade;
      assert.equal(serverSocket.getPeerX509Certificate(), undefined);
      assert.equal(statusOf(serverSocket).get('Ssl_verify_mode'), 0);
      client.destroy();
      serverSocket.destroy();
    } finally {
      await closeServer(server);
    }
  });

  void it('rejects a client that does not start a TLS handshake, and closes the socket', async () => {
    const counters = new TlsServerCounters();
    const { server, port, accepted } = await startServer({ counters });
    try {
      const clientClosed = sendPlain(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      const { upgrade, raw } = await accepted();
      await assert.rejects(upgrade, (error: unknown) => {
        assert.ok(error instanceof TlsHandshakeError);
        assert.match(
          error.message,
          /^TLS handshake with 127\.0\.0\.1:\d+ failed: the client sent an HTTP request instead of a TLS handshake \(http request\)$/,
        );
        assert.match(error.peer, /^127\.0\.0\.1:\d+$/);
        return true;
      });
      assert.equal(raw.destroyed, true);
      await clientClosed;
      assert.deepEqual([counters.accepts, counters.finishedAccepts], [1, 0]);
    } finally {
      await closeServer(server);
    }
  });

  void it('rejects when the client hangs up during the handshake', async () => {
    const { server, port, accepted } = await startServer({});
    try {
      const clientClosed = sendPlain(port, undefined, true);
      await assert.rejects(
        (await accepted()).upgrade,
        /failed: the client closed the connection during the handshake$/,
      );
      await clientClosed;
    } finally {
      await closeServer(server);
    }
  });

  void it('rejects at once a socket the client already closed', async () => {
    const { server, port, accepted } = await startServer({});
    try {
      await sendPlain(port, undefined, true);
      const { raw } = await accepted();
      raw.destroy();
      const counters = new TlsServerCounters();
      await assert.rejects(upgradeToTls(raw, context, { counters }), {
        name: 'TlsHandshakeError',
        reason: 'the client closed the connection before the handshake',
      });
      assert.equal(counters.accepts, 0);
    } finally {
      await closeServer(server);
    }
  });

  void it('gives up on a handshake that does not finish in time', async () => {
    const { server, port, accepted } = await startServer({ handshakeTimeoutMs: 100 });
    try {
      const clientClosed = sendPlain(port, undefined);
      const { upgrade, raw } = await accepted();
      await assert.rejects(upgrade, /failed: not finished within 100 ms \(connect_timeout\)$/);
      await clientClosed;
      assert.equal(raw.destroyed, true);
    } finally {
      await closeServer(server);
    }
  });

  void it('refuses a client limited to TLS 1.1 with a hint', async () => {
    const { server, port, accepted } = await startServer({});
    try {
      const client = connectTls(port, { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
      await assert.rejects(client, { code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' });
      await assert.rejects(
        (await accepted()).upgrade,
        /failed: the client offered only protocol versions this server does not allow \(see tls_version\) \(unsupported protocol\)$/,
      );
    } finally {
      await closeServer(server);
    }
  });
});

void describe('describeHandshakeError', () => {
  void it("keeps OpenSSL's reason field and adds a hint", () => {
    const openSsl = new Error(
      '80:error:0A0000C1:SSL routines:tls_post_process_client_hello:no shared cipher:../ssl/statem/statem_srvr.c:2220:\n',
    );
    assert.equal(
      describeHandshakeError(openSsl),
      'the client offered none of the allowed cipher suites (no shared cipher)',
    );
    const other = new Error('80:error:0A000123:SSL routines:somewhere:some new reason:file.c:1:');
    assert.equal(describeHandshakeError(other), 'some new reason');
    assert.equal(
      describeHandshakeError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })),
      'the client closed the connection during the handshake',
    );
    assert.equal(describeHandshakeError(new Error('first line\nsecond')), 'first line');
  });
});
