// SessionIdentity: who the client of a session is, fixed at login.

/** Who the client is, fixed at login (and at COM_CHANGE_USER, which starts a new session). */
export interface SessionIdentity {
  readonly connectionId: number;
  readonly user: string;
  readonly host: string;
  /** The account that authenticated, `user@host` as CURRENT_USER() shows it. */
  readonly account: string;
  readonly isFoundRowsMode: boolean;
}
