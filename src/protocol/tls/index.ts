// The TLS part of the protocol layer: policy, server context, the SSLRequest upgrade, and Ssl_* status values.
export {
  DEFAULT_TLS_POLICY,
  DEFAULT_TLS_VERSIONS,
  ECDH_CURVES,
  LEGACY_CIPHERS,
  SSL_CIPHER_LIST,
  TLS12_CIPHERS,
  TLS13_CIPHERSUITES,
  TLS_POLICY,
  TLS_PROTOCOL_VERSIONS,
  TLS_VERSION_LIST,
  cipherList,
  tlsPolicyOptions,
  tlsVersionList,
} from './tls-policy.js';
export type { TlsPolicy, TlsProtocolVersion } from './tls-policy.js';
export { resolveTlsPolicy } from './resolve-tls-policy.js';
export type { TlsPolicyResolution, TlsPolicySettings } from './resolve-tls-policy.js';
export {
  SslVerifyMode,
  UNLIMITED_VERIFY_DEPTH,
  createServerTlsContext,
  loadServerTlsContext,
} from './server-tls-context.js';
export type { ServerTlsContext, ServerTlsContextLoad, ServerTlsOptions } from './server-tls-context.js';
export { ClientCertificateRefusedError, TLS_HANDSHAKE_TIMEOUT_MS, TlsHandshakeError, describeHandshakeError, upgradeToTls } from './upgrade-to-tls.js';
export type { UpgradeToTlsOptions } from './upgrade-to-tls.js';
export { checkClientCertificate, countIntermediates } from './client-certificate-check.js';
export type { ClientCertificateVerdict } from './client-certificate-check.js';
export { TlsServerCounters } from './tls-server-counters.js';
export type { TlsHandshakeFailureKind } from './tls-server-counters.js';
export { tlsSessionStatus, tlsStatusVariables } from './tls-session-status.js';
export type { TlsStatusRow, TlsStatusScope, TlsStatusValue } from './tls-session-status.js';
