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
/** Distinct failure reasons counted one by one; further reasons are counted as 'other' (metric labels stay few). */
const MAX_FAILURE_REASONS = 64;

export class TlsServerCounters {
  #failures: Record<TlsHandshakeFailureKind, number> = { timeout: 0, 'client-closed': 0, 'certificate-refused': 0, protocol: 0 };
  readonly #reasons = new Map<string, { readonly kind: TlsHandshakeFailureKind; readonly reason: string; count: number }>();
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

  /** A handshake failed (Ssl_handshake_failures, and by kind); `reason` is a short label such as 'no shared cipher'. */
  recordFailure(kind: TlsHandshakeFailureKind, reason: string = kind): void {
    this.#failures[kind]++;
    let key = `${kind}\u0000${reason}`;
    if (!this.#reasons.has(key) && this.#reasons.size >= MAX_FAILURE_REASONS) key = `${kind}\u0000other`;
    const entry = this.#reasons.get(key) ?? { kind, reason: key.endsWith('\u0000other') ? 'other' : reason, count: 0 };
    entry.count++;
    this.#reasons.set(key, entry);
  }

  /** Failed handshakes by kind and reason, for the status port's metrics. */
  failureReasons(): Iterable<{ readonly kind: TlsHandshakeFailureKind; readonly reason: string; readonly count: number }> {
    return this.#reasons.values();
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
