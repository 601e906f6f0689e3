// A TCP proxy that passes the first bytes a client sends and swallows the rest: a TLS handshake that never finishes.
import { createServer, connect } from 'node:net';
import type { Socket } from 'node:net';

export interface StallingProxy {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Forwards each connection to 127.0.0.1:`targetPort`: everything the server sends, but only the first `passBytes`
 * the client sends (e.g. its SSLRequest), so a real client's ClientHello never arrives and its handshake stalls.
 */
export async function startStallingProxy(targetPort: number, passBytes: number): Promise<StallingProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let passed = 0;
    client.on('data', (chunk: Buffer) => {
      const room = Math.max(0, passBytes - passed);
      if (room > 0) upstream.write(chunk.subarray(0, room));
      passed += chunk.length;
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
