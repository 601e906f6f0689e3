// BlockConnectionIds: connection ids for one worker process, taken in blocks from the primary so that accepting a
// connection never waits for another process.
import type { ConnectionIds } from './connection-ids.js';

/** Ids per block; the next block is asked for when half of the current one is used. */
export const CONNECTION_ID_BLOCK = 4096;

/** A worker's ids: the current block, and the next one asked for ahead of need. */
export class BlockConnectionIds implements ConnectionIds {
  private nextId: number;
  private end: number;
  private spare: number | undefined;
  private isAsking = false;

  /** `firstBlock` is the start of a block the primary already gave; `askBlock` asks it for another start. */
  constructor(
    firstBlock: number,
    private readonly askBlock: () => Promise<number>,
  ) {
    this.nextId = firstBlock;
    this.end = firstBlock + CONNECTION_ID_BLOCK;
  }

  next(): number {
    if (this.nextId >= this.end) {
      if (this.spare === undefined) throw new Error('no connection ids left in this worker (the primary has not answered)');
      this.nextId = this.spare;
      this.end = this.spare + CONNECTION_ID_BLOCK;
      this.spare = undefined;
    }
    if (this.spare === undefined && this.end - this.nextId <= CONNECTION_ID_BLOCK / 2) this.askAhead();
    return this.nextId++;
  }

  private askAhead(): void {
    if (this.isAsking) return;
    this.isAsking = true;
    this.askBlock().then(
      (start) => {
        this.spare = start;
        this.isAsking = false;
      },
      () => {
        this.isAsking = false;
      },
    );
  }
}
