// A minimal hand-driven MySQL client over a raw socket, for commands and handshakes drivers do not expose.
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { CapabilityFlags, PacketDecoder, encodePayload, framePacket, writeHandshakeResponse41 } from '../../../src/protocol/index.js';

/** A raw connection: send framed payloads, receive whole payloads. */
export class RawMysqlClient {
  private readonly decoder = new PacketDecoder();
  private readonly received: Buffer[] = [];
  private waiter: (() => void) | undefined;
  readonly closed: Promise<void>;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.decoder.push(chunk);
      for (let result = this.decoder.read(); result; result = this.decoder.read()) {
        if (result.kind === 'packet') this.received.push(Buffer.from(result.payload));
      }
      this.waiter?.();
    });
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
  }

  /** Connects and returns the client with the server greeting (HandshakeV10 payload). */
  static async open(port: number): Promise<{ client: RawMysqlClient; greeting: Buffer }> {
    const socket = netConnect(port, '127.0.0.1');
    const client = new RawMysqlClient(socket);
    return { client, greeting: await client.next() };
  }

  /** The next payload from the server. */
  async next(timeoutMs = 5000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length === 0) {
      if (Date.now() > deadline) throw new Error('no packet from server');
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 50);
      });
    }
    return this.received.shift()!;
  }

  send(sequenceId: number, payload: Buffer): void {
    this.socket.write(framePacket(payload, sequenceId).bytes);
  }

  /** Sends a HandshakeResponse41 for `user` with the given auth plugin and response. */
  login(user: string, pluginName: string, authResponse: Buffer, extraCapabilities = 0): void {
    const capabilities =
      CapabilityFlags.CLIENT_PROTOCOL_41 |
      CapabilityFlags.CLIENT_SECURE_CONNECTION |
      CapabilityFlags.CLIENT_PLUGIN_AUTH |
      CapabilityFlags.CLIENT_LONG_PASSWORD |
      CapabilityFlags.CLIENT_DEPRECATE_EOF |
      extraCapabilities;
    const payload = encodePayload((writer) =>
      writeHandshakeResponse41(writer, {
        capabilities,
        maxPacketSize: 1 << 24,
        characterSet: 45,
        username: user,
        authResponse,
        database: undefined,
        authPluginName: pluginName,
        connectAttributes: new Map(),
        zstdCompressionLevel: undefined,
      }),
    );
    this.send(1, payload);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The first byte of a payload: 0x00 OK, 0xFF ERR, 0xFE EOF/auth switch. */
export const PacketKind = { OK: 0x00, ERR: 0xff, EOF: 0xfe } as const;
