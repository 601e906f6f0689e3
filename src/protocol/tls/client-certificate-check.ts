// Decides whether a client certificate presented during the TLS handshake chains to the configured CA.
import type { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';

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
export function checkClientCertificate(
  socket: TLSSocket,
  depth?: { readonly maxIntermediates: number | undefined; readonly trustedCas: readonly X509Certificate[] },
): ClientCertificateVerdict {
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
  if (error === null || error === undefined) return checkDepth(socket, subject, certificate, depth?.trustedCas ?? [], depth?.maxIntermediates);
  return {
    isAccepted: false,
    reason: `client certificate "${subject}" refused: ${error.message}${error.code ? ` (${error.code})` : ''}`,
  };
}

/**
 * OpenSSL's verify depth, applied after verification (Node cannot set it on a context): the chain from the client
 * certificate to the trusted root may hold at most `maxIntermediates` intermediate CAs. Neither the client
 * certificate nor the root counts, as in X509_VERIFY_PARAM_set_depth. Node 20 does not expose the chain a client
 * sent on a stand-alone server TLSSocket (getPeerCertificate(true) returns the leaf alone), so intermediates are
 * counted from what it does give, and at least one is assumed when the leaf is not signed by a CA of ssl-ca itself:
 * exact for a limit of 0, and a longer chain than Node reports passes a limit above 0.
 */
function checkDepth(
  socket: TLSSocket,
  subject: string,
  leaf: X509Certificate,
  trustedCas: readonly X509Certificate[],
  maxIntermediates: number | undefined,
): ClientCertificateVerdict {
  if (maxIntermediates === undefined) return { isAccepted: true };
  let length = 0;
  const seen = new Set<unknown>();
  for (let link: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true); link && !seen.has(link); ) {
    seen.add(link);
    length++;
    const issuer: DetailedPeerCertificate | undefined = link.issuerCertificate;
    link = issuer === link ? undefined : issuer;
  }
  const isSignedByTrustedCa = trustedCas.some((ca) => leaf.checkIssued(ca) && leaf.verify(ca.publicKey));
  const intermediates = isSignedByTrustedCa ? 0 : Math.max(1, length - 2);
  if (intermediates <= maxIntermediates) return { isAccepted: true };
  return {
    isAccepted: false,
    reason: `client certificate "${subject}" refused: its chain has ${isSignedByTrustedCa ? '' : 'at least '}${intermediates} intermediate CA certificate${intermediates === 1 ? '' : 's'}, more than ssl-verify-depth ${maxIntermediates} allows`,
  };
}
