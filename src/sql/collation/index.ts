// The collation module's public surface: the registry of charsets and collations, and their collators.
export * from './collation-registry.js';
export type { Collator } from './collator.js';
export { collatorFor } from './collator-for.js';
