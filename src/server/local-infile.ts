// LocalInfile: the connection's side of LOAD DATA LOCAL — sends the LOCAL INFILE request and streams the client's packets.
import { writeLocalInfileRequest } from '../protocol/index.js';
import type { PacketBatch } from '../protocol/index.js';
import type { LocalInfileSource } from '../session/load-data-statement.js';
import type { PacketChannel } from './packet-channel.js';

/** One COM_QUERY's way to ask its client for files; the query's result packets continue the same numbering. */
export class LocalInfile implements LocalInfileSource {
  constructor(
    private readonly channel: PacketChannel,
    private readonly batch: PacketBatch,
    readonly canSendFiles: boolean,
  ) {}

  async *request(fileName: string): AsyncGenerator<Buffer> {
    writeLocalInfileRequest(this.batch.begin(), fileName);
    this.batch.end();
    // Results of earlier statements of the query go first; the request must reach the client before it answers.
    await this.channel.write(this.batch.take());
    let isDone = false;
    try {
      while (!isDone) {
        const packet = await this.channel.read();
        this.batch.sequenceId = packet.sequenceId + 1;
        if (packet.payload.length === 0) isDone = true;
        else yield packet.payload;
      }
    } finally {
      // Stopped early (an error): the client sends the whole file regardless, so read it to its end and drop it.
      while (!isDone) {
        const packet = await this.channel.read();
        this.batch.sequenceId = packet.sequenceId + 1;
        isDone = packet.payload.length === 0;
      }
    }
  }
}
