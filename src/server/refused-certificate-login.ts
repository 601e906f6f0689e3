// Answers a client whose certificate was refused after the TLS handshake with a MySQL error instead of a bare close.
import { mysqlError, ER_ACCESS_DENIED_ERROR } from '../errors/index.js';
import type { MySqlError } from '../errors/index.js';
import { decodeClientHandshake } from '../protocol/index.js';
import type { ClientCertificateRefusedError } from '../protocol/tls/index.js';
import type { PacketChannel } from './packet-channel.js';
import type { ServerContext } from './server-context.js';

/**
 * MySQL refuses an unverifiable client certificate inside the TLS handshake (OpenSSL's verify callback sends an
 * alert). Node verifies only after the handshake, where no alert can be sent any more, so the refusal is made at
 * login instead: the reason is logged (rate-limited, with the peer), the client's HandshakeResponse41 is read over
 * the established TLS session, and the answer is ER_ACCESS_DENIED_ERROR (1045) — what MySQL answers when a
 * certificate does not meet an account's REQUIRE X509/ISSUER/SUBJECT, and, like it, without telling the client
 * why. Returns that error and the sequence id to send it with, or undefined (channel closed) when the client hung
 * up instead.
 */
export async function refuseCertificateAtLogin(
  channel: PacketChannel,
  refusal: ClientCertificateRefusedError,
  context: ServerContext,
  peerHost: string,
): Promise<{ readonly error: MySqlError; readonly sequenceId: number } | undefined> {
  context.handshakeLog.log('warn', `tls-${refusal.kind}`, 'login failed', { peer: refusal.peer, reason: refusal.message });
  channel.attach(refusal.socket);
  try {
    const packet = await channel.read();
    const handshake = decodeClientHandshake(packet.payload);
    const user = handshake.kind === 'ssl-request' ? '' : handshake.username;
    // Clients send an empty password as no bytes or a single NUL.
    const response = handshake.kind === 'ssl-request' ? Buffer.alloc(0) : handshake.authResponse;
    const hasPassword = response.length > 1 || (response.length === 1 && response[0] !== 0);
    return { error: mysqlError(ER_ACCESS_DENIED_ERROR, user, peerHost, hasPassword ? 'YES' : 'NO'), sequenceId: packet.sequenceId + 1 };
  } catch {
    channel.destroy();
    return undefined;
  }
}
