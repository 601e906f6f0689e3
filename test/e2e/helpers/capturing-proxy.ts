// A TCP proxy that records every byte both ways, to prove what does (and does not) cross the wire.
import { createServer, connect } from 'node:net';
import type { Socket } from 'node:net';

export interface CapturingProxy {
  readonly port: number;
  /** Everything clients sent to the server so far. */
  clientBytes(): Buffer;
  /** Everything the server sent to clients so far. */
  serverBytes(): Buffer;
  close(): Promise<void>;
}

/** Listens on a free loopback port and forwards each connection to 127.0.0.1:`targetPort`. */
export async function startCapturingProxy(targetPort: number): Promise<CapturingProxy> {
  const fromClients: Buffer[] = [];
  const fromServer: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      fromClients.push(Buffer.from(chunk));
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      fromServer.push(Buffer.from(chunk));
      client.write(chunk);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    clientBytes: () => Buffer.concat(fromClients),
    serverBytes: () => Buffer.concat(fromServer),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
