// The catalog module's public surface.
export * from './schema-model.js';
export type { Catalog, CreateTableOptions, TableBuilder } from './catalog.js';
export { StoredCatalog } from './stored-catalog.js';
export type { AutoIncrementAllocator } from './auto-increment-allocator.js';
export { StoredAutoIncrementAllocator } from './stored-auto-increment-allocator.js';
