// ConnectionIds: where connection ids (CONNECTION_ID(), PROCESSLIST's Id, KILL's argument) come from, unique across
// every process of the server.

/** Hands out connection ids; `next()` is synchronous because every accepted socket needs one at once. */
export interface ConnectionIds {
  next(): number;
}

/** One process: a counter from 1. */
export class CountingConnectionIds implements ConnectionIds {
  private last = 0;

  next(): number {
    return ++this.last;
  }
}
