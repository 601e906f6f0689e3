// The catalog module's public surface.
export * from './schema-model.js';
export type { TableStats, ValueStats } from './table-stats.js';
export { columnStats, indexCardinality, indexStats } from './table-stats.js';
export type { Catalog, CreateTableOptions, TableBuilder, TableChange } from './catalog.js';
export { StoredCatalog } from './stored-catalog.js';
export type { AutoIncrementAllocator } from './auto-increment-allocator.js';
export { StoredAutoIncrementAllocator } from './stored-auto-increment-allocator.js';
export { SequenceAllocator, sequenceBounds } from './sequence-allocator.js';
export type { SequenceBounds, SequenceRef } from './sequence-allocator.js';
export { findSequence } from './find-sequence.js';
