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
  | { readonly kind: 'protocol-error'; readonly error: MySqlError; readonly sequenceId: number };

/** Unread bytes above which the socket stops reading until the reader catches up. */
const PAUSE_ABOVE_BYTES = 4 * 1024 * 1024;

/** Thrown by read() when no further packet will come. */
export class ChannelClosedError extends Error {
  constructor(readonly end: ChannelEnd) {
    super(end.kind === 'closed' ? 'connection closed by peer' : end.error.message);
    this.name = 'ChannelClosedError';
  }
}

/**
 * One connection's packet stream. `read()` resolves with the next complete payload; bytes are buffered as they
 * arrive (a pipelining client's packets wait in the decoder) and decoded one packet per read. `detach()` hands the raw socket (and any bytes already read past
 * the last packet) over for the TLS handshake; `attach()` continues on the TLS socket.
 */
export class PacketChannel {
  private socket: Socket | TLSSocket;
  private readonly decoder: PacketDecoder;
  private isPausedForBacklog = false;
  private waiter: { resolve: (packet: DecodedPacket) => void; reject: (error: Error) => void } | undefined;
  private ended: ChannelEnd | undefined;
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);
  private readonly onEnd = (): void => this.finish({ kind: 'closed' });
  private readonly onError = (error: Error): void => this.finish({ kind: 'socket-error', error });
  /** MySQL-protocol bytes read and written so far (inside TLS: the plaintext), for Bytes_received / Bytes_sent. */
  bytesReceived = 0;
  bytesSent = 0;

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

  /**
   * Buffers bytes and decodes only when a reader waits: after an SSLRequest the next bytes are a TLS ClientHello,
   * which must stay undecoded so detach() can hand them to the TLS layer.
   */
  private receive(chunk: Buffer): void {
    this.bytesReceived += chunk.length;
    this.decoder.push(chunk);
    this.pauseOnBacklog();
    if (!this.waiter) return this.pauseOnBacklog();
    // decodeOne() settles the waiter itself when the stream turns out to be broken (via finish()).
    const next = this.decodeOne();
    if (next?.kind !== 'packet' || !this.waiter) return;
    const { resolve } = this.waiter;
    this.waiter = undefined;
    resolve(next.packet);
    this.pauseOnBacklog();
  }

  /**
   * A client streaming a LOAD DATA LOCAL file faster than rows are stored waits in TCP, not in this buffer. Only
   * while nobody waits for a packet: a waiting reader needs the bytes.
   */
  private pauseOnBacklog(): void {
    if (this.waiter || this.isPausedForBacklog || this.decoder.bufferedBytes <= PAUSE_ABOVE_BYTES) return;
    this.isPausedForBacklog = true;
    this.socket.pause();
  }

  private decodeOne(): { kind: 'packet'; packet: DecodedPacket } | { kind: 'end'; end: ChannelEnd } | undefined {
    const result = this.decoder.read();
    if (!result) return undefined;
    if (result.kind === 'error') {
      this.finish({ kind: 'protocol-error', error: result.error, sequenceId: result.sequenceId });
      return { kind: 'end', end: this.ended! };
    }
    // Payloads may be views of socket chunks; copy so a kept payload never pins or aliases a pooled buffer.
    return { kind: 'packet', packet: { ...result, payload: Buffer.from(result.payload) } };
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

  #isDetached = false;

  /** Whether the socket is handed to the TLS layer (between detach and attach): the handshake owns it then. */
  get isDetached(): boolean {
    return this.#isDetached;
  }

  /** The next packet; rejects with ChannelClosedError when the stream ended or broke. */
  read(): Promise<DecodedPacket> {
    const next = this.decodeOne();
    // Resume once the backlog is read down, or when the next packet is incomplete (a large one needs its rest).
    if (this.isPausedForBacklog && (next === undefined || this.decoder.bufferedBytes < PAUSE_ABOVE_BYTES / 2)) {
      this.isPausedForBacklog = false;
      if (!this.#isDetached) this.socket.resume();
    }
    if (next) return next.kind === 'packet' ? Promise.resolve(next.packet) : Promise.reject(new ChannelClosedError(next.end));
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
    this.#isDetached = true;
    this.unlisten();
    this.socket.pause();
    const leftover = this.decoder.takeRemaining();
    return { socket: this.socket, leftover };
  }

  /** Continues on `socket` (the TLS socket wrapping the detached one). */
  attach(socket: TLSSocket): void {
    this.#isDetached = false;
    this.socket = socket;
    this.listen();
  }

  /** Writes bytes; resolves once the socket can take more (backpressure), never rejects. */
  write(bytes: Buffer): Promise<void> {
    if (this.socket.destroyed || !this.socket.writable) return Promise.resolve();
    this.bytesSent += bytes.length;
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

  /**
   * Sends what was written, then closes, discarding whatever the client still sends. Destroying a socket with
   * unread input makes the kernel answer with a reset, and the client would lose the ERR packet just sent.
   * Resolves when the peer closed or after `graceMs`.
   */
  closeGracefully(graceMs: number): Promise<void> {
    this.unlisten();
    const socket = this.socket;
    if (socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        socket.destroy();
        resolve();
      };
      const timer = setTimeout(done, graceMs);
      socket.on('data', () => undefined);
      socket.once('close', done);
      socket.once('error', done);
      socket.resume();
      socket.end();
    });
  }

  /** Closes at once, dropping unsent data. */
  destroy(): void {
    this.unlisten();
    this.socket.destroy();
    // A reader waiting for the next command must learn of it, or its connection would never end (KILL).
    this.finish({ kind: 'closed' });
  }
}
