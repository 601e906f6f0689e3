// Capability flags exchanged in HandshakeV10 and HandshakeResponse41, named after MySQL's CLIENT_* macros.
// https://dev.mysql.com/doc/dev/mysql-server/latest/group__group__cs__capabilities__flags.html

/**
 * MySQL's CLIENT_* capability bits as plain unsigned 32-bit numbers. Combine with `|` and normalise with `>>> 0`
 * (bit 31 makes a JavaScript bitwise result negative); test with {@link hasCapability}.
 */
export const CapabilityFlags = {
  CLIENT_LONG_PASSWORD: 0x00000001,
  CLIENT_FOUND_ROWS: 0x00000002,
  CLIENT_LONG_FLAG: 0x00000004,
  CLIENT_CONNECT_WITH_DB: 0x00000008,
  CLIENT_NO_SCHEMA: 0x00000010,
  CLIENT_COMPRESS: 0x00000020,
  CLIENT_ODBC: 0x00000040,
  CLIENT_LOCAL_FILES: 0x00000080,
  CLIENT_IGNORE_SPACE: 0x00000100,
  CLIENT_PROTOCOL_41: 0x00000200,
  CLIENT_INTERACTIVE: 0x00000400,
  CLIENT_SSL: 0x00000800,
  CLIENT_IGNORE_SIGPIPE: 0x00001000,
  CLIENT_TRANSACTIONS: 0x00002000,
  CLIENT_RESERVED: 0x00004000,
  /** Formerly CLIENT_RESERVED2: the auth response is length-prefixed by one byte. */
  CLIENT_SECURE_CONNECTION: 0x00008000,
  CLIENT_MULTI_STATEMENTS: 0x00010000,
  CLIENT_MULTI_RESULTS: 0x00020000,
  CLIENT_PS_MULTI_RESULTS: 0x00040000,
  CLIENT_PLUGIN_AUTH: 0x00080000,
  CLIENT_CONNECT_ATTRS: 0x00100000,
  CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA: 0x00200000,
  CLIENT_CAN_HANDLE_EXPIRED_PASSWORDS: 0x00400000,
  CLIENT_SESSION_TRACK: 0x00800000,
  CLIENT_DEPRECATE_EOF: 0x01000000,
  CLIENT_OPTIONAL_RESULTSET_METADATA: 0x02000000,
  CLIENT_ZSTD_COMPRESSION_ALGORITHM: 0x04000000,
  CLIENT_QUERY_ATTRIBUTES: 0x08000000,
  CLIENT_MULTI_FACTOR_AUTHENTICATION: 0x10000000,
  CLIENT_CAPABILITY_EXTENSION: 0x20000000,
  CLIENT_SSL_VERIFY_SERVER_CERT: 0x40000000,
  CLIENT_REMEMBER_OPTIONS: 0x80000000,
} as const;
export type CapabilityFlag = (typeof CapabilityFlags)[keyof typeof CapabilityFlags];

/** True when every bit of `flag` is set in `capabilities`. */
export function hasCapability(capabilities: number, flag: number): boolean {
  return (capabilities & flag) >>> 0 === flag >>> 0;
}

/** Combines capability bits into one unsigned 32-bit number. */
export function capabilities(...flags: readonly number[]): number {
  let result = 0;
  for (const flag of flags) result |= flag;
  return result >>> 0;
}
