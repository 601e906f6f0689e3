// applyClientCollation: the collation a client names in its handshake becomes the session's connection collation.
import type { Session } from '../session/session.js';
import { collationById } from '../sql/collation/index.js';

/**
 * As MySQL does at login, the handshake's collation id sets character_set_client/_connection/_results and
 * collation_connection (so literals compare under it); an id TidalDB does not implement keeps the server defaults.
 */
export function applyClientCollation(session: Session, collationId: number): void {
  const collation = collationById(collationId);
  if (collation && collation.charset !== 'binary') session.variables.setNames(collation.charset, collation.name);
}
