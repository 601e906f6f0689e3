// PacketChannel: reads MySQL packets from a socket as promises and writes framed bytes, across a TLS upgrade.
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { PacketDecoder } from '../protocol/index.js';
import type { DecodedPacket } from '../protocol/index.js';
import type { MySqlError } from '../errors/index.js';

/** Why reading stopped: the peer closed, the socket failed, or the byte stream was not valid MySQL framing. */
export type ChannelEnd =
  | { readonly kind: 'closed' }
  | { readonly kind: 'socket-error'; readonly error: Error }
  | { readonly kind: 'protocol-error'; readonly error: MySqlError };

/** Thrown by read() when no further packet will come. */
export class ChannelClosedError extends Error {
  constructor(readonly end: ChannelEnd) {
    super(end.kind === 'closed' ? 'connection closed by peer' : end.error.message);
    this.name = 'ChannelClosedError';
  }
}

/**
 * One connection's packet stream. `read()` resolves with the next complete payload; bytes are decoded as they
 * arrive, so a pipelining client's packets queue up. `detach()` hands the raw socket (and any bytes already read past
 * the last packet) over for the TLS handshake; `attach()` continues on the TLS socket.
 */
export class PacketChannel {
  private socket: Socket | TLSSocket;
  private readonly decoder: PacketDecoder;
  private readonly queue: DecodedPacket[] = [];
  private waiter: { resolve: (packet: DecodedPacket) => void; reject: (error: Error) => void } | undefined;
  private ended: ChannelEnd | undefined;
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);
  private readonly onEnd = (): void => this.finish({ kind: 'closed' });
  private readonly onError = (error: Error): void => this.finish({ kind: 'socket-error', error });

  constructor(socket: Socket, maxAllowedPacket: number) {
    this.socket = socket;
    this.decoder = new PacketDecoder({ maxAllowedPacket });
    this.listen();
  }

  /** The socket in use (plain, or TLS after attach()). */
  get current(): Socket | TLSSocket {
    return this.socket;
  }

  set maxAllowedPacket(bytes: number) {
    this.decoder.maxAllowedPacket = bytes;
  }

  private listen(): void {
    this.socket.on('data', this.onData);
    this.socket.on('end', this.onEnd);
    this.socket.on('close', this.onEnd);
    this.socket.on('error', this.onError);
  }

  private unlisten(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
  }

  private receive(chunk: Buffer): void {
    this.decoder.push(chunk);
    for (;;) {
      const result = this.decoder.read();
      if (!result) break;
      if (result.kind === 'error') {
        this.finish({ kind: 'protocol-error', error: result.error });
        return;
      }
      // Payloads may be views of the chunk; the queue outlives it only briefly, but copy to be safe with pooling.
      const packet = { ...result, payload: Buffer.from(result.payload) };
      if (this.waiter) {
        const { resolve } = this.waiter;
        this.waiter = undefined;
        resolve(packet);
      } else {
        this.queue.push(packet);
      }
    }
  }

  private finish(end: ChannelEnd): void {
    if (this.ended) return;
    this.ended = end;
    if (this.waiter) {
      const { reject } = this.waiter;
      this.waiter = undefined;
      reject(new ChannelClosedError(end));
    }
  }

  /** The next packet; rejects with ChannelClosedError when the stream ended or broke. */
  read(): Promise<DecodedPacket> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.ended) return Promise.reject(new ChannelClosedError(this.ended));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /**
   * Stops reading from the plain socket so the TLS layer can take it over. Returns bytes that arrived after the
   * SSLRequest (a client may send its ClientHello in the same segment); they belong to the TLS handshake.
   */
  detach(): { socket: Socket; leftover: Buffer } {
    this.unlisten();
    this.socket.pause();
    const leftover = this.decoder.takeRemaining();
    return { socket: this.socket as Socket, leftover };
  }

  /** Continues on `socket` (the TLS socket wrapping the detached one). */
  attach(socket: TLSSocket): void {
    this.socket = socket;
    this.listen();
  }

  /** Writes bytes; resolves once the socket can take more (backpressure), never rejects. */
  write(bytes: Buffer): Promise<void> {
    if (this.ended || this.socket.destroyed) return Promise.resolve();
    if (this.socket.write(bytes)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.once('drain', done);
      this.socket.once('close', done);
    });
  }

  /** Flushes what was written and closes the connection. */
  close(): void {
    this.unlisten();
    this.socket.end();
    this.socket.destroySoon?.();
  }

  /** Closes at once, dropping unsent data. */
  destroy(): void {
    this.unlisten();
    this.socket.destroy();
  }
}
