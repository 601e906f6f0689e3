// The Ssl_* status variables: per-connection cipher and version, and the server's TLS context and counters.
import type { TLSSocket } from 'node:tls';
import type { ServerTlsContext } from './server-tls-context.js';
import { socketContext } from './socket-context-registry.js';
import type { TlsServerCounters } from './tls-server-counters.js';

/** A status value as SHOW STATUS prints it (numbers in decimal). */
export type TlsStatusValue = string | number | bigint;

/** One SHOW STATUS row. */
export type TlsStatusRow = readonly [name: string, value: TlsStatusValue];

/** Which SHOW STATUS is answered. */
export type TlsStatusScope = 'global' | 'session';

/**
 * The Ssl_* rows. Server-wide in both scopes: Ssl_accepts, Ssl_finished_accepts, Ssl_ctx_verify_mode,
 * Ssl_ctx_verify_depth. Connection rows (Ssl_cipher, Ssl_cipher_list, Ssl_version, Ssl_verify_mode,
 * Ssl_verify_depth, Ssl_server_not_before, Ssl_server_not_after, Ssl_sessions_reused): for 'session', those of
 * `socket` (empty strings and zeros for a plain connection, as MySQL shows); for 'global', the current context's
 * values with an empty cipher and version, and the server's count of reused sessions.
 * See https://dev.mysql.com/doc/refman/8.0/en/server-status-variables.html.
 */
export function tlsStatusVariables(
  context: ServerTlsContext | undefined,
  socket: TLSSocket | undefined,
  counters: TlsServerCounters,
  scope: TlsStatusScope = 'session',
): TlsStatusRow[] {
  const server: TlsStatusRow[] = [
    ['Ssl_accepts', counters.accepts],
    ['Ssl_finished_accepts', counters.finishedAccepts],
    ['Ssl_ctx_verify_mode', context?.verifyMode ?? 0],
    ['Ssl_ctx_verify_depth', context?.verifyDepth ?? 0],
    // TidalDB's own: failed handshakes (Ssl_accepts - Ssl_finished_accepts, broken down).
    ['Ssl_handshake_failures', counters.failures()],
    ['Ssl_handshake_timeouts', counters.failures('timeout')],
    ['Ssl_client_certificates_refused', counters.failures('certificate-refused')],
  ];
  if (scope === 'session') return [...server, ...tlsSessionStatus(socket)];
  return [
    ...server,
    ['Ssl_cipher', ''],
    ['Ssl_cipher_list', context?.cipherList ?? ''],
    ['Ssl_version', ''],
    ['Ssl_verify_mode', context?.verifyMode ?? 0],
    ['Ssl_verify_depth', context?.verifyDepth ?? 0],
    ['Ssl_server_not_before', context?.serverNotBefore ?? ''],
    ['Ssl_server_not_after', context?.serverNotAfter ?? ''],
    ['Ssl_sessions_reused', counters.sessionsReused],
  ];
}

/**
 * The connection rows for one connection: `socket` is its TLS socket, undefined for a plain connection. The
 * certificate dates (of the certificate the client was served) and verify mode are those of the context the socket
 * was accepted with (a later reload does not change them). Cipher names are OpenSSL's (`TLS_AES_256_GCM_SHA384`, `ECDHE-RSA-AES128-GCM-SHA256`), as MySQL's.
 */
export function tlsSessionStatus(socket: TLSSocket | undefined): TlsStatusRow[] {
  const context = socket === undefined ? undefined : socketContext(socket);
  // With an RSA and an ECDSA certificate side by side, the dates are those of the one this client was served.
  const local = socket?.getCertificate();
  const served = local && 'valid_to' in local ? local : undefined;
  return [
    ['Ssl_cipher', socket?.getCipher()?.name ?? ''],
    ['Ssl_cipher_list', socket === undefined ? '' : (context?.cipherList ?? '')],
    ['Ssl_version', socket?.getProtocol() ?? ''],
    ['Ssl_verify_mode', context?.verifyMode ?? 0],
    ['Ssl_verify_depth', context?.verifyDepth ?? 0],
    ['Ssl_server_not_before', served?.valid_from ?? context?.serverNotBefore ?? ''],
    ['Ssl_server_not_after', served?.valid_to ?? context?.serverNotAfter ?? ''],
    ['Ssl_sessions_reused', socket?.isSessionReused() === true ? 1 : 0],
  ];
}
