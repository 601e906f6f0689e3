// ReferentialAction: what deleting or updating a parent row does to the rows of one child foreign key.
import { mysqlError, ER_FK_DEPTH_EXCEEDED, ER_ROW_IS_REFERENCED_2 } from '../../errors/index.js';
import type { ReferentialRule } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { HandleRow } from '../table/table-rows.js';
import type { Row, SqlValue } from '../types/index.js';
import { foreignKeyErrorDetail } from './foreign-key-text.js';
import { columnOffsetsOf, keyAccess } from './key-columns.js';
import type { KeyAccess } from './key-columns.js';
import { keyChanged } from './parent-check.js';
import type { ReferencingKey } from './referencing-keys.js';
import type { CascadeFrame, RowWriter } from './row-writer.js';

/** InnoDB's FK_MAX_CASCADE_DEL: a cascade reaching this many levels below the statement's row fails with 3008. */
export const MAX_CASCADE_DEPTH = 15;

/**
 * One foreign key that names the table being written as its parent. Deleting a parent row, or changing its key,
 * looks up the child rows that hold the old key (through the child's foreign key index) and, by the key's rule,
 * refuses (RESTRICT, NO ACTION, and SET DEFAULT, which InnoDB does not implement: 1451), deletes them or changes
 * their key (CASCADE), or sets their key to NULL (SET NULL) — through the child's own writer, so that its generated
 * columns, its CHECK constraints and its own children are handled in turn.
 * https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html#foreign-key-referential-actions
 */
export class ReferentialAction {
  private constructor(
    private readonly parentOffsets: readonly number[],
    private readonly childOffsets: readonly number[],
    private readonly access: KeyAccess | undefined,
    private readonly key: ReferencingKey,
    private readonly childWriter: () => RowWriter,
    private readonly session: ExecutionContext,
  ) {}

  static create(key: ReferencingKey, parentOffsets: readonly number[], childWriter: () => RowWriter, session: ExecutionContext): ReferentialAction | undefined {
    const childOffsets = columnOffsetsOf(key.child, key.fk.columns);
    if (!childOffsets) return undefined;
    return new ReferentialAction(parentOffsets, childOffsets, keyAccess(key.child, childOffsets), key, childWriter, session);
  }

  /** Applies the ON DELETE rule for the deleted parent row `row`. */
  async onDelete(row: Row, frame: CascadeFrame): Promise<void> {
    const children = await this.children(row);
    if (children.length === 0) return;
    const rule = this.key.fk.onDelete;
    if (!isActing(rule)) throw this.referenced();
    const writer = this.childWriter();
    const next = this.deeper(frame, rule === 'SET NULL' ? writer : undefined);
    for (const child of children) {
      if (rule === 'CASCADE') await writer.delete(child.handle, child.row, next);
      else await writer.update(child.handle, child.row, child.handle, this.withKey(child.row, undefined), next);
    }
  }

  /** Applies the ON UPDATE rule when the parent row `before` became `after` (nothing when the key is unchanged). */
  async onUpdate(before: Row, after: Row, frame: CascadeFrame): Promise<void> {
    if (!keyChanged(this.parentOffsets, before, after, this.session)) return;
    const children = await this.children(before);
    if (children.length === 0) return;
    const rule = this.key.fk.onUpdate;
    if (!isActing(rule)) throw this.referenced();
    const writer = this.childWriter();
    const next = this.deeper(frame, writer);
    const values = rule === 'CASCADE' ? this.parentOffsets.map((offset) => after[offset] ?? null) : undefined;
    for (const child of children) await writer.update(child.handle, child.row, child.handle, this.withKey(child.row, values), next);
  }

  /** The child rows whose key equals the parent row's (none when the parent's key has a NULL). */
  private async children(parent: Row): Promise<HandleRow[]> {
    const values = this.parentOffsets.map((offset) => parent[offset] ?? null);
    if (values.some((value) => value === null) || !this.access) return [];
    const rows = this.childWriter().rows;
    if (this.access.kind === 'handle') {
      const value = values[0];
      return typeof value === 'bigint' ? rows.getMany([value]) : [];
    }
    return rows.getMany(await rows.handlesWithPrefix(this.access.index, values));
  }

  /**
   * The frame of the cascade one level down: 3008 at InnoDB's depth limit, and 1451 when a cascading update would
   * change a table an enclosing update is changing (InnoDB refuses that rather than risk endless recursion).
   */
  private deeper(frame: CascadeFrame, updating: RowWriter | undefined): CascadeFrame {
    const depth = frame.depth + 1;
    if (depth >= MAX_CASCADE_DEPTH) throw mysqlError(ER_FK_DEPTH_EXCEEDED, MAX_CASCADE_DEPTH);
    if (updating && frame.updatingTables.has(updating.rows.table.id)) throw this.referenced();
    return { depth, updatingTables: frame.updatingTables };
  }

  private withKey(row: Row, values: readonly SqlValue[] | undefined): SqlValue[] {
    const next = [...row];
    this.childOffsets.forEach((offset, i) => {
      next[offset] = values ? (values[i] ?? null) : null;
    });
    return next;
  }

  private referenced(): Error {
    return mysqlError(ER_ROW_IS_REFERENCED_2, foreignKeyErrorDetail(this.key.fk, this.key.childDatabase, this.key.child.name));
  }
}

function isActing(rule: ReferentialRule): boolean {
  return rule === 'CASCADE' || rule === 'SET NULL';
}
