// Loads mysql2's client-side packet and auth modules (not in its public exports) to cross-check our codec in tests.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const mysql2Root = dirname(require.resolve('mysql2'));

function load<T>(relative: string): T {
  return require(join(mysql2Root, 'lib', relative)) as T;
}

/** mysql2's Packet: a payload view over a buffer whose first 4 bytes are the header. */
export interface Mysql2Packet {
  offset: number;
  end: number;
}
interface PacketClass {
  new (id: number, buffer: Buffer, start: number, end: number): Mysql2Packet;
}

/** mysql2's parsed HandshakeV10 fields. */
export interface Mysql2Handshake {
  protocolVersion: number;
  serverVersion: string;
  connectionId: number;
  authPluginData1: Buffer;
  authPluginData2: Buffer;
  capabilityFlags: number;
  characterSet: number;
  statusFlags: number;
  authPluginName: string;
}

interface HandshakeClass {
  fromPacket(packet: Mysql2Packet): Mysql2Handshake;
}

interface HandshakeResponseClass {
  new (args: {
    user: string;
    database: string;
    password: string;
    authPluginData1: Buffer;
    authPluginData2: Buffer;
    flags: number;
    charsetNumber: number;
    connectAttributes: Record<string, string>;
    authToken?: Buffer;
    authPluginName?: string;
  }): { toPacket(): { buffer: Buffer } };
}

interface CachingSha2Module {
  calculateToken(password: string, scramble: Buffer): Buffer;
}

interface Auth41Module {
  calculateToken(password: string, scramble1: Buffer, scramble2: Buffer): Buffer;
  xorRotating(a: Buffer, b: Buffer): Buffer;
}

type PluginFactory = (
  options: Record<string, unknown>,
) => (context: {
  connection: { config: { password: string; ssl?: unknown } };
  command: Record<string, unknown>;
}) => (data: Buffer) => Buffer | null;

export const Mysql2Packet = load<PacketClass>('packets/packet.js');
export const Mysql2HandshakeV10 = load<HandshakeClass>('packets/handshake.js');
export const Mysql2HandshakeResponse = load<HandshakeResponseClass>('packets/handshake_response.js');
export const mysql2CachingSha2 = load<CachingSha2Module>('auth_plugins/caching_sha2_password.js');
export const mysql2CachingSha2Plugin = load<PluginFactory>('auth_plugins/caching_sha2_password.js');
export const mysql2NativePlugin = load<PluginFactory>('auth_plugins/mysql_native_password.js');
export const mysql2Auth41 = load<Auth41Module>('auth_41.js');

/** mysql2's client capability flags by name (LONG_PASSWORD, PROTOCOL_41, …). */
export const mysql2ClientFlags = load<Record<string, number>>('constants/client.js');

/** Wraps a payload as a mysql2 Packet (prepending a dummy header). */
export function asMysql2Packet(payload: Buffer): Mysql2Packet {
  const framed = Buffer.concat([Buffer.alloc(4), payload]);
  return new Mysql2Packet(0, framed, 0, framed.length);
}
