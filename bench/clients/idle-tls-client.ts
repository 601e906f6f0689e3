// Opens N logged-in TLS connections and keeps them idle until stdin closes, for the idle memory per connection
// benchmark: prints one JSON line when all are open ({ opened, seconds, errors }), then waits. Usage:
//   node dist/bench/clients/idle-tls-client.js --port P --count N --concurrency C --ca ca.pem
import { readFileSync } from 'node:fs';
import type { TLSSocket } from 'node:tls';
import { parseArgs } from 'node:util';
import { loginOverTls, quit } from './mysql-tls-login.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    count: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '8' },
    ca: { type: 'string' },
  },
});
const port = Number(values.port);
const count = Number(values.count);
const ca = values.ca ? readFileSync(values.ca) : undefined;
const sockets: TLSSocket[] = [];
let next = 0;
let errors = 0;
let firstError: string | undefined;

async function worker(): Promise<void> {
  while (next < count) {
    next++;
    try {
      const login = await loginOverTls(port, ca);
      login.socket.on('error', () => undefined);
      sockets.push(login.socket);
    } catch (error) {
      errors++;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
}

const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ opened: sockets.length, seconds, errors, firstError })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  for (const socket of sockets) quit(socket);
  process.exit(0);
});
