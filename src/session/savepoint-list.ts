// SavepointList: a transaction's named savepoints (SAVEPOINT / ROLLBACK TO / RELEASE), as undo positions.
import { mysqlError, ER_SP_DOES_NOT_EXIST } from '../errors/index.js';

/** Names compare case-insensitively; setting an existing name replaces it, as in MySQL. */
export class SavepointList {
  private entries: { readonly name: string; readonly position: number }[] = [];

  set(name: string, position: number): void {
    const existing = this.indexOf(name);
    if (existing >= 0) this.entries.splice(existing, 1);
    this.entries.push({ name, position });
  }

  /** ROLLBACK TO: the undo position of `name`; later savepoints are forgotten. 1305 when there is none. */
  rollbackTo(name: string): number {
    const index = this.find(name);
    this.entries.splice(index + 1);
    return this.entries[index]!.position;
  }

  /** RELEASE SAVEPOINT: forgets `name` and every later savepoint. 1305 when there is none. */
  release(name: string): void {
    this.entries.splice(this.find(name));
  }

  clear(): void {
    this.entries = [];
  }

  private find(name: string): number {
    const index = this.indexOf(name);
    if (index < 0) throw mysqlError(ER_SP_DOES_NOT_EXIST, 'SAVEPOINT', name);
    return index;
  }

  private indexOf(name: string): number {
    return this.entries.findIndex((entry) => entry.name.toLowerCase() === name.toLowerCase());
  }
}
