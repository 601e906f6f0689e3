// Remembers which ServerTlsContext each upgraded socket was accepted with, for that connection's Ssl_* values.
import type { TLSSocket } from 'node:tls';
import type { ServerTlsContext } from './server-tls-context.js';

/** Weak, so a closed connection's socket and an old context after a reload can be collected. */
const contexts = new WeakMap<TLSSocket, ServerTlsContext>();

/** Records the context `socket` completed its handshake with. */
export function rememberSocketContext(socket: TLSSocket, context: ServerTlsContext): void {
  contexts.set(socket, context);
}

/** The context `socket` was accepted with (unchanged by a later reload), or undefined for a foreign socket. */
export function socketContext(socket: TLSSocket): ServerTlsContext | undefined {
  return contexts.get(socket);
}
