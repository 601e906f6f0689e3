// Opens MySQL connections over TLS as fast as it can for a while, and prints connections per second as JSON.
// Each connection: TCP connect, HandshakeV10, SSLRequest, TLS handshake (full, or resuming the worker's last session),
// HandshakeResponse41 as root with an empty password, OK, COM_QUIT. Usage:
//   node dist/bench/connect-rate-client.js --port P --seconds S --concurrency C --mode full|resumed --ca ca.pem
import { readFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { parseArgs } from 'node:util';

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

/** MySQL capability flags used by this client. */
const Capability = { LONG_PASSWORD: 1, PROTOCOL_41: 0x200, SSL: 0x800, SECURE_CONNECTION: 0x8000, PLUGIN_AUTH: 0x80000 };
const CAPABILITIES = Capability.LONG_PASSWORD | Capability.PROTOCOL_41 | Capability.SSL | Capability.SECURE_CONNECTION | Capability.PLUGIN_AUTH;
const UTF8MB4 = 45;
const COM_QUIT = 1;

function frame(sequenceId: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUIntLE(payload.length, 0, 3);
  header[3] = sequenceId;
  return Buffer.concat([header, payload]);
}

function sslRequest(): Buffer {
  const payload = Buffer.alloc(32);
  payload.writeUInt32LE(CAPABILITIES, 0);
  payload.writeUInt32LE(1 << 24, 4);
  payload[8] = UTF8MB4;
  return frame(1, payload);
}

function handshakeResponse(): Buffer {
  const head = sslRequest().subarray(4);
  const rest = Buffer.concat([Buffer.from('root\0'), Buffer.from([0]), Buffer.from('mysql_native_password\0')]);
  return frame(2, Buffer.concat([head, rest]));
}

/** Resolves with the next whole packet's payload read from `socket`. */
function readPacket(socket: Socket | TLSSocket): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 4) return;
      const length = buffered.readUIntLE(0, 3);
      if (buffered.length < 4 + length) return;
      socket.off('data', onData);
      socket.off('error', reject);
      socket.pause();
      if (buffered.length > 4 + length) socket.unshift(buffered.subarray(4 + length));
      resolve(buffered.subarray(4, 4 + length));
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.resume();
  });
}

async function oneConnection(session: Buffer | undefined): Promise<{ session: Buffer | undefined; isReused: boolean }> {
  const raw = netConnect(port, '127.0.0.1');
  raw.setNoDelay(true);
  await new Promise<void>((resolve, reject) => raw.once('connect', resolve).once('error', reject));
  await readPacket(raw);
  raw.write(sslRequest());
  const tls = tlsConnect({ socket: raw, ca, rejectUnauthorized: ca !== undefined, servername: 'localhost', ...(session ? { session } : {}) });
  let latest = session;
  tls.on('session', (next: Buffer) => {
    latest = next;
  });
  await new Promise<void>((resolve, reject) => tls.once('secureConnect', resolve).once('error', reject));
  const isReused = tls.isSessionReused();
  tls.write(handshakeResponse());
  const reply = await readPacket(tls);
  if (reply[0] !== 0) throw new Error(`login failed: ${reply.subarray(3).toString()}`);
  tls.end(frame(0, Buffer.from([COM_QUIT])));
  tls.destroy();
  return { session: latest, isReused };
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
