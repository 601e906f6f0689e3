// Opens MySQL connections over TLS as fast as it can for a while, and prints connections per second as JSON.
// Each connection: TCP connect, HandshakeV10, SSLRequest, TLS handshake (full, or resuming the worker's last session),
// HandshakeResponse41 as root with an empty password, OK, COM_QUIT. Usage:
//   node dist/bench/connect-rate-client.js --port P --seconds S --concurrency C --mode full|resumed --ca ca.pem
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loginOverTls, quit } from './clients/mysql-tls-login.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '4' },
    mode: { type: 'string', default: 'full' },
    ca: { type: 'string' },
  },
});
const port = Number(values.port);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const isResumed = values.mode === 'resumed';
const ca = values.ca ? readFileSync(values.ca) : undefined;

async function oneConnection(session: Buffer | undefined): Promise<{ session: Buffer | undefined; isReused: boolean }> {
  const login = await loginOverTls(port, ca, session);
  quit(login.socket);
  return { session: login.session, isReused: login.isReused };
}

const deadline = Date.now() + seconds * 1000;
let connections = 0;
let reused = 0;
let errors = 0;
let firstError: string | undefined;
async function worker(): Promise<void> {
  let session: Buffer | undefined;
  while (Date.now() < deadline) {
    try {
      const result = await oneConnection(isResumed ? session : undefined);
      if (isResumed) session = result.session;
      connections++;
      if (result.isReused) reused++;
    } catch (error) {
      errors++;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
}
const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: concurrency }, worker));
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ mode: values.mode, connections, perSecond: connections / elapsed, reused, errors, firstError })}\n`);
