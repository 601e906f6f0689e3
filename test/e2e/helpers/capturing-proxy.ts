// A TCP proxy that records every byte both ways, to prove what does (and does not) cross the wire.
import { startTcpProxy } from './tcp-proxy.js';
import type { TcpProxy } from './tcp-proxy.js';

export interface CapturingProxy extends TcpProxy {
  /** Everything clients sent to the server so far. */
  clientBytes(): Buffer;
  /** Everything the server sent to clients so far. */
  serverBytes(): Buffer;
}

/** Listens on a free loopback port and forwards each connection to 127.0.0.1:`targetPort`. */
export async function startCapturingProxy(targetPort: number): Promise<CapturingProxy> {
  const fromClients: Buffer[] = [];
  const fromServer: Buffer[] = [];
  const proxy = await startTcpProxy(targetPort, () => ({
    fromClient: (chunk, forward) => {
      fromClients.push(Buffer.from(chunk));
      forward(chunk);
    },
    fromServer: (chunk, forward) => {
      fromServer.push(Buffer.from(chunk));
      forward(chunk);
    },
  }));
  return { ...proxy, clientBytes: () => Buffer.concat(fromClients), serverBytes: () => Buffer.concat(fromServer) };
}
