// The temporary tables module's public surface.
export { TemporaryTables } from './temporary-tables.js';
export { SessionCatalog } from './session-catalog.js';
export { isTemporaryTableKey } from './temporary-table-engine.js';
