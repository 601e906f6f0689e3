// ClusterRpc: requests, answers and one-way notes between tidal-server's primary and one worker process, over any
// ordered message port (node:cluster's IPC channel in practice), with MySQL errors carried across intact.
import { ER_UNKNOWN_ERROR, MySqlError, errorSpecsByCode } from '../../errors/index.js';
import { WriteConflictError } from '../../storage/index.js';

/** An ordered, reliable channel of structured-cloneable messages (a worker's `process`, or the primary's `Worker`). */
export interface MessagePort {
  send(message: unknown): void;
  /** Calls `listener` for every message that arrives; returns the function that stops it. */
  onMessage(listener: (message: unknown) => void): () => void;
}

/** Answers one kind of request; may throw (or reject with) a MySqlError that the asking side then throws. */
export type RpcHandler = (args: never) => unknown;

type WireError =
  | { readonly kind: 'write-conflict'; readonly versions: readonly [bigint, bigint, bigint]; readonly key: string }
  | { readonly kind: 'mysql'; readonly code: number; readonly message: string }
  | { readonly kind: 'other'; readonly message: string };

type WireMessage =
  | { readonly rpc: 'req'; readonly id: number; readonly op: string; readonly args: unknown }
  | { readonly rpc: 'res'; readonly id: number; readonly value?: unknown; readonly error?: WireError }
  | { readonly rpc: 'note'; readonly op: string; readonly args: unknown };

/** The far side went away before answering (its process exited); callers treat it like a lost connection. */
export class RpcClosedError extends Error {}

/**
 * One end of the channel. Both ends may ask and answer. Requests are answered in whatever order their handlers
 * finish; notes are fire-and-forget and run in arrival order.
 */
export class ClusterRpc {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, (args: unknown) => unknown>();
  private nextId = 1;
  private isClosed = false;
  private readonly stop: () => void;

  constructor(private readonly port: MessagePort) {
    this.stop = port.onMessage((message) => this.receive(message));
  }

  /** Registers the handler of requests and notes named `op`. */
  handle<A>(op: string, handler: (args: A) => unknown): void {
    this.handlers.set(op, handler as (args: unknown) => unknown);
  }

  /** Asks the far side; resolves with its handler's answer or rejects with the error it threw. */
  request<T>(op: string, args: unknown): Promise<T> {
    if (this.isClosed) return Promise.reject(new RpcClosedError(`the cluster channel is closed (${op})`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.send({ rpc: 'req', id, op, args });
    });
  }

  /** Tells the far side without waiting for an answer. */
  notify(op: string, args: unknown): void {
    if (!this.isClosed) this.send({ rpc: 'note', op, args });
  }

  /** Fails every request still waiting (the far side is gone) and ignores what arrives later. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.stop();
    const error = new RpcClosedError('the cluster channel closed before an answer came');
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private send(message: WireMessage): void {
    try {
      this.port.send(message);
    } catch (error) {
      // The channel broke under us (the other process exited): fail what waits, once.
      if (!(error instanceof Error)) throw error;
      this.close();
    }
  }

  private receive(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null || !('rpc' in raw)) return;
    const message = raw as WireMessage;
    switch (message.rpc) {
      case 'res': {
        const waiter = this.pending.get(message.id);
        if (!waiter) return;
        this.pending.delete(message.id);
        if (message.error) waiter.reject(fromWire(message.error));
        else waiter.resolve(message.value);
        return;
      }
      case 'note':
        void this.run(message.op, message.args).catch(() => undefined);
        return;
      case 'req':
        this.run(message.op, message.args).then(
          (value) => this.send({ rpc: 'res', id: message.id, value }),
          (error: unknown) => this.send({ rpc: 'res', id: message.id, error: toWire(error) }),
        );
        return;
    }
  }

  private run(op: string, args: unknown): Promise<unknown> {
    const handler = this.handlers.get(op);
    if (!handler) return Promise.reject(new Error(`no cluster handler for ${op}`));
    try {
      return Promise.resolve(handler(args));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

function toWire(error: unknown): WireError {
  if (error instanceof WriteConflictError) {
    return { kind: 'write-conflict', versions: [error.startVersion, error.conflictStartVersion, error.conflictCommitVersion], key: error.keyHex };
  }
  if (error instanceof MySqlError) return { kind: 'mysql', code: error.code, message: error.message };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

function fromWire(error: WireError): Error {
  switch (error.kind) {
    case 'write-conflict':
      return new WriteConflictError(error.versions[0], error.versions[1], error.versions[2], error.key);
    case 'mysql':
      return new MySqlError(errorSpecsByCode.get(error.code) ?? ER_UNKNOWN_ERROR, error.message);
    case 'other':
      return new Error(error.message);
  }
}
