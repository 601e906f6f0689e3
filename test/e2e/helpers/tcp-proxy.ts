// startTcpProxy: a loopback TCP proxy to a local server whose two directions the caller forwards (or not) itself.
import { createServer, connect } from 'node:net';
import type { Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Destroys every open connection (both sides) but keeps listening. */
  cutConnections(): void;
  close(): Promise<void>;
}

/** One connection's handling of each chunk: `forward` passes (part of) it on to the other side. */
export interface ProxyHandlers {
  fromClient(chunk: Buffer, forward: (bytes: Buffer) => void): void;
  fromServer(chunk: Buffer, forward: (bytes: Buffer) => void): void;
}

/**
 * Listens on a free loopback port and connects each client to 127.0.0.1:`targetPort`, with the handlers
 * `perConnection` makes for it; either side closing ends both.
 */
export async function startTcpProxy(targetPort: number, perConnection: () => ProxyHandlers): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const handlers = perConnection();
    const toServer = (bytes: Buffer): void => void upstream.write(bytes);
    const toClient = (bytes: Buffer): void => void client.write(bytes);
    client.on('data', (chunk: Buffer) => handlers.fromClient(chunk, toServer));
    upstream.on('data', (chunk: Buffer) => handlers.fromServer(chunk, toClient));
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cutConnections: () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
