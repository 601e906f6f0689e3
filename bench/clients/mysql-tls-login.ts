// A bare MySQL client login over TLS (HandshakeV10, SSLRequest, TLS, HandshakeResponse41 as root without a
// password), for the connection benchmarks: nothing but the protocol, so the client costs little next to the server.
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { TLSSocket } from 'node:tls';

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

/** A logged-in TLS connection, the session to resume next time, and whether this one was resumed. */
export interface TlsLogin {
  readonly socket: TLSSocket;
  readonly session: Buffer | undefined;
  readonly isReused: boolean;
}

/** Connects to 127.0.0.1:`port`, upgrades to TLS (offering `session` to resume) and logs in as root. */
export async function loginOverTls(port: number, ca: Buffer | undefined, session?: Buffer): Promise<TlsLogin> {
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
  return { socket: tls, session: latest, isReused };
}

/** Sends COM_QUIT and closes. */
export function quit(socket: TLSSocket): void {
  socket.end(frame(0, Buffer.from([COM_QUIT])));
  socket.destroy();
}
