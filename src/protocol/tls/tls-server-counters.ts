// Server-wide TLS handshake counters behind the global Ssl_accepts, Ssl_finished_accepts and Ssl_sessions_reused.

/**
 * Why a handshake failed: it did not finish within connect_timeout, the client went away, its certificate was
 * refused (unverifiable, revoked, chain too deep), or anything else TLS refused (version, ciphers, garbage).
 */
export type TlsHandshakeFailureKind = 'timeout' | 'client-closed' | 'certificate-refused' | 'protocol';

/**
 * Counts TLS handshakes since the server started. MySQL reads these from OpenSSL's session statistics
 * (SSL_CTX_sess_accept, _accept_good, _hits); ours survive a TLS reload, as one server-wide count should.
 * See https://dev.mysql.com/doc/refman/8.0/en/server-status-variables.html#statvar_Ssl_accepts.
 */
export class TlsServerCounters {
  #failures: Record<TlsHandshakeFailureKind, number> = { timeout: 0, 'client-closed': 0, 'certificate-refused': 0, protocol: 0 };
  #accepts = 0;
  #finishedAccepts = 0;
  #sessionsReused = 0;

  /** A TLS handshake started (Ssl_accepts). */
  recordAccept(): void {
    this.#accepts++;
  }

  /** A handshake finished and the connection was accepted (Ssl_finished_accepts); `isSessionReused` for resumptions. */
  recordFinishedAccept(isSessionReused: boolean): void {
    this.#finishedAccepts++;
    if (isSessionReused) this.#sessionsReused++;
  }

  /** A handshake failed (Ssl_handshake_failures, and by kind). */
  recordFailure(kind: TlsHandshakeFailureKind): void {
    this.#failures[kind]++;
  }

  /** Failed handshakes of one kind, or of all kinds. */
  failures(kind?: TlsHandshakeFailureKind): number {
    if (kind !== undefined) return this.#failures[kind];
    return Object.values(this.#failures).reduce((sum, count) => sum + count, 0);
  }

  /** Handshakes started. */
  get accepts(): number {
    return this.#accepts;
  }

  /** Handshakes that ended in an accepted TLS connection. */
  get finishedAccepts(): number {
    return this.#finishedAccepts;
  }

  /** Accepted connections that resumed an earlier TLS session. */
  get sessionsReused(): number {
    return this.#sessionsReused;
  }
}
