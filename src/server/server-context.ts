// ServerContext: everything a connection needs from the running server, passed down instead of globals.
import type { Logger, RateLimitedLogger } from '../logging/index.js';
import type { ServerTlsContext, TlsServerCounters } from '../protocol/tls/index.js';
import type { GlobalVariables } from '../session/variables/index.js';
import type { SessionDriver } from '../session/client-session.js';
import type { ConnectionAdmission } from './connection-admission.js';
import type { RsaKeys } from './rsa-keys.js';
import type { Sha2PasswordCache } from './sha2-password-cache.js';

/** Shared, long-lived server state handed to every connection. */
export interface ServerContext {
  readonly logger: Logger;
  /** The way into SQL: logins' account lookups, new sessions, server-wide status. */
  readonly driver: SessionDriver;
  readonly globals: GlobalVariables;
  /** The TLS material in force for new connections, or undefined when TLS is off. Read at each handshake. */
  tls(): ServerTlsContext | undefined;
  readonly tlsCounters: TlsServerCounters;
  /** The version string sent in HandshakeV10 and shown by @@version. */
  readonly serverVersion: string;
  /** Milliseconds a login may take when the connect_timeout variable cannot be read (its default, 10 s). */
  readonly connectTimeoutMs: number;
  /** Every failure a client can cause (handshakes, logins, malformed packets, …), logged with peer and reason at a bounded rate per kind. */
  readonly handshakeLog: RateLimitedLogger;
  /** caching_sha2_password's RSA key pair for plain connections, or undefined when none is configured. */
  rsaKeys(): RsaKeys | undefined;
  /** caching_sha2_password's fast-authentication cache. */
  readonly sha2Cache: Sha2PasswordCache;
  /** max_connections, max_user_connections and the accounts' resource limits. */
  readonly admission: ConnectionAdmission;
}
