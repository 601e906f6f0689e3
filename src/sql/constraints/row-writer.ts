// RowWriter: the one door through which statements write a table's rows, with its generated columns, CHECK
// constraints and foreign keys applied; a table that has none of them is written straight through.
import { MySqlError, ER_CHECK_CONSTRAINT_VIOLATED, ER_NO_REFERENCED_ROW_2, ER_ROW_IS_REFERENCED_2 } from '../../errors/index.js';
import type { Catalog, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { KvTransaction } from '../../storage/kv.js';
import { TableRows } from '../table/table-rows.js';
import { sessionTimeZone } from '../timezone/session-time-zone.js';
import type { Row, SqlValue } from '../types/index.js';
import { CheckConstraints } from './check-constraints.js';
import { GeneratedColumns } from './generated-columns.js';
import { columnOffsetsOf } from './key-columns.js';
import { ParentCheck } from './parent-check.js';
import { ReferentialAction } from './referential-action.js';
import { referencingKeys } from './referencing-keys.js';

/**
 * Where a write stands in a chain of cascades: how many levels below the statement's own row, and which tables the
 * enclosing (cascading) updates are changing.
 */
export interface CascadeFrame {
  readonly depth: number;
  readonly updatingTables: ReadonlySet<number>;
}

const STATEMENT_ROW: CascadeFrame = { depth: 0, updatingTables: new Set() };

/** What every write of one statement shares. */
export interface WriteContext {
  readonly catalog: Catalog;
  readonly session: ExecutionContext;
  readonly txn: KvTransaction;
  /** STRICT_*_TABLES in force and no IGNORE: bad generated values are errors. */
  readonly isStrict: boolean;
  /** INSERT/UPDATE/DELETE IGNORE: a row that violates a CHECK or FOREIGN KEY constraint is skipped with a warning. */
  readonly isIgnore: boolean;
}

/** The writers of one statement, one per table, made when first needed (cascades reach tables the statement names not). */
export class TableWriters {
  private readonly writers = new Map<number, RowWriter>();

  constructor(readonly context: WriteContext) {}

  /** The writer of `table` (of database `databaseName`). */
  writer(table: TableInfo, databaseName: string): RowWriter {
    let writer = this.writers.get(table.id);
    if (!writer) {
      writer = new RowWriter(table, databaseName, this);
      this.writers.set(table.id, writer);
    }
    return writer;
  }
}

/** What a table definition has that writes must handle, worked out once per definition (definitions never change). */
interface TableShape {
  readonly hasGenerated: boolean;
  readonly hasEnforcedChecks: boolean;
  readonly hasForeignKeys: boolean;
}

const shapes = new WeakMap<TableInfo, TableShape>();
const NO_ACTIONS: readonly ReferentialAction[] = [];

function shapeOf(table: TableInfo): TableShape {
  let shape = shapes.get(table);
  if (!shape) {
    shape = {
      hasGenerated: table.columns.some((column) => column.generated !== undefined),
      hasEnforcedChecks: (table.checks ?? []).some((check) => check.isEnforced),
      hasForeignKeys: (table.foreignKeys ?? []).length > 0,
    };
    shapes.set(table, shape);
  }
  return shape;
}

/** Errors IGNORE turns into warnings, skipping the row. */
const IGNORABLE: ReadonlySet<number> = new Set([ER_CHECK_CONSTRAINT_VIOLATED.code, ER_NO_REFERENCED_ROW_2.code, ER_ROW_IS_REFERENCED_2.code]);

/**
 * Writes one table's rows for one statement. Generated columns are computed and CHECK constraints tested before a
 * row is written (`prepare`, which INSERT calls before looking for duplicates, as MySQL does); a written row's
 * foreign keys are checked after it is in place (so a row may reference itself), and a deleted or re-keyed parent
 * row's children are acted on. With foreign_key_checks = 0 foreign keys are neither checked nor acted on. A write
 * that IGNORE skips is undone and reported as a warning; the methods then return false.
 */
export class RowWriter {
  readonly rows: TableRows;
  private readonly generated: GeneratedColumns | undefined;
  private readonly checks: CheckConstraints | undefined;
  private readonly parents: readonly ParentCheck[];
  private readonly actions: readonly ReferentialAction[];
  /** Nothing to do beyond writing the row: the hot path for tables without constraints. */
  private readonly isPlain: boolean;

  constructor(
    readonly table: TableInfo,
    readonly databaseName: string,
    private readonly writers: TableWriters,
  ) {
    const { catalog, session, txn } = writers.context;
    this.rows = new TableRows(txn, table, session, sessionTimeZone(session));
    const shape = shapeOf(table);
    this.generated = shape.hasGenerated ? GeneratedColumns.compile(table, databaseName, session) : undefined;
    this.checks = shape.hasEnforcedChecks ? CheckConstraints.compile(table, databaseName, session) : undefined;
    const isChecking = session.isForeignKeyChecks ?? true;
    this.parents = isChecking && shape.hasForeignKeys ? table.foreignKeys!.map((fk) => ParentCheck.create(fk, table, databaseName, catalog, txn, session, session)) : [];
    this.actions = isChecking ? this.referentialActions() : [];
    this.isPlain = !this.generated && !this.checks && this.parents.length === 0 && this.actions.length === 0;
  }

  private referentialActions(): readonly ReferentialAction[] {
    const { catalog, session } = this.writers.context;
    const keys = referencingKeys(catalog, this.databaseName, this.table.name);
    if (keys.length === 0) return NO_ACTIONS;
    const actions: ReferentialAction[] = [];
    for (const key of keys) {
      const offsets = columnOffsetsOf(this.table, key.fk.refColumns);
      const action = offsets && ReferentialAction.create(key, offsets, () => this.writers.writer(key.child, key.childDatabase), session);
      if (action) actions.push(action);
    }
    return actions;
  }

  /** True when the table has generated columns (INSERT must not be given values for them: 3105). */
  get hasGenerated(): boolean {
    return this.generated !== undefined;
  }

  /**
   * Computes `row`'s generated columns and tests its CHECK constraints (3819), before the row is looked up or
   * written. False when IGNORE skips the row.
   */
  prepare(row: SqlValue[], rowNumber: number): boolean {
    if (this.isPlain) return true;
    this.generated?.fill(row, rowNumber, this.writers.context.isStrict);
    return this.ignoring(() => this.checks?.verify(row)) !== false;
  }

  /**
   * Inserts a new row (already prepared); 1062 on a duplicate key, 1452 when a parent row is missing. Resolves false
   * when IGNORE skipped the row (a table without foreign keys resolves straight from the row store: no extra step).
   */
  insert(handle: bigint, row: Row): Promise<boolean | void> {
    if (this.parents.length === 0) return this.rows.insert(handle, row);
    return this.insertChecked(handle, row);
  }

  private async insertChecked(handle: bigint, row: Row): Promise<boolean> {
    await this.rows.insert(handle, row);
    const checked = await this.ignoringAsync(async () => {
      for (const parent of this.parents) await parent.verify(row);
    });
    if (checked) return true;
    await this.rows.delete(handle, row);
    return false;
  }

  /**
   * Replaces the row under `handle`, `before`, with `after` (generated columns recomputed, CHECK constraints tested,
   * changed foreign keys checked, children of a changed parent key acted on). Resolves false when IGNORE skipped it.
   */
  update(handle: bigint, before: Row, newHandle: bigint, after: SqlValue[], frame: CascadeFrame = STATEMENT_ROW, rowNumber = 1): Promise<boolean | void> {
    if (this.isPlain) return this.rows.update(handle, before, newHandle, after);
    return this.updateChecked(handle, before, newHandle, after, frame, rowNumber);
  }

  private async updateChecked(handle: bigint, before: Row, newHandle: bigint, after: SqlValue[], frame: CascadeFrame, rowNumber: number): Promise<boolean> {
    const current = this.actions.length > 0 ? await this.current(handle) : before;
    if (!current) return false;
    if (!this.prepare(after, rowNumber)) return false;
    await this.rows.update(handle, current, newHandle, after);
    const done = await this.ignoringAsync(async () => {
      for (const parent of this.parents) if (parent.isChanged(current, after)) await parent.verify(after);
      if (this.actions.length === 0) return;
      const updating = new Set(frame.updatingTables).add(this.table.id);
      for (const action of this.actions) await action.onUpdate(current, after, { depth: frame.depth, updatingTables: updating });
    });
    if (done) return true;
    await this.rows.update(newHandle, after, handle, [...current]);
    return false;
  }

  /**
   * Deletes the row under `handle` and acts on its children. Resolves false when the row is already gone (a cascade
   * of this statement deleted it) or IGNORE skipped it.
   */
  delete(handle: bigint, row: Row, frame: CascadeFrame = STATEMENT_ROW): Promise<boolean | void> {
    if (this.actions.length === 0) return this.rows.delete(handle, row);
    return this.deleteChecked(handle, row, frame);
  }

  private async deleteChecked(handle: bigint, row: Row, frame: CascadeFrame): Promise<boolean> {
    const current = await this.current(handle);
    if (!current) return false;
    await this.rows.delete(handle, current);
    const done = await this.ignoringAsync(async () => {
      for (const action of this.actions) await action.onDelete(current, frame);
    });
    if (done) return true;
    await this.rows.insert(handle, current);
    return false;
  }

  /**
   * The row as it is now: a cascade earlier in the statement may have changed or deleted a row the statement read
   * before it started writing (self-referencing tables).
   */
  private current(handle: bigint): Promise<Row | undefined> {
    return this.rows.get(handle);
  }

  private ignoring(check: () => void): boolean {
    try {
      check();
      return true;
    } catch (error) {
      return this.skip(error);
    }
  }

  private async ignoringAsync(check: () => Promise<void>): Promise<boolean> {
    try {
      await check();
      return true;
    } catch (error) {
      return this.skip(error);
    }
  }

  /** Under IGNORE, records an ignorable error as a warning (false: skip the row); rethrows anything else. */
  private skip(error: unknown): false {
    if (!this.writers.context.isIgnore || !(error instanceof MySqlError) || !IGNORABLE.has(error.code)) throw error;
    this.writers.context.session.warnings.warn(error);
    return false;
  }
}
