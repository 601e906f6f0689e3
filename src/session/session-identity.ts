// SessionIdentity: who the client of a session is, fixed at login.

/** Who the client is, fixed at login (and at COM_CHANGE_USER, which starts a new session). */
export interface SessionIdentity {
  readonly connectionId: number;
  readonly user: string;
  readonly host: string;
  /** The account that authenticated, `user@host` as CURRENT_USER() shows it. */
  readonly account: string;
  readonly isFoundRowsMode: boolean;
  /**
   * The collation id the client's handshake named: it becomes the connection's character set and collation, as at a
   * MySQL login (an id TidalDB does not implement keeps the server defaults).
   */
  readonly clientCollationId?: number;
}
