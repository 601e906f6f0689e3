// createSessionDriver: the SessionDriver over one server's shared services, opening a Session per logged-in client.
import type { ClientSession, SessionDriver } from './client-session.js';
import { Session } from './session.js';
import type { SessionHost } from './session-host.js';
import type { SessionIdentity } from './session-identity.js';
import type { GlobalVariables, StatusProvider } from './variables/index.js';

export function createSessionDriver(host: SessionHost, globals: GlobalVariables): SessionDriver {
  return {
    accounts: host.sql.accounts,
    globals,
    status: host.status,
    processes: host.processes,
    observer: host.observer,
    openSession: (identity: SessionIdentity, connectionStatus: StatusProvider | undefined): ClientSession => new Session(host, identity, globals, connectionStatus),
  };
}
