// Turns a connected plain socket into a server-side TLS socket after MySQL's SSLRequest, and waits for the handshake.
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { checkClientCertificate } from './client-certificate-check.js';
import type { ServerTlsContext } from './server-tls-context.js';
import { rememberSocketContext } from './socket-context-registry.js';
import type { TlsHandshakeFailureKind, TlsServerCounters } from './tls-server-counters.js';

/** How long a client may take to finish the handshake, as MySQL's connect_timeout default (10 s). */
export const TLS_HANDSHAKE_TIMEOUT_MS = 10_000;

/** Options of {@link upgradeToTls}. */
export interface UpgradeToTlsOptions {
  /** Bytes already read from the socket past the SSLRequest: the start of the ClientHello, replayed first. */
  readonly leftover?: Buffer | undefined;
  /** Server counters to bump (Ssl_accepts, Ssl_finished_accepts, Ssl_sessions_reused). */
  readonly counters?: TlsServerCounters | undefined;
  /** Milliseconds before an unfinished handshake fails; {@link TLS_HANDSHAKE_TIMEOUT_MS} by default. */
  readonly handshakeTimeoutMs?: number | undefined;
  /**
   * When a client certificate is refused, reject with a {@link ClientCertificateRefusedError} holding the still open
   * TLS socket, so the caller can answer the client with a MySQL error; by default the socket is destroyed.
   */
  readonly keepRefusedSocket?: boolean | undefined;
}

/** A failed TLS upgrade; `message` is one line: `TLS handshake with 127.0.0.1:5123 failed: <reason>`. */
export class TlsHandshakeError extends Error {
  override readonly name = 'TlsHandshakeError';

  constructor(
    /** `address:port` of the client. */
    readonly peer: string,
    /** Why, without the peer: "client offered only protocol versions older than TLSv1.2 (unsupported protocol)". */
    readonly reason: string,
    options?: ErrorOptions,
    /** The kind counted in TlsServerCounters. */
    readonly kind: TlsHandshakeFailureKind = 'protocol',
  ) {
    super(`TLS handshake with ${peer} failed: ${reason}`, options);
  }
}

/**
 * A client certificate was refused after a finished handshake (see UpgradeToTlsOptions.keepRefusedSocket): the
 * caller owns `socket` and must answer and close it.
 */
export class ClientCertificateRefusedError extends TlsHandshakeError {
  constructor(
    peer: string,
    reason: string,
    /** The established TLS socket, without listeners of ours. */
    readonly socket: TLSSocket,
  ) {
    super(peer, reason, undefined, 'certificate-refused');
  }
}

/**
 * Wraps `socket` (already connected, the SSLRequest read in plain text, paused and with no listeners of the
 * caller's left) in a server-side TLSSocket using `context`, and resolves with it once the handshake has finished
 * and any client certificate was accepted (see checkClientCertificate). Rejects with a {@link TlsHandshakeError}
 * on a handshake error, a refused client certificate, the client closing, or the timeout; the socket is then
 * destroyed (unless `keepRefusedSocket` for a refused certificate) and no listener of ours stays on it. On success our listeners are removed too: the caller must attach
 * its own 'error' listener right away (in the same tick).
 */
export function upgradeToTls(
  socket: Socket,
  context: ServerTlsContext,
  options: UpgradeToTlsOptions = {},
): Promise<TLSSocket> {
  const peer = peerName(socket);
  if (socket.destroyed) {
    return Promise.reject(new TlsHandshakeError(peer, 'the client closed the connection before the handshake'));
  }
  options.counters?.recordAccept();
  // The TLSSocket reads what is buffered in the plain socket before its first read from the wire (Node's initRead).
  if (options.leftover !== undefined && options.leftover.length > 0) socket.unshift(options.leftover);
  const tlsSocket = new TLSSocket(socket, {
    isServer: true,
    secureContext: context.secureContext,
    requestCert: context.isClientCertificateRequested,
    // Never true: it would refuse clients without a certificate. Presented certificates are checked on 'secure'.
    rejectUnauthorized: false,
  });

  return new Promise<TLSSocket>((resolve, reject) => {
    const timeoutMs = options.handshakeTimeoutMs ?? TLS_HANDSHAKE_TIMEOUT_MS;
    const timer = setTimeout(() => fail(`not finished within ${timeoutMs} ms (connect_timeout)`, undefined, 'timeout'), Math.max(0, timeoutMs));
    const cleanUp = (): void => {
      clearTimeout(timer);
      tlsSocket.off('secure', onSecure);
      tlsSocket.off('error', onError);
      tlsSocket.off('close', onClose);
    };
    function fail(reason: string, cause?: unknown, kind: TlsHandshakeFailureKind = 'protocol'): void {
      cleanUp();
      options.counters?.recordFailure(kind, kind === 'protocol' && cause instanceof Error ? openSslReason(cause) : kind);
      // A late 'error' from tearing down must not become an uncaught exception.
      tlsSocket.on('error', ignore);
      tlsSocket.destroy();
      socket.destroy();
      reject(new TlsHandshakeError(peer, reason, cause === undefined ? undefined : { cause }, kind));
    }
    function onSecure(): void {
      const verdict = context.isClientCertificateRequested
        ? checkClientCertificate(tlsSocket, context)
        : ({ isAccepted: true } as const);
      if (!verdict.isAccepted && options.keepRefusedSocket === true) {
        cleanUp();
        options.counters?.recordFailure('certificate-refused');
        reject(new ClientCertificateRefusedError(peer, verdict.reason, tlsSocket));
        return;
      }
      if (!verdict.isAccepted) {
        fail(verdict.reason, undefined, 'certificate-refused');
        return;
      }
      cleanUp();
      options.counters?.recordFinishedAccept(tlsSocket.isSessionReused());
      rememberSocketContext(tlsSocket, context);
      resolve(tlsSocket);
    }
    function onError(error: Error): void {
      const code = (error as NodeJS.ErrnoException).code;
      fail(describeHandshakeError(error), error, code === 'ECONNRESET' || code === 'EPIPE' ? 'client-closed' : 'protocol');
    }
    function onClose(): void {
      fail('the client closed the connection during the handshake', undefined, 'client-closed');
    }
    tlsSocket.on('secure', onSecure);
    tlsSocket.on('error', onError);
    tlsSocket.on('close', onClose);
  });
}

function ignore(): void {}

function peerName(socket: Socket): string {
  const address = socket.remoteAddress ?? 'unknown';
  const host = address.includes(':') ? `[${address}]` : address;
  return socket.remotePort === undefined ? host : `${host}:${socket.remotePort}`;
}

/** Hints for OpenSSL's reason strings a misconfigured client causes most often. */
const REASON_HINTS: Readonly<Record<string, string>> = {
  'unsupported protocol':
    'the client offered only protocol versions this server does not allow (see tls_version)',
  'no shared cipher': 'the client offered none of the allowed cipher suites',
  'wrong version number': 'the client did not start a TLS handshake',
  'http request': 'the client sent an HTTP request instead of a TLS handshake',
  'version too low': 'the client offered only protocol versions this server does not allow (see tls_version)',
  'tlsv1 alert unknown ca': 'the client does not trust the server certificate (unknown CA)',
  'sslv3 alert bad certificate': 'the client rejected the server certificate',
  'sslv3 alert certificate unknown': 'the client rejected the server certificate',
};

/** OpenSSL's reason field of a handshake error ('no shared cipher'), or 'protocol' when it has none. */
function openSslReason(error: Error): string {
  const fields = error.message.split(':');
  return fields[1] === 'error' && fields.length > 5 ? (fields[5] ?? 'protocol') : 'protocol';
}

/**
 * One line from an OpenSSL error ("805C…:error:0A000102:SSL routines:tls_early_post_process_client_hello:
 * unsupported protocol:../ssl/statem/statem_srvr.c:1664:"): its reason field, with a hint when we have one.
 */
export function describeHandshakeError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the client closed the connection during the handshake';
  const fields = error.message.split(':');
  const isOpenSslFormat = fields[1] === 'error' && fields.length > 5;
  const reason = isOpenSslFormat ? (fields[5] ?? error.message) : (error.message.split('\n')[0] ?? error.message);
  const hint = REASON_HINTS[reason];
  return hint === undefined ? reason : `${hint} (${reason})`;
}
