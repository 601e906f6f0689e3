// SessionSequences: NEXTVAL, LASTVAL and SETVAL as one session sees them: values come from the server's sequence
// allocator; LASTVAL is the last value this session took from each sequence (NULL before), as in TiDB.
import { findSequence } from './catalog/index.js';
import type { Catalog, SequenceAllocator } from './catalog/index.js';

export class SessionSequences {
  /** By sequence id: the last value NEXTVAL or SETVAL gave this session. */
  private readonly last = new Map<number, bigint>();

  constructor(
    private readonly catalog: Catalog,
    private readonly allocator: SequenceAllocator,
  ) {}

  /** The sequence named so (1146 when missing, 4138 when not a sequence). */
  find(database: string, name: string): { readonly database: string; readonly name: string } {
    return findSequence(this.catalog, database, name);
  }

  async next(database: string, name: string): Promise<bigint> {
    const seq = findSequence(this.catalog, database, name);
    const value = await this.allocator.next(seq);
    this.last.set(seq.id, value);
    return value;
  }

  lastValue(database: string, name: string): bigint | null {
    return this.last.get(findSequence(this.catalog, database, name).id) ?? null;
  }

  /** SETVAL: `value`, or NULL when the sequence is already past it. */
  async set(database: string, name: string, value: bigint): Promise<bigint | null> {
    const seq = findSequence(this.catalog, database, name);
    const applied = await this.allocator.set(seq, value);
    if (applied === undefined) return null;
    this.last.set(seq.id, applied);
    return applied;
  }
}
