// columnDefinitionPayloads: a result set's ColumnDefinition41 payloads, encoded once per column list and collation.
import { encodePayload, writeColumnDefinition41 } from '../protocol/index.js';
import type { ResultColumn } from '../sql/index.js';
import { columnDefinition } from './column-definition.js';

interface EncodedColumns {
  readonly collationId: number;
  readonly payloads: readonly Buffer[];
}

/**
 * Encoded definitions by column list. A plan keeps its column list for as long as it is reused (a prepared or
 * cached statement), and a schema change makes a new plan with a new list, so the list's identity is the key;
 * lists nobody holds any more drop out with their plans.
 */
const encoded = new WeakMap<readonly ResultColumn[], EncodedColumns>();

/** The ColumnDefinition41 payloads of `columns` for results in `collationId` (re-encoded when it changes). */
export function columnDefinitionPayloads(columns: readonly ResultColumn[], collationId: number): readonly Buffer[] {
  const cached = encoded.get(columns);
  if (cached?.collationId === collationId) return cached.payloads;
  const payloads = columns.map((column) => encodePayload((writer) => writeColumnDefinition41(writer, columnDefinition(column, collationId))));
  encoded.set(columns, { collationId, payloads });
  return payloads;
}
