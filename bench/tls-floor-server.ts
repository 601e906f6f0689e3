// The floor under TidalDB's TLS connects: a bare Node server that does only what a MySQL-over-TLS login must
// (HandshakeV10, SSLRequest, TLSSocket upgrade, HandshakeResponse41 accepted unchecked, OK, COM_QUIT), with the same
// certificates and TLS socket options as tidal-server, so `connect-rate-client.js` against it shows what Node's TLS
// and socket machinery alone cost per connection. On SIGTERM it prints connections and CPU µs per connection as JSON.
// Usage: node dist/bench/tls-floor-server.js --port P --cert C --key K [--alt-cert C2 --alt-key K2] [--ca CA]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { TLSSocket, createSecureContext } from 'node:tls';
import { parseArgs } from 'node:util';
import {
  AuthPluginName,
  CapabilityFlags,
  Collation,
  PacketBatch,
  ServerStatus,
  generateScramble,
  writeHandshakeV10,
  writeOkPacket,
} from '../src/protocol/index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'alt-cert': { type: 'string' },
    'alt-key': { type: 'string' },
    ca: { type: 'string' },
  },
});
if (values.cert === undefined || values.key === undefined) throw new Error('--cert and --key are required');

const SSL_REQUEST_BYTES = 4 + 32;
const COM_QUIT = 0x01;
const CAPABILITIES = CapabilityFlags.CLIENT_PROTOCOL_41 | CapabilityFlags.CLIENT_SSL | CapabilityFlags.CLIENT_SECURE_CONNECTION | CapabilityFlags.CLIENT_PLUGIN_AUTH;

const certs = [values.cert, values['alt-cert']].filter((path) => path !== undefined).map((path) => readFileSync(path));
const keys = [values.key, values['alt-key']].filter((path) => path !== undefined).map((path) => readFileSync(path));
const secureContext = createSecureContext({
  cert: certs,
  key: keys,
  ...(values.ca === undefined ? {} : { ca: readFileSync(values.ca) }),
  minVersion: 'TLSv1.2',
  sessionIdContext: 'tidaldb',
});

function greeting(connectionId: number): Buffer {
  const batch = new PacketBatch(0);
  writeHandshakeV10(batch.begin(), {
    serverVersion: '8.0.11-tls-floor',
    connectionId,
    authPluginData: generateScramble(),
    capabilities: CAPABILITIES,
    characterSet: Collation.utf8mb4_0900_ai_ci,
    statusFlags: ServerStatus.SERVER_STATUS_AUTOCOMMIT,
    authPluginName: AuthPluginName.MYSQL_NATIVE_PASSWORD,
  });
  batch.end();
  return batch.take();
}

function ok(sequenceId: number): Buffer {
  const batch = new PacketBatch(sequenceId);
  writeOkPacket(batch.begin(), { affectedRows: 0, lastInsertId: 0, statusFlags: ServerStatus.SERVER_STATUS_AUTOCOMMIT, warnings: 0 }, CAPABILITIES);
  batch.end();
  return batch.take();
}

let connections = 0;

/** Greeting, SSLRequest, upgrade; then the first TLS packet is the login (answered OK) and a COM_QUIT closes. */
function serve(socket: Socket): void {
  connections++;
  socket.on('error', () => socket.destroy());
  socket.write(greeting(connections));
  let plain = Buffer.alloc(0);
  const onPlain = (chunk: Buffer): void => {
    plain = Buffer.concat([plain, chunk]);
    if (plain.length < SSL_REQUEST_BYTES) return;
    socket.off('data', onPlain);
    socket.pause();
    if (plain.length > SSL_REQUEST_BYTES) socket.unshift(plain.subarray(SSL_REQUEST_BYTES));
    const tls = new TLSSocket(socket, { isServer: true, secureContext, requestCert: values.ca !== undefined, rejectUnauthorized: false });
    tls.on('error', () => tls.destroy());
    tls.on('data', (packet: Buffer) => {
      const isQuit = packet.length === 5 && packet[4] === COM_QUIT;
      if (isQuit) tls.destroy();
      else tls.write(ok(((packet[3] ?? 0) + 1) & 0xff));
    });
  };
  socket.on('data', onPlain);
}

const server = createServer({ noDelay: true }, serve);
const started = process.cpuUsage();
server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : values.port}\n`);
});
process.once('SIGTERM', () => {
  const used = process.cpuUsage(started);
  process.stdout.write(`${JSON.stringify({ connections, cpuUsPerConnection: connections === 0 ? 0 : (used.user + used.system) / connections })}\n`);
  process.exit(0);
});
