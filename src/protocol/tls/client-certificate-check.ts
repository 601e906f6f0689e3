// Decides whether a client certificate presented during the TLS handshake chains to the configured CA.
import type { TLSSocket } from 'node:tls';

/** The outcome of {@link checkClientCertificate}: accepted, or refused with a one-line reason. */
export type ClientCertificateVerdict =
  { readonly isAccepted: true } | { readonly isAccepted: false; readonly reason: string };

/** The native TLS handle's verification result (the same call Node's own tls.Server makes after a handshake). */
interface NativeTlsHandle {
  verifyError(): (Error & { code?: string }) | null | undefined;
}

/**
 * Accepts a client that presented no certificate (TiDB and MySQL let such clients in; REQUIRE X509 accounts are
 * checked later, at login) and one whose certificate OpenSSL verified against the CA; refuses one that presented a
 * certificate OpenSSL could not verify.
 *
 * Why not `rejectUnauthorized: true`? With `requestCert`, Node then sets SSL_VERIFY_FAIL_IF_NO_PEER_CERT, so
 * clients without a certificate would be refused too. And with `false`, a stand-alone server TLSSocket (one not
 * made by a tls.Server, as ours must be, since the handshake starts after the plain-text SSLRequest) never sets
 * `authorized`: Node's verify callback accepts every chain and only tls.Server looks at the result afterwards. So we
 * read the result the way tls.Server does, from the handle's `verifyError()`. If a future Node lacks it we fail
 * closed: a presented certificate is refused rather than trusted unchecked.
 */
export function checkClientCertificate(socket: TLSSocket): ClientCertificateVerdict {
  const certificate = socket.getPeerX509Certificate();
  if (certificate === undefined) return { isAccepted: true };
  const subject = certificate.subject.split('\n').join(', ');
  const handle = (socket as unknown as { ssl?: Partial<NativeTlsHandle> | null }).ssl;
  if (typeof handle?.verifyError !== 'function') {
    return {
      isAccepted: false,
      reason: `client certificate "${subject}" refused: this Node.js cannot report certificate verification`,
    };
  }
  const error = handle.verifyError();
  if (error === null || error === undefined) return { isAccepted: true };
  return {
    isAccepted: false,
    reason: `client certificate "${subject}" refused: ${error.message}${error.code ? ` (${error.code})` : ''}`,
  };
}
