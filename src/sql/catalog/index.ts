// The catalog module's public surface.
export * from './schema-model.js';
export { Catalog } from './catalog.js';
export { AutoIncrementAllocator } from './auto-increment-allocator.js';
