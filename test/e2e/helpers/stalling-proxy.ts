// A TCP proxy that passes the first bytes a client sends and swallows the rest: a TLS handshake that never finishes.
import { startTcpProxy } from './tcp-proxy.js';
import type { TcpProxy } from './tcp-proxy.js';

/**
 * Forwards each connection to 127.0.0.1:`targetPort`: everything the server sends, but only the first `passBytes`
 * the client sends (e.g. its SSLRequest), so a real client's ClientHello never arrives and its handshake stalls.
 */
export async function startStallingProxy(targetPort: number, passBytes: number): Promise<TcpProxy> {
  return startTcpProxy(targetPort, () => {
    let passed = 0;
    return {
      fromClient: (chunk, forward) => {
        const room = Math.max(0, passBytes - passed);
        if (room > 0) forward(chunk.subarray(0, room));
        passed += chunk.length;
      },
      fromServer: (chunk, forward) => forward(chunk),
    };
  });
}
