// The catalog module's public surface.
export * from './schema-model.js';
export { Catalog } from './catalog.js';
export { AutoIncrementAllocator } from './auto-increment-allocator.js';
export { SequenceAllocator, sequenceBounds } from './sequence-allocator.js';
export type { SequenceBounds, SequenceRef } from './sequence-allocator.js';
export { findSequence } from './find-sequence.js';
