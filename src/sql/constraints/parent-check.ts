// ParentCheck: one foreign key of a table being written: the parent row its values name must exist (1452).
import { mysqlError, ER_NO_REFERENCED_ROW_2 } from '../../errors/index.js';
import type { Catalog, ForeignKeyInfo, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { KvTransaction } from '../../storage/kv.js';
import { TableRows } from '../table/table-rows.js';
import { sessionTimeZone } from '../timezone/session-time-zone.js';
import type { RowLocker } from '../table/row-locker.js';
import { compareValues } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { foreignKeyErrorDetail } from './foreign-key-text.js';
import { columnOffsetsOf, keyAccess } from './key-columns.js';
import type { KeyAccess } from './key-columns.js';

interface Parent {
  readonly rows: TableRows;
  readonly access: KeyAccess;
}

/**
 * A foreign key seen from its child table. A row passes when one of its key columns is NULL (MATCH SIMPLE, InnoDB's
 * only behaviour) or a parent row has the key; the parent row found is locked in share mode, as InnoDB does, so that
 * it cannot be deleted before the child commits (a parent deleted meanwhile makes the statement read again).
 */
export class ParentCheck {
  private constructor(
    readonly fk: ForeignKeyInfo,
    private readonly offsets: readonly number[],
    private readonly parent: Parent | undefined,
    private readonly detail: string,
    private readonly session: ExecutionContext,
  ) {}

  /** `locker` locks the parent rows found (absent for DDL, which checks existing rows in its own transaction). */
  static create(fk: ForeignKeyInfo, child: TableInfo, childDatabase: string, catalog: Catalog, txn: KvTransaction, session: ExecutionContext, locker: RowLocker | undefined): ParentCheck {
    const offsets = columnOffsetsOf(child, fk.columns) ?? [];
    const table = catalog.findTable(fk.refDatabase, fk.refTable);
    const parentOffsets = table ? columnOffsetsOf(table, fk.refColumns) : undefined;
    // A parent created (or changed) while foreign_key_checks was 0 may lack the table, columns or index the key
    // needs: then no parent row can be found, and the child row is refused as InnoDB refuses it.
    const access = table && parentOffsets ? keyAccess(table, parentOffsets) : undefined;
    const parent = table && access ? { rows: new TableRows(txn, table, locker, locker ? sessionTimeZone(session) : undefined), access } : undefined;
    return new ParentCheck(fk, offsets, parent, foreignKeyErrorDetail(fk, childDatabase, child.name), session);
  }

  /** True when the key's values differ between two versions of a row (compared byte for byte, as InnoDB does). */
  isChanged(before: Row, after: Row): boolean {
    return keyChanged(this.offsets, before, after, this.session);
  }

  /** Throws 1452 unless `row`'s key is NULL or names an existing parent row. */
  async verify(row: Row): Promise<void> {
    const values = this.offsets.map((offset) => row[offset] ?? null);
    if (values.some((value) => value === null)) return;
    const handle = this.parent ? await findParent(this.parent, values) : undefined;
    if (handle === undefined) throw mysqlError(ER_NO_REFERENCED_ROW_2, this.detail);
    await this.parent!.rows.lockHandles([handle], 'shared');
  }
}

async function findParent(parent: Parent, values: readonly SqlValue[]): Promise<bigint | undefined> {
  if (parent.access.kind === 'handle') {
    const value = values[0];
    const handle = typeof value === 'bigint' ? value : typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : undefined;
    return handle !== undefined && (await parent.rows.get(handle)) ? handle : undefined;
  }
  const [handle] = await parent.rows.handlesWithPrefix(parent.access.index, values, 1);
  return handle;
}

/** True when the values at `offsets` differ (NULL differs from any value; others compared byte for byte). */
export function keyChanged(offsets: readonly number[], before: Row, after: Row, session: ExecutionContext): boolean {
  return offsets.some((offset) => {
    const a = before[offset] ?? null;
    const b = after[offset] ?? null;
    if (a === null || b === null) return a !== b;
    return compareValues(a, b, 'binary', session.warnings) !== 0;
  });
}
