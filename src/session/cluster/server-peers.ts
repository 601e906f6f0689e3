// ServerPeers: questions one server process asks the others (global status, the process list, KILL, metrics), so
// that what a client sees is the whole server's, whichever process serves it.
import type { ProcessInfo } from '../session-host.js';

/** What each kind of question carries and what each process answers. */
export interface PeerQueries {
  /** The answering process's own status counters (Com_*, Questions, Connections, …), to be summed. */
  readonly status: { readonly args: undefined; readonly answer: ReadonlyArray<readonly [string, number]> };
  /** The answering process's logged-in connections. */
  readonly processes: { readonly args: undefined; readonly answer: ProcessInfo[] };
  /** The answering process's Prometheus metrics, as prom-client's `getMetricsAsJSON()` gives them. */
  readonly metrics: { readonly args: undefined; readonly answer: unknown };
  /** KILL [QUERY] of one of the answering process's connections: false when it has none with that id. */
  readonly kill: { readonly args: { readonly id: number; readonly isQueryOnly: boolean }; readonly answer: boolean };
}

export type PeerQueryName = keyof PeerQueries;

/** Answers one kind of question in this process. */
export type PeerAnswerer<Q extends PeerQueryName> = (args: PeerQueries[Q]['args']) => PeerQueries[Q]['answer'] | Promise<PeerQueries[Q]['answer']>;

/**
 * The other processes of this server. Answers come from processes alive when asked; one that exits meanwhile is
 * left out. Nothing here is on a statement's hot path: only SHOW/KILL/metrics ask.
 */
export interface ServerPeers {
  /** Asks every other process; one answer per process, in no particular order. */
  gather<Q extends PeerQueryName>(query: Q, args: PeerQueries[Q]['args']): Promise<Array<PeerQueries[Q]['answer']>>;
  /** Asks the process that owns connection `connectionId`; undefined when no other process owns it. */
  askOwner<Q extends PeerQueryName>(connectionId: number, query: Q, args: PeerQueries[Q]['args']): Promise<PeerQueries[Q]['answer'] | undefined>;
  /** Registers how this process answers `query` for the others. */
  answer<Q extends PeerQueryName>(query: Q, answerer: PeerAnswerer<Q>): void;
}

/** One process: there is nobody else to ask. */
export class NoPeers implements ServerPeers {
  gather<Q extends PeerQueryName>(): Promise<Array<PeerQueries[Q]['answer']>> {
    return Promise.resolve([]);
  }

  askOwner<Q extends PeerQueryName>(): Promise<PeerQueries[Q]['answer'] | undefined> {
    return Promise.resolve(undefined);
  }

  answer(): void {}
}
