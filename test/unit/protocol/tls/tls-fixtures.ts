// Test fixtures for the TLS unit tests: generated certificate directories and a plain-then-TLS loopback server.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SSL_FILE_NAMES, generateSslFiles } from '../../../../src/certificates/index.js';

/** Paths of one generated certificate directory. */
export interface CertificateDir {
  readonly dir: string;
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
}

/** Generates a certificate directory under a fresh temporary root; `remove` deletes the root. */
export async function makeCertificateDirs(
  count: number,
): Promise<{ dirs: CertificateDir[]; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'tidal-tls-unit-'));
  const dirs = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const dir = join(root, `set-${index}`);
      await generateSslFiles({ datadir: dir });
      return {
        dir,
        ca: join(dir, SSL_FILE_NAMES.caCert),
        serverCert: join(dir, SSL_FILE_NAMES.serverCert),
        serverKey: join(dir, SSL_FILE_NAMES.serverKey),
        clientCert: join(dir, SSL_FILE_NAMES.clientCert),
        clientKey: join(dir, SSL_FILE_NAMES.clientKey),
      };
    }),
  );
  return { dirs, remove: () => rm(root, { recursive: true, force: true }) };
}

/** The plain-text line a test client sends before its TLS handshake, standing in for MySQL's SSLRequest. */
export const PLAIN_PREFIX = 'SSLREQUEST\n';

/**
 * A loopback server on port 0 that reads the plain prefix line, then hands the socket and the bytes after the line
 * (the leftover) to `onPrefix`. With `delayMs`, reading starts late, so the client's ClientHello arrives in the
 * same chunk as the prefix and the leftover is non-empty.
 */
export async function listenPlainThenTls(
  onPrefix: (socket: Socket, leftover: Buffer) => void,
  delayMs = 0,
): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.pause();
    setTimeout(() => {
      let received = Buffer.alloc(0);
      const onData = (chunk: Buffer): void => {
        received = Buffer.concat([received, chunk]);
        const end = received.indexOf(0x0a);
        if (end < 0) return;
        socket.off('data', onData);
        socket.pause();
        onPrefix(socket, received.subarray(end + 1));
      };
      socket.on('data', onData);
      socket.resume();
    }, delayMs);
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  return { server, port };
}
