// Server-wide TLS handshake counters behind the global Ssl_accepts, Ssl_finished_accepts and Ssl_sessions_reused.

/**
 * Counts TLS handshakes since the server started. MySQL reads these from OpenSSL's session statistics
 * (SSL_CTX_sess_accept, _accept_good, _hits); ours survive a TLS reload, as one server-wide count should.
 * See https://dev.mysql.com/doc/refman/8.0/en/server-status-variables.html#statvar_Ssl_accepts.
 */
export class TlsServerCounters {
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
