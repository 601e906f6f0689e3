// Decides whether a client certificate presented during the TLS handshake chains to the configured CA.
import type { X509Certificate } from 'node:crypto';
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
  if (error === null || error === undefined) return checkDepth(subject, certificate, depth?.trustedCas ?? [], depth?.maxIntermediates);
  return {
    isAccepted: false,
    reason: `client certificate "${subject}" refused: ${error.message}${error.code ? ` (${error.code})` : ''}`,
  };
}

/**
 * OpenSSL's verify depth, applied after verification (Node cannot set it on a context): the chain from the client
 * certificate to the trusted root may hold at most `maxIntermediates` intermediate CAs. Neither the client
 * certificate nor the root counts, as with X509_VERIFY_PARAM_set_depth and `openssl verify -verify_depth`; an
 * intermediate found in ssl-ca counts like one the client sent.
 */
function checkDepth(
  subject: string,
  leaf: X509Certificate,
  trustedCas: readonly X509Certificate[],
  maxIntermediates: number | undefined,
): ClientCertificateVerdict {
  if (maxIntermediates === undefined) return { isAccepted: true };
  const intermediates = countIntermediates(leaf, sentChain(leaf), trustedCas);
  if (intermediates === undefined) {
    return {
      isAccepted: false,
      reason: `client certificate "${subject}" refused: its chain to a root of ssl-ca cannot be followed to check ssl-verify-depth ${maxIntermediates}`,
    };
  }
  if (intermediates <= maxIntermediates) return { isAccepted: true };
  return {
    isAccepted: false,
    reason: `client certificate "${subject}" refused: its chain has ${intermediates} intermediate CA certificate${intermediates === 1 ? '' : 's'}, more than ssl-verify-depth ${maxIntermediates} allows`,
  };
}

/**
 * The certificates the client sent above its own, as Node links them by name. (Node 20 does hand them over; note
 * that after getPeerX509Certificate(), getPeerCertificate(true) no longer reports them, so only this one is used.)
 */
function sentChain(leaf: X509Certificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set([leaf.fingerprint256]);
  for (let link = leaf.issuerCertificate; link !== undefined && !seen.has(link.fingerprint256); link = link.issuerCertificate) {
    seen.add(link.fingerprint256);
    chain.push(link);
  }
  return chain;
}

/** Longest chain followed; OpenSSL's own limit is 100 intermediates. */
const MAX_CHAIN_LENGTH = 102;

/**
 * Intermediate CAs between `leaf` and a self-signed root of ssl-ca, following issuers by name and signature and,
 * as OpenSSL does by default (X509_V_FLAG_TRUSTED_FIRST), preferring an issuer from ssl-ca over one the client sent.
 * Node links issuers by name only, so every link is checked here: a forged certificate the client adds cannot
 * shorten the count. Undefined when no such chain exists (which OpenSSL's verification already excludes).
 */
export function countIntermediates(
  leaf: X509Certificate,
  sent: readonly X509Certificate[],
  trustedCas: readonly X509Certificate[],
): number | undefined {
  const trusted = new Set(trustedCas.map((ca) => ca.fingerprint256));
  const issuedBy = (child: X509Certificate, parent: X509Certificate): boolean =>
    child.checkIssued(parent) && child.verify(parent.publicKey);
  let current = leaf;
  for (let length = 1; length <= MAX_CHAIN_LENGTH; length++) {
    if (trusted.has(current.fingerprint256) && issuedBy(current, current)) return Math.max(0, length - 2);
    const issuer = trustedCas.find((ca) => issuedBy(current, ca)) ?? sent.find((ca) => ca.ca && issuedBy(current, ca));
    if (issuer === undefined || issuer.fingerprint256 === current.fingerprint256) return undefined;
    current = issuer;
  }
  return undefined;
}
