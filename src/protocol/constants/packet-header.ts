// The first payload byte that tells server response packets apart (OK, EOF, ERR, AuthMoreData, …).
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_response_packets.html

/** Header bytes of the generic response packets. */
export const PacketHeader = {
  OK: 0x00,
  AUTH_MORE_DATA: 0x01,
  LOCAL_INFILE: 0xfb,
  /** EOF_Packet, the DEPRECATE_EOF OK that ends a result set, and AuthSwitchRequest. */
  EOF: 0xfe,
  ERR: 0xff,
} as const;

/** Limits fixed by the wire format. */
export const ProtocolLimits = {
  /** The largest payload one physical packet carries; a payload this long continues in the next packet. */
  MAX_PACKET_PAYLOAD: 0xffffff,
  /** Bytes of the packet header: 3-byte payload length + 1-byte sequence id. */
  HEADER_SIZE: 4,
  /** The length of the nonce (scramble) sent in HandshakeV10. */
  SCRAMBLE_LENGTH: 20,
  /** The protocol version byte of HandshakeV10. */
  PROTOCOL_VERSION: 10,
} as const;

/** Prefix bytes of length-encoded integers and strings. */
export const LenencPrefix = {
  /** The largest value stored in the single prefix byte itself. */
  MAX_ONE_BYTE: 0xfa,
  /** NULL in a text resultset row. */
  NULL: 0xfb,
  INT2: 0xfc,
  INT3: 0xfd,
  INT8: 0xfe,
  /** Not a valid length prefix (it begins an ERR packet). */
  INVALID: 0xff,
} as const;
