// The protocol constants' public surface.
export { CapabilityFlags, hasCapability, capabilities } from './capability-flags.js';
export type { CapabilityFlag } from './capability-flags.js';
export { ServerStatus } from './server-status.js';
export type { ServerStatusFlag } from './server-status.js';
export { CommandCode, commandName } from './command-code.js';
export { ColumnType } from './column-type.js';
export { ColumnFlags } from './column-flags.js';
export type { ColumnFlag } from './column-flags.js';
export { Collation, collationName, collationId, collationCharset, collationEncoding } from './collation.js';
export type { CollationId, CollationName } from './collation.js';
export { PacketHeader, ProtocolLimits, LenencPrefix } from './packet-header.js';
